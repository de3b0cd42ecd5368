// vanban sign IN.pdf -o OUT.pdf KEY-SOURCE [options]: appends a PAdES signature
// (incremental update; the input's bytes stay as they are). Exit 0 when signed, 1 when
// signing failed (no output is left), 2 for a wrong command line.
#include "cli/commands.h"
#include "core/diagnostic.h"
#include "core/files.h"
#include "render/engine.h"
#include "sign/sign.h"
#include "sign/tsa.h"

#include <cstdlib>
#include <iostream>
#include <optional>

namespace vanban::cli {

namespace {

constexpr const char* kHelp = R"(  -o OUT.pdf                 the signed file (required)
  --key KEY.pem --cert CERT.pem [--chain CHAIN.pem]   a key and certificate in PEM files
  --p12 FILE --pass-env VAR  a PKCS#12 file; its password in the environment variable VAR
  --pass-env VAR             with --key: the password of an encrypted key
  --pkcs11 URI [--module LIB.so] --pin-env VAR [--cert CERT.pem] [--chain CHAIN.pem]
                             a key on a PKCS#11 token ('pkcs11:token=…;object=…'), libp11 engine
  --role approve|issue|copy|appendix   who signs (default approve)
  --image SIGNATURE.png      the signer's blue signature image (ô 7c)
  --seal SEAL.png            the organisation's red seal (ô 8), over the left third of the image
  --seal-mm N                the seal's real diameter in millimetres (default 36)
  --input IN.json [--signer N]   find ô 7c by laying the document out again (signer N, from 1)
  --area PAGE:X1,Y1,X2,Y2    or give ô 7c (page from 1, PDF points from the bottom left)
  --tsa URL                  an RFC 3161 timestamp on the signature (PAdES B-T), http(s)
  --reason TEXT  --location TEXT
The signing time is now, or SOURCE_DATE_EPOCH when set (reproducible output).
)";

constexpr std::size_t kMaxPdfBytes = 512u << 20;

std::string env_value(const std::string& var) {
    const char* v = std::getenv(var.c_str());
    if (!v) throw Error(Diagnostic{{}, 0, 0, {}, "the environment variable " + var + " is not set"});
    return v;
}

sign::PageRect parse_area(const std::string& s) {
    sign::PageRect r;
    int page = 0;
    char tail = 0;
    if (std::sscanf(s.c_str(), "%d:%lf,%lf,%lf,%lf%c", &page, &r.x1, &r.y1, &r.x2, &r.y2, &tail) != 5 || page < 1 ||
        r.x2 <= r.x1 || r.y2 <= r.y1) {
        usage_error("--area wants PAGE:X1,Y1,X2,Y2 with X1 < X2 and Y1 < Y2");
    }
    r.page = page - 1;
    return r;
}

// Ô 7c of signer `n` (0-based) as layout places it for `document` (the JSON the PDF was
// rendered from), in PDF user space; also how many pages the document has.
sign::PageRect layout_area(const std::string& document, std::size_t n, int& pages) {
    const Engine engine;
    RenderRequest request;
    request.pdf = false;
    const Rendered r = engine.render_file(document, request);
    pages = static_cast<int>(r.layout.pages.size());
    for (std::size_t p = 0; p < r.layout.pages.size(); ++p) {
        const auto& page = r.layout.pages[p];
        for (const auto& a : page.signature_areas) {
            if (a.signer != n) continue;
            return {static_cast<int>(p), a.x, page.height - a.y - a.height, a.x + a.width, page.height - a.y};
        }
    }
    throw Error(Diagnostic{document, 0, 0, "/signers", "the document has no signer " + std::to_string(n + 1)});
}

int run_sign(const Args& args) {
    std::optional<std::string> document;
    std::size_t signer = 0;
    std::optional<std::string> input, output, key, cert, chain, p12, pass_env, image, seal, pkcs11, module, pin_env;
    sign::SignOptions opt;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& s = args[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size()) usage_error(s + " needs a value");
            return args[++i];
        };
        if (s == "-o") output = value();
        else if (s == "--key") key = value();
        else if (s == "--cert") cert = value();
        else if (s == "--chain") chain = value();
        else if (s == "--p12") p12 = value();
        else if (s == "--pkcs11") pkcs11 = value();
        else if (s == "--module") module = value();
        else if (s == "--pin-env") pin_env = value();
        else if (s == "--pass-env") pass_env = value();
        else if (s == "--image") image = value();
        else if (s == "--seal") seal = value();
        else if (s == "--seal-mm") opt.seal_width_mm = std::atof(value().c_str());
        else if (s == "--area") opt.area = parse_area(value());
        else if (s == "--input") document = value();
        else if (s == "--signer") {
            const int n = std::atoi(value().c_str());
            if (n < 1 || n > 100) usage_error("--signer is a number from 1");
            signer = static_cast<std::size_t>(n - 1);
        }
        else if (s == "--reason") opt.reason = value();
        else if (s == "--location") opt.location = value();
        else if (s == "--tsa") opt.timestamper = sign::http_timestamper(value());
        else if (s == "--role") {
            const std::string r = value();
            if (r == "approve") opt.role = sign::Role::approve;
            else if (r == "issue") opt.role = sign::Role::issue;
            else if (r == "copy") opt.role = sign::Role::copy;
            else if (r == "appendix") opt.role = sign::Role::appendix;
            else usage_error("--role is approve, issue, copy or appendix");
        } else if (s.size() > 1 && s[0] == '-') usage_error("unknown option " + s);
        else if (input) usage_error("sign takes one PDF");
        else input = s;
    }
    if (!input) usage_error("sign needs a PDF");
    if (!output) usage_error("sign needs -o OUT.pdf");
    if (static_cast<int>(p12.has_value()) + static_cast<int>(key.has_value()) + static_cast<int>(pkcs11.has_value()) != 1) {
        usage_error("give one key source: --key and --cert, --p12, or --pkcs11");
    }
    if (pkcs11 && !pin_env) usage_error("--pkcs11 needs --pin-env VAR");
    if (key && !cert) usage_error("--key needs --cert");
    if (p12 && !pass_env) usage_error("--p12 needs --pass-env VAR");
    if (opt.seal_width_mm < 10 || opt.seal_width_mm > 80) usage_error("--seal-mm is between 10 and 80");
    if (document && opt.area) usage_error("give --input or --area, not both");
    try {
        if (document) opt.area = layout_area(*document, signer, opt.expected_pages);
        if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) opt.time = std::atoll(epoch);
        if (image) opt.signature_png = read_file(*image, 16u << 20);
        if (seal) opt.seal_png = read_file(*seal, 16u << 20);
        const std::string password = pass_env ? env_value(*pass_env) : std::string();
        sign::Credentials who;
        if (p12) who = sign::load_p12(*p12, password);
        else if (key) {
            who = sign::load_pem(*key, *cert, chain ? std::optional<std::filesystem::path>(*chain) : std::nullopt, password);
        } else {
            who = sign::load_pkcs11(*pkcs11, module.value_or(""), env_value(*pin_env));
            if (cert) who.cert = sign::load_certificates(*cert).front();
            if (!who.cert) throw Error(Diagnostic{*pkcs11, 0, 0, {}, "the token holds no certificate: give --cert"});
            if (chain) who.chain = sign::load_certificates(*chain);
        }
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
                                 kHelp, run_sign});

}  // namespace

}  // namespace vanban::cli
