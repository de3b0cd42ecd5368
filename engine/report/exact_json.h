// JSON reading that keeps numbers exact.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace vanban::report {

// Parses `bytes` like nlohmann::json::parse, except that every number with a fraction
// or exponent stays a string holding the digits as written ("1520.75"): a double would
// already have lost them. Integers stay integers. Throws vanban::Error naming `file`
// and the line:column of a syntax error.
nlohmann::json parse_exact(std::string_view bytes, const std::string& file);

// The text of a JSON Pointer token: "~" → "~0", "/" → "~1".
std::string pointer_token(std::string_view key);

}  // namespace vanban::report
