// Lint checks of NĐ 30 conventions the input stage applies (input/conventions.h):
// what rendering changes, with the input as it should read. Internal to engine/lint.
#pragma once

#include "lint/lint.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace vanban::lint::detail {

// R8.1: "appendix-heading" (an appendix whose title or label carries "PHỤ LỤC …", or
// that uses the older "subtitle"): the suggestion is the {"label", "title"} to write.
void check_appendices(const nlohmann::json& doc, std::vector<Finding>& out);

// R7: "archive-not-last" when "Lưu: …" is not the last Nơi nhận item: rendering moves it.
void check_distribution(const nlohmann::json& doc, std::vector<Finding>& out);

}  // namespace vanban::lint::detail
