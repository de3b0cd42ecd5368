// Legacy encodings: the public entry points, the Windows-1252 view, letter
// decomposition and CP1258 (ICU). The tables are in legacy_tcvn3.cpp,
// legacy_vni.cpp and legacy_viqr.cpp; detection in legacy_detect.cpp.
#include "text/legacy.h"

#include "text/icu_util.h"
#include "text/legacy_codecs.h"
#include "text/text.h"

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>

#include <array>
#include <map>
#include <memory>

namespace vanban::text {

namespace detail {

namespace {

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

// A converter holds conversion state, so each thread opens its own (ICU shares the
// mapping data behind them).
Converter open_converter(const char* name) {
    UErrorCode status = U_ZERO_ERROR;
    Converter c(ucnv_open(name, &status));
    check_icu(status, "cannot open an ICU converter");
    return c;
}

std::string to_utf8_icu(UConverter* c, std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    ucnv_reset(c);
    const icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), c, status);
    check_icu(status, "legacy decoding failed");
    return utf8(u);
}

struct Windows1252 {
    std::array<std::string, 256> chars;
    std::map<char32_t, unsigned char> bytes;  // only the characters above U+00FF
};

const Windows1252& windows1252() {
    static const Windows1252 table = [] {
        Windows1252 t;
        const Converter c = open_converter("ibm-5348");  // Windows-1252 with the euro sign
        for (int b = 0; b < 256; ++b) {
            const char byte = static_cast<char>(b);
            std::string s = to_utf8_icu(c.get(), std::string_view(&byte, 1));
            const std::u32string u = to_u32(s);
            if (u.size() != 1 || u[0] == 0x1A || u[0] == 0xFFFD) s = to_utf8(static_cast<char32_t>(b));
            t.chars[static_cast<std::size_t>(b)] = s;
            const char32_t cp = to_u32(s)[0];
            if (cp > 0xFF) t.bytes[cp] = static_cast<unsigned char>(b);
        }
        return t;
    }();
    return table;
}

}  // namespace

const std::string& windows1252_char(unsigned char byte) {
    return windows1252().chars[byte];
}

std::optional<unsigned char> windows1252_byte(char32_t c) {
    if (c <= 0xFF) return static_cast<unsigned char>(c);
    const auto& m = windows1252().bytes;
    const auto it = m.find(c);
    if (it == m.end()) return std::nullopt;
    return it->second;
}

std::optional<LetterParts> split_letter(char32_t c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return LetterParts{c, 0, 0};
    if (c == U'đ' || c == U'Đ') return LetterParts{c, 0, 0};
    static const icu::Normalizer2& nfd = [] () -> const icu::Normalizer2& {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
        check_icu(status, "ICU NFD data is unavailable");
        return *n;
    }();
    icu::UnicodeString d;
    if (!nfd.getDecomposition(static_cast<UChar32>(c), d)) return std::nullopt;
    const std::u32string parts = to_u32(utf8(d));
    LetterParts p;
    p.base = parts[0];
    if (p.base > 0x7F || !((p.base | 0x20) >= 'a' && (p.base | 0x20) <= 'z')) return std::nullopt;
    for (std::size_t i = 1; i < parts.size(); ++i) {
        if (is_quality(parts[i]) && p.quality == 0) {
            p.quality = parts[i];
        } else if (is_tone(parts[i]) && p.tone == 0) {
            p.tone = parts[i];
        } else {
            return std::nullopt;  // a mark Vietnamese does not use (e.g. ö, ç)
        }
    }
    return p;
}

std::string cp1258_decode(std::string_view bytes) {
    thread_local const Converter c = open_converter("ibm-1258");
    return to_utf8_icu(c.get(), bytes);
}

}  // namespace detail

namespace {

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return out;
}

std::string finish(std::string decoded, const LegacyOptions& options) {
    std::string out = to_nfc(decoded);
    return options.upper_font ? upper_vi(out) : out;
}

}  // namespace

std::optional<Encoding> encoding_from_name(std::string_view name) {
    const std::string n = lower_ascii(name);
    if (n == "tcvn3" || n == "tcvn" || n == "abc") return Encoding::tcvn3;
    if (n == "vni") return Encoding::vni;
    if (n == "viqr") return Encoding::viqr;
    if (n == "cp1258" || n == "windows-1258") return Encoding::cp1258;
    return std::nullopt;
}

const char* encoding_name(Encoding e) {
    switch (e) {
        case Encoding::tcvn3: return "tcvn3";
        case Encoding::vni: return "vni";
        case Encoding::viqr: return "viqr";
        case Encoding::cp1258: return "cp1258";
    }
    return "?";
}

const char* encoding_title(Encoding e) {
    switch (e) {
        case Encoding::tcvn3: return "TCVN3 (TCVN 5712 ABC, .VnTime)";
        case Encoding::vni: return "VNI (VNI-Windows)";
        case Encoding::viqr: return "VIQR";
        case Encoding::cp1258: return "CP1258 (Windows Vietnamese)";
    }
    return "?";
}

std::string decode_legacy_bytes(std::string_view bytes, Encoding e, const LegacyOptions& options) {
    switch (e) {
        case Encoding::tcvn3: return finish(detail::tcvn3_decode(bytes), options);
        case Encoding::vni: return finish(detail::vni_decode(bytes), options);
        case Encoding::cp1258: return finish(detail::cp1258_decode(bytes), options);
        case Encoding::viqr: {
            // VIQR is ASCII; any other byte is shown as Windows-1252 would show it.
            std::string text;
            for (const char c : bytes) text += detail::windows1252_char(static_cast<unsigned char>(c));
            return finish(detail::viqr_decode(text), options);
        }
    }
    return std::string(bytes);
}

std::string decode_legacy_text(std::string_view utf8, Encoding e, const LegacyOptions& options) {
    if (e == Encoding::viqr) return finish(detail::viqr_decode(utf8), options);
    // Runs of Windows-1252 characters go back to bytes and through the decoder; any
    // other character is already Unicode and is kept where it was.
    std::string out, run;
    const auto flush = [&] {
        if (run.empty()) return;
        out += decode_legacy_bytes(run, e);
        run.clear();
    };
    for (const char32_t c : to_u32(utf8)) {
        if (const auto b = detail::windows1252_byte(c)) {
            run += static_cast<char>(*b);
        } else {
            flush();
            out += to_utf8(c);
        }
    }
    flush();
    return finish(std::move(out), options);
}

std::string decode_legacy(std::string_view data, Encoding e, const LegacyOptions& options) {
    return find_invalid_utf8(data) ? decode_legacy_bytes(data, e, options) : decode_legacy_text(data, e, options);
}

std::string encode_legacy(std::string_view utf8, Encoding e, const LegacyOptions& options) {
    const std::u32string text = to_u32(to_nfc(utf8));
    switch (e) {
        case Encoding::tcvn3: return detail::tcvn3_encode(text, options.upper_font);
        case Encoding::vni: return detail::vni_encode(text);
        case Encoding::viqr: return detail::viqr_encode(text);
        case Encoding::cp1258:
            throw LegacyError("encoding to CP1258 is not supported (only decoding, through ICU)");
    }
    return std::string(utf8);
}

}  // namespace vanban::text
