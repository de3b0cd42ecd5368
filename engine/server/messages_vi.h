// Vietnamese wording of the engine's diagnostics and lint findings, for the clerk's
// web form. The engine speaks English (its messages are part of the CLI contract);
// the server sends both. Unrecognised messages keep the English text after a
// Vietnamese lead-in, so nothing is ever lost in translation.
#pragma once

#include <string>
#include <string_view>

namespace vanban::server {

// "missing required field 'name'" → "Chưa nhập: trường này là bắt buộc."
// `line` > 0 marks a JSON syntax error (its place is added: "dòng 3, cột 14").
std::string message_vi(std::string_view message, int line = 0, int column = 0);

// A lint finding's code ("non-nfc", "double-space", …) in Vietnamese; "" when unknown.
std::string lint_message_vi(std::string_view code);

}  // namespace vanban::server
