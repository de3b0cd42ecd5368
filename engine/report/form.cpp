#include "report/form.h"

#include "core/diagnostic.h"
#include "core/files.h"
#include "report/exact_json.h"

#include <set>

namespace vanban::report {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxFile = 4 * 1024 * 1024;

// Field access that reports the file and JSON Pointer of whatever is wrong.
struct Reader {
    const std::string& file;

    const json& object(const json& j, const std::string& ptr) const {
        if (!j.is_object()) fail_at_pointer(file, ptr, "must be an object");
        return j;
    }
    const json& array(const json& parent, const std::string& ptr, const char* key) const {
        const auto it = parent.find(key);
        if (it == parent.end()) fail_at_pointer(file, ptr + "/" + key, "missing required field");
        if (!it->is_array()) fail_at_pointer(file, ptr + "/" + key, "must be an array");
        return *it;
    }
    std::string text(const json& parent, const std::string& ptr, const char* key, bool required = true) const {
        const auto it = parent.find(key);
        if (it == parent.end()) {
            if (required) fail_at_pointer(file, ptr + "/" + key, "missing required field");
            return "";
        }
        if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
            fail_at_pointer(file, ptr + "/" + key, "must be a non-empty string");
        }
        return it->get<std::string>();
    }
    std::string date(const json& parent, const std::string& ptr, const char* key) const {
        std::string d = text(parent, ptr, key);
        if (!is_iso_date(d)) fail_at_pointer(file, ptr + "/" + key, "must be a date YYYY-MM-DD, not \"" + d + "\"");
        return d;
    }
};

}  // namespace

bool is_iso_date(std::string_view d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
        if (d[i] < '0' || d[i] > '9') return false;
    }
    const int month = (d[5] - '0') * 10 + (d[6] - '0');
    const int day = (d[8] - '0') * 10 + (d[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::optional<std::size_t> UnitList::find(std::string_view code) const {
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (units[i].code == code) return i;
    }
    return std::nullopt;
}

UnitList parse_units(std::string_view bytes, const std::string& file) {
    const json doc = parse_exact(bytes, file);
    const Reader r{file};
    r.object(doc, "");
    UnitList list;
    list.file = file;
    const json& units = r.array(doc, "", "units");
    std::set<std::string> codes;
    for (std::size_t i = 0; i < units.size(); ++i) {
        const std::string ptr = "/units/" + std::to_string(i);
        r.object(units[i], ptr);
        Unit u{r.text(units[i], ptr, "code"), r.text(units[i], ptr, "name"), r.text(units[i], ptr, "kind")};
        if (!codes.insert(u.code).second) fail_at_pointer(file, ptr + "/code", "duplicate unit code '" + u.code + "'");
        list.units.push_back(std::move(u));
    }
    // Former units: per unit, "merged_from" lists the old units it absorbed.
    for (std::size_t i = 0; i < units.size(); ++i) {
        const auto it = units[i].find("merged_from");
        if (it == units[i].end()) continue;
        const std::string ptr = "/units/" + std::to_string(i) + "/merged_from";
        if (!it->is_array()) fail_at_pointer(file, ptr, "must be an array");
        for (std::size_t k = 0; k < it->size(); ++k) {
            const std::string p = ptr + "/" + std::to_string(k);
            r.object((*it)[k], p);
            list.former.push_back({r.text((*it)[k], p, "code"), r.text((*it)[k], p, "name"), i});
        }
    }
    return list;
}

namespace {

// The form's fields; `units` is called with the unit list's name to read and parse it.
template <typename ReadUnits>
Form parse_form_fields(std::string_view bytes, const std::string& file, ReadUnits read_units) {
    const json doc = parse_exact(bytes, file);
    const Reader r{file};
    r.object(doc, "");
    Form f;
    f.file = file;
    f.id = r.text(doc, "", "id");
    f.title = r.text(doc, "", "title");
    if (doc.contains("period")) {
        const json& p = r.object(doc["period"], "/period");
        f.period_from = r.date(p, "/period", "from");
        f.period_to = r.date(p, "/period", "to");
    }
    f.deadline = r.date(doc, "", "deadline");
    const json& inds = r.array(doc, "", "indicators");
    if (inds.empty()) fail_at_pointer(file, "/indicators", "a form needs at least one indicator");
    std::set<std::string> codes;
    for (std::size_t i = 0; i < inds.size(); ++i) {
        const std::string ptr = "/indicators/" + std::to_string(i);
        r.object(inds[i], ptr);
        Indicator ind{r.text(inds[i], ptr, "code"), r.text(inds[i], ptr, "label"), r.text(inds[i], ptr, "unit"), false};
        const std::string type = r.text(inds[i], ptr, "type");
        if (type == "decimal") ind.decimal = true;
        else if (type != "integer") fail_at_pointer(file, ptr + "/type", "must be \"integer\" or \"decimal\", not \"" + type + "\"");
        if (!codes.insert(ind.code).second) fail_at_pointer(file, ptr + "/code", "duplicate indicator code '" + ind.code + "'");
        f.indicators.push_back(std::move(ind));
    }
    if (doc.contains("sections")) {
        const json& s = r.array(doc, "", "sections");
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (!s[i].is_string()) fail_at_pointer(file, "/sections/" + std::to_string(i), "must be a string");
            f.sections.push_back(s[i].get<std::string>());
        }
    }
    if (doc.contains("summary")) f.summary = r.object(doc["summary"], "/summary");
    if (doc.contains("templates")) {
        const json& t = r.object(doc["templates"], "/templates");
        if (t.contains("unit")) f.unit_template = r.text(t, "/templates", "unit");
    }

    f.units = read_units(r.text(doc, "", "units"));
    return f;
}

}  // namespace

Form parse_form(std::string_view bytes, const std::string& file, const std::filesystem::path& form_dir) {
    std::filesystem::path units_path;
    Form f = parse_form_fields(bytes, file, [&](const std::string& units_name) {
        units_path = form_dir / units_name;
        return parse_units(read_file(units_path, kMaxFile), units_path.string());
    });
    f.units_file = units_path;  // an input of summarize: never an output (issue 11)
    return f;
}

Form parse_form_with_units(std::string_view bytes, const std::string& file, std::string_view units_json,
                           const std::string& units_file) {
    return parse_form_fields(bytes, file, [&](const std::string&) { return parse_units(units_json, units_file); });
}

std::string form_units_name(std::string_view bytes, const std::string& file) {
    const json doc = parse_exact(bytes, file);
    const Reader r{file};
    r.object(doc, "");
    return r.text(doc, "", "units");
}

Form load_form(const std::filesystem::path& file) {
    return parse_form(read_file(file, kMaxFile), file.string(), file.parent_path());
}

}  // namespace vanban::report
