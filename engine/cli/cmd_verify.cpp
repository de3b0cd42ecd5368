// vanban verify FILE.pdf... [--trust CA.pem]... [--intermediates CERTS.pem]... [--json]:
// checks every signature of each PDF. Exit 0 only when every file's signatures are all
// valid and the last one covers the whole file; 1 otherwise; 2 for a wrong command line.
#include "cli/commands.h"
#include "core/diagnostic.h"
#include "core/files.h"
#include "sign/verify.h"

#include <iostream>

namespace vanban::cli {

namespace {

constexpr const char* kVerifyHelp = R"(  --trust CA.pem           trust anchors (PEM, several certificates allowed; repeatable)
  --intermediates C.pem    intermediate certificates for signatures that carry only the leaf
  --json                   print the reports as JSON
For each signature: byte range, integrity (digest), signature, certificate chain (now),
signingCertificateV2, timestamp, whether it covers the whole file and what changed after it.
)";

int run_verify(const Args& args) {
    std::vector<std::string> files;
    sign::VerifyOptions options;
    bool json = false;
    try {
        for (std::size_t i = 0; i < args.size(); ++i) {
            const std::string& s = args[i];
            if (s == "--json") json = true;
            else if (s == "--trust" || s == "--intermediates") {
                if (i + 1 >= args.size()) usage_error(s + " needs a value");
                auto certs = sign::load_certificates(args[++i]);
                auto& to = s == "--trust" ? options.trust : options.intermediates;
                to.insert(to.end(), certs.begin(), certs.end());
            } else if (s.size() > 1 && s[0] == '-') usage_error("unknown option " + s);
            else files.push_back(s);
        }
    } catch (const Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    if (files.empty()) usage_error("verify needs at least one PDF");
    int status = 0;
    nlohmann::json reports = nlohmann::json::array();
    for (const auto& f : files) {
        sign::VerifyReport r;
        try {
            r = sign::verify_pdf(read_file(f, 512u << 20), f, options);
        } catch (const Error& e) {
            r.file = f;
            r.errors.push_back(e.what());
        }
        if (!r.valid()) status = 1;
        if (json) reports.push_back(r.to_json());
        else std::cout << r.to_text();
    }
    if (json) std::cout << (files.size() == 1 ? reports.front() : reports).dump(2) << "\n";
    return status;
}

const CommandRegistration kVerify({"verify",
                                   "verify FILE.pdf... [--trust CA.pem] [--intermediates C.pem] [--json]   "
                                   "check the PDFs' signatures",
                                   kVerifyHelp, run_verify});

}  // namespace

}  // namespace vanban::cli
