// Step 1 of the input stage: bytes → JSON tree, with errors at line:column.
// Internal to engine/input.
#pragma once

#include "input/document_input.h"

#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace vanban::input::detail {

struct ParsedJson {
    nlohmann::json value;
    // The decimal text of every non-integer number as written ("1.50", "2e3"), by
    // JSON Pointer: a double cannot give it back, and tables print what the user wrote.
    std::map<std::string, std::string> number_texts;
};

// Handles the encoding (UTF-8 BOM skipped, UTF-16/32 refused), the size and depth
// limits, duplicate keys and syntax errors. Throws vanban::Error.
ParsedJson parse_json(std::string_view bytes, const ReadOptions& options);

// "~" and "/" escaped as "~0" and "~1" (RFC 6901), for building pointers.
std::string pointer_token(std::string_view key);

}  // namespace vanban::input::detail
