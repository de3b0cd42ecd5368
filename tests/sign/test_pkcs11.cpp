// Signing with a key that never leaves a PKCS#11 token: a SoftHSM2 token in a temp
// dir (softhsm2-util imports the key; the certificate comes from a file).
#include "support.h"

#include <catch2/catch.hpp>

using namespace signtest;

namespace {
const char* kModule = "/usr/lib/softhsm/libsofthsm2.so";
const char* kEngine = "/usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so";
}  // namespace

TEST_CASE("A key on a SoftHSM2 token signs through PKCS#11, and a wrong PIN signs nothing") {
    if (!have("softhsm2-util") || !fs::exists(kModule) || !fs::exists(kEngine)) {
        WARN("SKIPPED: SoftHSM2 or the libp11 engine is not installed (Debian softhsm2, libengine-pkcs11-openssl)");
        return;
    }
    const fs::path dir = scratch("pkcs11");
    fs::create_directories(dir / "tokens");
    put(dir / "softhsm2.conf", "directories.tokendir = " + (dir / "tokens").string() +
                                   "\nobjectstore.backend = file\nlog.level = ERROR\n");
    const std::string env = "SOFTHSM2_CONF=" + q(dir / "softhsm2.conf") + " ";
    Run r = run(env + "softhsm2-util --init-token --free --label vanban --pin 123456 --so-pin 654321");
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    r = run(env + "softhsm2-util --import " + q(pki().person_key) +
            " --token vanban --label signer --id 01 --pin 123456");
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);

    const fs::path in = sample_pdf(dir), out = dir / "token.pdf";
    const std::string sign = q(fs::path(VANBAN_BINARY_DIR) / "vanban") + " sign " + q(in) + " -o " + q(out) +
                             " --pkcs11 'pkcs11:token=vanban;object=signer;type=private' --module " + kModule +
                             " --pin-env VANBAN_TEST_PIN --cert " + q(pki().person_cert) + " --chain " + q(pki().inter);
    r = run(env + "VANBAN_TEST_PIN=000000 " + sign);
    CHECK(r.code == 1);
    CHECK_FALSE(fs::exists(out));
    r = run(env + "VANBAN_TEST_PIN=123456 " + sign);
    INFO(r.err);
    REQUIRE(r.code == 0);
    const std::string pdf = slurp(out);
    const auto sigs = signatures_in(pdf);
    REQUIRE(sigs.size() == 1);
    r = openssl_verify(pdf, sigs[0], pki().root, dir);
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(run_vanban("verify " + q(out) + " --trust " + q(pki().root)).code == 0);
}
