#include "cli/signed_reports.h"

#include "core/diagnostic.h"
#include "core/files.h"

namespace vanban::cli {

std::filesystem::path signed_pdf_of(const BatchItem& item) {
    return std::filesystem::path(item.file).replace_extension(".pdf");
}

std::string signature_problem(const BatchItem& item, const sign::VerifyOptions& options) {
    // One line of a .jsonl file has no PDF of its own.
    if (item.line != 0) return item.name + ": a report in a .jsonl file has no signed PDF; give REPORT.json with REPORT.pdf";
    const std::filesystem::path pdf = signed_pdf_of(item);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(pdf, ec)) return item.name + ": no signed PDF " + pdf.string() + " beside it";
    try {
        const sign::VerifyReport r = sign::verify_pdf(read_file(pdf, 512u << 20), pdf.string(), options);
        if (r.valid()) return {};
        return item.name + ": its signed PDF " + pdf.string() + " does not verify: " + r.problem();
    } catch (const Error& e) {
        return item.name + ": its signed PDF cannot be checked: " + e.what();
    }
}

}  // namespace vanban::cli
