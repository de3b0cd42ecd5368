// Where a wrapped Vietnamese name or title may break. Vietnamese writes one syllable
// per space, so "GIAO THÔNG" looks like two words to a line breaker; a break between
// them reads as a spelling mistake ("CÔNG ĐOÀN NGÀNH GIAO / THÔNG VẬN TẢI"). A small
// word list compiled into the binary (phrases-vi.txt) tells the breaks apart; the
// layout stage turns these kinds into costs (layout/breaks.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vanban::text {

enum class BreakKind {
    plain,          // between two words: fine
    before_head,    // before a phrase head (TỈNH, THÀNH PHỐ, VIỆT NAM, …): a good place (§10 step 3)
    inside_phrase,  // inside an organ's name or a set phrase (BAN THƯỜNG VỤ), after a bare number
    inside_word,    // between the syllables of one word (GIAO THÔNG): reads as a mistake
    never,          // after "TM." / "KT." …, before a lone "-": the line would start or end wrongly
};

// The words of `s` between runs of spaces (the unit break_kinds works on).
std::vector<std::string> split_spaces(std::string_view s);

// The kind of each break of `words` (a text split at its spaces, any case): element i
// describes the break before words[i]; element 0 is always plain. Where entries
// overlap, the worst kind wins, except that a head's bonus never lifts a worse kind.
std::vector<BreakKind> break_kinds(const std::vector<std::string>& words);

// The same for a text with single spaces (convenience for tests and callers that hold a line).
std::vector<BreakKind> break_kinds(std::string_view text);

// How many entries each section of the embedded list has ({words, phrases, heads,
// prefixes}); for tests that the list was compiled in.
std::vector<std::size_t> phrase_list_sizes();

}  // namespace vanban::text
