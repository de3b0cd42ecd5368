#include "text/phrases.h"

#include "text/text.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace vanban::text {

namespace detail {
extern const std::string_view kPhraseList;  // phrases_data.cpp, generated from phrases-vi.txt
}

namespace {

using Entry = std::vector<std::string>;  // upper-case syllables

enum Section { kWords, kPhrases, kHeads, kPrefixes, kSections };

struct PhraseList {
    std::array<std::vector<Entry>, kSections> sections;
    std::vector<bool> head_keeps_next;  // per [heads] entry: written with a trailing "…"
    // The [words], [phrases] and [heads] entries by their first syllable, and the
    // [prefixes]' first syllables: break_kinds looks up each word once instead of
    // comparing it with every entry (that scan was ~12 % of a warm letter).
    struct Ref {
        Section section;
        std::size_t index;
    };
    std::unordered_map<std::string, std::vector<Ref>> by_first;
    std::unordered_set<std::string> prefix_firsts;
};

// Upper case without the punctuation that may follow or open a word: "NAM," → "NAM",
// "(KÈM" → "KÈM". The prefixes keep their dot ("TM.").
std::string key_of(const std::string& upper_word, bool keep_dot) {
    std::string k = upper_word;
    while (!k.empty() && (k.back() == ',' || k.back() == ';' || k.back() == ':' || k.back() == ')' ||
                          (k.back() == '.' && !keep_dot))) {
        k.pop_back();
    }
    std::size_t start = 0;
    while (start < k.size() && (k[start] == '(' || k[start] == '"')) ++start;
    return k.substr(start);
}

const PhraseList& phrase_list() {
    static const PhraseList list = [] {
        PhraseList out;
        int section = -1;
        std::size_t at = 0;
        const std::string_view all = detail::kPhraseList;
        while (at < all.size()) {
            auto end = all.find('\n', at);
            if (end == std::string_view::npos) end = all.size();
            std::string_view line = all.substr(at, end - at);
            at = end + 1;
            while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
            if (line.empty() || line.front() == '#') continue;
            if (line == "[words]") section = kWords;
            else if (line == "[phrases]") section = kPhrases;
            else if (line == "[heads]") section = kHeads;
            else if (line == "[prefixes]") section = kPrefixes;
            else if (section < 0) throw std::logic_error("phrases-vi.txt: an entry before the first [section]");
            else {
                auto entry = split_spaces(upper_vi(line));
                const bool keep_next = !entry.empty() && entry.back() == "…";
                if (keep_next) entry.pop_back();
                if (entry.empty()) throw std::logic_error("phrases-vi.txt: an empty entry");
                if (section == kHeads) out.head_keeps_next.push_back(keep_next);
                out.sections[section].push_back(std::move(entry));
            }
        }
        for (const auto section : {kWords, kPhrases, kHeads}) {
            const auto& entries = out.sections[section];
            for (std::size_t i = 0; i < entries.size(); ++i) out.by_first[entries[i].front()].push_back({section, i});
        }
        for (const auto& e : out.sections[kPrefixes]) out.prefix_firsts.insert(e.front());
        return out;
    }();
    return list;
}

bool matches(const std::vector<std::string>& keys, std::size_t at, const Entry& e) {
    if (at + e.size() > keys.size()) return false;
    for (std::size_t k = 0; k < e.size(); ++k) {
        if (keys[at + k] != e[k]) return false;
    }
    return true;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::vector<std::string> split_spaces(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < s.size() && s[i] != ' ') ++i;
        if (i > start) out.emplace_back(s.substr(start, i - start));
    }
    return out;
}

std::vector<BreakKind> break_kinds(const std::vector<std::string>& words) {
    const auto& list = phrase_list();
    std::vector<std::string> keys, prefix_keys;
    for (const auto& w : words) {
        const std::string upper = upper_vi(w);
        keys.push_back(key_of(upper, false));
        prefix_keys.push_back(key_of(upper, true));
    }
    std::vector<BreakKind> kinds(words.size(), BreakKind::plain);
    auto worsen = [&](std::size_t i, BreakKind k) {
        if (i > 0 && i < kinds.size() && static_cast<int>(k) > static_cast<int>(kinds[i])) kinds[i] = k;
    };
    for (std::size_t i = 0; i < keys.size(); ++i) {
        // Every kind only ever worsens, so the order the entries are met in does not matter.
        const auto starting = list.by_first.find(keys[i]);
        if (starting != list.by_first.end()) {
            for (const auto& [section, index] : starting->second) {
                const auto& e = list.sections[section][index];
                if (!matches(keys, i, e)) continue;
                if (section == kHeads) {
                    worsen(i, BreakKind::before_head);
                    for (std::size_t k = 1; k < e.size(); ++k) worsen(i + k, BreakKind::inside_phrase);
                    if (list.head_keeps_next[index]) worsen(i + e.size(), BreakKind::inside_phrase);  // "TỈNH / NGHỆ AN"
                    continue;
                }
                const BreakKind inside = section == kWords ? BreakKind::inside_word : BreakKind::inside_phrase;
                for (std::size_t k = 1; k < e.size(); ++k) worsen(i + k, inside);
            }
        }
        if (list.prefix_firsts.count(prefix_keys[i])) worsen(i + 1, BreakKind::never);
        // A number stays with its noun ("2 năm", "Nghị quyết 20-NQ/TW"); a lone dash never
        // starts a line, and a line ending in one reads as a cut word.
        if (all_digits(keys[i])) worsen(i + 1, BreakKind::inside_phrase);
        if (!keys[i].empty() && keys[i].front() >= '0' && keys[i].front() <= '9') {
            worsen(i, BreakKind::inside_phrase);  // "NGHỊ QUYẾT / 20-NQ/TW", "NĂM / 2025"
        }
        if (words[i] == "-" || words[i] == "–") {
            worsen(i, BreakKind::never);
            worsen(i + 1, BreakKind::inside_word);  // "THAN - / KHOÁNG SẢN": a line ending in a dash
        }
    }
    return kinds;
}

std::vector<BreakKind> break_kinds(std::string_view text) { return break_kinds(split_spaces(text)); }

std::vector<std::size_t> phrase_list_sizes() {
    const auto& list = phrase_list();
    std::vector<std::size_t> out;
    for (const auto& s : list.sections) out.push_back(s.size());
    return out;
}

}  // namespace vanban::text
