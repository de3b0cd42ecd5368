// Font resources read back for `vanban check`: names → family and style (R1.4), the
// ToUnicode CMap (text), the /W or /Widths array (where a run ends).
#pragma once

#include "check/pdf_model.h"

#include <qpdf/QPDFObjectHandle.hh>

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace vanban::check {

struct LoadedFont {
    FontInfo info;
    bool two_byte = false;                               // Type 0: 2-byte codes (Identity-H)
    std::unordered_map<unsigned, std::string> unicode;   // code → UTF-8, from ToUnicode
    std::unordered_map<unsigned, double> widths;         // code → width, 1/1000 em
    double default_width = 1000;                         // /DW (Type 0) or 0 (simple fonts)
    std::unordered_set<unsigned> blank;                  // codes with ink whose glyph draws nothing

    double width(unsigned code) const;
    std::string text(unsigned code) const;  // U+FFFD when the code has no ToUnicode entry
};

// Reads a font dictionary. Never throws for odd fonts: what cannot be read is left
// at its default and reported through `warnings`.
LoadedFont load_font(QPDFObjectHandle font, std::vector<std::string>& warnings);

// "ABCDEF+LiberationSerif-BoldItalic" → family "Liberation Serif", bold, italic;
// "TimesNewRomanPS-BoldMT" → "Times New Roman", bold.
void describe_font_name(std::string_view base_font, FontInfo& out);

// Parses a ToUnicode CMap's bfchar and bfrange sections (PDF 32000-1 §9.10.3).
std::unordered_map<unsigned, std::string> parse_to_unicode(std::string_view cmap);

}  // namespace vanban::check
