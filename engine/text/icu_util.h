// ICU plumbing shared by the text services. Internal to engine/text.
//
// Caching rule: ICU objects that are expensive to build (RBNF rules, collators,
// transliterators, break iterators) are built once per process as a prototype and
// cloned once per thread. Their formatting/comparing methods are const, but ICU does
// not promise that every such class may be used from two threads at once, and a
// break iterator carries state (the text it is set to), so each thread gets its own.
#pragma once

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace vanban::text::detail {

inline void check_icu(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) throw std::runtime_error(std::string(what) + ": " + u_errorName(status));
}

inline icu::UnicodeString ustr(std::string_view s) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

inline std::string utf8(const icu::UnicodeString& u) {
    std::string out;
    u.toUTF8String(out);
    return out;
}

// The default locale is en_US_POSIX; every locale-sensitive call names "vi".
inline const icu::Locale& vi_locale() {
    static const icu::Locale vi("vi");
    return vi;
}

}  // namespace vanban::text::detail
