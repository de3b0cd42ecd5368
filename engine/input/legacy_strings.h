// Documents whose strings are legacy-encoded (TCVN3, VNI, VIQR, CP1258): the opt-in
// decoding behind `vanban render --from ENC`. The decoding itself is text/legacy.h;
// this walks the JSON.
#pragma once

#include "text/legacy.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace vanban::input {

// Every string value of `doc` decoded from `encoding` (text form, see text/legacy.h).
// Object keys are the format's ASCII field names and are kept.
nlohmann::json decode_legacy_strings(const nlohmann::json& doc, text::Encoding encoding);

// The same on the JSON text, before parsing, so that everything outside string
// values stays byte for byte — numbers keep the digits written ("1250000.50"), and
// positions of later errors outside strings still match the file. A string literal
// may hold raw 8-bit legacy bytes (a file saved by old software) or their
// Windows-1252 text form. Throws vanban::Error at file:line:column for a string
// that never ends.
std::string decode_legacy_json(std::string_view json, text::Encoding encoding, const std::string& file_name);

// What the string values of a JSON text look like (detect_encoding on all of them).
text::Detection detect_legacy_json(std::string_view json);

// `render --from NAME` on one file's bytes: NAME is an encoding name or "auto".
// With "auto" the detection's verdict is put in `note` (never silent); unicode and
// ASCII input are returned unchanged. Throws vanban::Error (naming `file_name`) for
// an unknown name or when detection is unsure.
std::string decode_legacy_input(std::string_view json, const std::string& from, const std::string& file_name,
                                std::string& note);

}  // namespace vanban::input
