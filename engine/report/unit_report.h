// One unit's report, read and checked against the campaign's form.
#pragma once

#include "report/amount.h"
#include "report/form.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::report {

struct UnitReport {
    std::string file;
    std::size_t unit = 0;                // index into form.units.units: where it is filed
    std::optional<std::size_t> former;   // index into form.units.former when filed under
                                         // the unit that absorbed the signer (2025 merger)
    std::string date;                    // the report's date, YYYY-MM-DD, or "" if undated
    std::vector<std::optional<Amount>> values;  // per form indicator; nullopt = null
};

// Reads the document JSON of a unit report (document-input.md, with `data` as in
// FORMATS.md) and checks its data against `form`: the form id, a known unit (by code,
// confirmed by name), every indicator present with a value of the right type, no count
// negative, no indicator the form does not have. Throws vanban::Error naming `file`
// and the JSON Pointer of the first problem. Duplicates are found by summarize().
UnitReport read_unit_report(std::string_view json, const std::string& file, const Form& form);

}  // namespace vanban::report
