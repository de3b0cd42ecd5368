// vanban verify on damaged and untrusted files: each must fail, for the right reason,
// with exit code 1 (pdfsig is asked too where it can tell).
#include "support.h"

#include <catch2/catch.hpp>

using namespace signtest;

namespace {

fs::path signed_once(const fs::path& dir, const fs::path& key, const fs::path& cert, bool chain = true) {
    const fs::path in = sample_pdf(dir), out = dir / "signed.pdf";
    const Run r = run_vanban("sign " + q(in) + " -o " + q(out) + " --key " + q(key) + " --cert " + q(cert) +
                         (chain ? " --chain " + q(pki().inter) : std::string()));
    INFO(r.err);
    REQUIRE(r.code == 0);
    return out;
}

Run verify(const fs::path& file, const std::string& extra = {}) {
    return run_vanban("verify " + q(file) + " --trust " + q(pki().root) + " " + extra);
}

// The line of vanban verify's text output for a check ("integrity: …").
std::string line_of(const std::string& out, const std::string& check) {
    const auto at = out.find(check + ":");
    return at == std::string::npos ? std::string() : out.substr(at, out.find('\n', at) - at);
}

}  // namespace

TEST_CASE("One byte changed inside the ByteRange: digest mismatch (vanban verify and pdfsig)") {
    const fs::path dir = scratch("inside");
    const fs::path file = signed_once(dir, pki().person_key, pki().person_cert);
    CHECK(verify(file).code == 0);
    std::string pdf = slurp(file);
    // The binary comment on line 2 of the header: inside the range, harmless to parsers.
    const auto at = pdf.find('%', 1) + 1;
    pdf[at] = static_cast<char>(pdf[at] ^ 0x01);
    const fs::path bad = dir / "bad.pdf";
    put(bad, pdf);
    const Run r = verify(bad);
    INFO(r.out << r.err);
    CHECK(r.code == 1);
    CHECK(line_of(r.out, "integrity").find("FAILED — digest mismatch") != std::string::npos);
    CHECK(line_of(r.out, "signature").find("ok") != std::string::npos);  // the CMS itself is intact
    if (have("pdfsig")) {
        const Run p = pdfsig(bad);
        CHECK(p.out.find("Signature is Valid") == std::string::npos);
        CHECK(p.out.find("Digest Mismatch") != std::string::npos);
    }
}

TEST_CASE("One byte changed outside the ByteRange: a changed signature value fails, junk in the padding fails") {
    const fs::path dir = scratch("outside");
    const fs::path file = signed_once(dir, pki().person_key, pki().person_cert);
    const std::string pdf = slurp(file);
    const auto sig = signatures_in(pdf).at(0);
    {
        // The last hex digit of the DER is in the signature value (RSA, the SignerInfo's end).
        std::string bad = pdf;
        const auto at = static_cast<std::size_t>(sig.b) + sig.der.size() * 2;
        bad[at] = bad[at] == '0' ? '1' : '0';
        put(dir / "value.pdf", bad);
        const Run r = verify(dir / "value.pdf");
        INFO(r.out);
        CHECK(r.code == 1);
        CHECK(line_of(r.out, "signature").find("FAILED") != std::string::npos);
        CHECK(line_of(r.out, "integrity").find("ok") != std::string::npos);
        if (have("pdfsig")) CHECK(pdfsig(dir / "value.pdf").out.find("Signature is Valid") == std::string::npos);
    }
    {
        std::string bad = pdf;
        bad[static_cast<std::size_t>(sig.c) - 2] = 'x';  // in the zero padding before '>'
        put(dir / "padding.pdf", bad);
        const Run r = verify(dir / "padding.pdf");
        INFO(r.out);
        CHECK(r.code == 1);
        CHECK(line_of(r.out, "byte range").find("FAILED") != std::string::npos);
    }
}

TEST_CASE("A wrong trust anchor, or none, fails the chain, and a leaf-only signature needs --intermediates") {
    const fs::path dir = scratch("trust");
    const fs::path file = signed_once(dir, pki().person_key, pki().person_cert, false);
    Run r = verify(file);
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK(line_of(r.out, "certificate chain").find("unable to get local issuer certificate") != std::string::npos);
    r = verify(file, "--intermediates " + q(pki().inter));
    INFO(r.out);
    CHECK(r.code == 0);
    r = run_vanban("verify " + q(file) + " --intermediates " + q(pki().inter) + " --trust " + q(pki().other_root));
    CHECK(r.code == 1);
    CHECK(line_of(r.out, "certificate chain").find("FAILED") != std::string::npos);
    r = run_vanban("verify " + q(file) + " --intermediates " + q(pki().inter));
    CHECK(r.code == 1);
    CHECK(line_of(r.out, "certificate chain").find("no trust anchor") != std::string::npos);
}

TEST_CASE("An expired signing certificate fails the chain") {
    const fs::path dir = scratch("expired");
    const fs::path file = signed_once(dir, pki().expired_key, pki().expired_cert);
    const Run r = verify(file);
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK(line_of(r.out, "certificate chain").find("certificate has expired") != std::string::npos);
    CHECK(line_of(r.out, "integrity").find("ok") != std::string::npos);
}

TEST_CASE("A truncated file fails verification and cannot be signed") {
    const fs::path dir = scratch("truncated");
    const fs::path file = signed_once(dir, pki().person_key, pki().person_cert);
    const std::string pdf = slurp(file);
    put(dir / "cut.pdf", pdf.substr(0, pdf.size() - 200));
    Run r = verify(dir / "cut.pdf");
    INFO(r.out << r.err);
    CHECK(r.code == 1);
    CHECK(r.out.find("NOT VALID") != std::string::npos);
    r = run_vanban("sign " + q(dir / "cut.pdf") + " -o " + q(dir / "out.pdf") + " --key " + q(pki().person_key) +
               " --cert " + q(pki().person_cert));
    CHECK(r.code == 1);
    CHECK(r.err.find("truncated") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out.pdf"));
}

TEST_CASE("Bytes appended after the last signature: it no longer covers the file, and a changed page is named") {
    const fs::path dir = scratch("appended");
    const fs::path file = signed_once(dir, pki().person_key, pki().person_cert);
    const std::string pdf = slurp(file);
    put(dir / "tail.pdf", pdf + "% a comment\n");
    Run r = verify(dir / "tail.pdf");
    CHECK(r.code == 1);
    CHECK(r.out.find("covers the whole file: no") != std::string::npos);
    // An incremental update that replaces the Info dictionary's title: a change that is not a signature.
    const auto info_at = pdf.rfind("/Info ");
    REQUIRE(info_at != std::string::npos);
    const int info = std::stoi(pdf.substr(info_at + 6));
    const auto prev = pdf.rfind("startxref") + 10;
    const std::string obj = std::to_string(info) + " 0 obj\n<< /Title (Changed) >>\nendobj\n";
    std::string forged = pdf + obj;
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n\r\n", pdf.size());
    const auto xref = forged.size();
    const auto root_at = pdf.rfind("/Root ");
    const std::string root = pdf.substr(root_at, pdf.find(" R", root_at) + 2 - root_at);
    forged += "xref\n" + std::to_string(info) + " 1\n" + entry + "trailer\n<< /Size 999 " + root + " /Info " +
              std::to_string(info) + " 0 R /Prev " + std::to_string(std::stoll(pdf.substr(prev))) + " >>\nstartxref\n" +
              std::to_string(xref) + "\n%%EOF\n";
    put(dir / "forged.pdf", forged);
    r = verify(dir / "forged.pdf");
    INFO(r.out);
    CHECK(r.code == 1);
    CHECK(line_of(r.out, "changes after signing").find("FAILED — changed after signing: object " +
                                                       std::to_string(info)) != std::string::npos);
}
