#include "input/conventions.h"

#include "text/text.h"

#include <algorithm>

namespace vanban::input {

namespace {

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(' ');
    if (first == std::string_view::npos) return {};
    return std::string(s.substr(first, s.find_last_not_of(' ') - first + 1));
}

// "SỐ 2" / "Số 2" → "số 2": the word continues the normal-case line "Phụ lục số 2".
std::string lower_so(const std::string& s) {
    const std::string kSo = "SỐ ";  // same byte length in any case
    if (s.size() > kSo.size() && text::upper_vi(s.substr(0, kSo.size())) == kSo) return "số " + s.substr(kSo.size());
    return s;
}

// "II", "12", "2a", "số 3": what may follow "Phụ lục" as its number.
bool is_designator(const std::string& s) {
    std::string rest = lower_so(s);
    if (rest.rfind("số ", 0) == 0) rest = trim(rest.substr(std::string("số ").size()));
    if (rest.empty() || rest.size() > 8) return false;
    const bool roman = rest.find_first_not_of("IVXLCDM") == std::string::npos;
    const bool digits = rest.front() >= '0' && rest.front() <= '9' &&
                        std::all_of(rest.begin(), rest.end(), [](char c) {
                            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                        });
    return roman || digits;
}

}  // namespace

std::string after_appendix_word(std::string_view s, bool& found) {
    const std::string t = trim(s);
    static const std::string kWord = "PHỤ LỤC";  // same byte length in any case (NFC)
    found = t.size() >= kWord.size() && text::upper_vi(t.substr(0, kWord.size())) == kWord &&
            (t.size() == kWord.size() || t[kWord.size()] == ' ' || t[kWord.size()] == ':');
    if (!found) return t;
    std::string rest = trim(t.substr(kWord.size()));
    if (!rest.empty() && rest.front() == ':') rest = trim(rest.substr(1));
    return rest;
}

AppendixHeading appendix_heading(std::string_view label, std::string_view title, std::string_view subtitle) {
    AppendixHeading out;
    bool found = false;
    out.label = lower_so(after_appendix_word(label, found));
    const std::string sub = trim(subtitle);
    const std::string rest = label.empty() ? after_appendix_word(title, found) : trim(title);
    if (label.empty() && found) {
        if (rest.empty() || is_designator(rest)) {
            out.label = lower_so(rest);
            out.title = sub;
        } else {
            out.title = sub.empty() ? rest : rest + "\n" + sub;
        }
        return out;
    }
    out.title = sub.empty() ? rest : rest.empty() ? sub : rest + "\n" + sub;
    return out;
}

bool is_archive_item(std::string_view item) {
    std::string t = trim(item);
    if (t.rfind("- ", 0) == 0) t = trim(t.substr(2));
    static const std::string kWord = "LƯU";  // 4 bytes in NFC, any case
    if (t.size() <= kWord.size() || text::upper_vi(t.substr(0, kWord.size())) != kWord) return false;
    const std::string rest = trim(t.substr(kWord.size()));
    return !rest.empty() && rest.front() == ':';
}

std::vector<std::string> archive_last(std::vector<std::string> items) {
    std::stable_partition(items.begin(), items.end(), [](const std::string& s) { return !is_archive_item(s); });
    return items;
}

}  // namespace vanban::input
