// render's options that need libraries the front (vanban) does not link: --check reads
// the PDF back with QPDF, --register numbers it in the SQLite register, --sign and
// --signature-fields change the PDF with QPDF and OpenSSL. Their code is only in
// vanban-full, which fills these in at start-up (render_check.cpp, register_render.cpp,
// render_sign.cpp); the front hands such a command line over (cli/hand_off.h) — for the
// signing options, at the first option it does not know.
#pragma once

#include "cli/commands.h"
#include "render/engine.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace vanban::cli {

// What happens to a rendered PDF before it is written (--signature-fields, --sign …).
class PdfFinisher {
public:
    virtual ~PdfFinisher() = default;
    // If args[i] is one of its options, consumes it (and its value) and returns true.
    virtual bool parse(const Args& args, std::size_t& i) = 0;
    // Whether it changes the PDF at all (--sign or --signature-fields given).
    virtual bool active() const = 0;
    // After the options: usage errors, and the key loaded once for the batch (throws Error).
    virtual void prepare(const std::vector<std::filesystem::path>& font_dirs) = 0;
    // The PDF as it is written; `name` names the document in errors.
    virtual std::string finish(const Rendered& r, const std::string& name) const = 0;
};

struct RenderExtras {
    // --check: "" when the PDF just written conforms, else its failed rules.
    std::string (*check_written)(const std::filesystem::path& pdf) = nullptr;
    // --register: the whole command (cli/register_render.h).
    int (*register_render)(const Args& args) = nullptr;
    // --signature-fields, --sign KEY-SOURCE …: a finisher for one command.
    std::unique_ptr<PdfFinisher> (*make_pdf_finisher)() = nullptr;
};

RenderExtras& render_extras();

}  // namespace vanban::cli
