// Helpers for the report tests: the shipped campaign, its samples, and poppler.
#pragma once

#include "report/form.h"
#include "report/summary.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace report_test {

namespace fs = std::filesystem;

fs::path source(const std::string& relative);   // a path in the source tree
fs::path scratch(const std::string& name);      // a fresh empty directory
const vanban::report::Form& campaign();         // templates/so-ket-nq20/form.json
std::vector<vanban::report::ReportFile> samples();  // samples/so-ket-nq20/bc-*.json, sorted
nlohmann::json sample(const std::string& code);     // one sample report, parsed

std::string slurp(const fs::path& p);
void spit(const fs::path& p, const std::string& bytes);

struct Run {
    int exit_code = -1;
    std::string out, err;
};
Run run(const std::string& command);  // through /bin/sh, stdout and stderr captured
std::string quote(const std::string& s);

// pdftotext of pages [first, last] (0 = to the end), whitespace runs squashed to one space.
std::string pdf_text(const fs::path& pdf, int first = 1, int last = 0);
int pdf_pages(const fs::path& pdf);

// "1234567.5" → "1.234.567,5", written independently of the engine's formatter.
std::string vn_number(const std::string& plain);

}  // namespace report_test
