// PDF lexical details used when we write content-stream operators ourselves
// (PDF 32000-1 §7.3 objects, §9.4 text operators), and the Unicode conversions
// the writer needs. Pure functions: no libharu.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace vanban::pdf {

// Appends a real number (§7.3.3): fixed point, at most 3 decimals, no trailing
// zeros, never "-0". 0.001 pt and 0.001/1000 em are far below anything visible.
void append_number(std::string& out, double value);

// Appends 2-byte character codes (Identity-H, §9.7.5.2) as one literal string
// (§7.3.4.2). ( ) \ are escaped because they are syntax; CR and LF because a
// reader turns an unescaped CR, LF or CR LF inside a literal string into one LF
// (§7.3.4.2), which would change a code. Every other byte is written as is.
void append_literal_codes(std::string& out, std::span<const std::uint16_t> codes);

// Appends bytes as uppercase hex digits (for <…> strings and CMap entries).
void append_hex(std::string& out, std::span<const std::uint8_t> bytes);
void append_hex16(std::string& out, std::uint16_t value);  // exactly 4 digits

// Decodes one code point of UTF-8 starting at `i` and advances `i`. Returns
// nullopt on ill-formed input (bad lead or continuation byte, overlong form,
// surrogate, > U+10FFFF, truncation).
std::optional<char32_t> next_code_point(std::string_view s, std::size_t& i);

// UTF-16BE code units of `c` (a surrogate pair above U+FFFF) as bytes.
void append_utf16be(std::string& out, char32_t c);

// A PDF text string (§7.9.2.2) in UTF-16BE with the byte order mark FE FF.
// Throws vanban::Error naming `what` if `utf8` is not valid UTF-8.
std::string utf16be_text_string(std::string_view utf8, std::string_view what);

}  // namespace vanban::pdf
