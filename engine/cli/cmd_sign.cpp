// vanban sign IN.pdf -o OUT.pdf KEY-SOURCE [options]: appends a PAdES signature
// (incremental update; the input's bytes stay as they are). Exit 0 when signed, 1 when
// signing failed (no output is left), 2 for a wrong command line.
#include "cli/commands.h"
#include "core/diagnostic.h"
#include "core/files.h"
#include "sign/sign.h"

#include <cstdlib>
#include <iostream>
#include <optional>

namespace vanban::cli {

namespace {

constexpr const char* kHelp = R"(  -o OUT.pdf                 the signed file (required)
  --key KEY.pem --cert CERT.pem [--chain CHAIN.pem]   a key and certificate in PEM files
  --p12 FILE --pass-env VAR  a PKCS#12 file; its password in the environment variable VAR
  --pass-env VAR             with --key: the password of an encrypted key
  --role approve|issue|copy|appendix   who signs (default approve)
  --image SIGNATURE.png      the signer's blue signature image (ô 7c)
  --seal SEAL.png            the organisation's red seal (ô 8), over the left third of the image
  --seal-mm N                the seal's real diameter in millimetres (default 36)
  --area PAGE:X1,Y1,X2,Y2    where ô 7c is (page from 1, PDF points from the bottom left)
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

int run_sign(const Args& args) {
    std::optional<std::string> input, output, key, cert, chain, p12, pass_env, image, seal;
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
        else if (s == "--pass-env") pass_env = value();
        else if (s == "--image") image = value();
        else if (s == "--seal") seal = value();
        else if (s == "--seal-mm") opt.seal_width_mm = std::atof(value().c_str());
        else if (s == "--area") opt.area = parse_area(value());
        else if (s == "--reason") opt.reason = value();
        else if (s == "--location") opt.location = value();
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
    if (static_cast<bool>(p12) == static_cast<bool>(key)) usage_error("give either --key and --cert, or --p12");
    if (key && !cert) usage_error("--key needs --cert");
    if (p12 && !pass_env) usage_error("--p12 needs --pass-env VAR");
    if (opt.seal_width_mm < 10 || opt.seal_width_mm > 80) usage_error("--seal-mm is between 10 and 80");
    try {
        if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) opt.time = std::atoll(epoch);
        if (image) opt.signature_png = read_file(*image, 16u << 20);
        if (seal) opt.seal_png = read_file(*seal, 16u << 20);
        const std::string password = pass_env ? env_value(*pass_env) : std::string();
        const sign::Credentials who =
            p12 ? sign::load_p12(*p12, password)
                : sign::load_pem(*key, *cert, chain ? std::optional<std::filesystem::path>(*chain) : std::nullopt,
                                 password);
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
