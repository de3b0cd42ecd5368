#include "report/unit_report.h"

#include "core/diagnostic.h"
#include "report/collate.h"
#include "report/exact_json.h"

#include <optional>
#include <filesystem>

namespace vanban::report {

namespace {

using nlohmann::json;

std::string shown(const json& v) {
    std::string s = v.dump();
    if (s.size() > 40) s = s.substr(0, 37) + "...";
    return s;
}

// Why a value shaped like a number was refused: its size, said plainly ("" when it is
// not shaped like a number, or is a fraction where a whole number is wanted).
std::string number_problem(const json& v, bool decimal) {
    std::string t = v.is_string() ? v.get<std::string>() : v.is_number() ? v.dump() : "";
    if (!t.empty() && (t[0] == '-' || t[0] == '+')) t.erase(0, 1);
    const auto dot = t.find('.');
    const std::string whole = t.substr(0, dot), frac = dot == std::string::npos ? "" : t.substr(dot + 1);
    auto digits = [](const std::string& d) { return !d.empty() && d.find_first_not_of("0123456789") == std::string::npos; };
    if (!digits(whole) || (dot != std::string::npos && !digits(frac))) return "";
    if (!frac.empty() && !decimal) return "";
    if (frac.size() > static_cast<std::size_t>(Amount::kMaxScale)) {
        return "has " + std::to_string(frac.size()) + " digits after the decimal point; at most " +
               std::to_string(Amount::kMaxScale) + " are allowed";
    }
    return "is too large to add exactly (at most 18 significant digits)";
}

// The value of one indicator, or nullopt for an explicit null.
std::optional<Amount> read_value(const json& v, const Indicator& ind, const std::string& file, const std::string& ptr) {
    if (v.is_null()) return std::nullopt;
    std::optional<Amount> a;
    // Integers arrive as JSON integers; fractions as their source text (parse_exact);
    // a string may hold either.
    if (v.is_number_integer()) a = Amount::parse(v.dump());
    else if (v.is_string()) a = Amount::parse(v.get_ref<const std::string&>());
    if (!a) {
        if (const std::string why = number_problem(v, ind.decimal); !why.empty()) {
            fail_at_pointer(file, ptr, "indicator '" + ind.code + "' " + why + ", not " + shown(v));
        }
    }
    if (!ind.decimal && (!a || a->scale() != 0)) {
        fail_at_pointer(file, ptr, "indicator '" + ind.code + "' must be a whole number, not " + shown(v));
    }
    if (!a) {
        fail_at_pointer(file, ptr, "indicator '" + ind.code + "' must be a decimal number like 1520.75, not " + shown(v));
    }
    if (!ind.decimal && a->negative()) {
        fail_at_pointer(file, ptr, "indicator '" + ind.code + "' is a count and cannot be negative (" + a->to_string() + ")");
    }
    return a;
}

}  // namespace

UnitReport read_unit_report(std::string_view bytes, const std::string& file, const Form& form) {
    const json doc = parse_exact(bytes, file);
    if (!doc.is_object()) fail_at_pointer(file, "", "a unit report must be a JSON object");
    UnitReport rep;
    rep.file = file;
    if (const auto d = doc.find("date"); d != doc.end()) {
        if (!d->is_string() || !is_iso_date(d->get_ref<const std::string&>())) {
            fail_at_pointer(file, "/date", "must be a date YYYY-MM-DD");
        }
        rep.date = d->get<std::string>();
    }
    const auto data = doc.find("data");
    if (data == doc.end()) fail_at_pointer(file, "/data", "missing required field (a unit report carries its figures in data)");
    if (!data->is_object()) fail_at_pointer(file, "/data", "must be an object");

    const auto form_id = data->find("form");
    if (form_id == data->end()) fail_at_pointer(file, "/data/form", "missing required field");
    if (!form_id->is_string() || *form_id != form.id) {
        fail_at_pointer(file, "/data/form", "report is for form " + shown(*form_id) + ", not \"" + form.id + "\"");
    }

    // The unit: its code, confirmed by its name so a mistyped code is not filed under
    // someone else.
    const auto unit = data->find("unit");
    if (unit == data->end()) fail_at_pointer(file, "/data/unit", "missing required field");
    if (!unit->is_object()) fail_at_pointer(file, "/data/unit", "must be an object");
    const auto code_it = unit->find("code");
    const auto name_it = unit->find("name");
    if (code_it == unit->end()) fail_at_pointer(file, "/data/unit/code", "missing required field");
    if (!code_it->is_string()) fail_at_pointer(file, "/data/unit/code", "must be a string like \"27\"");
    if (name_it == unit->end()) fail_at_pointer(file, "/data/unit/name", "missing required field");
    if (!name_it->is_string()) fail_at_pointer(file, "/data/unit/name", "must be a string");
    const std::string& code = code_it->get_ref<const std::string&>();
    const std::string& name = name_it->get_ref<const std::string&>();
    const std::string list = std::filesystem::path(form.units.file).filename().string();
    const auto current = form.units.find(code);
    const bool current_matches = current && names_match(name, form.units.units[*current].name);
    // A former unit with the same code whose name matches more specifically wins:
    // "LĐLĐ tỉnh Thừa Thiên Huế" (46) is the former province, not today's Huế (46).
    std::optional<std::size_t> former;
    for (std::size_t i = 0; i < form.units.former.size() && !former; ++i) {
        const FormerUnit& f = form.units.former[i];
        if (f.code == code && names_match(name, f.name)) former = i;
    }
    if (former && current_matches &&
        form.units.former[*former].name.size() <= form.units.units[*current].name.size()) {
        former.reset();
    }
    if (former) {
        rep.unit = form.units.former[*former].into;
        rep.former = former;
    } else if (current_matches) {
        rep.unit = *current;
    } else if (current) {
        fail_at_pointer(file, "/data/unit/name", "unit \"" + code + "\" is " + form.units.units[*current].name + " in " + list + ", but the report names \"" + name + "\"");
    } else {
        fail_at_pointer(file, "/data/unit/code", "unknown unit \"" + code + "\" (" + name + "): not in " + list);
    }

    // The figures: exactly the form's indicators.
    const auto inds = data->find("indicators");
    if (inds == data->end()) fail_at_pointer(file, "/data/indicators", "missing required field");
    if (!inds->is_object()) fail_at_pointer(file, "/data/indicators", "must be an object");
    for (const Indicator& ind : form.indicators) {
        const std::string ptr = "/data/indicators/" + pointer_token(ind.code);
        const auto v = inds->find(ind.code);
        if (v == inds->end()) {
            fail_at_pointer(file, ptr, "missing indicator '" + ind.code + "' (" + ind.label + "); write null if there is no figure");
        }
        rep.values.push_back(read_value(*v, ind, file, ptr));
    }
    for (const auto& [key, value] : inds->items()) {
        bool known = false;
        for (const Indicator& ind : form.indicators) known = known || ind.code == key;
        if (!known) {
            fail_at_pointer(file, "/data/indicators/" + pointer_token(key),
                            "unknown indicator '" + key + "': form \"" + form.id + "\" has no such indicator");
        }
    }
    return rep;
}

}  // namespace vanban::report
