// Helpers for the DOCX tests: unpack a package, ask the oracles (xmllint, python-docx,
// LibreOffice, poppler) about it, and read glyph baselines and rules out of a PDF.
#pragma once

#include "support.h"  // tests/e2e: run, quote, scratch, bbox_layout

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace docx_test {

namespace fs = std::filesystem;

// Whether a command is on PATH (tests that need it warn and skip otherwise).
bool have(const std::string& tool);

// The package's entry names in archive order, and the package unpacked into `dir`.
std::vector<std::string> entries(const fs::path& docx);
void unpack(const fs::path& docx, const fs::path& dir);

// The ECMA-376 schemas in ../shared/ooxml-xsd, if this checkout has them.
std::optional<fs::path> schema_dir();

// tests/docx/docx_dump.py's JSON for `docx` (python-docx's view of it).
nlohmann::json python_docx(const fs::path& docx);

// A glyph's origin (its baseline point), in millimetres from the top-left corner.
struct Glyph {
    double x = 0, y = 0;
};
// A stroked horizontal line, in millimetres from the top-left corner.
struct Rule {
    double x1 = 0, x2 = 0, y = 0;
    double length() const { return x2 - x1; }
    double centre() const { return (x1 + x2) / 2; }
};
// Glyph origins and horizontal rules of one page (1-based), through pdftocairo -svg.
struct PageInk {
    std::vector<Glyph> glyphs;
    std::vector<Rule> rules;
};
PageInk page_ink(const fs::path& pdf, int page);

// The baseline of a pdftotext line: the origin of the glyph that starts it. PDF
// producers describe font heights differently (pdftotext's boxes depend on it), so
// baselines are compared through glyph origins, not boxes.
std::optional<double> baseline(const PageInk& ink, const e2e::TextLine& line);

// The rule nearest below `line` (within 6 mm), if any.
std::optional<Rule> rule_under(const PageInk& ink, const e2e::TextLine& line);

}  // namespace docx_test
