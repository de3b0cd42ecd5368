// The API without sockets: Api's replies, download names and Vietnamese messages.
#include "render/engine.h"
#include "server/api.h"
#include "server/file_name.h"
#include "server/messages_vi.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace vanban;
using nlohmann::json;

namespace {

std::string sample(const std::string& name) {
    std::ifstream in(std::string(VANBAN_SOURCE_DIR) + "/samples/" + name, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const Engine& engine() {
    static const Engine e{EngineOptions{}};
    return e;
}

std::string header(const server::Reply& r, const std::string& name) {
    for (const auto& [k, v] : r.headers) {
        if (k == name) return v;
    }
    return "";
}

}  // namespace

TEST_CASE("Download names come from number, symbol and subject, in UTF-8 and ASCII") {
    const auto n = server::download_name("1996", "TLĐ", "Sơ kết 2 năm thực hiện NQ 20", "pdf");
    CHECK(n.utf8 == "1996-TLĐ Sơ kết 2 năm thực hiện NQ 20.pdf");
    CHECK(n.ascii == "1996-tld-so-ket-2-nam-thuc-hien-nq-20.pdf");
    const std::string cd = server::content_disposition(n);
    CHECK(cd == "attachment; filename=\"1996-tld-so-ket-2-nam-thuc-hien-nq-20.pdf\"; "
                "filename*=UTF-8''1996-TL%C4%90%20S%C6%A1%20k%E1%BA%BFt%202%20n%C4%83m%20th%E1%BB%B1c%20hi%E1%BB%87n%20NQ%2020.pdf");
}

TEST_CASE("Download names: a gap number, unsafe characters, long subjects, nothing at all") {
    CHECK(server::download_name("", "BC-LĐLĐ", "tình hình", "docx").utf8 == "BC-LĐLĐ tình hình.docx");
    const auto unsafe = server::download_name("5", "X", "a/b \"c\"\n<d>: e?", "pdf");
    CHECK(unsafe.utf8 == "5-X a-b -c- -d-- e.pdf");
    CHECK(unsafe.ascii == "5-x-a-b-c-d-e.pdf");
    const std::string long_subject(300, 'a');
    CHECK(server::download_name("1", "A", long_subject + " b", "pdf").utf8.size() < 100);
    CHECK(server::download_name("", "", "", "pdf").utf8 == "van-ban.pdf");
    CHECK(server::download_name("", "", "", "pdf").ascii == "van-ban.pdf");
    // Non-Latin text has no ASCII spelling: the fallback name still says something.
    CHECK(server::download_name("", "", "文书", "pdf").ascii == "van-ban.pdf");
    // Every byte of the header is printable ASCII (no CR/LF injection).
    for (char c : server::content_disposition(server::download_name("1", "A\r\nX: y", "ü\t\r\n", "pdf"))) {
        CHECK(static_cast<unsigned char>(c) >= 0x20);
        CHECK(static_cast<unsigned char>(c) < 0x7F);
    }
}

TEST_CASE("Engine messages have a Vietnamese wording — unknown ones keep the English") {
    CHECK(server::message_vi("missing required field 'name'") == "Chưa nhập: đây là mục bắt buộc.");
    CHECK(server::message_vi("unknown field 'subjct' (did you mean 'subject'?)") ==
          "Trường 'subjct' không có trong mẫu (có phải là 'subject'?).");
    CHECK(server::message_vi("impossible date '2009-02-30'") == "Ngày '2009-02-30' không có trên lịch.");
    CHECK(server::message_vi("syntax error: unexpected '}'", 3, 14).find("dòng 3, cột 14") != std::string::npos);
    CHECK(server::message_vi("something new") == "Dữ liệu không hợp lệ: something new");
    CHECK(server::message_vi("expected a width greater than 0, got 0") == "Độ rộng cột phải là một số lớn hơn 0.");
    CHECK(server::message_vi("an article needs a title ('article') or some 'text'") == "Điều cần có tên điều hoặc nội dung.");
    CHECK(server::lint_message_vi("double-space") == "Có hai dấu cách liền nhau.");
    CHECK(server::lint_message_vi("no-such-code").empty());
}

TEST_CASE("Api::render returns the engine's bytes with a file name — errors are 400/422 JSON") {
    const server::Api api(engine());
    const std::string doc = sample("cong-van-1996.json");
    const auto pdf = api.render(doc, "pdf");
    REQUIRE(pdf.status == 200);
    CHECK(pdf.content_type == "application/pdf");
    CHECK(pdf.body == engine().render(doc, "x.json").pdf);
    CHECK(header(pdf, "Content-Disposition").find("filename=\"1996-tld-so-ket-2-nam-thuc-hien-nq-20.pdf\"") !=
          std::string::npos);
    CHECK(header(pdf, "X-Vanban-Pages") == "2");

    const auto bad_format = api.render(doc, "odt");
    CHECK(bad_format.status == 400);
    CHECK(json::parse(bad_format.body)["error"].get<std::string>().find("'odt'") != std::string::npos);

    const auto syntax = api.render("{\n  \"template\": \"cong-van\",,\n}", "pdf");
    CHECK(syntax.status == 400);
    const json s = json::parse(syntax.body);
    CHECK(s["line"] == 2);
    CHECK(s["column"].get<int>() > 0);
    CHECK(s["pointer"] == "");

    json j = json::parse(doc);
    j["signers"][0].erase("name");
    const auto missing = api.render(j.dump(), "docx");
    CHECK(missing.status == 422);
    const json m = json::parse(missing.body);
    CHECK(m["pointer"] == "/signers/0/name");
    CHECK(m["message_vi"] == "Chưa nhập: đây là mục bắt buộc.");
}

TEST_CASE("Api::check reports validity, the first error and the lint findings") {
    const server::Api api(engine(), server::ApiOptions{text::Date{2026, 1, 1}});
    const json ok = json::parse(api.check(sample("cong-van-1996.json")).body);
    CHECK(ok["valid"] == true);
    CHECK(ok["error"].is_null());
    CHECK(ok["pages"] == 2);

    json j = json::parse(sample("cong-van-1996.json"));
    j["subject"] = "Sơ kết  hai năm";  // a double space: a lint finding, still valid
    j["date"] = "2009-02-30";          // impossible: invalid
    const json bad = json::parse(api.check(j.dump()).body);
    CHECK(bad["valid"] == false);
    CHECK(bad["error"]["pointer"] == "/date");
    bool double_space = false;
    for (const auto& f : bad["findings"]) {
        if (f["code"] == "double-space" && f["pointer"] == "/subject") double_space = true;
    }
    CHECK(double_space);
}

TEST_CASE("Api::templates lists the shipped templates with titles and the fields they print") {
    const server::Api api(engine());
    const json t = json::parse(api.templates().body)["templates"];
    REQUIRE(t.is_array());
    json cong_van, bao_cao;
    for (const auto& x : t) {
        if (x["name"] == "cong-van") cong_van = x;
        if (x["name"] == "bao-cao") bao_cao = x;
    }
    REQUIRE(cong_van.is_object());
    REQUIRE(bao_cao.is_object());
    CHECK(cong_van["title"] == "Công văn");
    CHECK(bao_cao["kind"] == "BÁO CÁO");
    for (const char* f : {"issuer", "number", "symbol", "subject", "recipients", "body", "signers", "distribution"}) {
        CHECK(std::find(cong_van["fields"].begin(), cong_van["fields"].end(), f) != cong_van["fields"].end());
    }
    CHECK(std::find(cong_van["fields"].begin(), cong_van["fields"].end(), "kind") == cong_van["fields"].end());
    CHECK(std::find(bao_cao["fields"].begin(), bao_cao["fields"].end(), "kind") != bao_cao["fields"].end());
}

TEST_CASE("A template's own error is not called a JSON syntax error of the document") {
    Diagnostic d;
    d.file = "so-ket-nq20-don-vi.mustache";
    d.line = 12;
    d.column = 3;
    d.message = "unclosed section 'data'";
    const server::Api api(engine());
    const json j = json::parse(api.error(d).body);
    CHECK(j["file"] == "so-ket-nq20-don-vi.mustache");
    const std::string vi = j["message_vi"];
    CHECK(vi.find("Mẫu văn bản so-ket-nq20-don-vi.mustache bị lỗi (dòng 12)") == 0);
    CHECK(vi.find("JSON") == std::string::npos);
    CHECK(vi.find("unclosed") == std::string::npos);
}
