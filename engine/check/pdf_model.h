// What `vanban check` reads back from a PDF: positioned text runs, rules, frames,
// fonts and metadata. Built by read_pdf (QPDF); the rule checks see nothing else.
//
// Coordinates are PDF points with the origin at the page's top-left corner and y
// growing downwards — the same convention as layout::Page — so a rule check can be
// compared with the layout profile directly.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::check {

struct Rgb {
    double r = 0, g = 0, b = 0;
    bool black() const { return r < 0.01 && g < 0.01 && b < 0.01; }
    // Bright red ink of urgency and confidentiality marks (R1.5, R8.2).
    bool red() const { return r >= 0.7 && g <= 0.3 && b <= 0.3; }
};

// One font resource as used by the page content.
struct FontInfo {
    std::string base_font;  // "ABCDEF+LiberationSerif-Bold" as written
    std::string family;     // "Liberation Serif", "Times New Roman", or the raw name
    bool bold = false;
    bool italic = false;
    bool embedded = false;      // FontFile / FontFile2 / FontFile3 present and non-empty
    bool has_to_unicode = false;
    std::string subtype;        // "/Type0", "/TrueType", …
    double ascent = 891;        // FontDescriptor /Ascent, 1/1000 em (Liberation Serif by default)
    double descent = -216;      // FontDescriptor /Descent
};

// One text-showing operator (Tj, TJ, ', "): one TextItem of the engine.
struct TextRun {
    int page = 0;          // 0-based
    double x = 0;          // start of the first glyph's advance box
    double baseline = 0;
    double width = 0;      // advance of everything shown, adjustments included
    double size = 0;       // effective font size in points (Tf × text matrix × CTM)
    int font = -1;         // index into PdfContent::fonts
    std::string text;      // UTF-8 through the font's ToUnicode
    int inked = 0;         // characters with ink shown …
    int blank = 0;         // … of which the embedded font draws nothing (damaged glyphs)
    Rgb color;             // fill colour
    double end() const { return x + width; }
};

// A stroked straight segment (m … l … S): the rules under the Tiêu ngữ and the issuer,
// table borders. Thin filled rectangles are recorded as segments too.
struct Segment {
    int page = 0;
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double width = 1;  // line width in points
    Rgb color;
    bool horizontal() const { return y1 - y2 < 0.05 && y2 - y1 < 0.05 && (x2 - x1 > 0.5 || x1 - x2 > 0.5); }
    double left() const { return x1 < x2 ? x1 : x2; }
    double right() const { return x1 < x2 ? x2 : x1; }
    double length() const { return right() - left(); }
};

// A stroked rectangle (re … S): urgency and draft frames.
struct Frame {
    int page = 0;
    double x = 0, y = 0, width = 0, height = 0;  // (x, y) top-left
    double line_width = 1;
    Rgb color;
};

struct PageBox {
    double width = 0, height = 0;  // MediaBox, after /Rotate
};

struct PdfContent {
    std::string version;  // "1.4"
    bool encrypted = false;
    bool has_id = false;  // trailer /ID
    std::vector<PageBox> pages;
    std::vector<FontInfo> fonts;
    std::vector<TextRun> texts;  // in content order, page by page
    std::vector<Segment> segments;
    std::vector<Frame> frames;
    std::map<std::string, std::string> info;  // Info dictionary, text values as UTF-8
    std::string xmp;                          // the catalog's /Metadata stream, decoded
    bool output_intent_pdfa = false;          // an /OutputIntents entry with /S /GTS_PDFA1
    bool output_intent_profile = false;       // … carrying a /DestOutputProfile stream
    bool transparency = false;                // an ExtGState with CA/ca < 1, an SMask or a BM
    std::vector<std::string> warnings;        // what QPDF had to repair, and what we could not read
};

// Reads a PDF. Throws vanban::Error naming `name` when it is not a readable PDF.
PdfContent read_pdf(std::string_view bytes, const std::string& name);

}  // namespace vanban::check
