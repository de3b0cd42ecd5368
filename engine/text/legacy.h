// Vietnamese text in the encodings offices used before Unicode, and back.
//
//  - TCVN3 (TCVN 5712:1993 "ABC", the .VnTime fonts): one byte per letter, lower-case
//    letters and Ă Â Ê Ô Ơ Ư Đ only. Capitals with tone marks do not exist: the
//    upper-case fonts (.VnTimeH) drew capitals for the lower-case codes, so such text
//    needs the `upper_font` hint to come out in capitals.
//  - VNI (VNI-Windows, the VNI-Times fonts): an ASCII vowel followed by one byte that
//    adds the marks ("Vieät" = V i e + 0xE4), a few letters as single bytes.
//  - VIQR (RFC 1456): ASCII marks after the vowel, "Vie^.t Nam", "dd" for đ.
//  - CP1258 (Windows Vietnamese): decoded by ICU ("ibm-1258"; ICU's "windows-1258"
//    alias is ambiguous), then NFC.
// ICU has no TCVN3, VNI or VIQR converter, so those three tables are written here.
//
// Legacy text arrives in two shapes, both handled:
//  - raw bytes (an old .txt file): invalid as UTF-8;
//  - "text form": the bytes were read as Windows-1252 along the way (Word keeps
//    .VnTime text as Windows-1252 characters; copied out, it shows as "ViÖt Nam"),
//    so the string is valid UTF-8 full of Latin-1 letters.
// Every decoder returns NFC UTF-8. Characters that are already Unicode beyond
// Windows-1252 pass through a text-form decode unchanged.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace vanban::text {

enum class Encoding { tcvn3, vni, viqr, cp1258 };

// "tcvn3", "vni", "viqr", "cp1258" (any case; "tcvn", "abc" and "windows-1258"
// are accepted too). nullopt for anything else.
std::optional<Encoding> encoding_from_name(std::string_view name);
// The short name accepted above: "tcvn3".
const char* encoding_name(Encoding e);
// A name for people: "TCVN3 (TCVN 5712 ABC, .VnTime)".
const char* encoding_title(Encoding e);

struct LegacyOptions {
    // TCVN3 only: the text was typed in an upper-case font (.VnTimeH), so every
    // letter is a capital whatever its code. Decoding upper-cases the result (vi
    // rules); encoding writes capitals with the lower-case codes.
    bool upper_font = false;
};

// Raw bytes → NFC UTF-8. Bytes a table leaves empty come out as the Windows-1252
// character a reader would have seen. Never fails.
std::string decode_legacy_bytes(std::string_view bytes, Encoding e, const LegacyOptions& options = {});

// Text form (valid UTF-8) → NFC UTF-8: each character of Windows-1252 (or
// Latin-1) is turned back into its byte and decoded; other characters are kept.
std::string decode_legacy_text(std::string_view utf8, Encoding e, const LegacyOptions& options = {});

// Either shape: valid UTF-8 is taken as text form, anything else as bytes.
std::string decode_legacy(std::string_view data, Encoding e, const LegacyOptions& options = {});

class LegacyError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// NFC/NFD UTF-8 → legacy bytes (VIQR: ASCII text), the inverse of
// decode_legacy_bytes. For tests, and for exchanging files with old software.
// Throws LegacyError naming the first character the encoding cannot write (and for
// CP1258, which ICU converts from, not to, the Vietnamese decomposed form).
std::string encode_legacy(std::string_view utf8, Encoding e, const LegacyOptions& options = {});

// What a piece of text most likely is, judged by decoding it every way and counting
// the words that come out as Vietnamese syllables.
struct Detection {
    enum class Verdict {
        ascii,    // nothing beyond ASCII and no VIQR: nothing to convert
        unicode,  // already Unicode (maybe NFD: NFC fixes that, no conversion)
        legacy,   // `encoding` (the bytes or their text form)
        unsure,   // no reading, or more than one, is convincing: refuse, do not guess
    };
    Verdict verdict = Verdict::unsure;
    std::optional<Encoding> encoding;
    // One line for people: "TCVN3 (TCVN 5712 ABC, .VnTime): 12 of 12 words are
    // Vietnamese (Unicode as is: 2 of 9, VNI: 3 of 12, …)".
    std::string summary;
};
Detection detect_encoding(std::string_view data);

}  // namespace vanban::text
