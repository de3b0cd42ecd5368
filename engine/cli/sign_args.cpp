#include "cli/sign_args.h"

#include "core/diagnostic.h"
#include "core/files.h"
#include "fonts/font_set.h"
#include "render/engine.h"
#include "sign/tsa.h"
#include "text/text.h"

#include <cstdio>
#include <cstdlib>

namespace vanban::cli {

namespace {

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

}  // namespace

bool parse_sign_arg(const Args& args, std::size_t& i, SignArgs& a, bool allow_input) {
    const std::string& s = args[i];
    auto value = [&]() -> std::string {
        if (i + 1 >= args.size()) usage_error(s + " needs a value");
        return args[++i];
    };
    sign::SignOptions& opt = a.options;
    if (s == "--key") a.key = value();
    else if (s == "--cert") a.cert = value();
    else if (s == "--chain") a.chain = value();
    else if (s == "--p12") a.p12 = value();
    else if (s == "--pkcs11") a.pkcs11 = value();
    else if (s == "--module") a.module = value();
    else if (s == "--pin-env") a.pin_env = value();
    else if (s == "--pass-env") a.pass_env = value();
    else if (s == "--image") a.image = value();
    else if (s == "--seal") a.seal = value();
    else if (s == "--seal-mm") opt.seal_width_mm = std::atof(value().c_str());
    else if (s == "--area") opt.area = parse_area(value());
    else if (s == "--input" && allow_input) a.document = value();
    else if (s == "--fonts") a.font_dirs.emplace_back(value());
    else if (s == "--number") opt.number = value();
    else if (s == "--field") opt.field = value();
    else if (s == "--signer") {
        const int n = std::atoi(value().c_str());
        if (n < 1 || n > 100) usage_error("--signer is a number from 1");
        a.signer = static_cast<std::size_t>(n - 1);
    } else if (s == "--reason") opt.reason = value();
    else if (s == "--location") opt.location = value();
    else if (s == "--tsa") opt.timestamper = sign::http_timestamper(value());
    else if (s == "--role") {
        const std::string r = value();
        if (r == "approve") opt.role = sign::Role::approve;
        else if (r == "issue") opt.role = sign::Role::issue;
        else if (r == "copy") opt.role = sign::Role::copy;
        else if (r == "appendix") opt.role = sign::Role::appendix;
        else usage_error("--role is approve, issue, copy or appendix");
    } else return false;
    return true;
}

void check_sign_args(const SignArgs& a) {
    if (static_cast<int>(a.p12.has_value()) + static_cast<int>(a.key.has_value()) + static_cast<int>(a.pkcs11.has_value()) != 1) {
        usage_error("give one key source: --key and --cert, --p12, or --pkcs11");
    }
    if (a.pkcs11 && !a.pin_env) usage_error("--pkcs11 needs --pin-env VAR");
    if (a.key && !a.cert) usage_error("--key needs --cert");
    if (a.p12 && !a.pass_env) usage_error("--p12 needs --pass-env VAR");
    const auto& opt = a.options;
    if (opt.seal_width_mm < 10 || opt.seal_width_mm > 80) usage_error("--seal-mm is between 10 and 80");
    if (a.document && opt.area) usage_error("give --input or --area, not both");
    const bool box = opt.role == sign::Role::copy || opt.role == sign::Role::appendix;
    if (box && (a.image || a.seal)) usage_error("--role copy and appendix show the ô 14 box, not --image or --seal");
}

sign::Credentials load_signing(SignArgs& a) {
    sign::SignOptions& opt = a.options;
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) opt.time = std::atoll(epoch);
    if (a.image) opt.signature_png = read_file(*a.image, 16u << 20);
    if (a.seal) opt.seal_png = read_file(*a.seal, 16u << 20);
    if (opt.role == sign::Role::copy || opt.role == sign::Role::appendix) {
        auto dirs = a.font_dirs;
        dirs.push_back(shipped_dir("fonts"));
        opt.fonts = fonts::shared_font_set(dirs);
    }
    const std::string password = a.pass_env ? env_value(*a.pass_env) : std::string();
    sign::Credentials who;
    if (a.p12) return sign::load_p12(*a.p12, password);
    if (a.key) {
        return sign::load_pem(*a.key, *a.cert, a.chain ? std::optional<std::filesystem::path>(*a.chain) : std::nullopt,
                              password);
    }
    who = sign::load_pkcs11(*a.pkcs11, a.module.value_or(""), env_value(*a.pin_env));
    if (a.cert) who.cert = sign::load_certificates(*a.cert).front();
    if (!who.cert) throw Error(Diagnostic{*a.pkcs11, 0, 0, {}, "the token holds no certificate: give --cert"});
    if (a.chain) who.chain = sign::load_certificates(*a.chain);
    return who;
}

sign::PageRect signature_area(const layout::LaidOutDocument& layout, std::size_t n, const std::string& file) {
    for (std::size_t p = 0; p < layout.pages.size(); ++p) {
        const auto& page = layout.pages[p];
        for (const auto& a : page.signature_areas) {
            if (a.signer != n) continue;
            return {static_cast<int>(p), a.x, page.height - a.y - a.height, a.x + a.width, page.height - a.y};
        }
    }
    throw Error(Diagnostic{file, 0, 0, "/signers", "the document has no signer " + std::to_string(n + 1)});
}

std::string number_and_symbol(const model::Document& doc) {
    const std::string number = text::document_number(doc.number);
    return number.empty() ? std::string() : number + "/" + doc.symbol;
}

}  // namespace vanban::cli
