// The PDF writer checked with real readers: poppler (pdftotext, pdffonts, pdfinfo,
// pdftoppm) and qpdf, on documents laid out by hand.
#include "core/diagnostic.h"
#include "fonts/font_set.h"
#include "fonts/subset.h"
#include "pdf/deflate.h"
#include "pdf/glyphs.h"
#include "pdf/pdf_writer.h"
#include "oracles.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

using namespace vanban;
using namespace pdf_test;
using fonts::Style;

namespace {

// --- building documents by hand ---------------------------------------------------

constexpr layout::Color kRed{0.8, 0, 0};
constexpr double kLeft = 85.039;       // 30 mm, the left margin of NĐ 30/2020
constexpr double kTextWidth = 467.717;  // A4 minus 30 mm and 15 mm margins

// The first `n` words of `s` (never cuts a UTF-8 sequence).
std::string_view first_words(std::string_view s, int n) {
    std::size_t at = 0;
    for (int i = 0; i < n && at != std::string_view::npos; ++i) at = s.find(' ', at + 1);
    return at == std::string_view::npos ? s : s.substr(0, at);
}

int count_spaces(std::string_view s) { return static_cast<int>(std::count(s.begin(), s.end(), ' ')); }

layout::TextItem text(Style style, double size, double x, double baseline, std::string s,
                      layout::Color color = {}) {
    layout::TextItem t;
    t.style = style;
    t.size = size;
    t.x = x;
    t.baseline = baseline;
    t.text = std::move(s);
    t.width = font_set().width(style, t.text, size);
    t.color = color;
    return t;
}

// A line stretched to `width` by extra space after each U+0020, as layout justifies.
layout::TextItem justified(Style style, double size, double x, double baseline, std::string s, double width) {
    layout::TextItem t = text(style, size, x, baseline, std::move(s));
    t.word_spacing = (width - t.width) / count_spaces(t.text);
    REQUIRE(t.word_spacing > 0);
    t.width = width;
    return t;
}

// Greedy line breaking + justification (all lines but the last), enough to make
// realistic body text for size and speed tests.
void paragraph(layout::Page& page, Style style, double size, std::string_view words, double& baseline,
               double x = kLeft, double width = kTextWidth) {
    std::vector<std::string> line;
    std::istringstream in{std::string(words)};
    std::vector<std::string> all;
    for (std::string w; in >> w;) all.push_back(w);
    const auto join = [](const std::vector<std::string>& ws) {
        std::string s;
        for (const auto& w : ws) s += (s.empty() ? "" : " ") + w;
        return s;
    };
    for (std::size_t i = 0; i < all.size(); ++i) {
        auto next = line;
        next.push_back(all[i]);
        if (!line.empty() && font_set().width(style, join(next), size) > width) {
            page.texts.push_back(justified(style, size, x, baseline, join(line), width));
            baseline += size * 1.2;
            line = {all[i]};
        } else {
            line = std::move(next);
        }
    }
    if (!line.empty()) {
        page.texts.push_back(text(style, size, x, baseline, join(line)));
        baseline += size * 1.2 + 6;
    }
}

constexpr std::string_view kBody =
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều "
    "của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019; theo đề nghị "
    "của Giám đốc Sở Nội vụ tại Tờ trình số 1996/TTr-SNV ngày 28 tháng 12 năm 2025, Ủy ban nhân dân tỉnh quyết "
    "định giao chỉ tiêu biên chế công chức trong các cơ quan, tổ chức hành chính nhà nước năm 2026 như sau: "
    "mỗi đơn vị rà soát, sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả; thực hiện nghiêm việc "
    "tinh giản biên chế gắn với cơ cấu lại đội ngũ cán bộ, công chức, viên chức theo vị trí việc làm.";

// Two A4 pages, all four styles, a justified line, a rule and a red frame.
layout::LaidOutDocument sample_document() {
    layout::LaidOutDocument doc;
    doc.info.title = "Quyết định giao chỉ tiêu biên chế năm 2026";
    doc.info.author = "Ủy ban nhân dân tỉnh Đắk Lắk";
    doc.info.subject = "Quyết định: giao chỉ tiêu biên chế";
    doc.info.keywords = "Số: 1996/QĐ-UBND";
    doc.info.date = layout::Date{2025, 12, 30};

    layout::Page p1;
    p1.texts.push_back(text(Style::bold, 13, 230, 70, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    auto motto = text(Style::bold, 14, 270, 88, "Độc lập - Tự do - Hạnh phúc");
    p1.rules.push_back({motto.x, 92, motto.x + motto.width, 92, 0.5, {}});
    p1.texts.push_back(motto);
    p1.texts.push_back(text(Style::italic, 14, 300, 120, "Đắk Lắk, ngày 30 tháng 12 năm 2025"));
    auto urgent = text(Style::bold, 13, kLeft + 6, 150, "KHẨN", kRed);
    p1.frames.push_back({kLeft, 136, urgent.width + 12, 20, 0.75, kRed});
    p1.texts.push_back(urgent);
    p1.texts.push_back(text(Style::bold_italic, 14, kLeft, 180, "ệ ộ ở ữ ẫ Đ ơ ư")); 
    p1.texts.push_back(justified(Style::regular, 14, kLeft, 210, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                                 kTextWidth));
    p1.texts.push_back(text(Style::regular, 14, kLeft, 230, "QUYẾT ĐỊNH:"));
    doc.pages.push_back(p1);

    layout::Page p2;
    p2.texts.push_back(text(Style::regular, 14, kLeft, 80, "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."));
    p2.texts.push_back(text(Style::bold_italic, 12, kLeft, 110, "Nơi nhận:"));
    p2.texts.push_back(text(Style::regular, 11, kLeft, 126, "- Như Điều 2; (bản chính) \\ lưu VT."));
    p2.texts.push_back(text(Style::bold, 14, 380, 150, "TM. ỦY BAN NHÂN DÂN"));
    doc.pages.push_back(p2);
    return doc;
}

// A one-page US-letter document in four styles with a full page of body text.
layout::LaidOutDocument letter_document() {
    layout::LaidOutDocument doc;
    doc.info.title = "Công văn";
    layout::Page p;
    p.width = 612;
    p.height = 792;
    p.texts.push_back(text(Style::regular, 13, 60, 60, "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"));
    p.texts.push_back(text(Style::bold, 13, 320, 60, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    p.texts.push_back(text(Style::bold, 14, 350, 78, "Độc lập - Tự do - Hạnh phúc"));
    p.texts.push_back(text(Style::italic, 14, 340, 104, "Đắk Lắk, ngày 30 tháng 12 năm 2025"));
    double y = 140;
    paragraph(p, Style::regular, 14, kBody, y, 60, 492);
    paragraph(p, Style::regular, 14, kBody, y, 60, 492);
    paragraph(p, Style::italic, 14, first_words(kBody, 40), y, 60, 492);
    p.texts.push_back(text(Style::bold_italic, 12, 60, y, "Nơi nhận:"));
    doc.pages.push_back(p);
    return doc;
}

// Two full A4 pages (~70 lines, four styles): the benchmark and size reference,
// comparable to the font-path prototype's letter.
layout::LaidOutDocument two_page_letter() {
    layout::LaidOutDocument doc = sample_document();
    double y = 260;
    while (y < 700) paragraph(doc.pages[0], Style::regular, 14, kBody, y);
    y = 180;
    while (y < 640) paragraph(doc.pages[1], Style::regular, 14, kBody, y);
    paragraph(doc.pages[1], Style::italic, 12, first_words(kBody, 60), y);
    return doc;
}

// --- running the real tools ----------------------------------------------------------

fs::path save(const std::string& name, const std::string& bytes) { return pdf_test::save("pdf-out", name, bytes); }

struct Word {
    double x_min, y_min, x_max, y_max;
    std::string text;
};

// pdftotext -bbox: the words of each page, with their boxes (top-left origin).
std::vector<std::vector<Word>> bbox_words(const fs::path& pdf) {
    const Run r = run("pdftotext -bbox " + shq(pdf) + " -");
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    static const std::regex word_re(
        R"re(<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">(.*)</word>)re");
    std::vector<std::vector<Word>> pages;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        if (line.find("<page ") != std::string::npos) pages.emplace_back();
        std::smatch m;
        if (std::regex_search(line, m, word_re)) {
            REQUIRE(!pages.empty());
            pages.back().push_back({std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), m[5]});
        }
    }
    return pages;
}

std::vector<std::string> split_words(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

std::string write(const layout::LaidOutDocument& doc, bool compress = true) {
    return pdf::write_pdf(doc, font_set(), pdf::PdfOptions{compress});
}

std::string expected_raw_text(const layout::LaidOutDocument& doc) {
    std::string s;
    for (const auto& page : doc.pages) {
        for (const auto& t : page.texts) s += t.text + "\n";
        s += "\f";
    }
    return s;
}

std::size_t count(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

// --- tests ----------------------------------------------------------------------------

TEST_CASE("pdftotext gives back the exact NFC text", "[pdf]") {
    const auto doc = sample_document();
    const fs::path file = save("text.pdf", write(doc));

    const Run raw = run("pdftotext -enc UTF-8 -raw " + shq(file) + " -");
    REQUIRE(raw.status == 0);
    CHECK(raw.err.empty());
    CHECK(raw.out == expected_raw_text(doc));

    // -layout (and the default mode) rebuild spaces from glyph positions and read
    // the uniform narrow gaps between one-letter words ("ệ ộ ở") as letter spacing,
    // whatever the producer; so here each item must come back as one line, compared
    // without whitespace. The space glyphs themselves are checked by -raw above.
    const Run lay = run("pdftotext -enc UTF-8 -layout " + shq(file) + " -");
    REQUIRE(lay.status == 0);
    CHECK(lay.err.empty());
    const auto squeeze = [](std::string s) {
        s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\f'; }), s.end());
        return s;
    };
    std::vector<std::string> lines, expected;
    std::istringstream in(lay.out);
    for (std::string line; std::getline(in, line);) {
        if (!squeeze(line).empty()) lines.push_back(squeeze(line));
    }
    for (const auto& page : doc.pages) {
        for (const auto& t : page.texts) expected.push_back(squeeze(t.text));
    }
    CHECK(lines == expected);
}

TEST_CASE("word boxes sit where layout put them and drawn widths equal TextItem.width", "[pdf]") {
    const auto doc = two_page_letter();
    const fs::path file = save("boxes.pdf", write(doc));
    const auto pages = bbox_words(file);
    REQUIRE(pages.size() == doc.pages.size());

    int justified_lines = 0;
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        for (const auto& item : doc.pages[p].texts) {
            INFO("page " << p + 1 << ": " << item.text);
            // The words whose box spans this item's baseline, left to right.
            std::vector<Word> words;
            for (const auto& w : pages[p]) {
                if (w.y_min < item.baseline && item.baseline < w.y_max) words.push_back(w);
            }
            std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) { return a.x_min < b.x_min; });
            const auto expected = split_words(item.text);
            REQUIRE(words.size() == expected.size());

            // Each word starts at x + width of what precedes it + word spacing per space.
            std::size_t at = 0;
            for (std::size_t k = 0; k < words.size(); ++k) {
                CHECK(words[k].text == expected[k]);
                at = item.text.find(expected[k], at);
                const std::string before = item.text.substr(0, at);
                const double want = item.x + font_set().width(item.style, before, item.size) +
                                    item.word_spacing * count_spaces(before);
                CHECK(words[k].x_min == Approx(want).margin(0.01));
                at += expected[k].size();
            }
            CHECK(words.front().x_min == Approx(item.x).margin(0.1));
            // The line ends exactly at x + width (justified lines included).
            CHECK(words.back().x_max == Approx(item.x + item.width).margin(0.01));
            // Baseline: poppler puts the box bottom at baseline − Descent·size.
            const auto& face = font_set().face(item.style);
            const double descent = std::lround(face.descender() * 1000.0 / face.units_per_em()) / 1000.0;
            CHECK(words.front().y_max == Approx(item.baseline - descent * item.size).margin(0.01));
            if (item.word_spacing > 0) ++justified_lines;
        }
    }
    CHECK(justified_lines >= 10);
}

TEST_CASE("pdffonts: every font is an embedded, subset CID TrueType with ToUnicode", "[pdf]") {
    const auto check_fonts = [](const layout::LaidOutDocument& doc, const std::string& tag,
                                std::multiset<std::string> want_names) {
        const fs::path file = save(tag + ".pdf", write(doc));
        const Run r = run("pdffonts " + shq(file));
        REQUIRE(r.status == 0);
        CHECK(r.err.empty());
        std::istringstream in(r.out);
        std::string line;
        std::getline(in, line);  // header
        std::getline(in, line);  // dashes
        std::multiset<std::string> names;
        while (std::getline(in, line)) {
            INFO(line);
            const auto f = split_words(line);
            REQUIRE(f.size() == 9);
            REQUIRE(f[0].size() > 7);
            CHECK(f[0][6] == '+');
            CHECK(std::all_of(f[0].begin(), f[0].begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; }));
            names.insert(f[0].substr(7));
            CHECK(f[1] == "CID");
            CHECK(f[2] == "TrueType");
            CHECK(f[3] == "Identity-H");
            CHECK(f[4] == "yes");  // emb
            CHECK(f[5] == "yes");  // sub
            CHECK(f[6] == "yes");  // uni
        }
        CHECK(names == want_names);
    };
    check_fonts(sample_document(), "fonts4",
                {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic"});

    // Only the styles drawn are embedded.
    layout::LaidOutDocument two;
    two.pages.emplace_back();
    two.pages[0].texts.push_back(text(Style::regular, 14, kLeft, 100, "Việt Nam"));
    two.pages.emplace_back();
    two.pages[1].texts.push_back(text(Style::bold_italic, 14, kLeft, 100, "Hạnh phúc"));
    check_fonts(two, "fonts2", {"LiberationSerif", "LiberationSerif-BoldItalic"});
}

TEST_CASE("qpdf --check finds no errors or warnings and poppler renders silently", "[pdf]") {
    for (const bool compress : {true, false}) {
        INFO("compress " << compress);
        const std::string tag = compress ? "check-z" : "check-raw";
        const fs::path file = save(tag + ".pdf", write(two_page_letter(), compress));
        const Run q = run("qpdf --check " + shq(file));
        CHECK(q.status == 0);
        CHECK(q.err.empty());
        CHECK(q.out.find("No syntax or stream encoding errors found") != std::string::npos);
        CHECK(q.out.find("WARNING") == std::string::npos);

        // Rendering parses the font programs, CMaps and content: poppler reports any
        // problem on stderr.
        const Run ppm = run("pdftoppm -r 40 " + shq(file) + " > /dev/null");
        CHECK(ppm.status == 0);
        CHECK(ppm.err.empty());
        const Run info = run("pdfinfo " + shq(file));
        CHECK(info.status == 0);
        CHECK(info.err.empty());
        auto fields = oracles::pdfinfo_fields(info.out);
        CHECK(fields["PDF version"] == "1.4");
        CHECK(fields["Pages"] == "2");
        CHECK(fields["Page size"].rfind("595.276 x 841.89 pts", 0) == 0);
    }
}

TEST_CASE("Info dictionary round-trips through pdfinfo", "[pdf]") {
    auto doc = sample_document();
    const fs::path file = save("info.pdf", write(doc));
    const Run r = run("pdfinfo -enc UTF-8 -isodates " + shq(file));
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    auto fields = oracles::pdfinfo_fields(r.out);
    CHECK(fields["Title"] == doc.info.title);
    CHECK(fields["Author"] == doc.info.author);
    CHECK(fields["Subject"] == doc.info.subject);
    CHECK(fields["Keywords"] == doc.info.keywords);
    CHECK(fields["Creator"] == "vanban");
    CHECK(fields["Producer"] == "vanban");
    CHECK(fields["CreationDate"].rfind("2025-12-30T00:00:00", 0) == 0);
    CHECK(fields["ModDate"] == fields["CreationDate"]);

    // No date in the input: no date keys (never the wall clock).
    doc.info.date.reset();
    const std::string bytes = write(doc);
    CHECK(bytes.find("/CreationDate") == std::string::npos);
    CHECK(bytes.find("/ModDate") == std::string::npos);
}

TEST_CASE("same input gives the same bytes, different documents get different /IDs", "[pdf]") {
    const auto doc = sample_document();
    const std::string a = write(doc), b = write(doc);
    CHECK(a == b);
    CHECK(write(doc, false) == write(doc, false));

    auto other = doc;
    other.pages[1].texts[0].text = "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.";
    const std::string c = write(other);
    CHECK(trailer_id(a) == trailer_id(b));
    CHECK(trailer_id(a) != trailer_id(c));
    auto moved = doc;
    moved.pages[0].rules[0].y1 += 1;
    CHECK(trailer_id(a) != trailer_id(write(moved)));
}

TEST_CASE("documents written on several threads at once are identical", "[pdf]") {
    const auto doc = two_page_letter();
    const std::string reference = write(doc);
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (auto& r : results) {
        threads.emplace_back([&doc, &r] {
            for (int i = 0; i < 5; ++i) r = write(doc);
        });
    }
    for (auto& t : threads) t.join();
    for (const auto& r : results) CHECK(r == reference);
}

TEST_CASE("content operators: Tf and colour only on change, y flipped, TJ adjustments", "[pdf]") {
    layout::LaidOutDocument doc;
    layout::Page p;
    p.texts.push_back(text(Style::regular, 14, kLeft, 100, "Một"));
    p.texts.push_back(text(Style::regular, 14, kLeft, 120, "Hai"));
    p.texts.push_back(text(Style::bold, 14, kLeft, 140, "Ba", kRed));
    p.texts.push_back(text(Style::bold, 14, kLeft, 160, "Bốn", kRed));
    p.texts.push_back(justified(Style::regular, 12, kLeft, 180, "Năm sáu bảy", 200));
    doc.pages.push_back(p);
    const std::string raw = write(doc, false);

    CHECK(count(raw, "BT\n") == 1);
    CHECK(count(raw, "ET\n") == 1);
    CHECK(count(raw, " Tf\n") == 3);  // R14, B14, R12
    CHECK(count(raw, "0.8 0 0 rg\n") == 1);
    CHECK(count(raw, "0 g\n") == 1);  // back to black once
    CHECK(count(raw, " Tm\n") == 5);
    CHECK(count(raw, "] TJ\n") == 5);
    CHECK(raw.find("1 0 0 1 85.039 741.89 Tm\n") != std::string::npos);  // 841.89 − 100
    std::string adjust;
    const double ws = p.texts[4].word_spacing;
    char buf[32];
    std::snprintf(buf, sizeof buf, ")%.3f(", -ws * 1000 / 12);
    adjust = buf;
    while (adjust.size() > 2 && adjust[adjust.size() - 2] == '0') adjust.erase(adjust.size() - 2, 1);
    CHECK(count(raw, adjust) == 2);  // after each of the two spaces
    CHECK(raw.find("/FlateDecode") == std::string::npos);
    CHECK(write(doc, true).find("/FlateDecode") != std::string::npos);
}

// The operands of the first content line ending in " <op>" at or after `from`,
// and where that line starts. libharu's graphics API takes float, so its numbers
// are compared with a tolerance.
std::pair<std::vector<double>, std::size_t> operands(const std::string& raw, const std::string& op,
                                                     std::size_t from = 0) {
    const auto end = raw.find(" " + op + "\n", from);
    if (end == std::string::npos) return {{}, std::string::npos};
    const auto start = raw.rfind('\n', end) + 1;
    std::vector<double> out;
    std::istringstream in(raw.substr(start, end - start));
    for (double v; in >> v;) out.push_back(v);
    return {out, start};
}

TEST_CASE("rules and frames are stroked paths outside the text object", "[pdf]") {
    layout::LaidOutDocument doc;
    layout::Page p;
    p.rules.push_back({100, 50, 200, 50, 0.5, {}});
    p.frames.push_back({100, 60, 80, 20, 0.75, kRed});
    p.texts.push_back(text(Style::regular, 14, 100, 75, "KHẨN"));
    doc.pages.push_back(p);
    const std::string raw = write(doc, false);
    const auto bt = raw.find("BT\n");
    REQUIRE(bt != std::string::npos);

    const auto [move, at_move] = operands(raw, "m");
    const auto [line, at_line] = operands(raw, "l");
    REQUIRE(move.size() == 2);
    REQUIRE(line.size() == 2);
    CHECK(move[0] == Approx(100).margin(1e-3));
    CHECK(move[1] == Approx(841.89 - 50).margin(1e-3));
    CHECK(line[0] == Approx(200).margin(1e-3));
    CHECK(line[1] == Approx(841.89 - 50).margin(1e-3));
    CHECK(raw.compare(raw.find('\n', at_line) + 1, 2, "S\n") == 0);

    const auto [rect, at_rect] = operands(raw, "re");
    REQUIRE(rect.size() == 4);
    CHECK(rect[0] == Approx(100).margin(1e-3));
    CHECK(rect[1] == Approx(841.89 - 80).margin(1e-3));  // top 60 + height 20 → bottom at 80
    CHECK(rect[2] == Approx(80).margin(1e-3));
    CHECK(rect[3] == Approx(20).margin(1e-3));
    CHECK(raw.compare(raw.find('\n', at_rect) + 1, 2, "S\n") == 0);

    CHECK(at_move < bt);
    CHECK(at_rect < bt);
    CHECK(operands(raw, "w").second < at_move);                 // 0.5 w
    CHECK(operands(raw, "w", at_line).second < at_rect);        // 0.75 w
    CHECK(operands(raw, "RG", at_line).second < at_rect);       // red stroke
    CHECK(operands(raw, "RG", at_line).first == std::vector<double>{0.8, 0, 0});
    CHECK(count(raw, " J\n") == 0);  // butt caps are the default
}

TEST_CASE("a one-page letter-size document is under 40 KB", "[pdf]") {
    const std::string bytes = write(letter_document());
    const fs::path file = save("letter.pdf", bytes);
    INFO("size " << bytes.size());
    CHECK(bytes.size() < 40 * 1024);
    const Run q = run("qpdf --check " + shq(file));
    CHECK(q.status == 0);
}

// The zlib header's FLEVEL (RFC 1950 §2.2, the top two bits of its second byte) is what
// libdeflate was asked for: 0 for level 1, 2 for level 6.
TEST_CASE("a letter's streams are deflated at the fast level and a stream of 64 KB or more at the default", "[pdf]") {
    const std::string bytes = write(letter_document());
    std::map<int, int> levels;  // FLEVEL → streams
    for (std::size_t at = bytes.find("stream"); at != std::string::npos; at = bytes.find("stream", at + 1)) {
        if (at >= 3 && bytes.compare(at - 3, 3, "end") == 0) continue;
        std::size_t data = at + 6;  // "stream", then CR LF or LF (§7.3.8.1)
        if (data < bytes.size() && bytes[data] == '\r') ++data;
        if (data >= bytes.size() || bytes[data] != '\n') continue;
        ++data;
        REQUIRE(data + 2 <= bytes.size());
        if (static_cast<unsigned char>(bytes[data]) != 0x78) continue;  // not a zlib stream
        ++levels[static_cast<unsigned char>(bytes[data + 1]) >> 6];
    }
    std::string seen;
    for (const auto& [level, n] : levels) seen += " FLEVEL " + std::to_string(level) + ": " + std::to_string(n);
    INFO("zlib streams by level:" << seen);
    CHECK(levels[0] >= 3);  // the page's content and the font programs
    CHECK(levels.count(2) == 0);

    std::string big;
    for (int i = 0; big.size() < 64 * 1024; ++i) big += "BT /F1 12 Tf 85.04 " + std::to_string(700 - i % 600) + " Td (x) Tj ET\n";
    const std::string fast = pdf::deflate(std::string_view(big).substr(0, 64 * 1024 - 1));
    const std::string full = pdf::deflate(big);
    CHECK((static_cast<unsigned char>(fast[1]) >> 6) == 0);
    CHECK((static_cast<unsigned char>(full[1]) >> 6) == 2);
}

TEST_CASE("text the font cannot draw, or invalid UTF-8, is an error", "[pdf]") {
    layout::LaidOutDocument doc;
    doc.pages.emplace_back();
    doc.pages[0].texts.push_back(text(Style::regular, 14, kLeft, 100, "Việt 中"));
    try {
        write(doc);
        FAIL("no error");
    } catch (const vanban::Error& e) {
        CHECK(std::string(e.what()).find("U+4E2D") != std::string::npos);
    }
    doc.pages[0].texts[0].text = "Vi\xC3\x28t";
    CHECK_THROWS_AS(write(doc), vanban::Error);
    doc.pages[0].texts[0].text = "ok";
    doc.info.date = layout::Date{2025, 2, 30};
    CHECK_THROWS_AS(write(doc), vanban::Error);
    CHECK_THROWS_AS(write(layout::LaidOutDocument{}), vanban::Error);  // no pages

    // A page without items is fine: no fonts, no text object.
    layout::LaidOutDocument blank;
    blank.pages.emplace_back();
    const std::string raw = write(blank, false);
    CHECK(raw.find("/Font") == std::string::npos);
    CHECK(raw.find("BT\n") == std::string::npos);
}

TEST_CASE("bench: warm 2-page letters", "[.bench]") {
    using clock = std::chrono::steady_clock;
    const auto ms_per = [](clock::time_point t0, int n) {
        return std::chrono::duration<double, std::milli>(clock::now() - t0).count() / n;
    };
    const auto doc = two_page_letter();
    std::size_t lines = 0;
    for (const auto& p : doc.pages) lines += p.texts.size();
    const pdf::GlyphUsage usage = pdf::collect_glyphs(doc, font_set());
    std::cout << lines << " lines; glyphs used R/B/I/BI:";
    for (const auto& s : usage.styles) std::cout << ' ' << s.used.size();
    std::cout << '\n';

    constexpr int kRuns = 300;
    for (const auto mode : {fonts::Preprocess::never, fonts::Preprocess::always}) {
        const auto t0 = clock::now();
        for (int i = 0; i < kRuns; ++i) {
            for (const Style st : {Style::regular, Style::bold, Style::italic, Style::bold_italic}) {
                fonts::subset_font(font_set().face(st), usage.styles[static_cast<std::size_t>(st)].used, mode);
            }
        }
        std::cout << "subset 4 faces (" << (mode == fonts::Preprocess::never ? "plain" : "preprocessed")
                  << "): " << ms_per(t0, kRuns) << " ms\n";
    }

    std::string bytes = write(doc);  // warm: faces loaded, compressor allocated, faces preprocessed
    auto t0 = clock::now();
    for (int i = 0; i < kRuns; ++i) bytes = write(doc);
    std::cout << "write_pdf: " << ms_per(t0, kRuns) << " ms per 2-page letter, " << bytes.size() << " bytes\n";
    t0 = clock::now();
    for (int i = 0; i < kRuns; ++i) bytes = write(doc, false);
    std::cout << "write_pdf uncompressed: " << ms_per(t0, kRuns) << " ms, " << bytes.size() << " bytes\n";
    std::cout << "1-page letter: " << write(letter_document()).size() << " bytes\n";
}
