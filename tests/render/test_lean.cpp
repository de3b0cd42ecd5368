// A render that keeps only its files (RenderRequest::keep_markup / keep_page_items
// false, what `vanban render` asks): the PDF writer frees each page's items once
// written. The bytes must be those of a render that keeps everything, and every row of
// a big table must still reach the file, in order (judged with pdftotext).
#include "render/engine.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <unistd.h>

using namespace vanban;
namespace fs = std::filesystem;

namespace {

std::string sample(const std::string& name) {
    std::ifstream in(std::string(VANBAN_SOURCE_DIR) + "/samples/" + name, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// bench/table_rows.sh's table; each unit's name carries its row number, and markup
// characters that must come back as text.
std::string big_table(int rows) {
    nlohmann::json doc = nlohmann::json::parse(sample("cong-van-1996.json"));
    doc["template"] = "bao-cao";
    doc["symbol"] = "BC-TLĐ";
    doc.erase("recipients");
    nlohmann::json table = {{"columns", nlohmann::json::array({{{"title", "STT"}, {"width", 0.5}},
                                                                {{"title", "Đơn vị"}, {"width", 3}},
                                                                {{"title", "Số đoàn viên"}, {"width", 1.2}},
                                                                {{"title", "Tỷ lệ (%)"}, {"width", 1}}})},
                            {"rows", nlohmann::json::array()}};
    for (int i = 1; i <= rows; ++i) {
        table["rows"].push_back({std::to_string(i), "Công đoàn <A&B> mã-" + std::to_string(i) + "-hết", 1000 + i, 12.5 + i});
    }
    doc["body"] = nlohmann::json::array({"Số liệu tổng hợp như sau:", {{"table", table}}});
    return doc.dump();
}

std::string pdftotext(const std::string& pdf) {
    const fs::path file = fs::temp_directory_path() / ("vanban-test-lean-" + std::to_string(::getpid()) + ".pdf");
    std::ofstream(file, std::ios::binary) << pdf;
    std::string out;
    if (FILE* p = ::popen(("pdftotext -raw '" + file.string() + "' - 2>/dev/null").c_str(), "r")) {
        char buf[65536];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
        ::pclose(p);
    }
    fs::remove(file);
    return out;
}

bool have_pdftotext() { return std::system("command -v pdftotext >/dev/null 2>&1") == 0; }

RenderRequest lean(bool pdf, bool docx) {
    RenderRequest r;
    r.pdf = pdf;
    r.docx = docx;
    r.keep_markup = false;
    r.keep_page_items = false;
    return r;
}

}  // namespace

TEST_CASE("A 10,000-row table rendered without keeping its stages gives the same PDF, every row in order") {
    EngineOptions o;
    o.limits.max_pages = 10000;
    const Engine engine(o);
    const std::string json = big_table(10000);
    const Rendered kept = engine.render(json, "bang.json");
    const Rendered drained = engine.render(json, "bang.json", lean(true, false));

    CHECK(drained.pdf == kept.pdf);
    CHECK(drained.markup.empty());
    CHECK_FALSE(kept.markup.empty());
    // The pages stay, hollow: their count, size, anchors and signature areas are what
    // the server and `sign` read after a render.
    REQUIRE(drained.layout.pages.size() == kept.layout.pages.size());
    REQUIRE(kept.layout.pages.size() > 100);
    std::size_t kept_items = 0, areas = 0;
    for (std::size_t p = 0; p < kept.layout.pages.size(); ++p) {
        const auto &a = kept.layout.pages[p], &b = drained.layout.pages[p];
        kept_items += a.texts.size() + a.rules.size();
        CHECK(b.texts.empty());
        CHECK(b.rules.empty());
        CHECK(b.frames.empty());
        CHECK(b.height == a.height);
        CHECK(b.anchors.size() == a.anchors.size());
        CHECK(b.signature_areas.size() == a.signature_areas.size());
        areas += b.signature_areas.size();
    }
    CHECK(kept_items > 10000 * 5);
    CHECK(areas == 1);
    CHECK(drained.model.symbol == "BC-TLĐ");

    if (!have_pdftotext()) {
        WARN("pdftotext (poppler-utils) is not installed: rows not read back");
        return;
    }
    const std::string text = pdftotext(drained.pdf);
    std::size_t at = 0;
    int missing = 0;
    for (int i = 1; i <= 10000; ++i) {
        // The name wraps after "mã-N-hết" at most; the token itself never breaks.
        const auto found = text.find("Công đoàn <A&B> mã-" + std::to_string(i) + "-hết", at);
        if (found == std::string::npos) {
            ++missing;
            continue;
        }
        at = found;
    }
    CHECK(missing == 0);
}

TEST_CASE("A DOCX-only render that keeps no page items gives the same DOCX, and the page count stays") {
    const Engine engine;
    const std::string json = big_table(300);
    RenderRequest full;
    full.pdf = false;
    full.docx = true;
    const Rendered kept = engine.render(json, "bang.json", full);
    const Rendered drained = engine.render(json, "bang.json", lean(false, true));
    CHECK(drained.docx == kept.docx);
    CHECK(drained.pdf.empty());
    REQUIRE(drained.layout.pages.size() == kept.layout.pages.size());
    for (const auto& page : drained.layout.pages) CHECK(page.texts.empty());
}
