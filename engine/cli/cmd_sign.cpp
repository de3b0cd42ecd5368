// vanban sign IN.pdf -o OUT.pdf KEY-SOURCE [options]: appends a PAdES signature
// (incremental update; the input's bytes stay as they are). Exit 0 when signed, 1 when
// signing failed (no output is left), 2 for a wrong command line.
#include "cli/commands.h"
#include "cli/sign_args.h"
#include "core/diagnostic.h"
#include "core/files.h"
#include "render/engine.h"
#include "sign/sign.h"

#include <cstdlib>
#include <iostream>
#include <optional>

namespace vanban::cli {

namespace {

constexpr const char* kSignCommandHelp = R"(  -o OUT.pdf                 the signed file (required)
  --input IN.json            find ô 7c (and ô 14's number) by laying the document out again
  --fonts DIR                look for Times New Roman / Liberation Serif in DIR first (ô 14)
)";

constexpr std::size_t kMaxPdfBytes = 512u << 20;

int run_sign(const Args& args) {
    std::optional<std::string> input, output;
    SignArgs a;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& s = args[i];
        if (parse_sign_arg(args, i, a, true)) continue;
        if (s == "-o") {
            if (i + 1 >= args.size()) usage_error("-o needs a value");
            output = args[++i];
        } else if (s.size() > 1 && s[0] == '-') usage_error("unknown option " + s);
        else if (input) usage_error("sign takes one PDF");
        else input = s;
    }
    if (!input) usage_error("sign needs a PDF");
    if (!output) usage_error("sign needs -o OUT.pdf");
    check_sign_args(a);
    try {
        sign::SignOptions& opt = a.options;
        if (a.document) {
            // The document the PDF was rendered from: ô 7c where layout put it, the number
            // it prints, and its page count (a different PDF is refused).
            const Engine engine(EngineOptions{{}, a.font_dirs, 0});
            RenderRequest request;
            request.pdf = false;
            const Rendered r = engine.render_file(*a.document, request);
            opt.expected_pages = static_cast<int>(r.layout.pages.size());
            const bool box = opt.role == sign::Role::copy || opt.role == sign::Role::appendix;
            if (!box) opt.area = signature_area(r.layout, a.signer, *a.document);
            if (opt.number.empty() && opt.role == sign::Role::appendix) opt.number = number_and_symbol(r.model);
        }
        const sign::Credentials who = load_signing(a);
        std::string pdf = read_file(*input, kMaxPdfBytes);
        const std::string out = sign::sign_pdf(std::move(pdf), *input, who, opt);
        write_file_atomically(*output, out);
    } catch (const Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

const CommandRegistration kSign({"sign",
                                 "sign IN.pdf -o OUT.pdf (--key K --cert C | --p12 F --pass-env V) [options]   "
                                 "append a PAdES signature",
                                 std::string(kSignCommandHelp) + kSignHelp, run_sign});
}  // namespace

}  // namespace vanban::cli
