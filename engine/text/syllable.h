// Is a word spelled like a Vietnamese syllable? Used to tell a correct decoding of
// legacy text from mojibake, and by the lint stage.
#pragma once

#include <string_view>

namespace vanban::text {

// True when `word` (any case, NFC or NFD) is an initial consonant (b, ch, d, đ, g, gh,
// gi, kh, ng, ngh, nh, ph, qu, th, tr, …, or none), a vowel nucleus Vietnamese
// spelling allows (a, ươ, uyê, …) and a final (c, ch, m, n, ng, nh, p, t, or none),
// with at most one tone mark: "Việt", "nghiêng", "khuya", "gì", "quốc" are;
// "ViÖt", "Vieät", "nguoiw" are not. A spelling check, not a dictionary: some
// non-words pass ("bêng").
bool is_vietnamese_syllable(std::string_view word);

}  // namespace vanban::text
