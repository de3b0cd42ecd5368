// What the pdf stage's tests share: the font set, a scratch directory, and running a
// real tool (poppler, qpdf, xmllint) with its output captured.
#pragma once

#include "fonts/font_set.h"

#include <filesystem>
#include <string>

namespace pdf_test {

namespace fs = std::filesystem;

const vanban::fonts::FontSet& font_set();

// build/tests/<dir>/, created; `name` saved there with `bytes`.
fs::path out_dir(const std::string& dir);
fs::path save(const std::string& dir, const std::string& name, const std::string& bytes);
std::string slurp(const fs::path& p);

struct Run {
    int status = -1;
    std::string out, err;
};

// Runs a shell command; stdout and stderr are captured separately (stderr through a
// file named by the pid, since ctest runs test cases as parallel processes).
Run run(const std::string& command);

// A shell word: single-quoted, embedded single quotes (XPath has them) closed and reopened.
std::string shq(const std::string& s);
std::string shq(const fs::path& p);

// The trailer's /ID (both halves equal, checked).
std::string trailer_id(const std::string& pdf);

}  // namespace pdf_test
