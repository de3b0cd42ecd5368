// Upward reporting (báo cáo lên cấp trên): a summary of a campaign is in turn one unit's
// report to the parent campaign — LĐLĐ tỉnh sums its units' reports and sends the
// totals to the TLĐ on the TLĐ's form, with the same tool at every level.
#pragma once

#include "report/form.h"
#include "report/summary.h"

#include <nlohmann/json.hpp>

#include <string>

namespace vanban::report {

// The unit report of unit `code` for `parent`'s form: the summary's totals for every
// parent indicator of the same code (null when this campaign does not collect it), the
// header (issuer, symbol, place, date, signers, distribution, body) from `own`'s
// summary document. Checked against `parent` before it is returned: throws
// vanban::Error (naming `parent.file`) when it would not be accepted, e.g. an unknown
// code or an indicator whose type differs.
nlohmann::json upward_report(const Form& own, const Summary& s, const Form& parent, const std::string& code);

}  // namespace vanban::report
