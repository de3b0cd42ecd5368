#include "report/upward.h"

#include "core/diagnostic.h"
#include "report/collate.h"
#include "report/unit_report.h"

namespace vanban::report {

using nlohmann::json;

json upward_report(const Form& own, const Summary& s, const Form& parent, const std::string& code) {
    const auto unit = parent.units.find(code);
    if (!unit) {
        fail_at_pointer(parent.file, "/units", "unit \"" + code + "\" is not in the parent campaign's unit list (" +
                                                   parent.units.file + ")");
    }
    const Unit& u = parent.units.units[*unit];
    json doc = json::object();
    doc["template"] = parent.unit_template.empty() ? "bao-cao" : parent.unit_template;
    for (const char* key : {"issuer", "number", "symbol", "place", "date", "recipients", "body", "signers", "distribution"}) {
        if (own.summary.contains(key)) doc[key] = own.summary[key];
    }
    doc["subject"] = parent.title;
    // The unit's name as its issuer writes it when that names the unit, else the list's.
    std::string name = u.name;
    if (own.summary.contains("issuer") && own.summary["issuer"].contains("name") && own.summary["issuer"]["name"].is_string()) {
        std::string issuer = own.summary["issuer"]["name"];
        for (char& c : issuer) c = c == '\n' ? ' ' : c;
        if (names_match(issuer, u.name)) name = issuer;
    }
    json indicators = json::object();
    for (const Indicator& p : parent.indicators) {
        indicators[p.code] = nullptr;
        for (std::size_t i = 0; i < own.indicators.size(); ++i) {
            if (own.indicators[i].code != p.code || s.reported_by[i] == 0) continue;
            const std::string total = s.totals[i].to_string();
            indicators[p.code] = p.decimal ? json(total) : json(std::stoll(total));
            if (!p.decimal && own.indicators[i].decimal) {
                fail_at_pointer(own.file, "/indicators/" + std::to_string(i),
                                "indicator '" + p.code + "' is a decimal here but a count in the parent form " + parent.file);
            }
        }
    }
    doc["data"] = {{"form", parent.id}, {"unit", {{"code", u.code}, {"name", name}}}, {"indicators", indicators}};
    // What the parent campaign will check, checked now.
    read_unit_report(doc.dump(), parent.file + " (unit report " + code + ")", parent);
    return doc;
}

}  // namespace vanban::report
