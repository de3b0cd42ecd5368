#include "report/summary.h"

#include "core/diagnostic.h"
#include "report/collate.h"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace vanban::report {

namespace {

using nlohmann::json;

// Sorts `items` by the vi collation of name_of(item), computing each key once.
template <typename T, typename F>
void sort_by_name(std::vector<T>& items, F name_of) {
    std::vector<std::pair<std::string, std::size_t>> keys;
    keys.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) keys.emplace_back(vi_sort_key(name_of(items[i])), i);
    std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<T> out;
    out.reserve(items.size());
    for (const auto& k : keys) out.push_back(std::move(items[k.second]));
    items = std::move(out);
}

// Adds `values` into `sums`, all or nothing: the index of the indicator that would
// overflow, or nullopt when every sum fits.
std::optional<std::size_t> add_into(std::vector<std::optional<Amount>>& sums, const std::vector<std::optional<Amount>>& values) {
    std::vector<std::optional<Amount>> out = sums;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!values[i]) continue;
        try {
            out[i] = out[i] ? *out[i] + *values[i] : *values[i];
        } catch (const std::overflow_error&) {
            return i;
        }
    }
    sums = std::move(out);
    return std::nullopt;
}

std::string too_large(const Indicator& ind, const std::string& what) {
    return "adding this report makes " + what + " of indicator '" + ind.code + "' (" + ind.label +
           ") too large to add exactly (at most 18 significant digits)";
}

}  // namespace

Summary summarize(const Form& form, const std::vector<ReportFile>& reports) {
    Summary s;
    s.expected = form.units.units.size();
    const std::size_t n = form.indicators.size();
    std::map<std::size_t, SummaryRow> rows;      // by unit index
    std::map<std::string, std::string> seen;     // signer's code (old or new) → first file

    for (const ReportFile& rf : reports) {
        UnitReport rep;
        try {
            rep = read_unit_report(rf.json, rf.file, form);
            // A duplicate is the same signer twice; two former units filed under one
            // merged unit are not duplicates of each other.
            const std::string signer = rep.former ? "former:" + form.units.former[*rep.former].code
                                                  : "unit:" + form.units.units[rep.unit].code;
            const auto [it, fresh] = seen.emplace(signer, rf.file);
            if (!fresh) {
                const std::string who = rep.former ? form.units.former[*rep.former].name : form.units.units[rep.unit].name;
                const std::string code = rep.former ? form.units.former[*rep.former].code : form.units.units[rep.unit].code;
                fail_at_pointer(rf.file, "/data/unit/code",
                                "duplicate report for unit \"" + code + "\" (" + who + "): already given by " + it->second);
            }
        } catch (const Error& e) {
            s.rejected.push_back({rf.file, e.what()});
            continue;
        }
        const Unit& unit = form.units.units[rep.unit];
        const auto existing = rows.find(rep.unit);
        std::vector<std::optional<Amount>> sums = existing != rows.end() ? existing->second.values
                                                                          : std::vector<std::optional<Amount>>(n);
        if (const auto bad = add_into(sums, rep.values)) {  // a report like any invalid one (--keep-going)
            s.rejected.push_back({rf.file, Diagnostic{rf.file, 0, 0, "/data/indicators/" + form.indicators[*bad].code,
                                                      too_large(form.indicators[*bad], "the unit's sum")}.to_string()});
            continue;
        }
        SummaryRow& row = rows[rep.unit];
        row.unit = unit;
        row.values = std::move(sums);
        row.files.push_back(rf.file);
        if (rep.former) {
            const FormerUnit& f = form.units.former[*rep.former];
            row.former_names.push_back(f.name);
            s.merged.push_back({f.name, f.code, unit, rf.file});
        }
        if (!rep.date.empty() && rep.date > form.deadline) s.late.push_back({unit, rep.date, rf.file});
    }

    // National totals: a unit whose figures would overflow a total is rejected whole
    // (its reports listed as invalid), never half-added; the others are summed.
    s.totals.assign(n, Amount{});
    for (auto it = rows.begin(); it != rows.end();) {
        std::vector<std::optional<Amount>> totals(s.totals.begin(), s.totals.end());
        if (const auto bad = add_into(totals, it->second.values)) {
            for (const auto& file : it->second.files) {
                s.rejected.push_back({file, Diagnostic{file, 0, 0, "/data/indicators/" + form.indicators[*bad].code,
                                                       too_large(form.indicators[*bad], "the national total")}.to_string()});
            }
            it = rows.erase(it);
            continue;
        }
        for (std::size_t i = 0; i < n; ++i) s.totals[i] = totals[i] ? *totals[i] : Amount{};
        ++it;
    }
    for (auto& [index, row] : rows) s.rows.push_back(std::move(row));
    sort_by_name(s.rows, [](const SummaryRow& r) { return r.unit.name; });
    for (std::size_t u = 0; u < form.units.units.size(); ++u) {
        if (!rows.count(u)) s.missing.push_back(form.units.units[u]);
    }
    sort_by_name(s.missing, [](const Unit& u) { return u.name; });
    sort_by_name(s.late, [](const LateReport& l) { return l.unit.name; });
    sort_by_name(s.merged, [](const MergedReport& m) { return m.into.name; });

    s.reported_by.assign(n, 0);
    for (const SummaryRow& row : s.rows) {
        for (std::size_t i = 0; i < n; ++i) s.reported_by[i] += row.values[i] ? 1 : 0;
    }
    return s;
}

}  // namespace vanban::report
