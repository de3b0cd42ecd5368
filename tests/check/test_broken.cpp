// Deliberately broken PDFs: a conforming layout is changed in one place, written as a
// PDF again, and the checker must fail exactly the rule that was broken — and pass
// all the others.
#include "support.h"

#include "layout/profile.h"
#include "text/text.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

#include <nlohmann/json.hpp>

using namespace checktest;
using vanban::layout::LaidOutDocument;
using vanban::layout::mm;
using vanban::layout::TextItem;

namespace {

using Rules = std::set<std::string>;

// Renders `stem`, applies `breakage` to its layout, checks the written PDF.
vanban::check::Report broken(const std::string& stem, const std::function<void(LaidOutDocument&)>& breakage,
                             const vanban::check::CheckOptions& options = {}) {
    LaidOutDocument doc = render_sample(stem).layout;
    breakage(doc);
    return check(write(doc), options);
}

#define EXPECT_ONLY(report, rule)                   \
    do {                                            \
        const auto& rep_ = (report);                \
        INFO(rep_.to_text());                       \
        CHECK(failed_rules(rep_) == Rules{rule});   \
        CHECK_FALSE(rep_.conforms());               \
    } while (false)

// The Tiêu ngữ's rule: the one just under the motto's baseline.
vanban::layout::RuleItem& motto_rule(LaidOutDocument& doc) {
    const TextItem& motto = item_containing(doc, "Độc lập");
    for (auto& r : doc.pages[0].rules) {
        // Same row as the issuer's rule, so the column matters too.
        const bool under_motto = r.x2 > motto.x && r.x1 < motto.x + motto.width;
        if (under_motto && r.y1 > motto.baseline && r.y1 - motto.baseline < mm(4)) return r;
    }
    FAIL("no Tiêu ngữ rule");
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("the unbroken layout, written again, conforms") {
    const auto report = broken("cong-van-1996", [](LaidOutDocument&) {});
    INFO(report.to_text());
    CHECK(report.conforms());
}

TEST_CASE("R3.5: the date on another baseline than Số") {
    EXPECT_ONLY(broken("cong-van-1996", [](LaidOutDocument& d) { item_containing(d, ", ngày").baseline += mm(4); }),
                "R3.5");
}

TEST_CASE("R3.5: the date not italic") {
    EXPECT_ONLY(broken("cong-van-1996",
                       [](LaidOutDocument& d) { item_containing(d, ", ngày").style = vanban::fonts::Style::regular; }),
                "R3.5");
}

TEST_CASE("R3.5: month 3 zero-padded") {
    EXPECT_ONLY(broken("cong-van-lien-tich",
                       [](LaidOutDocument& d) {
                           TextItem& t = item_containing(d, "tháng 3 năm");
                           t.text.replace(t.text.find("tháng 3 "), std::string("tháng 3 ").size(), "tháng 03 ");
                       }),
                "R3.5");
}

TEST_CASE("R3.2: the Tiêu ngữ rule shorter than the text") {
    EXPECT_ONLY(broken("cong-van-1996",
                       [](LaidOutDocument& d) {
                           auto& r = motto_rule(d);
                           r.x1 += mm(5);
                           r.x2 -= mm(5);
                       }),
                "R3.2");
}

TEST_CASE("R3.2: an en dash in the Tiêu ngữ") {
    EXPECT_ONLY(broken("cong-van-1996",
                       [](LaidOutDocument& d) {
                           TextItem& t = item_containing(d, "Độc lập");
                           t.text = "Độc lập \u2013 Tự do \u2013 Hạnh phúc";
                       }),
                "R3.2");
}

TEST_CASE("R7: Nơi nhận at 13 pt") {
    EXPECT_ONLY(broken("cong-van-1996", [](LaidOutDocument& d) { item_containing(d, "Nơi nhận").size = 13; }), "R7");
}

TEST_CASE("R7: the last Nơi nhận item is not '- Lưu: VT….'") {
    EXPECT_ONLY(broken("cong-van-1996",
                       [](LaidOutDocument& d) {
                           TextItem& t = item_containing(d, "- Lưu: VT");
                           t.text = "- Lưu hồ sơ;";
                       }),
                "R7");
}

TEST_CASE("R1.6: a page number on page 1") {
    EXPECT_ONLY(broken("cong-van-1996",
                       [](LaidOutDocument& d) {
                           const auto& p2 = d.pages.at(1).texts;
                           const auto it = std::find_if(p2.begin(), p2.end(), [](const TextItem& t) { return t.text == "2"; });
                           REQUIRE(it != p2.end());
                           TextItem number = *it;
                           number.text = "1";
                           d.pages[0].texts.push_back(number);
                       }),
                "R1.6");
}

TEST_CASE("R1.6: page 2 has no number") {
    EXPECT_ONLY(broken("cong-van-1996",
                       [](LaidOutDocument& d) {
                           auto& texts = d.pages.at(1).texts;
                           std::erase_if(texts, [](const TextItem& t) { return t.text == "2"; });
                       }),
                "R1.6");
}

TEST_CASE("R1.3: a body line pushed into the left margin") {
    EXPECT_ONLY(broken("cong-van-1996",
                       [](LaidOutDocument& d) {
                           // The last line of the first body paragraph of page 2: at the text
                           // block's edge, followed by an indented line.
                           auto& texts = d.pages.at(1).texts;
                           const double left = mm(30);
                           for (std::size_t i = 0; i + 1 < texts.size(); ++i) {
                               if (std::fabs(texts[i].x - left) < 0.1 && texts[i + 1].x > left + 10 &&
                                   texts[i + 1].baseline > texts[i].baseline) {
                                   const double baseline = texts[i].baseline;
                                   for (auto& t : texts) {
                                       if (t.baseline == baseline) t.x -= mm(10);
                                   }
                                   return;
                               }
                           }
                           FAIL("no paragraph end on page 2");
                       }),
                "R1.3");
}

TEST_CASE("R6: the signer's name upper-cased") {
    EXPECT_ONLY(broken("cong-van-1996",
                       [](LaidOutDocument& d) {
                           TextItem& t = item_containing(d, "Nguyễn Văn A");
                           t.text = vanban::text::upper_vi(t.text);
                       }),
                "R6");
}

TEST_CASE("R6: a title line not bold") {
    EXPECT_ONLY(broken("cong-van-1996",
                       [](LaidOutDocument& d) { item_containing(d, "PHÓ CHỦ TỊCH").style = vanban::fonts::Style::regular; }),
                "R6");
}

TEST_CASE("R3.7: V/v in bold") {
    EXPECT_ONLY(broken("cong-van-1996",
                       [](LaidOutDocument& d) { item_containing(d, "V/v ").style = vanban::fonts::Style::bold; }),
                "R3.7");
}

TEST_CASE("R4: Kính gửi in bold") {
    EXPECT_ONLY(broken("cong-van-1996",
                       [](LaidOutDocument& d) { item_containing(d, "Kính gửi").style = vanban::fonts::Style::bold; }),
                "R4");
}

TEST_CASE("R3.3: the issuer rule as long as the name") {
    EXPECT_ONLY(broken("cong-van-1996",
                       [](LaidOutDocument& d) {
                           const TextItem& name = item_containing(d, "TỔNG LIÊN ĐOÀN");
                           for (auto& r : d.pages[0].rules) {
                               if (r.x2 < mm(100)) {  // the left column's rule
                                   r.x1 = name.x;
                                   r.x2 = name.x + name.width;
                               }
                           }
                       }),
                "R3.3");
}

TEST_CASE("R5.1: paragraphs without space between them") {
    EXPECT_ONLY(broken("cong-van-1996",
                       [](LaidOutDocument& d) {
                           // Close the 6 pt gap before every indented paragraph start on page 2.
                           auto& texts = d.pages.at(1).texts;
                           double shift = 0;
                           const double left = mm(30);
                           for (std::size_t i = 0; i < texts.size(); ++i) {
                               if (texts[i].size != 14 || texts[i].style != vanban::fonts::Style::regular) break;
                               if (i > 0 && texts[i].x > left + 10) shift += 6;
                               texts[i].baseline -= shift;
                           }
                           REQUIRE(shift > 0);
                       }),
                "R5.1");
}

TEST_CASE("R1.5: a coloured rule") {
    EXPECT_ONLY(broken("cong-van-1996", [](LaidOutDocument& d) { motto_rule(d).color = {0, 0, 1}; }), "R1.5");
}

TEST_CASE("R3.4: the ký hiệu upper-cased against the input") {
    // A symbol in mixed case (NĐ30-III "TTr"), printed upper-case.
    const auto dir = scratch("symbol");
    const fs::path input = dir / "in.json";
    {
        std::ifstream in(repo() / "samples" / "cong-van-1996.json");
        nlohmann::json j = nlohmann::json::parse(in);
        j["symbol"] = "TTr-LĐLĐ";
        std::ofstream(input) << j.dump();
    }
    const auto r = engine().render_file(input);
    vanban::check::CheckOptions options;
    options.input = input;
    const auto good = check(r.pdf, options);
    INFO(good.to_text());
    CHECK(good.conforms());
    LaidOutDocument doc = r.layout;
    TextItem& t = item_containing(doc, "Số:");
    t.text = "Số: 1996/TTR-LĐLĐ";
    EXPECT_ONLY(check(write(doc), options), "R3.4");
}
