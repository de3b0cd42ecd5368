// The summary written out: data (JSON, CSV) and the document the engine renders.
#include "report/summary.h"

namespace vanban::report {

namespace {

using nlohmann::json;

// Integer figures as JSON integers (exact up to 2^63); decimals as their digits.
json figure(const std::optional<Amount>& a, bool decimal) {
    if (!a) return nullptr;
    if (decimal) return a->to_string();
    return std::stoll(a->to_string());
}

// "2010-01-25" → "25/01/2010", the way a Vietnamese document writes a date.
std::string vn_date(const std::string& iso) {
    if (iso.size() != 10) return iso;
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string column_title(const Indicator& ind) { return ind.label + " (" + ind.unit + ")"; }

json unit_json(const Unit& u) { return {{"code", u.code}, {"name", u.name}}; }

}  // namespace

json summary_json(const Form& form, const Summary& s) {
    json out;
    out["form"] = form.id;
    out["title"] = form.title;
    out["deadline"] = form.deadline;
    out["expected"] = s.expected;
    out["received"] = s.rows.size();
    json inds = json::array();
    for (std::size_t i = 0; i < form.indicators.size(); ++i) {
        const Indicator& ind = form.indicators[i];
        inds.push_back({{"code", ind.code}, {"label", ind.label}, {"unit", ind.unit},
                        {"type", ind.decimal ? "decimal" : "integer"},
                        {"total", figure(s.totals[i], ind.decimal)}, {"reported_by", s.reported_by[i]}});
    }
    out["indicators"] = std::move(inds);
    json units = json::array();
    for (const SummaryRow& r : s.rows) {
        json values = json::object();
        for (std::size_t i = 0; i < form.indicators.size(); ++i) {
            values[form.indicators[i].code] = figure(r.values[i], form.indicators[i].decimal);
        }
        json u = unit_json(r.unit);
        u["files"] = r.files;
        u["merged_from"] = r.former_names;
        u["values"] = std::move(values);
        units.push_back(std::move(u));
    }
    out["units"] = std::move(units);
    out["missing"] = json::array();
    for (const Unit& u : s.missing) out["missing"].push_back(unit_json(u));
    out["late"] = json::array();
    for (const LateReport& l : s.late) {
        json j = unit_json(l.unit);
        j["date"] = l.date;
        j["file"] = l.file;
        out["late"].push_back(std::move(j));
    }
    out["merged"] = json::array();
    for (const MergedReport& m : s.merged) {
        out["merged"].push_back({{"former", {{"code", m.former_code}, {"name", m.former_name}}},
                                 {"into", unit_json(m.into)}, {"file", m.file}});
    }
    out["rejected"] = json::array();
    for (const Rejected& r : s.rejected) out["rejected"].push_back({{"file", r.file}, {"error", r.error}});
    return out;
}

std::string summary_csv(const Form& form, const Summary& s) {
    std::string out = "\xEF\xBB\xBF";  // UTF-8 BOM: spreadsheet programs guess Latin-1 without it
    out += "STT,Mã đơn vị,Đơn vị";
    for (const Indicator& ind : form.indicators) out += "," + csv_field(column_title(ind));
    out += "\r\n";
    std::size_t stt = 0;
    for (const SummaryRow& r : s.rows) {
        out += std::to_string(++stt) + "," + csv_field(r.unit.code) + "," + csv_field(r.unit.name);
        for (const auto& v : r.values) out += "," + (v ? v->to_string() : std::string());
        out += "\r\n";
    }
    out += ",,Tổng cộng";
    for (const Amount& t : s.totals) out += "," + t.to_string();
    out += "\r\n";
    return out;
}

json summary_document(const Form& form, const Summary& s) {
    json doc = form.summary;
    if (!doc.contains("template")) doc["template"] = "bao-cao-tong-hop";
    if (!doc.contains("body")) doc["body"] = json::array();

    json data;
    data["form_title"] = form.title;
    data["deadline"] = vn_date(form.deadline);
    data["expected"] = std::to_string(s.expected);
    data["received"] = std::to_string(s.rows.size());

    auto names = [](const auto& items, auto fn) {
        json a = json::array();
        for (const auto& it : items) a.push_back(fn(it));
        return a;
    };
    data["missing"] = names(s.missing, [](const Unit& u) { return json{{"name", u.name}}; });
    data["late"] = names(s.late, [](const LateReport& l) { return json{{"name", l.unit.name}, {"date", vn_date(l.date)}}; });
    data["merged"] = names(s.merged, [](const MergedReport& m) { return json{{"former", m.former_name}, {"into", m.into.name}}; });
    data["rejected"] = names(s.rejected, [](const Rejected& r) { return json{{"file", r.file}}; });
    for (const char* k : {"missing", "late", "merged", "rejected"}) data[std::string("has_") + k] = !data[k].empty();

    json totals = json::array();
    for (std::size_t i = 0; i < form.indicators.size(); ++i) {
        const Indicator& ind = form.indicators[i];
        totals.push_back({{"stt", std::to_string(i + 1)}, {"label", ind.label}, {"unit", ind.unit},
                          {"total", s.totals[i].to_string()}, {"reported_by", std::to_string(s.reported_by[i])}});
    }
    data["totals"] = std::move(totals);

    // The per-unit table: STT, unit, one column per indicator, "Tổng cộng".
    json columns = json::array({{{"title", "STT"}, {"width", "0.45"}, {"align", "center"}},
                                {{"title", "Đơn vị"}, {"width", "1.6"}, {"align", "left"}}});
    for (const Indicator& ind : form.indicators) {
        columns.push_back({{"title", column_title(ind)}, {"width", "1"}, {"align", "right"}});
    }
    auto cell = [](std::string text, bool number) { return json{{"text", std::move(text)}, {"number", number}}; };
    json rows = json::array();
    std::size_t stt = 0;
    for (const SummaryRow& r : s.rows) {
        std::string name = r.unit.name;
        if (!r.former_names.empty()) {
            name += " (";
            for (std::size_t k = 0; k < r.former_names.size(); ++k) name += (k ? ", " : "") + r.former_names[k];
            name += " cũ)";
        }
        json cells = json::array({cell(std::to_string(++stt), false), cell(name, false)});
        for (const auto& v : r.values) cells.push_back(v ? cell(v->to_string(), true) : cell("–", false));
        rows.push_back({{"cells", std::move(cells)}});
    }
    json total_cells = json::array({cell("", false), cell("Tổng cộng", false)});
    for (const Amount& t : s.totals) total_cells.push_back(cell(t.to_string(), true));
    rows.push_back({{"cells", std::move(total_cells)}});
    data["table"] = {{"columns", std::move(columns)}, {"rows", std::move(rows)}};

    doc["data"] = std::move(data);
    return doc;
}

}  // namespace vanban::report
