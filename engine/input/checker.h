// Step 2 of the input stage: the small vocabulary the document rules are written
// in ("this is an object with these keys", "this is a required, printed string"),
// each failing with a message at the field's JSON Pointer. Internal to engine/input.
#pragma once

#include "input/document_input.h"
#include "input/parse_json.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace vanban::input::detail {

// A value of the input document and where it is.
struct Field {
    const nlohmann::json& value;
    std::string pointer;  // "" for the document itself

    // Preconditions: an object holding `key` / an array longer than `index`.
    Field member(std::string_view key) const;
    Field item(std::size_t index) const;
};

// How a string field is read. Every string is cleaned (text::clean_text: valid,
// NFC, no control characters); a printed one must also be drawable by the font.
struct TextRule {
    bool keep_newlines = false;  // issuer names may force a line break with "\n"
    bool printed = true;         // check every character against ReadOptions::has_glyph
    bool not_blank = false;      // refuse "" and whitespace only
};

class Checker {
public:
    Checker(const ReadOptions& options, const ParsedJson& parsed) : options_(options), parsed_(parsed) {}

    const ReadOptions& options() const { return options_; }

    [[noreturn]] void fail(const Field& f, std::string message) const;
    [[noreturn]] void fail(const std::string& pointer, std::string message) const;
    // "expected a string, got a number"; `expected` is "a string", "an object", …
    [[noreturn]] void wrong_type(const Field& f, std::string_view expected) const;

    // An object whose keys are all `known`; a typo is named with the closest known key.
    void expect_object(const Field& f, std::initializer_list<std::string_view> known) const;
    // An array; `noun` non-empty means it must hold at least one ("expected at least one signer").
    void expect_array(const Field& f, std::string_view noun = {}) const;

    std::optional<Field> optional(const Field& object, std::string_view key) const;
    Field required(const Field& object, std::string_view key) const;  // "missing required field 'name'"

    std::string text(const Field& f, TextRule rule = {}) const;
    // A required string is also never blank.
    std::string required_text(const Field& object, std::string_view key, TextRule rule = {}) const;
    std::string optional_text(const Field& object, std::string_view key, TextRule rule = {}) const;  // "" when absent

    // `value` (already read with text()) must be one of `allowed`.
    void expect_one_of(const Field& f, std::string_view value, std::initializer_list<std::string_view> allowed) const;

    bool boolean(const Field& f) const;
    // The number as the user wrote it: "1996", "1.50", "-3".
    std::string number_text(const Field& f) const;

    // Cleans a key of a free-form object (`member` is where the key leads).
    std::string clean_key(const Field& member, std::string_view key) const;
    // Every character of a printed string must have a glyph in the font.
    void check_glyphs(const Field& f, std::string_view s) const;

private:
    const ReadOptions& options_;
    const ParsedJson& parsed_;
};

// "a string", "an array", "true", "null" — what a value is, for "got …".
std::string type_phrase(const nlohmann::json& v);
// A number's text, otherwise type_phrase: "expected 1, 2 or 3, got 4".
std::string value_phrase(const nlohmann::json& v);
// A space, tab, newline, or a Unicode space a word processor might paste
// (no-break, em, zero-width, ideographic…).
bool is_space(char32_t c);
// Whitespace only, or empty.
bool is_blank(std::string_view s);
// The value of an integer, or of a number with no fraction (JSON Schema treats 5.0
// as an integer, so the engine does too); nullopt otherwise.
std::optional<std::int64_t> whole_number(const nlohmann::json& v);

}  // namespace vanban::input::detail
