#include "report/collate.h"

#include "core/diagnostic.h"

#include <unicode/coll.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

namespace vanban::report {

namespace {

void check(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) throw Error({"", 0, 0, "", std::string(what) + ": " + u_errorName(status)});
}

icu::Collator& vi_collator() {
    // Creating a collator loads and parses ICU's tailoring data (tens of µs); cloning
    // the prototype per thread is cheap and keeps each thread's instance private.
    static const std::unique_ptr<const icu::Collator> prototype = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
        check(status, "cannot create ICU's Vietnamese collator");
        c->setAttribute(UCOL_NORMALIZATION_MODE, UCOL_ON, status);
        check(status, "cannot configure ICU's Vietnamese collator");
        return std::unique_ptr<const icu::Collator>(std::move(c));
    }();
    thread_local const std::unique_ptr<icu::Collator> mine(prototype->clone());
    return *mine;
}

icu::Transliterator& folder() {
    static const std::unique_ptr<const icu::Transliterator> prototype = [] {
        UErrorCode status = U_ZERO_ERROR;
        // Latin-ASCII strips the tone and vowel marks and maps đ to d.
        std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
            "NFC; Latin-ASCII; Lower", UTRANS_FORWARD, status));
        check(status, "cannot create ICU's Latin-ASCII transliterator");
        return std::unique_ptr<const icu::Transliterator>(std::move(t));
    }();
    thread_local const std::unique_ptr<icu::Transliterator> mine(prototype->clone());
    return *mine;
}

}  // namespace

std::string vi_sort_key(std::string_view name) {
    icu::Collator& c = vi_collator();
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    std::string key(static_cast<std::size_t>(c.getSortKey(u, nullptr, 0)), '\0');
    c.getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), static_cast<int32_t>(key.size()));
    if (!key.empty() && key.back() == '\0') key.pop_back();  // ICU counts the terminator
    return key;
}

std::string fold(std::string_view name) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    folder().transliterate(u);
    std::string ascii;
    u.toUTF8String(ascii);
    std::string out;
    for (char ch : ascii) {
        const bool space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += ch;
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool names_match(std::string_view haystack, std::string_view needle) {
    const std::string h = " " + fold(haystack) + " ";
    const std::string n = fold(needle);
    return !n.empty() && h.find(" " + n + " ") != std::string::npos;
}

}  // namespace vanban::report
