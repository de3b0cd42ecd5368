#include "text/collation.h"

#include "text/icu_util.h"

#include <unicode/coll.h>
#include <unicode/translit.h>

#include <algorithm>
#include <memory>

namespace vanban::text {

namespace {

std::unique_ptr<const icu::Collator> make_collator(const icu::Locale& locale, icu::Collator::ECollationStrength strength) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(locale, status));
    detail::check_icu(status, "cannot create an ICU collator");
    c->setStrength(strength);
    // Canonically equivalent (NFC/NFD) input must compare equal.
    c->setAttribute(UCOL_NORMALIZATION_MODE, UCOL_ON, status);
    detail::check_icu(status, "cannot configure an ICU collator");
    return std::unique_ptr<const icu::Collator>(std::move(c));
}

icu::Collator& vi_collator() {
    static const auto prototype = make_collator(detail::vi_locale(), icu::Collator::TERTIARY);
    thread_local const std::unique_ptr<icu::Collator> mine(prototype->clone());
    return *mine;
}

icu::Collator& folding_collator() {
    static const auto prototype = make_collator(icu::Locale::getRoot(), icu::Collator::PRIMARY);
    thread_local const std::unique_ptr<icu::Collator> mine(prototype->clone());
    return *mine;
}

icu::Transliterator& latin_ascii() {
    static const std::unique_ptr<const icu::Transliterator> prototype = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(
            icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status));
        detail::check_icu(status, "cannot create ICU's Latin-ASCII transliterator");
        return std::unique_ptr<const icu::Transliterator>(std::move(t));
    }();
    thread_local const std::unique_ptr<icu::Transliterator> mine(prototype->clone());
    return *mine;
}

int compare_with(icu::Collator& c, std::string_view a, std::string_view b) {
    UErrorCode status = U_ZERO_ERROR;
    const auto r = c.compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                                 icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
    detail::check_icu(status, "collation failed");
    return r;
}

}  // namespace

int compare_vi(std::string_view a, std::string_view b) {
    return compare_with(vi_collator(), a, b);
}

void sort_vi(std::vector<std::string>& items) {
    // Sort keys once per item rather than comparing UTF-8 repeatedly.
    icu::Collator& c = vi_collator();
    std::vector<std::pair<std::string, std::size_t>> keys;
    keys.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        const icu::UnicodeString u = detail::ustr(items[i]);
        std::string key(static_cast<std::size_t>(c.getSortKey(u, nullptr, 0)), '\0');
        c.getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), static_cast<int32_t>(key.size()));
        keys.emplace_back(std::move(key), i);
    }
    std::stable_sort(keys.begin(), keys.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> sorted;
    sorted.reserve(items.size());
    for (const auto& k : keys) sorted.push_back(std::move(items[k.second]));
    items = std::move(sorted);
}

bool equal_folded(std::string_view a, std::string_view b) {
    return compare_with(folding_collator(), a, b) == 0;
}

std::string search_key(std::string_view s) {
    icu::UnicodeString u = detail::ustr(s);
    latin_ascii().transliterate(u);
    u.toLower(icu::Locale::getRoot());
    const std::string folded = detail::utf8(u);
    std::string out;
    out.reserve(folded.size());
    for (const char c : folded) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        if (!space) {
            out += c;
        } else if (!out.empty() && out.back() != ' ') {
            out += ' ';
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool contains_folded(std::string_view haystack, std::string_view needle) {
    return search_key(haystack).find(search_key(needle)) != std::string::npos;
}

}  // namespace vanban::text
