// Helpers for end-to-end tests: run the CLI and the PDF oracles, read their output.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace e2e {

namespace fs = std::filesystem;

struct Run {
    int exit_code = -1;
    std::string out;  // stdout
    std::string err;  // stderr
};

// Runs a shell command, capturing stdout and stderr separately.
Run run(const std::string& command);
std::string quote(const std::string& s);

fs::path repo();                     // the source tree
fs::path vanban();                   // build/vanban
fs::path scratch(const std::string& name);  // a fresh empty directory for one test

// A word of `pdftotext -bbox-layout`, in millimetres from the top-left corner.
struct Word {
    std::string text;
    double x_min, y_min, x_max, y_max;
};
struct TextLine {
    std::vector<Word> words;
    std::string text() const;
    double x_min() const;
    double x_max() const;
    double y_max() const;  // bottom of the line's box (≈ descender)
};
struct PdfPage {
    double width = 0, height = 0;  // mm
    std::vector<TextLine> lines;
    const TextLine* find(const std::string& starts_with) const;
};
std::vector<PdfPage> bbox_layout(const fs::path& pdf);

std::string slurp(const fs::path& p);
// Collapses all whitespace runs to one space and trims.
std::string squash(const std::string& s);

}  // namespace e2e
