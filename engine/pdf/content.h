// Text operators for one page (PDF 32000-1 §9.4), written by us rather than by
// libharu: libharu's text functions need its own font objects, and its TJ-less
// ShowText cannot express per-space adjustments.
#pragma once

#include "fonts/font_set.h"
#include "layout/page.h"

#include <array>
#include <cstdint>
#include <span>
#include <string>

namespace vanban::pdf {

// How one style is drawn on the page being written.
struct PageFont {
    const char* resource = nullptr;          // "/Resources /Font" key, e.g. "F1"
    const fonts::Face* face = nullptr;
    std::span<const std::uint16_t> code_of;  // by original GID → 2-byte code
};

// One BT … ET object holding every TextItem of `page` (empty string when there is
// no text), for a page whose graphics state is still the initial one:
//  - Tf only when the font or size changes; fill colour (g / rg) only when it
//    changes (black is the initial colour, §8.4.1 Table 52);
//  - per item  1 0 0 1 x y Tm  with y = page height − baseline (layout's origin is
//    top-left, PDF's bottom-left) and one TJ of 2-byte codes;
//  - each U+0020 is drawn with the font's real space glyph, followed by a TJ
//    adjustment of −word_spacing·1000/size (§9.4.3: a number in TJ moves the next
//    glyph by −n/1000 · font size). Extractors thus see one space per gap, and a
//    justified line ends at x + width. (Tw would not work: it applies only to the
//    single-byte code 32, §9.3.3, and our codes are 2 bytes.)
std::string text_object(const layout::Page& page, const std::array<PageFont, 4>& fonts);

}  // namespace vanban::pdf
