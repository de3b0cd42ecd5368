#include "input/checker.h"

#include "core/diagnostic.h"
#include "text/text.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace vanban::input::detail {

using json = nlohmann::json;

Field Field::member(std::string_view key) const {
    return {*value.find(std::string(key)), pointer + "/" + pointer_token(key)};
}

Field Field::item(std::size_t index) const {
    return {value[index], pointer + "/" + std::to_string(index)};
}

std::string type_phrase(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float: return "a number";
        case json::value_t::string: return "a string";
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        default: return "something else";
    }
}

std::string value_phrase(const json& v) {
    return v.is_number() ? v.dump() : type_phrase(v);
}

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) ||
           c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// Whether `f` holds for every character of `s`, stopping at the first that fails it.
// Decoded a character at a time, not into a u32string per field (an allocation per field
// was a quarter of the glyph check): ASCII directly, a longer sequence through to_u32 of
// its own bytes (short enough to stay in the string's inline buffer). `s` is clean text,
// so valid UTF-8 and every sequence is whole.
template <class F>
bool all_chars(std::string_view s, F f) {
    for (std::size_t i = 0; i < s.size();) {
        const auto lead = static_cast<unsigned char>(s[i]);
        if (lead < 0x80) {
            if (!f(static_cast<char32_t>(lead))) return false;
            ++i;
            continue;
        }
        const std::size_t len = std::min<std::size_t>(lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2, s.size() - i);
        for (const char32_t c : text::to_u32(s.substr(i, len))) {
            if (!f(c)) return false;
        }
        i += len;
    }
    return true;
}

bool is_blank(std::string_view s) { return all_chars(s, is_space); }

std::optional<std::int64_t> whole_number(const json& v) {
    if (v.is_number_unsigned()) {
        const auto n = v.get<std::uint64_t>();
        if (n > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return std::nullopt;
        return static_cast<std::int64_t>(n);
    }
    if (v.is_number_integer()) return v.get<std::int64_t>();
    if (v.is_number_float()) {
        // Within ±2^53 a double holds every whole number exactly.
        const double d = v.get<double>();
        if (std::trunc(d) == d && std::fabs(d) <= 9007199254740992.0) return static_cast<std::int64_t>(d);
    }
    return std::nullopt;
}

namespace {

// Messages count characters, not bytes: "(at character 12)" is 1-based.
std::size_t character_number(std::string_view s, std::size_t byte_offset) {
    std::size_t n = 1;
    for (std::size_t i = 0; i < byte_offset && i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
    }
    return n;
}

std::string at_character(std::size_t n) {
    return " (at character " + std::to_string(n) + ")";
}

// clean_text says "control character U+0007 is not allowed"; the phrase is added
// here only if the text service ever words it shorter ("control character U+0007").
std::string refusal(std::string message, std::string_view where) {
    const std::string_view tail = " is not allowed";
    if (message.size() < tail.size() || message.compare(message.size() - tail.size(), tail.size(), tail) != 0) {
        message += tail;
    }
    return message + std::string(where);
}

std::size_t edit_distance(std::u32string_view a, std::u32string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

// The known key within two edits of `key`, if any; a key of one or two characters
// is "within two edits" of everything, so it must be closer than its own length.
std::optional<std::string_view> closest(std::string_view key, std::initializer_list<std::string_view> known) {
    const std::u32string k = text::to_u32(key);
    std::optional<std::string_view> best;
    std::size_t best_distance = 3;
    for (const auto candidate : known) {
        const std::size_t d = edit_distance(k, text::to_u32(candidate));
        if (d < best_distance && d < k.size()) {
            best = candidate;
            best_distance = d;
        }
    }
    return best;
}

std::string quoted_list(std::initializer_list<std::string_view> items) {
    std::string out;
    for (const auto item : items) {
        if (!out.empty()) out += ", ";
        out += "'" + std::string(item) + "'";
    }
    return out;
}

}  // namespace

void Checker::fail(const Field& f, std::string message) const {
    fail(f.pointer, std::move(message));
}

void Checker::fail(const std::string& pointer, std::string message) const {
    fail_at_pointer(options_.file_name, pointer, std::move(message));
}

void Checker::wrong_type(const Field& f, std::string_view expected) const {
    fail(f, "expected " + std::string(expected) + ", got " + type_phrase(f.value));
}

void Checker::expect_object(const Field& f, std::initializer_list<std::string_view> known) const {
    if (!f.value.is_object()) wrong_type(f, "an object");
    for (const auto& [key, value] : f.value.items()) {
        if (std::find(known.begin(), known.end(), key) != known.end()) continue;
        std::string message = "unknown field '" + key + "'";
        if (const auto guess = closest(key, known)) message += " (did you mean '" + std::string(*guess) + "'?)";
        fail(f.member(key), message);
    }
}

void Checker::expect_array(const Field& f, std::string_view noun) const {
    if (!f.value.is_array()) wrong_type(f, "an array");
    if (!noun.empty() && f.value.empty()) fail(f, "expected at least one " + std::string(noun));
}

std::optional<Field> Checker::optional(const Field& object, std::string_view key) const {
    if (!object.value.contains(std::string(key))) return std::nullopt;
    return object.member(key);
}

Field Checker::required(const Field& object, std::string_view key) const {
    if (!object.value.contains(std::string(key))) {
        fail(object.pointer + "/" + pointer_token(key), "missing required field '" + std::string(key) + "'");
    }
    return object.member(key);
}

std::string Checker::text(const Field& f, TextRule rule) const {
    if (!f.value.is_string()) wrong_type(f, "a string");
    const auto& raw = f.value.get_ref<const std::string&>();
    std::optional<text::TextProblem> problem;
    std::string s = text::clean_text(raw, text::CleanOptions{.keep_newlines = rule.keep_newlines}, problem);
    if (problem) fail(f, refusal(problem->message, at_character(character_number(raw, problem->offset))));
    if (rule.not_blank && is_blank(s)) fail(f, "must not be blank");
    if (rule.printed) check_glyphs(f, s);
    return s;
}

std::string Checker::required_text(const Field& object, std::string_view key, TextRule rule) const {
    rule.not_blank = true;
    return text(required(object, key), rule);
}

std::string Checker::optional_text(const Field& object, std::string_view key, TextRule rule) const {
    const auto f = optional(object, key);
    return f ? text(*f, rule) : std::string();
}

void Checker::expect_one_of(const Field& f, std::string_view value, std::initializer_list<std::string_view> allowed) const {
    if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
    fail(f, "expected one of " + quoted_list(allowed) + ", got '" + std::string(value) + "'");
}

bool Checker::boolean(const Field& f) const {
    if (!f.value.is_boolean()) wrong_type(f, "true or false");
    return f.value.get<bool>();
}

std::string Checker::number_text(const Field& f) const {
    if (f.value.is_number_float()) {
        if (const auto it = parsed_.number_texts.find(f.pointer); it != parsed_.number_texts.end()) return it->second;
    }
    return f.value.dump();
}

std::string Checker::clean_key(const Field& member, std::string_view key) const {
    std::optional<text::TextProblem> problem;
    std::string s = text::clean_text(key, {}, problem);
    if (problem) {
        fail(member, refusal(problem->message, " in a field name" + at_character(character_number(key, problem->offset))));
    }
    return s;
}

void Checker::check_glyphs(const Field& f, std::string_view s) const {
    if (!options_.has_glyph) return;
    std::size_t n = 0;
    all_chars(s, [&](char32_t c) {
        ++n;
        if (c == '\n') return true;  // a forced line break, not drawn
        if (!options_.has_glyph(c)) fail(f, "the font has no glyph for " + text::describe(c) + at_character(n));
        return true;
    });
}

}  // namespace vanban::input::detail
