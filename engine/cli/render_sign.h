// `vanban render --signature-fields` and `vanban render --sign …`: what happens to a
// rendered PDF before it is written — empty signature fields at ô 7c / ô 8 for signing
// tools outside vanban, and a signature in the same step (the output appears signed or
// not at all).
#pragma once

#include "cli/sign_args.h"
#include "render/engine.h"

#include <string>

namespace vanban::cli {

struct RenderSigning {
    bool fields = false;  // --signature-fields
    bool sign = false;    // --sign
    SignArgs args;        // the signing options (as for vanban sign)
    sign::Credentials who;  // loaded once for the batch
};

// If args[i] is one of the options above, consumes it and returns true.
bool parse_render_signing(const Args& args, std::size_t& i, RenderSigning& s);

// Usage errors; loads the key (throws vanban::Error, e.g. a wrong password) when signing.
void prepare_render_signing(RenderSigning& s, const std::vector<std::filesystem::path>& font_dirs);

// The rendered PDF with the fields and/or the signature; `name` names the document.
std::string finish_pdf(const Rendered& r, const std::string& name, const RenderSigning& s);

}  // namespace vanban::cli
