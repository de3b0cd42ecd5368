// The Vietnamese text toolkit through the real CLI: convert, lint, render --from.
// Legacy inputs are written out byte by byte from the published charts.
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

using namespace e2e;

namespace {

fs::path write(const fs::path& dir, const std::string& name, const std::string& bytes) {
    const auto p = dir / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
}

Run vanban_cmd(const std::string& args) {
    return run(quote(vanban().string()) + " " + args);
}

const std::string kMottoNfc = "Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n";
const std::string kMottoTcvn3 =
    "C\xE9ng ho\xB5 x\xB7 h\xE9i ch\xF1 ngh\xDC" "a Vi\xD6t Nam\n\xA7\xE9" "c l\xCBp - T\xF9 do - H\xB9nh ph\xF3" "c\n";

// One letter written three ways: Unicode NFC, Unicode NFD, TCVN3 bytes.
std::string letter(const std::string& place, const std::string& issuer, const std::string& subject,
                   const std::string& body, const std::string& title, const std::string& name) {
    return "{\n  \"template\": \"cong-van\",\n  \"issuer\": {\"name\": \"" + issuer +
           "\"},\n  \"number\": 12, \"symbol\": \"STC\", \"place\": \"" + place +
           "\", \"date\": \"2026-01-05\",\n  \"subject\": \"" + subject + "\",\n  \"body\": [\"" + body +
           "\"],\n  \"signers\": [{\"title\": \"" + title + "\", \"name\": \"" + name + "\"}]\n}\n";
}

const std::string kLetterNfc = letter("Hà Nội", "Sở Tài chính", "Báo cáo tình hình thực hiện",
                                      "Đề nghị các đơn vị báo cáo trước ngày 20/1/2026.", "Giám đốc", "Nguyễn Văn A");
const std::string kLetterNfd =
    letter("Ha\u0300 No\u0302\u0323i", "So\u031B\u0309 Ta\u0300i chi\u0301nh", "Ba\u0301o ca\u0301o ti\u0300nh hi\u0300nh thu\u031B\u0323c hie\u0302\u0323n",
           "\u0110e\u0302\u0300 nghi\u0323 ca\u0301c \u0111o\u031Bn vi\u0323 ba\u0301o ca\u0301o tru\u031Bo\u031B\u0301c nga\u0300y 20/1/2026.",
           "Gia\u0301m \u0111o\u0302\u0301c", "Nguye\u0302\u0303n Va\u0306n A");
const std::string kLetterTcvn3 =
    letter("H\xB5 N\xE9i", "S\xEB T\xB5i ch\xDDnh", "B\xB8o c\xB8o t\xD7nh h\xD7nh th\xF9" "c hi\xD6n",
           "\xA7\xD2 ngh\xDE c\xB8" "c \xAE\xACn v\xDE b\xB8o c\xB8o tr\xAD\xED" "c ng\xB5y 20/1/2026.", "Gi\xB8m \xAE\xE8" "c",
           "Nguy\xD4n V\xA8n A");

std::string pdf_text(const fs::path& pdf) {
    const auto t = run("pdftotext -raw " + quote(pdf.string()) + " -");
    REQUIRE(t.exit_code == 0);
    return squash(t.out);
}

}  // namespace

TEST_CASE("convert prints NFC UTF-8 from each legacy encoding") {
    const auto dir = scratch("convert");
    const auto tcvn3 = write(dir, "tcvn3.txt", kMottoTcvn3);
    const auto vni = write(dir, "vni.txt",
                           "Co\xE4ng ho\xF8" "a xa\xF5 ho\xE4i chu\xFB ngh\xF3" "a Vie\xE4t Nam\n\xD1o\xE4" "c la\xE4p - T\xF6\xEF do - "
                           "Ha\xEFnh phu\xF9" "c\n");
    const auto viqr = write(dir, "viqr.txt", "Co^.ng ho`a xa~ ho^.i chu? nghi~a Vie^.t Nam\nDDo^.c la^.p - Tu+. do - Ha.nh phu'c\n");
    const auto cp1258 = write(dir, "cp1258.txt", "\x56\x69\xEA\xF2\x74 Nam\n");

    auto r = vanban_cmd("convert --from tcvn3 " + quote(tcvn3.string()));
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == kMottoNfc);
    r = vanban_cmd("convert --from vni " + quote(vni.string()));
    CHECK(r.out == "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n");
    r = vanban_cmd("convert --from viqr " + quote(viqr.string()));
    CHECK(r.out == "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n");
    r = vanban_cmd("convert --from cp1258 " + quote(cp1258.string()));
    CHECK(r.out == "Việt Nam\n");
    r = vanban_cmd("convert --from tcvn3 --upper-font " + quote(tcvn3.string()));
    CHECK(r.out == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐỘC LẬP - TỰ DO - HẠNH PHÚC\n");
    r = run("printf 'Vie^.t Nam' | " + quote(vanban().string()) + " convert --from viqr -");
    CHECK(r.out == "Việt Nam");
}

TEST_CASE("convert --from auto says what it detected, and refuses when unsure") {
    const auto dir = scratch("convert-auto");
    auto r = vanban_cmd("convert --from auto " + quote(write(dir, "a.txt", kMottoTcvn3).string()));
    CHECK(r.exit_code == 0);
    CHECK(r.out == kMottoNfc);
    CHECK(r.err.find("a.txt: detected tcvn3: TCVN3") != std::string::npos);

    r = vanban_cmd("convert --from auto " + quote(write(dir, "u.txt", "Vie\u0302\u0323t Nam").string()));
    CHECK(r.exit_code == 0);
    CHECK(r.out == "Việt Nam");  // NFD is normalised, not converted
    CHECK(r.err.find("no conversion: already Unicode") != std::string::npos);

    r = vanban_cmd("convert --from auto " + quote(write(dir, "fr.txt", "Caf\xE9 cr\xE8me \xE0 la fran\xE7" "aise").string()));
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("cannot tell the encoding") != std::string::npos);

    CHECK(vanban_cmd("convert --from koi8 x.txt").exit_code == 2);
    CHECK(vanban_cmd("convert --from vni --upper-font x.txt").exit_code == 2);
    CHECK(vanban_cmd("convert --from tcvn3 " + quote((dir / "missing.txt").string())).exit_code == 1);
}

TEST_CASE("lint lists findings with pointers, exit 1; a clean input exits 0") {
    const auto dir = scratch("lint");
    const auto clean = write(dir, "clean.json", kLetterNfc);
    auto r = vanban_cmd("lint --today 2026-02-05 " + quote(clean.string()));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out == clean.string() + ": clean\n");

    const auto dirty = write(dir, "dirty.json", R"({"template": "cong-van", "number": 5, "symbol": "QĐ - UBND",
 "date": "2099-01-01", "subject": "ViÖt  Nam", "body": ["Nói \"không\"."]})");
    r = vanban_cmd("lint --today 2026-02-05 " + quote(dirty.string()));
    CHECK(r.exit_code == 1);
    CHECK(r.out.find(dirty.string() + ": /subject: check: looks like TCVN3") != std::string::npos);
    CHECK(r.out.find(dirty.string() + ": /number: change: printed as '05'") != std::string::npos);
    CHECK(r.out.find(": /symbol: refuse: ký hiệu has spaces") != std::string::npos);
    CHECK(r.out.find(": /date: check: dated in the future (today is 2026-02-05)") != std::string::npos);
    CHECK(r.out.find(": /body/0: check: straight quotes") != std::string::npos);

    r = vanban_cmd("lint --json --today 2026-02-05 " + quote(dirty.string()));
    CHECK(r.exit_code == 1);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j.at("clean") == false);
    std::set<std::string> codes;
    for (const auto& f : j.at("findings")) codes.insert(f.at("pointer").get<std::string>() + " " + f.at("code").get<std::string>());
    CHECK(codes == std::set<std::string>{"/subject legacy-encoding", "/subject double-space", "/number number-padding",
                                         "/symbol symbol-spaces", "/date date-future", "/body/0 straight-quotes"});

    r = vanban_cmd("lint " + quote(write(dir, "tcvn3.json", kLetterTcvn3).string()));
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("not UTF-8") != std::string::npos);
    CHECK(r.out.find("--from tcvn3") != std::string::npos);
}

TEST_CASE("A letter written in NFD, and one decoded from TCVN3, print the NFC text") {
    const auto dir = scratch("from");
    write(dir, "nfc.json", kLetterNfc);
    write(dir, "nfd.json", kLetterNfd);
    write(dir, "tcvn3.json", kLetterTcvn3);
    const std::string cd = "cd " + quote(dir.string()) + " && " + quote(vanban().string());
    auto r = run(cd + " render nfc.json -o nfc.pdf");
    REQUIRE(r.exit_code == 0);
    r = run(cd + " render nfd.json -o nfd.pdf");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    r = run(cd + " render tcvn3.json -o tcvn3.pdf --from tcvn3");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    r = run(cd + " render tcvn3.json -o auto.pdf --from auto");
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("tcvn3.json: decoding from tcvn3: ") != std::string::npos);

    const std::string expected = pdf_text(dir / "nfc.pdf");
    for (const char* s : {"SỞ TÀI CHÍNH", "Báo cáo tình hình thực hiện", "Đề nghị các đơn vị báo cáo trước ngày 20/1/2026.",
                          "Nguyễn Văn A", "Hà Nội"}) {
        INFO(s);
        CHECK(expected.find(s) != std::string::npos);
    }
    CHECK(pdf_text(dir / "nfd.pdf") == expected);
    CHECK(pdf_text(dir / "tcvn3.pdf") == expected);
    CHECK(pdf_text(dir / "auto.pdf") == expected);

    // Without --from the TCVN3 file is refused (it is not UTF-8), not printed as mojibake.
    r = run(cd + " render tcvn3.json -o plain.pdf");
    CHECK(r.exit_code == 1);
    CHECK_FALSE(fs::exists(dir / "plain.pdf"));
    CHECK(run(cd + " render nfc.json -o x.pdf --from koi8").exit_code == 2);
}
