// Which glyphs a laid-out document draws, per style: the input of subsetting.
//
// Text is mapped to glyphs nominally (the face's cmap, one glyph per code point,
// no kerning or ligatures), which is exactly how layout measured it, so drawn
// widths equal TextItem.width.
#pragma once

#include "fonts/font_set.h"
#include "layout/page.h"
#include "pdf/syntax.h"

#include <array>
#include <string_view>
#include <vector>

namespace vanban::pdf {

struct StyleGlyphs {
    // By original GID: the first code point drawn with that glyph (its ToUnicode
    // entry; PDF 32000-1 §9.10.3), 0 when the glyph is not used.
    std::vector<char32_t> first_cp;
    // The used original GIDs, ascending.
    std::vector<unsigned> used;
};

struct GlyphUsage {
    std::array<StyleGlyphs, 4> styles;  // indexed by fonts::Style; empty = style unused
    bool uses(fonts::Style s) const { return !styles[static_cast<std::size_t>(s)].used.empty(); }
};

// Collects the glyphs of every TextItem on every page. Only the faces of styles
// that occur are loaded. Throws vanban::Error on invalid UTF-8 or a character the
// face has no glyph for (a blank box is never acceptable in an official document).
GlyphUsage collect_glyphs(const layout::LaidOutDocument& doc, const fonts::FontSet& fonts);

// Calls `f(code_point, original_gid)` for each character of `text`, which
// collect_glyphs has already validated.
template <class F>
void for_each_glyph(const fonts::Face& face, std::string_view text, F&& f) {
    for (std::size_t i = 0; i < text.size();) {
        const auto c = next_code_point(text, i);
        if (!c) return;  // unreachable after collect_glyphs
        f(*c, face.glyph(*c));
    }
}

}  // namespace vanban::pdf
