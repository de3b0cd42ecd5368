// vanban sign: one and two PAdES signatures on a vanban PDF/A-1b, judged by pdfsig,
// openssl cms -verify, PDFBox Preflight and qpdf --check, and by reading the bytes.
#include "support.h"

#include <catch2/catch.hpp>

using namespace signtest;

namespace {

// The leader approves (RSA key, chain in a separate file), then the văn thư issues
// with the organisation's ECDSA key; returns {original, first, second}.
std::vector<fs::path> sign_twice(const fs::path& dir) {
    const Pki& k = pki();
    const fs::path in = sample_pdf(dir), s1 = dir / "s1.pdf", s2 = dir / "s2.pdf";
    Run r = run_vanban("sign " + q(in) + " -o " + q(s1) + " --key " + q(k.person_key) + " --cert " + q(k.person_cert) +
                   " --chain " + q(k.inter) + " --reason 'Phê duyệt' --location 'Hà Nội'");
    INFO(r.err);
    REQUIRE(r.code == 0);
    r = run_vanban("sign " + q(s1) + " -o " + q(s2) + " --role issue --key " + q(k.org_key) + " --cert " +
               q(k.org_cert) + " --chain " + q(k.inter));
    INFO(r.err);
    REQUIRE(r.code == 0);
    return {in, s1, s2};
}

}  // namespace

TEST_CASE("A signature is an incremental update: the original bytes stay, with classic xref, /Prev and the same /ID") {
    const fs::path dir = scratch("incremental");
    const auto files = sign_twice(dir);
    const std::string original = slurp(files[0]), one = slurp(files[1]), two = slurp(files[2]);
    REQUIRE(one.size() > original.size());
    CHECK(one.compare(0, original.size(), original) == 0);
    CHECK(two.compare(0, one.size(), one) == 0);
    const std::string update = one.substr(original.size());
    CHECK(update.find("\nxref\n") != std::string::npos);
    CHECK(update.find("/Prev ") != std::string::npos);
    CHECK(update.find("/Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached") != std::string::npos);
    CHECK(update.find("/SigFlags 3") != std::string::npos);
    CHECK(update.find("/Subtype /Widget /FT /Sig") != std::string::npos);
    CHECK(update.find("/F 132") != std::string::npos);  // Print | Locked
    // The trailer's /ID is the original one.
    const auto id_of = [](const std::string& pdf) {
        const auto at = pdf.rfind("/ID");
        std::string id = pdf.substr(at, pdf.find(']', at) - at);
        for (char& c : id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));  // hex case
        return id;
    };
    CHECK(id_of(one) == id_of(original));
    CHECK(id_of(two) == id_of(original));
    for (const auto& f : files) {
        const Run r = run("qpdf --check " + q(f));
        INFO(f << "\n" << r.out << r.err);
        CHECK(r.code == 0);
    }
}

TEST_CASE("openssl cms -verify accepts each signature over its ByteRange, and the CMS has no signingTime") {
    const fs::path dir = scratch("openssl");
    const auto files = sign_twice(dir);
    const std::string two = slurp(files[2]);
    const auto sigs = signatures_in(two);
    REQUIRE(sigs.size() == 2);
    CHECK(sigs[0].a == 0);
    CHECK(sigs[1].c + sigs[1].d == static_cast<long long>(two.size()));  // the last covers the whole file
    CHECK(sigs[0].c + sigs[0].d < sigs[1].b);                              // the first only its revision
    for (const auto& s : sigs) {
        const Run r = openssl_verify(two, s, pki().root, dir);
        INFO(r.err);
        CHECK(r.code == 0);
        CHECK(r.err.find("Verification successful") != std::string::npos);
        const Run p = run("openssl cms -cmsout -print -inform DER -in " + q(dir / "sig.der"));
        REQUIRE(p.code == 0);
        CHECK(p.out.find("signingTime") == std::string::npos);
        CHECK(p.out.find("contentType (1.2.840.113549.1.9.3)") != std::string::npos);
        CHECK(p.out.find("messageDigest (1.2.840.113549.1.9.4)") != std::string::npos);
        CHECK(p.out.find("signingCertificateV2") != std::string::npos);
        CHECK(p.out.find("sha256") != std::string::npos);
    }
    // A byte changed inside the first ByteRange: openssl refuses too (the oracle can fail).
    std::string bad = two;
    bad[20] = static_cast<char>(bad[20] ^ 0x01);
    CHECK(openssl_verify(bad, sigs[0], pki().root, dir).code != 0);
}

TEST_CASE("pdfsig says both signatures are valid, the last covers the whole document, the chain is trusted") {
    if (!have("pdfsig")) {
        WARN("SKIPPED: pdfsig is not installed (Debian poppler-utils)");
        return;
    }
    const fs::path dir = scratch("pdfsig");
    const auto files = sign_twice(dir);
    Run r = pdfsig(files[2]);
    INFO(r.out << r.err);
    CHECK(r.out.find("Signature #1") != std::string::npos);
    CHECK(r.out.find("Signature #2") != std::string::npos);
    std::size_t valid = 0;
    for (std::size_t at = 0; (at = r.out.find("Signature is Valid", at)) != std::string::npos; ++at) ++valid;
    CHECK(valid == 2);
    CHECK(r.out.find("Total document signed") != std::string::npos);
    CHECK(r.out.find("ETSI.CAdES.detached") != std::string::npos);
    CHECK(r.out.find("Nguyễn Văn An") != std::string::npos);
    if (!have("certutil")) {
        WARN("SKIPPED: certutil is not installed (Debian libnss3-tools): no trust check through pdfsig");
        return;
    }
    r = pdfsig(files[2], pki().root);
    std::size_t trusted = 0;
    for (std::size_t at = 0; (at = r.out.find("Certificate is Trusted", at)) != std::string::npos; ++at) ++trusted;
    CHECK(trusted == 2);
    r = pdfsig(files[2], pki().other_root);
    CHECK(r.out.find("Certificate is Trusted") == std::string::npos);
}

TEST_CASE("PDFBox Preflight: the PDF/A-1b stays valid after one and after two signatures") {
    const std::string cp = preflight_classpath();
    if (cp.empty()) {
        WARN("SKIPPED: PDFBox Preflight or java is not installed (libpdfbox2-java default-jre-headless)");
        return;
    }
    const fs::path dir = scratch("preflight");
    const auto files = sign_twice(dir);
    for (std::size_t i = 1; i < files.size(); ++i) {
        const Run r = run("java -cp " + q(cp) + " org.apache.pdfbox.preflight.Validator_A1b " + q(files[i]));
        INFO(files[i] << "\n" << r.out << r.err);
        CHECK(r.out.find("is a valid PDF/A-1b file") != std::string::npos);
    }
}

TEST_CASE("vanban verify accepts its own two signatures and says the first is followed only by a signature") {
    const fs::path dir = scratch("verify-ok");
    const auto files = sign_twice(dir);
    const Run r = run_vanban("verify " + q(files[2]) + " --trust " + q(pki().root) + " --json");
    INFO(r.out << r.err);
    CHECK(r.code == 0);
    CHECK(r.out.find("\"valid\": true") != std::string::npos);
    CHECK(r.out.find("signature fields only") != std::string::npos);
    // An unsigned PDF is not valid.
    CHECK(run_vanban("verify " + q(files[0]) + " --trust " + q(pki().root)).code == 1);
}

TEST_CASE("A PKCS#12 file signs too, its password read from the environment") {
    const fs::path dir = scratch("p12");
    const Pki& k = pki();
    const fs::path p12 = dir / "person.p12";
    Run r = run("openssl pkcs12 -export -inkey " + q(k.person_key) + " -in " + q(k.person_cert) + " -certfile " +
                q(k.inter) + " -passout pass:bí-mật -out " + q(p12));
    REQUIRE(r.code == 0);
    const fs::path in = sample_pdf(dir), out = dir / "signed.pdf";
    r = run_vanban("sign " + q(in) + " -o " + q(out) + " --p12 " + q(p12) + " --pass-env VANBAN_TEST_P12_PASS");
    CHECK(r.code == 1);  // the variable is not set
    CHECK_FALSE(fs::exists(out));
    r = run("VANBAN_TEST_P12_PASS=sai " + q(fs::path(VANBAN_BINARY_DIR) / "vanban") + " sign " + q(in) + " -o " +
            q(out) + " --p12 " + q(p12) + " --pass-env VANBAN_TEST_P12_PASS");
    CHECK(r.code == 1);  // wrong password
    CHECK_FALSE(fs::exists(out));
    r = run("VANBAN_TEST_P12_PASS=bí-mật " + q(fs::path(VANBAN_BINARY_DIR) / "vanban") + " sign " + q(in) + " -o " +
            q(out) + " --p12 " + q(p12) + " --pass-env VANBAN_TEST_P12_PASS");
    INFO(r.err);
    REQUIRE(r.code == 0);
    const std::string pdf = slurp(out);
    const auto sigs = signatures_in(pdf);
    REQUIRE(sigs.size() == 1);
    CHECK(openssl_verify(pdf, sigs[0], k.root, dir).code == 0);
}

TEST_CASE("The same input, key and SOURCE_DATE_EPOCH give byte-identical signed files (RSA)") {
    const fs::path dir = scratch("determinism");
    const Pki& k = pki();
    const fs::path in = sample_pdf(dir);
    std::string outs[2];
    for (int i = 0; i < 2; ++i) {
        const fs::path out = dir / ("s" + std::to_string(i) + ".pdf");
        const Run r = run("SOURCE_DATE_EPOCH=1764639000 " + q(fs::path(VANBAN_BINARY_DIR) / "vanban") + " sign " +
                          q(in) + " -o " + q(out) + " --key " + q(k.person_key) + " --cert " + q(k.person_cert));
        REQUIRE(r.code == 0);
        outs[i] = slurp(out);
    }
    CHECK(outs[0] == outs[1]);
    CHECK(outs[0].find("/M (D:20251202083000+07'00')") != std::string::npos);
}

TEST_CASE("An RSA-4096 key signs too (the largest VGCA key size), and openssl accepts the signature") {
    const fs::path dir = scratch("rsa4096");
    const Pki& k = pki();
    const fs::path inter_key = k.inter.parent_path() / "inter.key";
    put(dir / "leaf.ext", "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n");
    Run r = run("cd " + q(dir) + " && openssl req -newkey rsa:4096 -nodes -keyout big.key -out big.csr -subj "
                "'/CN=Big Key' && openssl x509 -req -in big.csr -CA " + q(k.inter) + " -CAkey " + q(inter_key) +
                " -set_serial 4096 -out big.pem -days 100 -extfile leaf.ext");
    INFO(r.err);
    REQUIRE(r.code == 0);
    const fs::path in = sample_pdf(dir), out = dir / "big.pdf";
    r = run_vanban("sign " + q(in) + " -o " + q(out) + " --key " + q(dir / "big.key") + " --cert " +
                   q(dir / "big.pem") + " --chain " + q(k.inter));
    INFO(r.err);
    REQUIRE(r.code == 0);
    const std::string pdf = slurp(out);
    const auto sigs = signatures_in(pdf);
    REQUIRE(sigs.size() == 1);
    CHECK(openssl_verify(pdf, sigs[0], k.root, dir).code == 0);
    CHECK(run_vanban("verify " + q(out) + " --trust " + q(k.root)).code == 0);
    // A key that does not belong to the certificate is refused.
    r = run_vanban("sign " + q(in) + " -o " + q(dir / "mismatch.pdf") + " --key " + q(dir / "big.key") + " --cert " +
                   q(k.person_cert));
    CHECK(r.code == 1);
    CHECK(r.err.find("does not belong") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "mismatch.pdf"));
}
