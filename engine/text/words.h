// Numbers in words ("số thành chữ") on ICU's "vi" spell-out rules (RBNF).
//
// ICU reads 105 as "một trăm lẻ năm"; the Northern "linh" is the default here because
// it is what the national school textbooks and most administrative documents write;
// `le` restores ICU's "lẻ". "nghìn" is ICU's and the default; `ngan` gives the
// Southern "ngàn". Both options change only those words.
#pragma once

#include "text/numbers.h"

#include <optional>
#include <string>

namespace vanban::text {

struct WordsOptions {
    bool le = false;          // "lẻ" instead of "linh" (one hundred and five: "một trăm lẻ năm")
    bool ngan = false;        // "ngàn" instead of "nghìn"
    bool capitalize = false;  // "Một triệu…" (first letter only)
};

// The everyday reading, as ICU gives it: 1250000 → "một triệu hai trăm năm mươi
// nghìn", 1005000 → "một triệu năm nghìn", 12.5 → "mười hai phẩy năm", -3 → "âm ba".
// Fraction digits are read one by one and trailing zeros are not read.
// Throws std::out_of_range for 10^18 and above (ICU prints digits there).
std::string number_in_words(const Decimal& d, const WordsOptions& options = {});

// The formal reading used for sums of money: after the leading group, every
// non-zero group of three digits is read in full, "không trăm" included, so no
// group can be misread: 1005000 → "một triệu không trăm linh năm nghìn",
// 1000005 → "một triệu không trăm linh năm", 1005000000000 → "một nghìn không trăm
// linh năm tỷ". Groups of zeros are skipped. Each group is ICU's reading.
// Throws std::out_of_range for 10^18 and above.
std::string formal_number_in_words(const Decimal& d, const WordsOptions& options = {});

// An amount in đồng, capitalised by default: 1250000 → "Một triệu hai trăm năm mươi
// nghìn đồng chẵn" ("chẵn": no fraction), 1250000.5 → "… nghìn phẩy năm đồng",
// 0 → "Không đồng". Formal reading.
std::string amount_in_words(const Decimal& d, const WordsOptions& options = {.capitalize = true});

// The line under a total: "Bằng chữ: Một triệu hai trăm năm mươi nghìn đồng chẵn./."
std::string amount_line(const Decimal& d, const WordsOptions& options = {.capitalize = true});

// 1 → "thứ nhất", 2 → "thứ hai", 4 → "thứ tư", 14 → "thứ mười bốn", 105 → "thứ một
// trăm linh năm" (ICU's "%spellout-ordinal"; its "thứ nhì" for 2 is the ranking word
// — "giải nhì" — while documents write "lần thứ hai"). nullopt below 1.
std::optional<std::string> ordinal_in_words(long long n, const WordsOptions& options = {});

// 13 → "thứ XIII" (as in "lần thứ XIII", "Đại hội lần thứ XIII"); nullopt outside 1–3999.
std::optional<std::string> ordinal_roman(long long n);

}  // namespace vanban::text
