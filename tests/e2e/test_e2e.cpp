// The samples, rendered by the real CLI and judged with pdftotext, pdffonts, pdfinfo
// and qpdf — the tools an archivist or a reviewer would use.
#include "support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <regex>

using namespace e2e;

namespace {

std::vector<fs::path> samples() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(repo() / "samples")) {
        if (e.path().extension() == ".json") out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Renders one sample into a scratch directory; returns the PDF's path.
fs::path render(const fs::path& input, const std::string& extra = "") {
    const auto dir = scratch("render");
    const auto out = dir / input.filename().replace_extension(".pdf");
    const auto r = run(quote(vanban().string()) + " render " + quote(input.string()) + " -o " + quote(out.string()) + " " + extra);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    REQUIRE(r.err.empty());
    REQUIRE(fs::exists(out));
    return out;
}

std::string strip_emphasis(std::string s) {
    s = std::regex_replace(s, std::regex(R"(\*\*\*(.+?)\*\*\*)"), "$1");
    s = std::regex_replace(s, std::regex(R"(\*\*(.+?)\*\*)"), "$1");
    s = std::regex_replace(s, std::regex(R"(\*([^ *][^*]*?)\*)"), "$1");
    return s;
}

// Every string the sample prints (level-1 headings are upper-cased by design; skipped).
std::vector<std::string> printed_strings(const nlohmann::json& j) {
    const bool letter = j.at("template").get<std::string>().rfind("cong-van", 0) == 0;
    std::vector<std::string> out{(letter ? "V/v " : "") + j.at("subject").get<std::string>()};
    for (const auto& b : j.value("bases", nlohmann::json::array())) out.push_back(b);
    for (const auto& r : j.value("recipients", nlohmann::json::array())) out.push_back(r);
    for (const auto& b : j.at("body")) {
        if (b.is_string()) out.push_back(b);
        else if (b.contains("list")) for (const auto& i : b["list"]) out.push_back(i);
        else if (b.contains("heading") && b.value("level", 1) != 1) out.push_back(b["heading"]);
        else if (b.contains("text")) out.push_back(b["text"]);
    }
    for (const auto& s : j.at("signers")) out.push_back(s.at("name"));
    for (const auto& d : j.value("distribution", nlohmann::json::array())) out.push_back(d);
    for (auto& s : out) s = squash(strip_emphasis(s));
    return out;
}

}  // namespace

TEST_CASE("Every sample renders, and pdftotext gives back every printed string exactly (NFC)") {
    for (const auto& s : samples()) {
        INFO(s.string());
        const auto pdf = render(s);
        const auto text = run("pdftotext -raw " + quote(pdf.string()) + " -");
        CHECK(text.exit_code == 0);
        CHECK(text.err.empty());  // poppler prints no warnings
        const std::string all = squash(text.out);
        const auto j = nlohmann::json::parse(slurp(s));
        for (const auto& str : printed_strings(j)) {
            INFO(str);
            CHECK(all.find(str) != std::string::npos);
        }
        CHECK(all.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") != std::string::npos);
        CHECK(all.find("Độc lập - Tự do - Hạnh phúc") != std::string::npos);
        CHECK(all.find("./.") != std::string::npos);
    }
}

TEST_CASE("Every font in every sample is embedded, subset and has a ToUnicode map") {
    for (const auto& s : samples()) {
        INFO(s.string());
        const auto r = run("pdffonts " + quote(render(s).string()));
        REQUIRE(r.exit_code == 0);
        CHECK(r.err.empty());
        std::istringstream lines(r.out);
        std::string line;
        int fonts = 0;
        std::getline(lines, line);
        std::getline(lines, line);  // header and rule
        while (std::getline(lines, line)) {
            INFO(line);
            CHECK(line.find("LiberationSerif") != std::string::npos);
            CHECK(std::regex_search(line, std::regex(R"(yes\s+yes\s+yes)")));
            ++fonts;
        }
        CHECK(fonts >= 2);
        CHECK(fonts <= 4);
    }
}

TEST_CASE("qpdf finds no syntax or stream errors in any sample") {
    for (const auto& s : samples()) {
        INFO(s.string());
        const auto r = run("qpdf --check " + quote(render(s).string()));
        CHECK(r.exit_code == 0);
        CHECK(r.out.find("No syntax or stream encoding errors found") != std::string::npos);
        CHECK(r.err.empty());
    }
}

TEST_CASE("Rendering the same input twice gives byte-identical PDFs") {
    const auto input = repo() / "samples/cong-van-1996.json";
    CHECK(slurp(render(input)) == slurp(render(input)));
}

TEST_CASE("The seed letter's document information names subject, issuer and number") {
    const auto r = run("pdfinfo " + quote(render(repo() / "samples/cong-van-1996.json").string()));
    const auto info = squash(r.out);
    CHECK(info.find("Title: Công văn số 1996/TLĐ V/v Sơ kết 2 năm thực hiện NQ 20 ") != std::string::npos);
    CHECK(info.find("Author: TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM ") != std::string::npos);
    CHECK(info.find("Keywords: 1996/TLĐ ") != std::string::npos);
    CHECK(info.find("CreationDate: Wed Dec 30 00:00:00 2009 UTC") != std::string::npos);  // the document's date
    CHECK(info.find("Page size: 595.276 x 841.89 pts (A4)") != std::string::npos);
}

TEST_CASE("Every sample keeps its ink inside the NĐ 30 margins; page numbers sit in the top margin from page 2") {
    for (const auto& s : samples()) {
        INFO(s.string());
        const auto pages = bbox_layout(render(s));
        REQUIRE(!pages.empty());
        for (std::size_t i = 0; i < pages.size(); ++i) {
            const auto& p = pages[i];
            CHECK(p.width == Approx(210).margin(0.4));
            CHECK(p.height == Approx(297).margin(0.4));
            bool numbered = false;
            for (const auto& l : p.lines) {
                INFO("page " << i + 1 << ": " << l.text());
                CHECK(l.x_min() >= 30 - 0.5);
                CHECK(l.x_max() <= 195 + 0.5);
                CHECK(l.y_max() <= 277 + 0.5);
                if (l.y_max() < 20) {
                    // Only the page number may be in the top margin, never on page 1.
                    CHECK(i > 0);
                    CHECK(l.text() == std::to_string(i + 1));
                    CHECK((l.x_min() + l.x_max()) / 2 == Approx(112.5).margin(2));
                    numbered = true;
                }
            }
            CHECK(numbered == (i > 0));
        }
    }
}

TEST_CASE("The seed letter's header: Quốc hiệu and date centred alike, Số and date on one line, rules as the worked example") {
    const auto pdf = render(repo() / "samples/cong-van-1996.json");
    const auto pages = bbox_layout(pdf);
    const auto& p = pages.front();
    const auto* qh = p.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    const auto* tn = p.find("Độc lập - Tự do - Hạnh phúc");
    const auto* date = p.find("Hà Nội, ngày 30 tháng 12 năm 2009");
    const auto* so = p.find("Số: 1996/TLĐ");
    const auto* name = p.find("TỔNG LIÊN ĐOÀN LAO ĐỘNG");
    REQUIRE(qh);
    REQUIRE(tn);
    REQUIRE(date);
    REQUIRE(so);
    REQUIRE(name);
    const auto centre = [](const TextLine* l) { return (l->x_min() + l->x_max()) / 2; };
    CHECK(centre(qh) == Approx(centre(date)).margin(1.5));
    CHECK(centre(tn) == Approx(centre(qh)).margin(1.0));
    CHECK(centre(tn) == Approx(145.5).margin(1.0));  // §13 worked example: right column 96–195 mm
    CHECK(centre(name) == Approx(63).margin(1.0));    // left column 30–96 mm
    CHECK(centre(so) == Approx(centre(name)).margin(1.5));
    CHECK(std::abs(so->y_max() - date->y_max()) <= 2.0);
    CHECK(name->text() == "TỔNG LIÊN ĐOÀN LAO ĐỘNG");
    CHECK(p.find("VIỆT NAM"));
    // Kính gửi: the dashes of the three recipients are aligned.
    const auto* r1 = p.find("- Các LĐLĐ tỉnh, thành phố;");
    const auto* r3 = p.find("- Công đoàn Tổng công ty trực thuộc TLĐ.");
    REQUIRE(r1);
    REQUIRE(r3);
    CHECK(r1->x_min() == Approx(r3->x_min()).margin(0.5));
}
