// From positioned runs to the components of a văn bản (NĐ 30/2020, Phụ lục I, Mục IV
// "ô số"): which line is the Quốc hiệu, the Số line, the date, the body, the signature…
//
// The PDF carries no tags, so components are recognised by their wording and their
// place, the way a clerk reading the page would: the Quốc hiệu by its text, the
// issuing body as the left-column lines above "Số:", body lines as those between
// "Kính gửi" and "Nơi nhận", and so on. A component that cannot be found is reported
// as a failure of its rule, not guessed.
#pragma once

#include "check/pdf_model.h"

#include <string>
#include <vector>

namespace vanban::check {

constexpr double kPtPerMm = 72.0 / 25.4;
constexpr double mm(double v) { return v * kPtPerMm; }
constexpr double to_mm(double pt) { return pt / kPtPerMm; }
// "56.1 mm"
std::string mm_text(double pt, int decimals = 1);
std::string pt_text(double pt, int decimals = 1);

// Runs on one baseline that touch each other: one line of one column.
struct Line {
    int page = 0;
    double baseline = 0, x = 0, end = 0;
    double size = 0;             // the largest run size
    double top = 0, bottom = 0;  // baseline ∓ the fonts' ascent / descent
    std::string text;
    std::vector<int> runs;       // indices into PdfContent::texts
    bool bold = false, italic = false;  // every run
    bool any_bold = false, any_italic = false;
    double width() const { return end - x; }
    double centre() const { return (x + end) / 2; }
};

// The recognised parts; null / empty when not found.
struct Analysis {
    std::vector<Line> lines;  // all lines, by page, baseline, x
    // Lines that are not the body text block: the page numbers (R1.6) and the ô 14
    // stamp (R8.7), which may sit in the top margin.
    std::vector<const Line*> page_numbers;
    std::vector<const Line*> stamps;
    std::vector<const Line*> marks;  // words inside frames (R8.2–R8.5)

    const Line* national = nullptr;  // R3.1
    const Line* motto = nullptr;     // R3.2
    const Segment* motto_rule = nullptr;
    std::vector<const Line*> parent;  // R3.3
    std::vector<const Line*> issuer;
    const Segment* issuer_rule = nullptr;
    const Line* number = nullptr;  // R3.4
    const Line* date = nullptr;    // R3.5
    std::vector<const Line*> subject;  // R3.7 "V/v …"
    std::vector<const Line*> kind;     // R3.6 tên loại
    std::vector<const Line*> kind_subject;
    const Segment* kind_rule = nullptr;
    std::vector<const Line*> recipients;  // R4, the "Kính gửi" line first
    std::vector<const Line*> body;        // R5, table cells excluded
    std::vector<const Line*> distribution;  // R7, "Nơi nhận:" first
    std::vector<std::vector<const Line*>> signatures;  // R6, one block per column, top to bottom
    std::vector<std::size_t> signature_split;  // per block: index of the first name line
    std::vector<int> appendix_pages;  // pages that start a Phụ lục (R1.7)

    double header_bottom = 0;  // page 1, below the header table
    double text_left = 0;      // the text block's left edge, measured
    double text_right = 0;     // its right edge (where justified lines end); 0 if unknown
    bool letter = false;       // a công văn ("V/v" under Số) rather than a tên loại
};

Analysis analyse(const PdfContent& pdf);

// Letter case of UTF-8 text, by ICU's Unicode properties.
bool has_lower(const std::string& s);
bool has_upper(const std::string& s);
std::string collapse_spaces(const std::string& s);

}  // namespace vanban::check
