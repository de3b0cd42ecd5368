// Does the embedded font draw the text? A damaged font program (random bytes in
// 'glyf', a truncated file) still carries widths and a ToUnicode map, so text
// extraction "sees" the words while the page prints blank.
#pragma once

#include <qpdf/QPDFObjectHandle.hh>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace vanban::check {

// The codes of a Type 0 / CIDFontType2 font whose text (ToUnicode) has ink but whose
// glyph in the embedded TrueType program has no outline. Empty when the font is not
// of that kind or carries no program (nothing to judge); what cannot be read goes to
// `warnings`. Sets `checked` when the program was examined.
std::unordered_set<unsigned> blank_codes(QPDFObjectHandle cid_font, const std::unordered_map<unsigned, std::string>& unicode,
                                         bool& checked, std::vector<std::string>& warnings);

}  // namespace vanban::check
