// A unit's signed report PDF (PUT …/reports/{unit}.pdf): the server's PDF/A of the
// latest version with the unit's PAdES signature appended, checked against
// `vanban serve --trust`, recorded per version, shown in the campaign status and archived
// signed in the export.
#include "sign/credentials.h"
#include "store/blob_store.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace campaign_test;

namespace {

const std::string kBase = "/api/campaigns/so-ket-nq20";

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

// A test CA and a leaf signed by it (openssl CLI), in `dir`.
void make_pki(const fs::path& dir) {
    const std::string d = dir.string();
    REQUIRE(sh("cd " + q(dir) + " && openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 30 "
               "-subj '/CN=Test CA' -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign "
               ">/dev/null 2>&1 && openssl req -newkey rsa:2048 -nodes -keyout leaf.key -out leaf.csr "
               "-subj '/CN=LDLD Test' >/dev/null 2>&1 && printf 'keyUsage=critical,digitalSignature,nonRepudiation\\n' "
               "> ext.cnf && openssl x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 "
               "-extfile ext.cnf -out leaf.pem >/dev/null 2>&1") == 0);
}

json status_of(httplib::Client& c, const std::string& admin, const std::string& unit) {
    auto st = c.Get((kBase + "/status").c_str(), bearer(admin));
    REQUIRE(st);
    REQUIRE(st->status == 200);
    const json all = json::parse(st->body);  // kept: the loop refers into it
    for (const auto& u : all["units"]) {
        if (u["code"] == unit) return u;
    }
    FAIL("unit " << unit << " not in the status");
    return {};
}

}  // namespace

TEST_CASE("A unit's signed PDF is checked against serve --trust, recorded per version and shown in the status") {
    Fixture f("api-signed");
    const fs::path pki = f.dir.parent_path() / "api-signed-pki";
    fs::remove_all(pki);
    fs::create_directories(pki);
    make_pki(pki);
    Running s(f.dir);
    vanban::sign::VerifyOptions trust;
    trust.trust = vanban::sign::load_certificates(pki / "ca.pem");
    vanban::server::set_campaign_trust(*s.campaigns, trust);
    auto c = s.client();
    const auto unit = bearer(f.codes["27"]);

    // Before any report: 404. Then the JSON report: unsigned in the status.
    CHECK(c.Put((kBase + "/reports/27.pdf").c_str(), unit, "%PDF-1.4\n", "application/pdf")->status == 404);
    auto put = c.Put((kBase + "/reports/27").c_str(), unit, sample_report("27"), "application/json");
    REQUIRE(put);
    REQUIRE(put->status == 201);
    CHECK(status_of(c, f.codes["admin"], "27")["signature"]["signature"] == "unsigned");

    // The unit downloads its PDF/A, signs it with vanban sign, sends it back.
    auto pdf = c.Get((kBase + "/reports/27.pdf").c_str(), unit);
    REQUIRE(pdf);
    REQUIRE(pdf->status == 200);
    write(pki / "bc-27.pdf", pdf->body);
    REQUIRE(sh(vanban_exe() + " sign " + q(pki / "bc-27.pdf") + " -o " + q(pki / "signed.pdf") + " --key " +
               q(pki / "leaf.key") + " --cert " + q(pki / "leaf.pem")) == 0);
    const std::string signed_pdf = read(pki / "signed.pdf");
    auto up = c.Put((kBase + "/reports/27.pdf").c_str(), unit, signed_pdf, "application/pdf");
    REQUIRE(up);
    INFO(up->body);
    CHECK(up->status == 201);
    json st = status_of(c, f.codes["admin"], "27")["signature"];
    CHECK(st["signature"] == "valid");
    CHECK(st["version"] == 1);
    CHECK(st["signer"].get<std::string>().find("LDLD Test") != std::string::npos);
    CHECK(st["signed_pdf_sha256"] == vanban::store::sha256_hex(signed_pdf));

    // The archive export holds the signed PDF, and summarize --require-signed accepts it.
    auto zip = c.Get((kBase + "/export").c_str(), bearer(f.codes["admin"]));
    REQUIRE(zip);
    REQUIRE(zip->status == 200);
    const fs::path x = pki / "export";
    fs::create_directories(x);
    write(x / "export.zip", zip->body);
    REQUIRE(sh("cd " + q(x) + " && unzip -q -o export.zip") == 0);
    CHECK(read(x / "bc-27.pdf") == signed_pdf);
    CHECK(sh("cd " + q(x) + " && " + vanban_exe() + " summarize --form form.json bc-27.json --require-signed --trust " +
             q(pki / "ca.pem") + " -o sum.pdf 2>/dev/null") == 0);
    CHECK(sh("cd " + q(x) + " && " + vanban_exe() + " summarize --form form.json bc-27.json --require-signed --trust " +
             q(pki / "leaf.pem") + " -o other.pdf 2>/dev/null") == 1);

    // One byte of the signed update changed (a digit of /M; the PDF/A before it is still
    // the stored one): recorded as invalid, 422, the status says why.
    std::string bad = signed_pdf;
    const auto m = bad.find("/M (D:", pdf->body.size());
    REQUIRE(m != std::string::npos);
    bad[m + 7] = bad[m + 7] == '9' ? '8' : '9';
    up = c.Put((kBase + "/reports/27.pdf").c_str(), unit, bad, "application/pdf");
    REQUIRE(up);
    CHECK(up->status == 422);
    st = status_of(c, f.codes["admin"], "27")["signature"];
    CHECK(st["signature"] == "invalid");
    CHECK(st["detail"].get<std::string>().find("integrity") != std::string::npos);

    // A PDF that is not this version's PDF/A: refused, not recorded.
    up = c.Put((kBase + "/reports/27.pdf").c_str(), unit, "%PDF-1.7\nsomething else", "application/pdf");
    REQUIRE(up);
    CHECK(up->status == 422);
    CHECK(status_of(c, f.codes["admin"], "27")["signature"]["signature"] == "invalid");

    // Another unit's code may not send unit 27's signed PDF.
    CHECK(c.Put((kBase + "/reports/27.pdf").c_str(), bearer(f.codes["01"]), signed_pdf, "application/pdf")->status == 403);

    // A new version of the figures is unsigned again until its own PDF is signed.
    auto j = json::parse(sample_report("27"));
    j["data"]["indicators"]["sang_kien"] = 201;
    REQUIRE(c.Put((kBase + "/reports/27").c_str(), unit, j.dump(), "application/json")->status == 201);
    st = status_of(c, f.codes["admin"], "27");
    CHECK(st["version"] == 2);
    CHECK(st["signature"]["signature"] == "unsigned");
    // Version 1's signed PDF no longer fits the latest version.
    CHECK(c.Put((kBase + "/reports/27.pdf").c_str(), unit, signed_pdf, "application/pdf")->status == 422);
}
