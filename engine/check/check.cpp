// check_pdf: read the PDF back (QPDF), recognise its components, run the rules.
#include "check/check.h"

#include "check/analysis.h"
#include "check/pdf_model.h"
#include "check/rules.h"
#include "core/diagnostic.h"
#include "core/files.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <cmath>
#include <cstdio>

namespace vanban::check {

namespace {

constexpr std::size_t kMaxPdf = 256u * 1024 * 1024;
constexpr std::size_t kMaxInput = 8u * 1024 * 1024;

const char* status(const Finding& f) {
    if (f.skipped) return "SKIP";
    if (f.ok) return "PASS";
    return f.warning ? "WARN" : "FAIL";
}

}  // namespace

std::string quote_text(const std::string& s) {
    std::string t = collapse_spaces(s);
    // Long body lines are cut at a character boundary (UTF-8 continuation bytes are 10xxxxxx).
    if (t.size() > 60) {
        std::size_t cut = 57;
        while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
        t = t.substr(0, cut) + "…";
    }
    return "'" + t + "'";
}

std::string num(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string size_text(double size) {
    const double r = std::round(size);
    return (std::fabs(size - r) < 0.05 ? num(r, 0) : num(size, 1)) + " pt";
}

bool matches(const std::string& pattern, const std::string& text) {
    UErrorCode status = U_ZERO_ERROR;
    // The matcher keeps a reference to its input: the string must outlive it.
    const icu::UnicodeString input = icu::UnicodeString::fromUTF8(text);
    icu::RegexMatcher m(icu::UnicodeString::fromUTF8(pattern), input, 0, status);
    if (U_FAILURE(status)) return false;
    const bool ok = m.matches(status);
    return U_SUCCESS(status) && ok;
}

bool Report::conforms() const {
    for (const auto& f : findings) {
        if (!f.ok && !f.warning) return false;
    }
    return true;
}

std::string Report::to_text() const {
    std::string out;
    int failed = 0, warned = 0;
    for (const auto& f : findings) {
        out += std::string(status(f)) + " " + f.rule + " " + f.message + "\n";
        if (!f.ok) ++(f.warning ? warned : failed);
    }
    out += file + ": " + (conforms() ? "conforms" : "does not conform") + " (" + std::to_string(failed) + " failed, " +
           std::to_string(warned) + " warning(s))\n";
    return out;
}

nlohmann::json Report::to_json() const {
    nlohmann::json findings_json = nlohmann::json::array();
    for (const auto& f : findings) {
        findings_json.push_back(
            {{"rule", f.rule}, {"status", status(f)}, {"ok", f.ok}, {"warning", f.warning}, {"message", f.message}});
    }
    return {{"file", file}, {"conforms", conforms()}, {"findings", findings_json}};
}

Report check_pdf_data(std::string_view bytes, const std::string& name, const CheckOptions& options) {
    nlohmann::json input;
    if (options.input) {
        const std::string text = read_file(*options.input, kMaxInput);
        try {
            input = nlohmann::json::parse(text);
        } catch (const nlohmann::json::exception& e) {
            fail_at_pointer(options.input->string(), "", std::string("not valid JSON: ") + e.what());
        }
    }
    const PdfContent pdf = read_pdf(bytes, name);
    const Analysis a = analyse(pdf);
    Report report;
    report.file = name;
    Findings out(report);
    for (const auto& w : pdf.warnings) out.warn("PDF", w);
    check_page(pdf, a, out);
    check_header(pdf, a, out);
    check_body(pdf, a, out);
    check_closing(pdf, a, out);
    check_pdfa(pdf, out);
    if (options.input) check_input(a, input, out);
    return report;
}

Report check_pdf(const std::filesystem::path& pdf, const CheckOptions& options) {
    const std::string bytes = read_file(pdf, kMaxPdf);
    return check_pdf_data(bytes, pdf.string(), options);
}

}  // namespace vanban::check
