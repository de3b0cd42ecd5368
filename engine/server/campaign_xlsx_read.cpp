// The filled biểu mẫu (campaign_xlsx.cpp) read back into a unit report: libzip opens
// the package, pugixml reads the workbook, its relationships, the shared strings and
// the sheet "Biểu mẫu". Every value is the cell's text as stored, so "1520.75" stays
// those digits; errors name the cell: `Biểu mẫu!C7: "12a" is not a whole number`.
#include "server/campaign_api.h"

#include "core/diagnostic.h"
#include "report/amount.h"
#include "text/text.h"

#include <pugixml.hpp>
#include <zip.h>

#include <cstdio>
#include <ctime>
#include <map>
#include <memory>

namespace vanban::server {

namespace {

using nlohmann::json;

constexpr const char* kSheet = "Biểu mẫu";
constexpr const char* kFile = "biểu mẫu (XLSX)";
constexpr zip_uint64_t kMaxPart = 16 * 1024 * 1024;  // a form's part is kilobytes; refuse zip bombs

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};

class Package {
public:
    explicit Package(std::string_view bytes) {
        zip_error_t err;
        zip_error_init(&err);
        zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
        if (!src) fail_at_pointer(kFile, "", "cannot read the workbook");
        zip_ = std::unique_ptr<zip_t, ZipCloser>(zip_open_from_source(src, ZIP_RDONLY, &err));
        if (!zip_) {
            zip_source_free(src);
            fail_at_pointer(kFile, "", "not an Excel workbook (.xlsx): the file is not a readable zip package");
        }
    }
    std::optional<std::string> part(const std::string& name) const {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat(zip_.get(), name.c_str(), 0, &st) != 0) return std::nullopt;
        if (!(st.valid & ZIP_STAT_SIZE) || st.size > kMaxPart) fail_at_pointer(kFile, "", name + " is too large");
        zip_file_t* f = zip_fopen(zip_.get(), name.c_str(), 0);
        if (!f) fail_at_pointer(kFile, "", "cannot read " + name + " in the workbook");
        std::string out(st.size, '\0');
        const zip_int64_t n = zip_fread(f, out.data(), st.size);
        zip_fclose(f);
        if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) fail_at_pointer(kFile, "", "cannot read " + name);
        return out;
    }
    pugi::xml_document xml(const std::string& name) const {
        const auto bytes = part(name);
        if (!bytes) fail_at_pointer(kFile, "", "the workbook has no " + name);
        pugi::xml_document doc;
        if (!doc.load_buffer(bytes->data(), bytes->size())) fail_at_pointer(kFile, "", name + " is not valid XML");
        return doc;
    }

private:
    std::unique_ptr<zip_t, ZipCloser> zip_;
};

// All the text of an <si> or <is>: plain <t> or rich-text runs, without phonetic hints.
std::string string_item(const pugi::xml_node& n) {
    std::string out;
    for (const auto& child : n.children()) {
        if (std::string_view(child.name()) == "t") out += child.text().get();
        else if (std::string_view(child.name()) == "r") out += child.child("t").text().get();
    }
    return out;
}

struct Cell {
    std::string ref;   // "C7"
    std::string text;  // as stored
    bool number = false;
};

// The sheet's cells by row (1-based) and column letter.
std::map<int, std::map<std::string, Cell>> read_sheet(const Package& pkg) {
    const auto wb = pkg.xml("xl/workbook.xml");
    std::string rid;
    for (const auto& s : wb.child("workbook").child("sheets").children("sheet")) {
        if (std::string_view(s.attribute("name").value()) == kSheet) rid = s.attribute("r:id").value();
    }
    if (rid.empty()) fail_at_pointer(kFile, "", std::string("the workbook has no sheet \"") + kSheet + "\" (download the form again)");
    std::string target;
    const auto rels = pkg.xml("xl/_rels/workbook.xml.rels");
    for (const auto& r : rels.child("Relationships").children("Relationship")) {
        if (rid == r.attribute("Id").value()) target = r.attribute("Target").value();
    }
    if (target.empty()) fail_at_pointer(kFile, "", "the workbook's sheet has no part");
    target = target[0] == '/' ? target.substr(1) : "xl/" + target;

    std::vector<std::string> shared;
    if (pkg.part("xl/sharedStrings.xml")) {
        const auto ss = pkg.xml("xl/sharedStrings.xml");
        for (const auto& si : ss.child("sst").children("si")) shared.push_back(string_item(si));
    }
    std::map<int, std::map<std::string, Cell>> cells;
    const auto sheet = pkg.xml(target);
    for (const auto& row : sheet.child("worksheet").child("sheetData").children("row")) {
        for (const auto& c : row.children("c")) {
            Cell cell;
            cell.ref = c.attribute("r").value();
            const std::string type = c.attribute("t").value();
            const std::string v = c.child("v").text().get();
            if (type == "s") {
                const auto i = static_cast<std::size_t>(std::strtoul(v.c_str(), nullptr, 10));
                if (i >= shared.size()) fail_at_pointer(kFile, "", "cell " + cell.ref + " names a missing shared string");
                cell.text = shared[i];
            } else if (type == "inlineStr") {
                cell.text = string_item(c.child("is"));
            } else if (type == "str" || type == "e") {
                cell.text = v;
            } else if (type == "b") {
                cell.text = v == "1" ? "TRUE" : "FALSE";
            } else {
                cell.text = v;
                cell.number = !v.empty();
            }
            std::size_t split = 0;
            while (split < cell.ref.size() && std::isalpha(static_cast<unsigned char>(cell.ref[split]))) ++split;
            const int r = std::atoi(cell.ref.c_str() + split);
            if (split == 0 || r <= 0) continue;  // no reference: openpyxl and Excel always write one
            cells[r][cell.ref.substr(0, split)] = std::move(cell);
        }
    }
    return cells;
}

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

[[noreturn]] void cell_error(const std::string& ref, const std::string& message) {
    fail_at_pointer(std::string(kSheet) + "!" + ref, "", message);
}

// An Excel date serial (1900 system) as YYYY-MM-DD.
std::string serial_date(const std::string& text, const std::string& ref) {
    const auto a = report::Amount::parse(text);
    if (!a || a->scale() != 0 || a->negative()) cell_error(ref, "\"" + text + "\" is not a date YYYY-MM-DD");
    const long days = std::stol(text);
    std::time_t t = static_cast<std::time_t>(days - 25569) * 86400;  // 1970-01-01 is serial 25569
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return buf;
}

json figure(const Cell& c, const report::Indicator& ind) {
    const std::string t = trim(c.text);
    if (t.empty() || t == "-" || t == "–") return nullptr;  // không có số liệu
    const auto a = report::Amount::parse(t);
    if (!ind.decimal) {
        if (!a || a->scale() != 0 || a->negative()) cell_error(c.ref, "\"" + t + "\" is not a whole number");
        return json::parse(a->to_string());
    }
    if (!a) cell_error(c.ref, "\"" + t + "\" is not a decimal number (digits, '.' before the fraction, at most 9 fraction digits)");
    return t;  // the digits as written: parse_exact reads them exactly
}

}  // namespace

std::string xlsx_report(std::string_view xlsx, const report::Form& form, const report::Unit& unit, const json& base) {
    const Package pkg(xlsx);
    const auto cells = read_sheet(pkg);
    json doc = base;
    json indicators = json::object();
    std::vector<std::vector<std::string>> sections(form.sections.size());
    bool any_section = false, unit_seen = false;
    for (const auto& [row, cols] : cells) {
        const auto key_cell = cols.find("E");
        if (key_cell == cols.end()) continue;
        const std::string key = key_cell->second.text;
        const auto v = cols.find("C");
        const Cell value = v == cols.end() ? Cell{"C" + std::to_string(row), "", false} : v->second;
        if (key == "unit") {
            if (trim(value.text) != unit.code) {
                cell_error(value.ref, "this form is for unit \"" + trim(value.text) + "\", not \"" + unit.code + "\" (" + unit.name + ")");
            }
            unit_seen = true;
        } else if (key.rfind("indicator:", 0) == 0) {
            const std::string code = key.substr(10);
            const report::Indicator* ind = nullptr;
            for (const auto& i : form.indicators) ind = i.code == code ? &i : ind;
            if (!ind) cell_error(key_cell->second.ref, "unknown indicator '" + code + "' (download the form again)");
            indicators[code] = figure(value, *ind);
        } else if (key.rfind("field:", 0) == 0) {
            const std::string f = key.substr(6);
            std::string t = trim(value.text);
            if (f == "date" && value.number) t = serial_date(t, value.ref);
            if (t.empty()) continue;
            if (f == "number") {
                const auto a = report::Amount::parse(t);
                if (!a || a->scale() != 0 || a->negative()) cell_error(value.ref, "\"" + t + "\" is not a whole number");
                doc["number"] = json::parse(a->to_string());
            } else if (f == "date" || f == "place") {
                doc[f] = t;
            } else {
                if (!doc.contains("signers") || !doc["signers"].is_array() || doc["signers"].empty()) {
                    doc["signers"] = json::array({json::object()});
                }
                doc["signers"][0][f.substr(7)] = t;
            }
        } else if (key.rfind("section:", 0) == 0) {
            const std::size_t i = std::stoul(key.substr(8));
            if (i >= sections.size()) continue;
            std::string t = value.text;
            for (std::size_t at = 0; at <= t.size();) {
                const auto nl = std::min(t.find('\n', at), t.size());
                const std::string para = trim(t.substr(at, nl - at));
                if (!para.empty()) sections[i].push_back(para);
                at = nl + 1;
            }
            any_section = any_section || !sections[i].empty();
        }
    }
    if (!unit_seen) fail_at_pointer(kFile, "", "this is not the campaign's form (no unit code in column E; download the form again)");
    for (const auto& ind : form.indicators) {
        if (!indicators.contains(ind.code)) {
            fail_at_pointer(kFile, "", "the form's row for '" + ind.label + "' is missing (download the form again)");
        }
    }
    // The narrative: the sections written in the workbook, else the previous version's.
    if (any_section) {
        json body = json::array();
        for (std::size_t i = 0; i < sections.size(); ++i) {
            body.push_back({{"heading", text::upper_vi(section_heading(form, i))}, {"level", 1}});
            if (sections[i].empty()) body.push_back("Không có nội dung.");
            for (const auto& p : sections[i]) body.push_back(p);
        }
        doc["body"] = std::move(body);
    }
    if (!doc.contains("data") || !doc["data"].is_object()) doc["data"] = json::object();
    doc["data"]["form"] = form.id;
    doc["data"]["indicators"] = std::move(indicators);
    return doc.dump(1);
}

}  // namespace vanban::server
