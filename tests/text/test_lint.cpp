// The lint stage: each check against strings and documents written by hand.
#include "lint/lint.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace vanban;
using lint::Action;
using lint::Finding;

namespace {

std::vector<Finding> of_string(std::string_view s, const lint::LintOptions& o = {}) {
    std::vector<Finding> out;
    lint::lint_string("/x", s, o, out);
    return out;
}

const Finding* find(const std::vector<Finding>& fs, const std::string& code) {
    const auto it = std::find_if(fs.begin(), fs.end(), [&](const Finding& f) { return f.code == code; });
    return it == fs.end() ? nullptr : &*it;
}

std::vector<std::string> codes(const std::vector<Finding>& fs) {
    std::vector<std::string> out;
    for (const auto& f : fs) out.push_back(f.pointer + " " + f.code);
    return out;
}

}  // namespace

TEST_CASE("Clean Vietnamese text has no findings") {
    CHECK(of_string("Cộng hòa xã hội chủ nghĩa Việt Nam").empty());
    CHECK(of_string("Độc lập - Tự do - Hạnh phúc").empty());
    CHECK(of_string("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 (“Nghị định 30”).").empty());
}

TEST_CASE("Characters rendering changes or refuses") {
    auto f = of_string("Vie\u0302\u0323t Nam");
    REQUIRE(find(f, "non-nfc"));
    CHECK(find(f, "non-nfc")->action == Action::change);
    CHECK(find(f, "non-nfc")->suggestion == "Việt Nam");

    f = of_string("a\tb\tc");
    REQUIRE(find(f, "tab"));
    CHECK(find(f, "tab")->action == Action::change);
    CHECK(find(f, "tab")->message == "tab (printed as a space) (2 times)");

    f = of_string("a\x07" "b");
    REQUIRE(find(f, "control-character"));
    CHECK(find(f, "control-character")->action == Action::refuse);
    CHECK(find(f, "control-character")->message == "control character U+0007");

    CHECK(find(of_string("ab\u200Bc"), "invisible-character"));
    CHECK(find(of_string("a\nb"), "line-break")->action == Action::change);
    std::vector<Finding> issuer;
    lint::lint_string("/issuer/name", "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI", {}, issuer);
    CHECK(issuer.empty());  // a forced line break in an issuer name is kept, not changed
}

TEST_CASE("Legacy encodings, missing glyphs, spacing, quotes and the motto") {
    auto f = of_string("ViÖt Nam");
    REQUIRE(find(f, "legacy-encoding"));
    CHECK(find(f, "legacy-encoding")->message == "looks like TCVN3 (TCVN 5712 ABC, .VnTime) text (render it with --from tcvn3)");
    CHECK(find(f, "legacy-encoding")->suggestion == "Việt Nam");
    f = of_string("Vie^.t Nam ngu+o+`i");
    REQUIRE(find(f, "legacy-encoding"));
    CHECK(find(f, "legacy-encoding")->suggestion == "Việt Nam người");

    lint::LintOptions o;
    o.has_glyph = [](char32_t c) { return c != U'中'; };
    f = of_string("Trung 中 中", o);
    REQUIRE(find(f, "missing-glyph"));
    CHECK(find(f, "missing-glyph")->action == Action::refuse);
    CHECK(std::count_if(f.begin(), f.end(), [](const Finding& x) { return x.code == "missing-glyph"; }) == 1);

    CHECK(find(of_string("a  b"), "double-space")->suggestion == "a b");
    CHECK(find(of_string(" a"), "edge-space")->suggestion == "a");
    CHECK(find(of_string("nói \"không\" và 'có'"), "straight-quotes")->suggestion == "nói “không” và ‘có’");
    CHECK(find(of_string("Độc lập – Tự do – Hạnh phúc"), "motto-dashes")->suggestion == "Độc lập - Tự do - Hạnh phúc");
    CHECK(find(of_string("Độc lập-Tự do-Hạnh phúc"), "motto-dashes"));
}

TEST_CASE("A document: pointers, field checks, and exit-worthy findings") {
    lint::LintOptions o;
    o.today = text::Date{2026, 2, 5};
    const std::string doc = R"({
  "template": "cong-van",
  "number": 5,
  "symbol": "QĐ - UBND",
  "date": "2099-01-01",
  "subject": "Vie\u0302\u0323t",
  "data": {"a/b": "x  y"}
})";
    const auto f = lint::lint_document(doc, o);
    CHECK(codes(f) == std::vector<std::string>{"/data/a~1b double-space", "/subject non-nfc", "/number number-padding",
                                               "/symbol symbol-spaces", "/date date-future"});
    CHECK(find(f, "number-padding")->suggestion == "05");
    CHECK(find(f, "symbol-spaces")->suggestion == "QĐ-UBND");
    CHECK(find(f, "symbol-spaces")->action == Action::refuse);
    CHECK(find(f, "date-future")->message == "dated in the future (today is 2026-02-05)");

    CHECK(lint::lint_document(R"({"number": "1996", "symbol": "TLĐ", "date": "2009-12-30"})", o).empty());
    CHECK(find(lint::lint_document(R"({"number": "005"})", o), "number-padding")->suggestion == "05");
    CHECK(find(lint::lint_document(R"({"number": "0"})", o), "number-zero")->action == Action::refuse);
    CHECK(find(lint::lint_document(R"({"symbol": "QĐ–UBND"})", o), "symbol-dash")->suggestion == "QĐ-UBND");
    CHECK(find(lint::lint_document(R"({"date": "2026-02-30"})", o), "date-format"));
}

TEST_CASE("A file that is not UTF-8, or not JSON") {
    const auto f = lint::lint_document("{\"subject\": \"C\xE9ng ho\xB5 x\xB7 h\xE9i ch\xF1 ngh\xDC" "a Vi\xD6t Nam\"}", {});
    REQUIRE(f.size() == 1);
    CHECK(f[0].code == "not-utf8");
    CHECK(f[0].action == Action::refuse);
    CHECK(f[0].message == "the file is not UTF-8 (byte 0xE9 at line 1, column 15); it looks like TCVN3 (TCVN 5712 ABC, "
                          ".VnTime): render it with --from tcvn3");
    const auto g = lint::lint_document("{\"a\": ", {});
    REQUIRE(g.size() == 1);
    CHECK(g[0].code == "json-syntax");
}
