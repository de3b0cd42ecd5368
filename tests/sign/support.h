// Helpers for the signing tests: a throw-away PKI made with the openssl CLI, a vanban
// PDF/A to sign, and the oracles (pdfsig, openssl cms, Preflight, qpdf) run on results.
#pragma once

#include "oracles.h"

#include <filesystem>
#include <string>
#include <vector>

namespace signtest {

namespace fs = std::filesystem;

struct Run {
    int code = -1;
    std::string out, err;
};

std::string q(const fs::path& p);  // shell-quoted
std::string slurp(const fs::path& p);
void put(const fs::path& p, const std::string& bytes);
Run run(const std::string& command);            // through sh, output captured
Run run_vanban(const std::string& args);            // build/vanban ARGS
fs::path scratch(const std::string& name);      // a fresh directory for this process

// Certificates and keys (PEM) in one directory, made once per test process.
struct Pki {
    fs::path root, inter;               // Test Root CA (RSA-3072), Test Intermediate
    fs::path person_key, person_cert;   // the competent person: RSA-2048 leaf under inter
    fs::path org_key, org_cert;         // the organisation (văn thư): ECDSA P-256 leaf
    fs::path expired_key, expired_cert; // a leaf valid only in 2020
    fs::path other_root;                // an unrelated CA
};
const Pki& pki();

// samples/cong-van-1996.json rendered with --pdfa into `dir`.
fs::path sample_pdf(const fs::path& dir);

// What the file says about its signatures, read with our own regex (not vanban's code).
struct SigBlob {
    long long a = 0, b = 0, c = 0, d = 0;  // /ByteRange [a b c d]
    std::string der;                       // /Contents cut to the DER's own length
};
std::vector<SigBlob> signatures_in(const std::string& pdf);

// openssl cms -verify -binary -inform DER -content <ByteRange bytes> -CAfile ca.
Run openssl_verify(const std::string& pdf, const SigBlob& s, const fs::path& ca, const fs::path& dir);

// pdfsig FILE [-nssdir sql:DIR with `ca` trusted]; empty `ca` = no NSS dir.
Run pdfsig(const fs::path& file, const fs::path& ca = {});
bool have(const std::string& tool);

// PDFBox Preflight's classpath, or empty when it is not installed.
using oracles::preflight_classpath;

// A PNG (RGBA) `w`×`h`: a filled disc (seal) or a slanted stroke (signature) in the
// colour r,g,b on a transparent background.
std::string png(int w, int h, unsigned char r, unsigned char g, unsigned char b, bool disc);

}  // namespace signtest
