// Title and sentence case on ICU (UnicodeString::toTitle with Locale "vi").
#include "text/casing.h"

#include "text/icu_util.h"
#include "text/text.h"

#include <unicode/brkiter.h>
#include <unicode/stringoptions.h>

#include <memory>

namespace vanban::text {

namespace {

// toTitle opens a new word iterator on every call when given none; one per thread
// is kept instead (an iterator holds the text it was last set to, so it is not shared).
icu::BreakIterator& word_iterator() {
    static const std::unique_ptr<const icu::BreakIterator> prototype = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(detail::vi_locale(), status));
        detail::check_icu(status, "cannot create the Vietnamese word break iterator");
        return std::unique_ptr<const icu::BreakIterator>(std::move(it));
    }();
    thread_local const std::unique_ptr<icu::BreakIterator> mine(prototype->clone());
    return *mine;
}

std::string titled(std::string_view s, uint32_t options) {
    icu::UnicodeString u = detail::ustr(s);
    // A break iterator must not be passed together with WHOLE_STRING.
    u.toTitle(options & U_TITLECASE_WHOLE_STRING ? nullptr : &word_iterator(), detail::vi_locale(), options);
    // Case mapping does not preserve NFC (NFD input stays NFD), hence the re-normalisation.
    return to_nfc(detail::utf8(u));
}

}  // namespace

std::string title_vi(std::string_view s) {
    return titled(s, 0);
}

std::string capitalize_first_vi(std::string_view s) {
    // WHOLE_STRING: the whole string is one "word", so only its first cased letter is
    // titled; NO_LOWERCASE keeps the rest as written.
    return titled(s, U_TITLECASE_WHOLE_STRING | U_TITLECASE_NO_LOWERCASE);
}

}  // namespace vanban::text
