// The text-hygiene report behind `vanban lint`: what rendering a document would
// silently change, what it would refuse, and what it would print as is but a
// careful clerk would fix — each with a JSON Pointer to the string.
//
// Lint never stops at the first problem (rendering does) and never changes the file.
#pragma once

#include "text/text.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::lint {

enum class Action {
    change,  // rendering fixes it silently (NFC, tab → space, "5" → "05")
    refuse,  // rendering stops with an error (control character, missing glyph, …)
    check,   // rendering prints it as written; it is probably a mistake
};
const char* action_name(Action a);  // "change", "refuse", "check"

struct Finding {
    std::string pointer;     // JSON Pointer ("/signers/0/name"); "" for the whole file
    std::string code;        // stable identifier, e.g. "non-nfc", "legacy-encoding"
    Action action = Action::check;
    std::string message;     // what is wrong, in a phrase
    std::string suggestion;  // the string as it should probably read, or ""
};

// Today's date in UTC for the "date in the future" check: SOURCE_DATE_EPOCH when set
// (reproducible runs), else the clock. Shared by `vanban lint` and the server.
text::Date today_utc();

struct LintOptions {
    std::function<bool(char32_t)> has_glyph;  // font coverage; empty = not checked
    std::optional<text::Date> today;          // for dates in the future; nullopt = not checked
};

// Lints the bytes of one input document (JSON).
std::vector<Finding> lint_document(std::string_view bytes, const LintOptions& options);

// Appends the findings of one string value at `pointer` (the checks every string
// gets; exposed for tests).
void lint_string(const std::string& pointer, std::string_view value, const LintOptions& options,
                 std::vector<Finding>& out);

nlohmann::json to_json(const Finding& f);

}  // namespace vanban::lint
