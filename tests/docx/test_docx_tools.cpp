// The DOCX through the CLI and through LibreOffice: the same bytes whatever the run or
// the time zone, and LibreOffice's rendering of every sample .docx laid out like the
// engine's own PDF (page count, header geometry, rules, page numbers, margins, fonts).
#include "docx_support.h"

#include "render/engine.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>
#include <sstream>
#include <unistd.h>

using namespace docx_test;
using e2e::quote;
using e2e::run;
using e2e::scratch;
using e2e::slurp;

namespace {

std::vector<fs::path> samples() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(e2e::repo() / "samples")) {
        if (e.path().extension() == ".json") out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

double centre(const e2e::TextLine& l) { return (l.x_min() + l.x_max()) / 2; }

// The line of `page` whose text is exactly `text`.
const e2e::TextLine* exact(const e2e::PdfPage& page, const std::string& text) {
    for (const auto& l : page.lines) {
        if (l.text() == text) return &l;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("The CLI writes .docx by extension and with --format pdf,docx, the same bytes across runs and time zones") {
    const auto vanban = e2e::vanban().string();
    const auto dir = scratch("cli");
    std::string seed;
    for (const char* name : {"cong-van-1996.json", "cong-van-du-thao.json"}) {
        INFO(name);
        const auto input = quote((e2e::repo() / "samples" / name).string());
        auto render_as = [&](const std::string& env, const std::string& out) {
            const auto r = run(env + " " + quote(vanban) + " render " + input + " -o " + quote((dir / out).string()));
            INFO(r.err);
            CHECK(r.exit_code == 0);
            CHECK(r.err.empty());
            return slurp(dir / out);
        };
        const std::string utc = render_as("TZ=UTC", "utc.docx");
        const std::string again = render_as("TZ=UTC", "again.docx");
        const std::string hcm = render_as("TZ=Asia/Ho_Chi_Minh", "hcm.docx");
        const std::string ny = render_as("TZ=America/New_York", "ny.docx");
        REQUIRE(utc.size() > 1000);
        CHECK(utc.rfind("PK\x03\x04", 0) == 0);
        CHECK(utc == again);
        CHECK(utc == hcm);
        CHECK(utc == ny);
        if (std::string(name) == "cong-van-1996.json") seed = utc;
    }
    // Both formats from one parse, into a directory.
    const auto both = dir / "both";
    const auto r = run(quote(vanban) + " render " + quote((e2e::repo() / "samples/cong-van-1996.json").string()) +
                       " --format pdf,docx -o " + quote(both.string()));
    CHECK(r.exit_code == 0);
    CHECK(fs::exists(both / "cong-van-1996.pdf"));
    CHECK(fs::exists(both / "cong-van-1996.docx"));
    CHECK(slurp(both / "cong-van-1996.docx") == seed);
}

TEST_CASE("LibreOffice renders every sample .docx like the engine's PDF: pages, header geometry, rules, page numbers, fonts") {
    if (!have("soffice") || !have("pdftocairo")) {
        WARN("skipped: LibreOffice (soffice) or poppler's pdftocairo is not installed");
        return;
    }
    const vanban::Engine engine;
    vanban::RenderRequest request;
    request.pdf = true;
    request.docx = true;
    const auto dir = scratch("lo");
    const auto out = dir / "lo";
    std::vector<std::pair<fs::path, vanban::Rendered>> rendered;
    std::string docx_files;
    for (const auto& s : samples()) {
        auto r = engine.render_file(s, request);
        const auto base = dir / s.stem();
        std::ofstream(fs::path(base).replace_extension(".pdf"), std::ios::binary) << r.pdf;
        std::ofstream(fs::path(base).replace_extension(".docx"), std::ios::binary) << r.docx;
        docx_files += " " + quote(fs::path(base).replace_extension(".docx").string());
        rendered.emplace_back(s, std::move(r));
    }
    // One soffice run for all samples, with a profile of its own (a concurrent or
    // earlier LibreOffice must not be reused) and a time limit.
    const std::string profile = "file://" + (dir / "profile").string();
    const auto conv = run("timeout 180 soffice --headless --norestore -env:UserInstallation=" + quote(profile) +
                          " --convert-to pdf --outdir " + quote(out.string()) + docx_files);
    INFO(conv.out << conv.err);
    REQUIRE(conv.exit_code == 0);

    for (const auto& [sample, r] : rendered) {
        INFO(sample.string());
        const auto ours_pdf = fs::path(dir / sample.stem()).replace_extension(".pdf");
        const auto lo_pdf = fs::path(out / sample.stem()).replace_extension(".pdf");
        REQUIRE(fs::exists(lo_pdf));
        const auto ours = e2e::bbox_layout(ours_pdf);
        const auto lo = e2e::bbox_layout(lo_pdf);
        CHECK(lo.size() == ours.size());  // the same page count
        REQUIRE(!lo.empty());

        // Header (page 1): every header line LibreOffice prints is where ours is (centres
        // within 1 mm), the key lines exist, and Số/date baselines are ours within 1 mm.
        const auto& p1 = ours.front();
        const auto& l1 = lo.front();
        const std::string date = r.model.date_line.place + ",";
        std::vector<std::string> keys = {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"};
        for (const auto& k : keys) {
            INFO(k);
            REQUIRE(exact(l1, k));
            CHECK(centre(*exact(l1, k)) == Approx(centre(*exact(p1, k))).margin(1.0));
        }
        const auto* so_ours = p1.find("Số:");
        const auto* so_lo = l1.find("Số:");
        const auto* date_ours = p1.find(date);
        const auto* date_lo = l1.find(date);
        REQUIRE(so_ours);
        REQUIRE(so_lo);
        REQUIRE(date_ours);
        REQUIRE(date_lo);
        CHECK(so_lo->text() == so_ours->text());
        CHECK(date_lo->text() == date_ours->text());  // the date never wraps
        CHECK(centre(*so_lo) == Approx(centre(*so_ours)).margin(1.0));
        CHECK(centre(*date_lo) == Approx(centre(*date_ours)).margin(1.0));
        const double header_bottom = so_ours->y_max() + 30;
        for (const auto& line : p1.lines) {
            if (line.y_max() > header_bottom) continue;
            if (const auto* other = exact(l1, line.text())) {
                INFO(line.text());
                CHECK(centre(*other) == Approx(centre(line)).margin(1.0));
                CHECK(other->x_min() == Approx(line.x_min()).margin(1.0));
            }
        }
        const auto ink_ours = page_ink(ours_pdf, 1);
        const auto ink_lo = page_ink(lo_pdf, 1);
        const auto b_so_ours = baseline(ink_ours, *so_ours), b_so_lo = baseline(ink_lo, *so_lo);
        const auto b_date_ours = baseline(ink_ours, *date_ours), b_date_lo = baseline(ink_lo, *date_lo);
        REQUIRE(b_so_ours);
        REQUIRE(b_so_lo);
        REQUIRE(b_date_ours);
        REQUIRE(b_date_lo);
        CHECK(*b_so_lo == Approx(*b_so_ours).margin(1.0));
        CHECK(*b_date_lo == Approx(*b_date_ours).margin(1.0));
        CHECK(*b_so_lo == Approx(*b_date_lo).margin(1.0));  // R3.5: one line (rules say ≤ 2 mm)

        // Rules (R3.2, R3.3): each of our header rules has a twin in LibreOffice's PDF,
        // same length, centre and height within 1 mm; the Tiêu ngữ rule is the motto's width.
        int header_rules = 0;
        for (const auto& rule : ink_ours.rules) {
            if (rule.y > so_ours->words.front().y_min) continue;
            ++header_rules;
            bool twin = false;
            for (const auto& other : ink_lo.rules) {
                twin = twin || (std::abs(other.centre() - rule.centre()) <= 1.0 &&
                                std::abs(other.length() - rule.length()) <= 1.0 && std::abs(other.y - rule.y) <= 1.0);
            }
            INFO("rule " << rule.x1 << "–" << rule.x2 << " at y " << rule.y);
            CHECK(twin);
        }
        CHECK(header_rules == 2);
        const auto* motto = exact(l1, "Độc lập - Tự do - Hạnh phúc");
        const auto motto_rule = rule_under(ink_lo, *motto);
        REQUIRE(motto_rule);
        CHECK(motto_rule->length() == Approx(motto->x_max() - motto->x_min()).margin(1.5));
        CHECK(motto_rule->centre() == Approx(centre(*motto)).margin(1.0));

        // Kính gửi where ours is; the signature and Nơi nhận where ours are (last page).
        if (const auto* k = p1.find("Kính gửi:")) {
            const auto* kl = l1.find("Kính gửi:");
            REQUIRE(kl);
            CHECK(kl->x_min() == Approx(k->x_min()).margin(1.0));
        }
        const auto& last_ours = ours.back();
        const auto& last_lo = lo.back();
        for (const auto& s : r.model.signers) {
            INFO(s.name);
            const auto* a = exact(last_ours, s.name);
            const auto* b = exact(last_lo, s.name);
            REQUIRE(a);
            REQUIRE(b);
            CHECK(centre(*b) == Approx(centre(*a)).margin(1.0));
            CHECK(b->y_max() == Approx(a->y_max()).margin(3.0));
        }
        if (const auto* n = exact(last_ours, "Nơi nhận:")) {
            const auto* m = exact(last_lo, "Nơi nhận:");
            REQUIRE(m);
            CHECK(m->x_min() == Approx(n->x_min()).margin(1.0));
        }

        // Page numbers: none on page 1, then "2", "3", … centred in the top margin (R1.6);
        // all ink inside the margins (R1.3). LibreOffice's PDF describes its fonts by
        // their bounding boxes, so pdftotext's boxes reach 0.3 em below the baseline: the
        // bottom margin gets 1 mm of slack for that.
        for (std::size_t i = 0; i < lo.size(); ++i) {
            bool numbered = false;
            for (const auto& l : lo[i].lines) {
                INFO("page " << i + 1 << ": " << l.text());
                CHECK(l.x_min() >= 30 - 0.5);
                CHECK(l.x_max() <= 195 + 0.5);
                CHECK(l.y_max() <= 277 + 1.0);
                if (l.y_max() < 20) {
                    CHECK(i > 0);
                    CHECK(l.text() == std::to_string(i + 1));
                    CHECK(centre(l) == Approx(112.5).margin(2));
                    numbered = true;
                }
            }
            CHECK(numbered == (i > 0));
        }

        // Fonts: Times New Roman or its metric twin Liberation Serif, embedded.
        const auto fonts = run("pdffonts " + quote(lo_pdf.string()));
        std::istringstream lines(fonts.out);
        std::string line;
        std::getline(lines, line);
        std::getline(lines, line);
        int n = 0;
        while (std::getline(lines, line)) {
            INFO(line);
            CHECK((line.find("LiberationSerif") != std::string::npos || line.find("TimesNewRoman") != std::string::npos));
            CHECK(std::regex_search(line, std::regex(R"(\syes\s+yes\s)")));
            ++n;
        }
        CHECK(n >= 2);
    }
}

namespace {

// "Page    3 size:  841.89 x 595.304 pts" → (841.89, 595.304), one pair per page.
std::vector<std::pair<double, double>> page_sizes(const fs::path& pdf) {
    const auto r = run("pdfinfo -f 1 -l 9999 " + quote(pdf.string()));
    std::vector<std::pair<double, double>> out;
    static const std::regex line(R"(Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+))");
    for (std::sregex_iterator it(r.out.begin(), r.out.end(), line), end; it != end; ++it) {
        out.emplace_back(std::stod((*it)[1]), std::stod((*it)[2]));
    }
    return out;
}

}  // namespace

TEST_CASE("An appendix is its own DOCX section: landscape, numbered from 1, the same pages in LibreOffice as in our PDF") {
    auto doc = nlohmann::json::parse(slurp(fs::path(VANBAN_SOURCE_DIR) / "samples" / "cong-van-1996.json"));
    nlohmann::json rows = nlohmann::json::array();
    for (int i = 0; i < 45; ++i) rows.push_back({std::to_string(i + 1), "Công đoàn ngành số " + std::to_string(i + 1), 1000 + i});
    doc["appendices"] = {{{"title", "Số liệu đoàn viên"},
                          {"orientation", "landscape"},
                          {"body", {{{"table", {{"columns", {{{"title", "STT"}, {"width", 0.3}, {"align", "center"}},
                                                             {{"title", "Đơn vị"}, {"width", 3}},
                                                             {{"title", "Số đoàn viên"}, {"width", 1}, {"align", "right"}}}},
                                                {"rows", rows}}}}}}}};
    const vanban::Engine engine;
    const auto r = engine.render(doc.dump(), "appendix.json", vanban::RenderRequest{true, true, false});
    const auto dir = scratch("appendix");
    std::ofstream(dir / "a.pdf", std::ios::binary) << r.pdf;
    std::ofstream(dir / "a.docx", std::ios::binary) << r.docx;

    // Two sections: the letter's sectPr rides on a paragraph, the appendix's is the body's.
    unpack(dir / "a.docx", dir / "x");
    const std::string xml = slurp(dir / "x" / "word" / "document.xml");
    CHECK(xml.find("<w:pPr><w:pStyle") != std::string::npos);
    const auto first = xml.find("<w:sectPr");
    const auto second = xml.find("<w:sectPr", first + 1);
    REQUIRE(second != std::string::npos);
    CHECK(xml.find("w:orient=\"landscape\"", first) > second);  // only the appendix is landscape
    CHECK(xml.find("<w:pgNumType w:start=\"1\"/>", second) != std::string::npos);
    CHECK(xml.find(">Phụ lục<") != std::string::npos);  // R8.1: line 1 in normal case
    CHECK(xml.find("SỐ LIỆU ĐOÀN VIÊN") != std::string::npos);
    CHECK(xml.find("(Kèm theo Công văn số 1996/TLĐ ngày 30 tháng 12 năm 2009 của TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM)") !=
          std::string::npos);

    if (!have("soffice")) {
        WARN("skipped the LibreOffice half: soffice is not installed");
        return;
    }
    const std::string profile = "file://" + (dir / "profile").string();
    const auto conv = run("timeout 180 soffice --headless --norestore -env:UserInstallation=" + quote(profile) +
                          " --convert-to pdf --outdir " + quote((dir / "lo").string()) + " " + quote((dir / "a.docx").string()));
    INFO(conv.out << conv.err);
    REQUIRE(conv.exit_code == 0);
    const auto ours = page_sizes(dir / "a.pdf");
    const auto lo = page_sizes(dir / "lo" / "a.pdf");
    REQUIRE(ours.size() >= 4);  // 2 letter pages, then at least 2 landscape pages
    CHECK(lo.size() == ours.size());
    for (std::size_t i = 0; i < std::min(ours.size(), lo.size()); ++i) {
        INFO("page " << i + 1);
        CHECK((ours[i].first > ours[i].second) == (lo[i].first > lo[i].second));
    }
    CHECK(ours.back().first > ours.back().second);
    // The header row repeats on the appendix's second page in LibreOffice too.
    const auto text = run("pdftotext -f " + std::to_string(lo.size()) + " -l " + std::to_string(lo.size()) + " " +
                          quote((dir / "lo" / "a.pdf").string()) + " -");
    CHECK(text.out.find("Số đoàn viên") != std::string::npos);
}
