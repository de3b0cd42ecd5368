// `vanban render --register` (and `vanban register render`): give each document the
// next number of the register and render it in the same transaction, so a number is
// recorded exactly when its document was made (NĐ 30 Điều 15: numbered at issuance).
#pragma once

#include "cli/commands.h"

namespace vanban::cli {

// Runs on the render-style arguments (INPUT.json… -o …, --data, --book, --pdfa,
// --templates, --fonts, --format). Returns the exit code.
int run_register_render(const Args& args);

}  // namespace vanban::cli
