// render's options that need libraries the front (vanban) does not link: --check reads
// the PDF back with QPDF, --register numbers it in the SQLite register. Their code is
// only in vanban-full, which fills these in at start-up (render_check.cpp,
// register_render.cpp); the front hands such a command line over (cli/hand_off.h).
#pragma once

#include "cli/commands.h"

#include <filesystem>
#include <string>

namespace vanban::cli {

struct RenderExtras {
    // --check: "" when the PDF just written conforms, else its failed rules.
    std::string (*check_written)(const std::filesystem::path& pdf) = nullptr;
    // --register: the whole command (cli/register_render.h).
    int (*register_render)(const Args& args) = nullptr;
};

RenderExtras& render_extras();

}  // namespace vanban::cli
