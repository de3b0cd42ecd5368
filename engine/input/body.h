// Body blocks: paragraphs, headings, lists, tables and page breaks (used by the
// document body and by each appendix). Internal to engine/input.
#pragma once

#include "input/checker.h"

#include <nlohmann/json.hpp>

namespace vanban::input::detail {

// An array of blocks, each normalised to an object with all five kinds present
// (exactly one truthy). `required` means the array must hold at least one block.
nlohmann::json read_body(const Checker& c, const Field& body, bool required);

}  // namespace vanban::input::detail
