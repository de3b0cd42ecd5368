// `vanban check`: does a PDF this engine produced conform to the layout rules?
//
// Reads the PDF back (text with positions, fonts, sizes, rules, metadata) and reports
// rule by rule, with the rule IDs of the project's format rules (R1.3, R3.2, …).
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::check {

struct Finding {
    std::string rule;     // "R3.2"
    bool ok = true;
    bool warning = false; // [PRACTICE] rules only warn
    bool skipped = false; // the rule does not apply to this file (ok stays true)
    std::string message;  // what was measured, and what was expected when it fails
};

struct Report {
    std::string file;
    std::vector<Finding> findings;
    bool conforms() const;        // no failed finding that is not a warning
    std::string to_text() const;  // one line per finding
    nlohmann::json to_json() const;
};

struct CheckOptions {
    std::optional<std::filesystem::path> input;  // the document JSON, for text comparisons
};

// Throws vanban::Error when the file cannot be read as a PDF (or --input as JSON).
Report check_pdf(const std::filesystem::path& pdf, const CheckOptions& options = {});

// The same on PDF bytes in memory; `name` labels the report and diagnostics.
Report check_pdf_data(std::string_view pdf, const std::string& name, const CheckOptions& options = {});

}  // namespace vanban::check
