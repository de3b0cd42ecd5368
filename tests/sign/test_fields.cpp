// The ô 14 box (copies, separate-file appendices), pre-placed empty signature fields
// (render --signature-fields) filled later by vanban sign, and render --sign in one step.
// Judged by pdftotext -bbox, pdfsig, qpdf and PDFBox Preflight.
#include "support.h"

#include <catch2/catch.hpp>

#include <regex>

using namespace signtest;

namespace {

// Preflight's verdict; "" when it is not installed (the caller skips with a message).
std::string preflight(const fs::path& pdf) {
    const std::string cp = preflight_classpath();
    if (cp.empty()) return "";
    const Run r = run("java -cp " + q(cp) + " org.apache.pdfbox.preflight.Validator_A1b " + q(pdf));
    return r.out + r.err;
}

std::string key_args(bool person) {
    const Pki& p = pki();
    return person ? " --key " + q(p.person_key) + " --cert " + q(p.person_cert) + " --chain " + q(p.inter)
                  : " --key " + q(p.org_key) + " --cert " + q(p.org_cert) + " --chain " + q(p.inter);
}

struct Word {
    double x1, y1, x2, y2;
};

// Where pdftotext -bbox finds `word` on page 1 (y from the top); x1 < 0 when absent.
Word find_word(const fs::path& pdf, const std::string& word) {
    const Run r = run("pdftotext -bbox -f 1 -l 1 " + q(pdf) + " -");
    const std::regex re("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>");
    for (std::sregex_iterator it(r.out.begin(), r.out.end(), re), end; it != end; ++it) {
        if ((*it)[5] == word) return {std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4])};
    }
    return {-1, -1, -1, -1};
}

}  // namespace

TEST_CASE("A copy signed with --number shows the number and the +07:00 signing time at the top right of page 1") {
    if (!have("pdftotext") || !have("pdfsig")) {
        WARN("SKIPPED: poppler-utils (pdftotext, pdfsig) is not installed");
        return;
    }
    const fs::path dir = scratch("o14");
    const fs::path in = sample_pdf(dir), out = dir / "copy.pdf";
    // 2025-12-02 01:50:00 UTC = 08:50:00 in Vietnam.
    Run r = run("SOURCE_DATE_EPOCH=1764640200 " + q(fs::path(VANBAN_BINARY_DIR) / "vanban") + " sign " + q(in) + " -o " +
                q(out) + key_args(false) + " --role copy --number '05/SY-TLĐ'");
    INFO(r.err);
    REQUIRE(r.code == 0);
    const Word number = find_word(out, "05/SY-TLĐ"), time = find_word(out, "2025-12-02T08:50:00+07:00");
    REQUIRE(number.x1 >= 0);
    REQUIRE(time.x1 >= 0);
    // A4 is 595 × 842 pt: right half, in the top margin (20 mm = 57 pt), number above time.
    CHECK(number.x1 > 297);
    CHECK(time.x1 > 297);
    CHECK(time.y2 < 57);
    CHECK(number.y2 <= time.y1 + 0.5);
    // Right edge on the text column's (15 mm from the page edge), less the box's 2 pt padding.
    CHECK(time.x2 == Approx(595.28 - 42.52 - 2).margin(1));
    // 10 pt: the word boxes are about 11 pt high.
    CHECK(time.y2 - time.y1 == Approx(11).margin(1.5));
    // The font is embedded (pdffonts "emb yes") and is Liberation Serif or Times New Roman.
    const Run fonts = run("pdffonts " + q(out));
    CHECK(std::regex_search(fonts.out, std::regex("(LiberationSerif|TimesNewRoman)[^\\n]*CID TrueType[^\\n]*yes")));
    const Run sig = pdfsig(out);
    CHECK(sig.out.find("Signature is Valid") != std::string::npos);
    CHECK(sig.out.find("Total document signed") != std::string::npos);
    r = run_vanban("verify " + q(out) + " --trust " + q(pki().root));
    INFO(r.out);
    CHECK(r.code == 0);
    const std::string pf = preflight(out);
    if (pf.empty()) WARN("SKIPPED: PDFBox Preflight is not installed");
    else CHECK(pf.find("is a valid PDF/A-1b file") != std::string::npos);
}

TEST_CASE("A separate-file appendix takes its number from the document and a copy without --number is refused") {
    if (!have("pdftotext")) {
        WARN("SKIPPED: pdftotext is not installed");
        return;
    }
    const fs::path dir = scratch("o14-appendix");
    const fs::path in = sample_pdf(dir);
    Run r = run_vanban("sign " + q(in) + " -o " + q(dir / "app.pdf") + key_args(false) + " --role appendix");
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(find_word(dir / "app.pdf", "1996/TLĐ").x1 > 297);  // the sample's số/ký hiệu
    r = run_vanban("sign " + q(in) + " -o " + q(dir / "copy.pdf") + key_args(false) + " --role copy");
    CHECK(r.code == 1);
    CHECK(r.err.find("--number") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "copy.pdf"));
    r = run_vanban("sign " + q(in) + " -o " + q(dir / "copy.pdf") + key_args(false) + " --role copy --number 1 --image " +
                   q(in));
    CHECK(r.code == 2);  // ô 14 shows no image
}

TEST_CASE("render --signature-fields places empty fields that pdfsig and qpdf see and that stay PDF/A-1b") {
    if (!have("pdfsig") || !have("qpdf")) {
        WARN("SKIPPED: pdfsig or qpdf is not installed");
        return;
    }
    const fs::path dir = scratch("fields");
    const fs::path out = dir / "fields.pdf";
    Run r = run_vanban("render " + q(fs::path(VANBAN_SOURCE_DIR) / "samples/cong-van-1996.json") +
                       " --pdfa --signature-fields -o " + q(out));
    INFO(r.err);
    REQUIRE(r.code == 0);
    const Run sig = pdfsig(out);
    CHECK(sig.out.find("Signature Field Name: Signature1") != std::string::npos);
    CHECK(sig.out.find("Signature Field Name: Seal1") != std::string::npos);
    CHECK(sig.out.find("not signed") != std::string::npos);
    const Run json = run("qpdf --json --json-key=acroform " + q(out));
    CHECK(std::regex_search(json.out, std::regex("\"fieldtype\": \"/Sig\"[^}]*\"fullname\": \"Signature1\"")));
    CHECK(json.out.find("\"value\": null") != std::string::npos);
    CHECK(run("qpdf --check " + q(out)).code == 0);
    // Unsigned: vanban verify finds no signature.
    CHECK(run_vanban("verify " + q(out) + " --trust " + q(pki().root)).code != 0);
    const std::string pf = preflight(out);
    if (pf.empty()) WARN("SKIPPED: PDFBox Preflight is not installed");
    else CHECK(pf.find("is a valid PDF/A-1b file") != std::string::npos);
}

TEST_CASE("vanban sign fills the pre-placed Signature1 and Seal1 fields instead of adding new ones") {
    if (!have("pdfsig")) {
        WARN("SKIPPED: pdfsig is not installed");
        return;
    }
    const fs::path dir = scratch("fill");
    const fs::path fields = dir / "fields.pdf", one = dir / "one.pdf", two = dir / "two.pdf";
    put(dir / "sig.png", png(240, 90, 20, 40, 200, false));
    put(dir / "seal.png", png(200, 200, 220, 20, 20, true));
    REQUIRE(run_vanban("render " + q(fs::path(VANBAN_SOURCE_DIR) / "samples/cong-van-1996.json") +
                       " --pdfa --signature-fields -o " + q(fields)).code == 0);
    Run r = run_vanban("sign " + q(fields) + " -o " + q(one) + key_args(true) + " --image " + q(dir / "sig.png"));
    INFO(r.err);
    REQUIRE(r.code == 0);
    r = run_vanban("sign " + q(one) + " -o " + q(two) + key_args(false) + " --role issue --seal " + q(dir / "seal.png"));
    INFO(r.err);
    REQUIRE(r.code == 0);
    const std::string out = pdfsig(two).out;
    INFO(out);
    // Two signatures, in the two pre-placed fields, no third field.
    CHECK(out.find("Signature #3") == std::string::npos);
    const auto first = out.find("Signature Field Name: Signature1"), second = out.find("Signature Field Name: Seal1");
    REQUIRE(first != std::string::npos);
    REQUIRE(second != std::string::npos);
    CHECK(out.find("Signature is Valid", first) < second);
    CHECK(out.find("Signature is Valid", second) != std::string::npos);
    CHECK(out.find("not signed") == std::string::npos);
    r = run_vanban("verify " + q(two) + " --trust " + q(pki().root));
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find("empty signature field") != std::string::npos);
    // A named field that does not exist is an error, and nothing is written.
    r = run_vanban("sign " + q(fields) + " -o " + q(dir / "x.pdf") + key_args(true) + " --field Nope");
    CHECK(r.code == 1);
    CHECK(r.err.find("Nope") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "x.pdf"));
    const std::string pf = preflight(two);
    if (pf.empty()) WARN("SKIPPED: PDFBox Preflight is not installed");
    else CHECK(pf.find("is a valid PDF/A-1b file") != std::string::npos);
}

TEST_CASE("render --sign writes a signed PDF in one step and nothing when the password is wrong") {
    const fs::path dir = scratch("render-sign");
    const std::string sample = q(fs::path(VANBAN_SOURCE_DIR) / "samples/cong-van-1996.json");
    put(dir / "sig.png", png(240, 90, 20, 40, 200, false));
    Run r = run_vanban("render " + sample + " --pdfa --sign" + key_args(true) + " --image " + q(dir / "sig.png") +
                       " -o " + q(dir / "signed.pdf"));
    INFO(r.err);
    REQUIRE(r.code == 0);
    r = run_vanban("verify " + q(dir / "signed.pdf") + " --trust " + q(pki().root));
    INFO(r.out);
    CHECK(r.code == 0);
    if (have("pdfsig")) CHECK(pdfsig(dir / "signed.pdf").out.find("Signature is Valid") != std::string::npos);

    REQUIRE(run("openssl pkcs12 -export -inkey " + q(pki().person_key) + " -in " + q(pki().person_cert) +
                " -passout pass:right -out " + q(dir / "p.p12")).code == 0);
    r = run("PW=wrong " + q(fs::path(VANBAN_BINARY_DIR) / "vanban") + " render " + sample + " --pdfa --sign --p12 " +
            q(dir / "p.p12") + " --pass-env PW -o " + q(dir / "bad.pdf"));
    CHECK(r.code == 1);
    CHECK(r.err.find("p.p12") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "bad.pdf"));
    // Signing options without --sign are a usage error.
    CHECK(run_vanban("render " + sample + " --key " + q(pki().person_key) + " -o " + q(dir / "c.pdf")).code == 2);
}
