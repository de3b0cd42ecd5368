// One embedded font: a Type 0 font with Identity-H encoding over a CIDFontType2
// descendant whose program is our hb-subset TrueType subset (PDF 32000-1 §9.7).
//
//   Type0 ──/DescendantFonts──▶ CIDFontType2 ──/FontDescriptor──▶ descriptor
//     └──/ToUnicode (CMap stream)       (/W, /CIDToGIDMap /Identity)    ├─/FontFile2
//                                                                       └─/CIDSet
#pragma once

#include "fonts/subset.h"
#include "pdf/font_programs.h"
#include "pdf/glyphs.h"
#include "pdf/haru.h"

#include <cstdint>
#include <vector>

namespace vanban::pdf {

struct EmbeddedFont {
    HPDF_Dict type0 = nullptr;  // indirect; what pages list under /Resources /Font
    // By original GID: the 2-byte code (= CID = new GID) that draws it.
    std::vector<std::uint16_t> code_of;
};

// Builds every object of the font in `doc`. `glyphs` is the style's usage that
// `program` was made from (pdf/font_programs.h), deflated when doc.compress().
EmbeddedFont embed_cid_font(haru::Document& doc, fonts::Style style, const fonts::Face& face,
                            const FontProgram& program, const StyleGlyphs& glyphs);

}  // namespace vanban::pdf
