// The signing options shared by `vanban sign` and `vanban render --sign`: the key source,
// the role, the images and where they go, the timestamp. One parser, so both commands
// take the same options with the same meaning.
#pragma once

#include "cli/commands.h"
#include "cli/sign_help.h"
#include "layout/page.h"
#include "model/document.h"
#include "sign/sign.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace vanban::cli {

struct SignArgs {
    std::optional<std::string> key, cert, chain, p12, pass_env, pkcs11, module, pin_env, image, seal;
    std::optional<std::string> document;  // --input IN.json (sign only): ô 7c and the number from it
    std::size_t signer = 0;               // --signer N, 0-based
    std::vector<std::filesystem::path> font_dirs;  // --fonts (ô 14)
    sign::SignOptions options;
};


// If args[i] is a signing option, consumes it (and its value) and returns true.
// `allow_input`: whether --input is one (sign: yes; render lays the document out itself).
bool parse_sign_arg(const Args& args, std::size_t& i, SignArgs& a, bool allow_input);

// Usage errors for an incomplete or contradictory set (exit 2).
void check_sign_args(const SignArgs& a);

// Loads the key and certificate, the images, the fonts for ô 14 and the signing time
// (SOURCE_DATE_EPOCH when set). Throws vanban::Error.
sign::Credentials load_signing(SignArgs& a);

// Ô 7c of signer `n` on `layout` in PDF user space (origin bottom left), and the page
// count; throws naming `file` when the document has no such signer.
sign::PageRect signature_area(const layout::LaidOutDocument& layout, std::size_t n, const std::string& file);

// "05/LĐLĐ-TG" as the document prints it on its Số line; "" without a number.
std::string number_and_symbol(const model::Document& doc);

}  // namespace vanban::cli
