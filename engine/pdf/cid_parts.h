// The data parts of an embedded CIDFontType2 font, as pure functions (no
// libharu): subset tag, ToUnicode CMap, CIDSet, descriptor estimates.
//
// CIDs are the renumbered subset GIDs (CIDToGIDMap /Identity), so "CID" and "new
// GID" are the same number throughout.
#pragma once

#include "fonts/subset.h"

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vanban::pdf {

// Six uppercase letters for the subset font name "ABCDEF+LiberationSerif"
// (PDF 32000-1 §9.6.4), derived from the font and its glyph set so that the same
// input always gives the same name and different subsets rarely share one.
std::string subset_tag(std::string_view postscript_name, std::span<const unsigned> glyphs);

// A ToUnicode CMap (§9.10.3; Adobe TN 5411) with one bfchar entry per drawn CID,
// mapping it to the first code point drawn with it (UTF-16BE), ≤ 100 entries per
// block as the CMap syntax requires. `first_cp` is indexed by original GID.
std::string to_unicode_cmap(const fonts::SubsetFont& subset, std::span<const char32_t> first_cp);

// /CIDSet stream data (§9.8.3, Table 124): bit i (most significant bit first) set
// when CID i is present. After renumbering every CID 0 … n−1 is present,
// including .notdef and composite components.
std::string cid_set(unsigned glyph_count);

// Fonts do not record StemV; estimate it from the weight class (400 → 43, 700 → 125)
// as the prototype did: 10 + 220·((w − 50)/900)².
int stem_v_estimate(int weight);

// Whether the face has serifs, from OS/2 sFamilyClass (classes 1–5, 7) or, when
// unclassified, PANOSE bSerifStyle (2–10, 14, 15 are not sans).
bool has_serifs(const fonts::Face& face);

// Font descriptor /Flags (§9.8.2, Table 123): Symbolic (Vietnamese is outside the
// Standard Latin set), Serif from the face, Italic from the style or the face.
int descriptor_flags(fonts::Style style, const fonts::Face& face);

// The /W entries (§9.7.4.3) as runs of consecutive CIDs: (first CID, widths in 1/1000
// em), for the requested glyphs only (.notdef and composite components are never
// shown). Widths are the face's own advances, unrounded: layout measured exactly these.
std::vector<std::pair<unsigned, std::vector<double>>> cid_width_runs(const fonts::Face& face,
                                                                      const fonts::SubsetFont& subset);

}  // namespace vanban::pdf
