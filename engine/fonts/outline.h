// Does a glyph draw? Shared by font loading (a damaged face is refused) and `vanban
// check` (a page whose embedded font draws nothing fails TEXT-INK).
#pragma once

struct hb_font_t;

namespace vanban::fonts {

// Whether a character prints ink: not a space, control, format or private-use character,
// whose glyph may rightly be empty.
bool has_ink(char32_t c);

// Whether glyph `gid` of `font` has non-empty extents and an outline of at least one
// segment (HarfBuzz draws it).
bool glyph_has_outline(hb_font_t* font, unsigned gid);

}  // namespace vanban::fonts
