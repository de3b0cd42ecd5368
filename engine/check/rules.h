// The rule checks, grouped as in the format rules: page (§1), header (§3), Kính gửi and
// body (§4–5), closing (§6–7), PDF/A, and the comparison with the input document.
#pragma once

#include "check/analysis.h"
#include "check/check.h"
#include "check/pdf_model.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace vanban::check {

// Appends findings to a report; one call per measured fact.
class Findings {
public:
    explicit Findings(Report& r) : r_(r) {}
    void pass(const std::string& rule, const std::string& msg) { add(rule, true, false, msg); }
    void fail(const std::string& rule, const std::string& msg) { add(rule, false, false, msg); }
    void warn(const std::string& rule, const std::string& msg) { add(rule, false, true, msg); }
    void skip(const std::string& rule, const std::string& msg) { r_.findings.push_back({rule, true, false, true, msg}); }
    // PASS when `ok`; otherwise FAIL, or WARN for a [PRACTICE] rule.
    void check(bool ok, const std::string& rule, const std::string& msg, bool practice = false) {
        add(rule, ok, !ok && practice, msg);
    }

private:
    void add(const std::string& rule, bool ok, bool warning, const std::string& msg) {
        r_.findings.push_back({rule, ok, warning, false, msg});
    }
    Report& r_;
};

// Inclusive range test for font sizes: sizes are integers by the rules (§0), so a
// little slack absorbs rounding in the content stream only.
inline bool size_in(double size, double lo, double hi) { return size >= lo - 0.05 && size <= hi + 0.05; }

// "'Độc lập - Tự do - Hạnh phúc'", shortened when long.
std::string quote_text(const std::string& s);
std::string size_text(double size);  // "13 pt" or "13.5 pt"
std::string num(double v, int decimals = 1);

void check_page(const PdfContent& pdf, const Analysis& a, Findings& out);     // R1.1–R1.7
void check_header(const PdfContent& pdf, const Analysis& a, Findings& out);   // R3.1–R3.7
void check_body(const PdfContent& pdf, const Analysis& a, Findings& out);     // R4, R5.1, R5.5
void check_closing(const PdfContent& pdf, const Analysis& a, Findings& out);  // R6, R7
void check_pdfa(const PdfContent& pdf, Findings& out);                       // PDF/A-1b shape
void check_input(const Analysis& a, const nlohmann::json& input, Findings& out);  // --input

// ICU regular expression match of the whole string (the format rules use \p{L}).
bool matches(const std::string& pattern, const std::string& text);

}  // namespace vanban::check
