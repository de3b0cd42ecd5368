// The campaign routes of `vanban serve` over real HTTP (in-process server, loopback):
// every route, its 4xx answers and who may do what.
#include "report/form.h"
#include "report/summary.h"
#include "store/blob_store.h"
#include "support.h"

#include <catch2/catch.hpp>

using namespace campaign_test;

namespace {

const std::string kBase = "/api/campaigns/so-ket-nq20";

// bc-27 with one figure changed: a second version.
std::string changed(const std::string& report, const std::string& indicator, const std::string& value) {
    auto j = json::parse(report);
    j["data"]["indicators"][indicator] = json::parse(value);
    return j.dump(1);
}

}  // namespace

TEST_CASE("a unit submits its report: 201 with version, sha256, received_at, late; the same body again is the same version") {
    Fixture f("api-submit");
    Running s(f.dir);
    auto c = s.client();
    const std::string bc27 = sample_report("27");

    auto put = c.Put((kBase + "/reports/27").c_str(), bearer(f.codes["27"]), bc27, "application/json");
    REQUIRE(put);
    INFO(put->body);
    REQUIRE(put->status == 201);
    const json v1 = json::parse(put->body);
    CHECK(v1["version"] == 1);
    CHECK(v1["sha256"] == vanban::store::sha256_hex(bc27));
    CHECK(v1["late"] == false);
    CHECK(v1["received_at"].get<std::string>().size() == 24);
    CHECK(v1["submitted_by"] == "27");

    auto again = c.Put((kBase + "/reports/27").c_str(), bearer(f.codes["27"]), bc27, "application/json");
    REQUIRE(again);
    CHECK(again->status == 200);
    CHECK(json::parse(again->body)["version"] == 1);
    CHECK(json::parse(again->body)["received_at"] == v1["received_at"]);

    // A later report (dated after the deadline) is a new version, marked late.
    auto late_doc = json::parse(changed(bc27, "sang_kien", "200"));
    late_doc["date"] = "2010-02-03";
    auto put2 = c.Put((kBase + "/reports/27").c_str(), bearer(f.codes["27"]), late_doc.dump(), "application/json");
    REQUIRE(put2);
    REQUIRE(put2->status == 201);
    CHECK(json::parse(put2->body)["version"] == 2);
    CHECK(json::parse(put2->body)["late"] == true);

    // Latest, an older version, the list, and the PDFs.
    auto latest = c.Get((kBase + "/reports/27").c_str(), bearer(f.codes["27"]));
    REQUIRE(latest);
    CHECK(latest->status == 200);
    CHECK(latest->body == late_doc.dump());
    CHECK(latest->get_header_value("X-Vanban-Version") == "2");
    auto first = c.Get((kBase + "/reports/27?version=1").c_str(), bearer(f.codes["27"]));
    REQUIRE(first);
    CHECK(first->body == bc27);  // stored as received, never overwritten
    auto list = c.Get((kBase + "/reports/27/versions").c_str(), bearer(f.codes["27"]));
    REQUIRE(list);
    const json versions = json::parse(list->body)["versions"];
    REQUIRE(versions.size() == 2);
    CHECK(versions[0]["version"] == 1);
    CHECK(versions[1]["late"] == true);
    auto pdf = c.Get((kBase + "/reports/27.pdf?version=1").c_str(), bearer(f.codes["27"]));
    REQUIRE(pdf);
    CHECK(pdf->status == 200);
    CHECK(pdf->get_header_value("Content-Type") == "application/pdf");
    CHECK(pdf->body.rfind("%PDF-", 0) == 0);
    CHECK(pdf->body.find("pdfaid:part") != std::string::npos);  // PDF/A
    CHECK(vanban::store::sha256_hex(pdf->body) == versions[0]["pdf_sha256"]);
    // The stored PDF is the engine's PDF/A of the stored bytes.
    const auto rendered = engine().render(bc27, "bc-27.json", vanban::RenderRequest{true, false, true});
    CHECK(pdf->body == rendered.pdf);
}

TEST_CASE("a report the form refuses is 422 with summarize's message and JSON pointer, and nothing is stored") {
    Fixture f("api-invalid");
    Running s(f.dir);
    auto c = s.client();
    const std::string bad = changed(sample_report("27"), "doan_vien_moi", "\"12a\"");
    auto put = c.Put((kBase + "/reports/27").c_str(), bearer(f.codes["27"]), bad, "application/json");
    REQUIRE(put);
    REQUIRE(put->status == 422);
    const json e = json::parse(put->body);
    CHECK(e["pointer"] == "/data/indicators/doan_vien_moi");
    // Exactly what `vanban summarize` says about the same file.
    const auto form = vanban::report::load_form(source("templates/so-ket-nq20/form.json"));
    const auto summary = vanban::report::summarize(form, {{"bc-27.json", bad}});
    REQUIRE(summary.rejected.size() == 1);
    CHECK(e["diagnostic"] == summary.rejected[0].error);
    CHECK(e["message_vi"].get<std::string>().find("số nguyên") != std::string::npos);

    // Negative count, unknown indicator, another unit's report, not JSON.
    auto neg = c.Put((kBase + "/reports/27").c_str(), bearer(f.codes["27"]),
                     changed(sample_report("27"), "sang_kien", "-3"), "application/json");
    REQUIRE(neg);
    CHECK(neg->status == 422);
    CHECK(json::parse(neg->body)["error"] == "indicator 'sang_kien' is a count and cannot be negative (-3)");
    auto other = c.Put((kBase + "/reports/27").c_str(), bearer(f.codes["admin"]), sample_report("01"), "application/json");
    REQUIRE(other);
    CHECK(other->status == 422);
    CHECK(json::parse(other->body)["pointer"] == "/data/unit/code");
    auto syntax = c.Put((kBase + "/reports/27").c_str(), bearer(f.codes["27"]), "{\"data\": ", "application/json");
    REQUIRE(syntax);
    CHECK(syntax->status == 400);
    auto empty = c.Put((kBase + "/reports/27").c_str(), bearer(f.codes["27"]), "", "application/json");
    REQUIRE(empty);
    CHECK(empty->status == 400);

    auto none = c.Get((kBase + "/reports/27").c_str(), bearer(f.codes["27"]));
    REQUIRE(none);
    CHECK(none->status == 404);
}

TEST_CASE("a unit code reads and writes only its own unit, and status, summary and export are for admins") {
    Fixture f("api-auth");
    Running s(f.dir);
    auto c = s.client();
    REQUIRE(c.Put((kBase + "/reports/27").c_str(), bearer(f.codes["27"]), sample_report("27"), "application/json")->status == 201);
    const auto unit = bearer(f.codes["01"]);

    CHECK(c.Get((kBase + "/reports/27").c_str(), unit)->status == 403);
    CHECK(c.Get((kBase + "/reports/27.pdf").c_str(), unit)->status == 403);
    CHECK(c.Get((kBase + "/reports/27/versions").c_str(), unit)->status == 403);
    CHECK(c.Put((kBase + "/reports/27").c_str(), unit, sample_report("27"), "application/json")->status == 403);
    CHECK(c.Get((kBase + "/status").c_str(), unit)->status == 403);
    CHECK(c.Get((kBase + "/summary?format=json").c_str(), unit)->status == 403);
    CHECK(c.Get((kBase + "/export").c_str(), unit)->status == 403);
    CHECK(c.Get((kBase + "/form.xlsx?unit=27").c_str(), unit)->status == 403);

    // No code, a wrong code, a code of another campaign: 401.
    auto anon = c.Get((kBase + "/form").c_str());
    REQUIRE(anon);
    CHECK(anon->status == 401);
    CHECK(anon->get_header_value("WWW-Authenticate").rfind("Bearer", 0) == 0);
    CHECK(c.Get((kBase + "/form").c_str(), bearer("aaaaa-bbbbb-ccccc-ddddd-eeeee-f"))->status == 401);
    CHECK(c.Get((kBase + "/status").c_str(), bearer(f.codes["27"] + "x"))->status == 401);
    {
        vanban::server::CampaignService svc(f.dir);
        const auto second = svc.create(source("templates/so-ket-nq20/form.json"));
        CHECK(second.id == "so-ket-nq20-2");
        const auto other = svc.issue_codes(second.id, {"27"}, false);
        CHECK(c.Get((kBase + "/reports/27").c_str(), bearer(other[0].code))->status == 401);
    }

    // The admin reads everything.
    const auto admin = bearer(f.codes["admin"]);
    CHECK(c.Get((kBase + "/reports/27").c_str(), admin)->status == 200);
    CHECK(c.Get((kBase + "/status").c_str(), admin)->status == 200);

    // Not found: campaign, unit, version; bad version and format.
    CHECK(c.Get("/api/campaigns/nope/form", admin)->status == 404);
    CHECK(c.Get((kBase + "/reports/99").c_str(), admin)->status == 404);
    CHECK(c.Get((kBase + "/reports/27?version=7").c_str(), admin)->status == 404);
    CHECK(c.Get((kBase + "/reports/27?version=x").c_str(), admin)->status == 400);
    CHECK(c.Get((kBase + "/reports/01").c_str(), admin)->status == 404);  // not reported yet
    CHECK(c.Get((kBase + "/summary?format=odt").c_str(), admin)->status == 400);
    CHECK(c.Get((kBase + "/form.xlsx").c_str(), admin)->status == 400);

    // A revoked code fails at once; the unit's other routes with it too.
    {
        vanban::server::CampaignService svc(f.dir);
        CHECK(svc.store().revoke_tokens(f.campaign, {"27"}, false) == 1);
    }
    auto revoked = c.Get((kBase + "/reports/27").c_str(), bearer(f.codes["27"]));
    REQUIRE(revoked);
    CHECK(revoked->status == 401);
    CHECK(c.Put((kBase + "/reports/27").c_str(), bearer(f.codes["27"]), sample_report("27"), "application/json")->status == 401);
}

TEST_CASE("the form route describes the indicators, sections and the unit's own name") {
    Fixture f("api-form");
    Running s(f.dir);
    auto c = s.client();
    auto r = c.Get((kBase + "/form").c_str(), bearer(f.codes["27"]));
    REQUIRE(r);
    REQUIRE(r->status == 200);
    const json j = json::parse(r->body);
    CHECK(j["role"] == "unit");
    CHECK(j["unit"]["code"] == "27");
    CHECK(j["unit"]["name"] == "Bắc Ninh");
    CHECK(j["indicators"].size() == 9);
    CHECK(j["indicators"][8]["type"] == "decimal");
    CHECK(j["sections"].size() == 7);
    CHECK(j["template"] == "so-ket-nq20-don-vi");
    CHECK(j["skeleton"]["data"]["unit"]["code"] == "27");
    auto a = c.Get((kBase + "/form").c_str(), bearer(f.codes["admin"]));
    REQUIRE(a);
    CHECK(json::parse(a->body)["units"].size() == 63);
}

TEST_CASE("the status lists every expected unit in Vietnamese order as submitted, late or missing") {
    Fixture f("api-status");
    Running s(f.dir);
    auto c = s.client();
    REQUIRE(c.Put((kBase + "/reports/27").c_str(), bearer(f.codes["27"]), sample_report("27"), "application/json")->status == 201);
    auto late = json::parse(sample_report("01"));
    late["date"] = "2010-01-25";
    REQUIRE(c.Put((kBase + "/reports/01").c_str(), bearer(f.codes["01"]), late.dump(), "application/json")->status == 201);
    auto r = c.Get((kBase + "/status").c_str(), bearer(f.codes["admin"]));
    REQUIRE(r);
    REQUIRE(r->status == 200);
    const json j = json::parse(r->body);
    CHECK(j["expected"] == 63);
    CHECK(j["received"] == 2);
    CHECK(j["late"] == 1);
    CHECK(j["missing"] == 61);
    REQUIRE(j["units"].size() == 63);
    // "An Giang" first, then "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang" …
    CHECK(j["units"][0]["name"] == "An Giang");
    std::map<std::string, json> by_code;
    for (const auto& u : j["units"]) by_code[u["code"]] = u;
    CHECK(by_code["27"]["status"] == "submitted");
    CHECK(by_code["27"]["status_vi"] == "đã nộp");
    CHECK(by_code["01"]["status"] == "late");
    CHECK(by_code["01"]["status_vi"] == "nộp muộn");
    CHECK(by_code["02"]["status"] == "missing");
    CHECK(by_code["27"]["submitted_by"] == "27");
    // Live totals: 163 + Hà Nội's figure.
    const json bc01 = json::parse(sample_report("01"));
    CHECK(j["totals"][0]["total"] == 163 + bc01["data"]["indicators"]["hoi_nghi_quan_triet"].get<long>());
}

TEST_CASE("the pages log in with a code once: an HttpOnly SameSite=Strict cookie then works for the API") {
    Fixture f("api-session");
    Running s(f.dir);
    auto c = s.client();
    auto page = c.Get("/c/so-ket-nq20");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type").rfind("text/html", 0) == 0);
    CHECK_FALSE(page->get_header_value("Content-Security-Policy").empty());
    auto admin_page = c.Get("/c/so-ket-nq20/admin");
    REQUIRE(admin_page);
    CHECK(admin_page->status == 200);

    auto wrong = c.Post((kBase + "/session").c_str(), R"({"code": "nope"})", "application/json");
    REQUIRE(wrong);
    CHECK(wrong->status == 401);
    auto login = c.Post((kBase + "/session").c_str(), json{{"code", f.codes["27"]}}.dump(), "application/json");
    REQUIRE(login);
    REQUIRE(login->status == 200);
    const std::string cookie = login->get_header_value("Set-Cookie");
    CHECK(cookie.find("HttpOnly") != std::string::npos);
    CHECK(cookie.find("SameSite=Strict") != std::string::npos);
    const std::string pair = cookie.substr(0, cookie.find(';'));
    auto me = c.Get((kBase + "/session").c_str(), {{"Cookie", pair}});
    REQUIRE(me);
    CHECK(me->status == 200);
    CHECK(json::parse(me->body)["unit"] == "27");
    auto form = c.Get((kBase + "/form").c_str(), {{"Cookie", "other=1; " + pair}});
    REQUIRE(form);
    CHECK(form->status == 200);
    auto out = c.Delete((kBase + "/session").c_str());
    REQUIRE(out);
    CHECK(out->get_header_value("Set-Cookie").find("Max-Age=0") != std::string::npos);
}

TEST_CASE("the dashboard's upward report turns the campaign's totals into a report for the parent form") {
    Fixture f("api-upward");
    Running s(f.dir);
    auto c = s.client();
    REQUIRE(c.Put((kBase + "/reports/27").c_str(), bearer(f.codes["27"]), sample_report("27"), "application/json")->status == 201);
    REQUIRE(c.Put((kBase + "/reports/01").c_str(), bearer(f.codes["01"]), sample_report("01"), "application/json")->status == 201);
    const json parent{{"form", json::parse(read(source("templates/so-ket-nq20/form.json")))},
                      {"units", json::parse(read(source("templates/so-ket-nq20/units-2009.json")))}};
    const auto admin = bearer(f.codes["admin"]);
    auto r = c.Post((kBase + "/unit-report?unit=27").c_str(), admin, parent.dump(), "application/json");
    REQUIRE(r);
    INFO(r->body);
    REQUIRE(r->status == 200);
    const json up = json::parse(r->body);
    const json status = json::parse(c.Get((kBase + "/status").c_str(), admin)->body);
    CHECK(up["data"]["unit"]["code"] == "27");
    CHECK(up["data"]["indicators"]["doan_vien_moi"] == status["totals"][4]["total"]);
    CHECK(up["data"]["indicators"]["gia_tri_lam_loi"] == status["totals"][8]["total"]);
    CHECK(c.Post((kBase + "/unit-report?unit=27").c_str(), bearer(f.codes["27"]), parent.dump(), "application/json")->status == 403);
    CHECK(c.Post((kBase + "/unit-report").c_str(), admin, parent.dump(), "application/json")->status == 400);
    CHECK(c.Post((kBase + "/unit-report?unit=27").c_str(), admin, "{}", "application/json")->status == 400);
    CHECK(c.Post((kBase + "/unit-report?unit=999").c_str(), admin, parent.dump(), "application/json")->status == 422);
}
