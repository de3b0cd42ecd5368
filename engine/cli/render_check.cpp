// render --check: `vanban check` on each PDF written (vanban-full only: QPDF).
#include "check/check.h"
#include "cli/render_extras.h"

namespace vanban::cli {

namespace {

// "" when the PDF just written conforms; otherwise its failures (and warnings), which
// become the input's error. The file stays, to be looked at.
std::string check_written(const std::filesystem::path& pdf) {
    const check::Report report = check::check_pdf(pdf);
    if (report.conforms()) return "";
    std::string out = pdf.string() + ": does not conform to the layout rules (vanban check):";
    for (const auto& f : report.findings) {
        if (!f.ok) out += std::string("\n  ") + (f.warning ? "WARN " : "FAIL ") + f.rule + " " + f.message;
    }
    return out;
}

const bool kCheckWrittenHook = (render_extras().check_written = check_written, true);

}  // namespace

}  // namespace vanban::cli
