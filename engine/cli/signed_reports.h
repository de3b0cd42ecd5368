// summarize --require-signed: a unit report REPORT.json counts only when the signed PDF
// the unit sent with it, REPORT.pdf next to it, verifies (vanban verify's rules: every
// signature valid, chained to a --trust anchor, the last covering the whole file).
// NĐ 30 Điều 5: an electronic report has legal force only when signed.
#pragma once

#include "cli/batch.h"
#include "sign/verify.h"

#include <string>

namespace vanban::cli {

// The signed PDF that goes with a report: REPORT.pdf beside REPORT.json.
std::filesystem::path signed_pdf_of(const BatchItem& item);

// "" when the report's signed PDF verifies; else why, naming the report and its PDF.
std::string signature_problem(const BatchItem& item, const sign::VerifyOptions& options);

}  // namespace vanban::cli
