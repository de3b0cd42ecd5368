// The PDF reader against ground truth: what layout put on the page must come back
// from the PDF with the same text, position, size, width and style.
#include "support.h"

#include "check/pdf_fonts.h"
#include "check/pdf_model.h"
#include "core/diagnostic.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace checktest;
using vanban::check::FontInfo;

TEST_CASE("ToUnicode bfchar and bfrange (array and incrementing forms, surrogates)") {
    const std::string cmap =
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        "2 beginbfchar\n<0003> <0020>\n<0010> <1EC7>\nendbfchar\n"
        "2 beginbfrange\n<0020> <0022> <0041>\n<0030> <0031> [<0110> <D835DC00>]\nendbfrange\n"
        "endcmap\n";
    const auto m = vanban::check::parse_to_unicode(cmap);
    CHECK(m.at(0x03) == " ");
    CHECK(m.at(0x10) == "ệ");
    CHECK(m.at(0x20) == "A");
    CHECK(m.at(0x22) == "C");
    CHECK(m.at(0x30) == "Đ");
    CHECK(m.at(0x31) == "\U0001D400");
    CHECK(m.count(0x23) == 0);
}

TEST_CASE("font names give family and style (R1.4)") {
    FontInfo a;
    vanban::check::describe_font_name("ABCDEF+LiberationSerif-BoldItalic", a);
    CHECK(a.family == "Liberation Serif");
    CHECK(a.bold);
    CHECK(a.italic);
    FontInfo b;
    vanban::check::describe_font_name("TimesNewRomanPS-BoldMT", b);
    CHECK(b.family == "Times New Roman");
    CHECK(b.bold);
    CHECK_FALSE(b.italic);
    FontInfo c;
    vanban::check::describe_font_name("TimesNewRomanPSMT", c);
    CHECK(c.family == "Times New Roman");
    CHECK_FALSE(c.bold);
    FontInfo d;
    vanban::check::describe_font_name("DejaVuSans", d);
    // Split at case changes; anything but the two accepted families fails R1.4.
    CHECK(d.family == "Deja Vu Sans");
}

TEST_CASE("read_pdf returns the laid-out items: text, position, size, width, style") {
    const auto r = render_sample("cong-van-1996");
    const auto pdf = vanban::check::read_pdf(r.pdf, "1996.pdf");
    REQUIRE(pdf.pages.size() == r.layout.pages.size());
    std::size_t n = 0;
    for (std::size_t p = 0; p < r.layout.pages.size(); ++p) {
        for (const auto& item : r.layout.pages[p].texts) {
            if (item.text.empty()) continue;
            REQUIRE(n < pdf.texts.size());
            const auto& run = pdf.texts[n++];
            INFO(item.text);
            CHECK(run.page == static_cast<int>(p));
            CHECK(run.text == item.text);
            CHECK(std::fabs(run.x - item.x) < 0.01);
            CHECK(std::fabs(run.baseline - item.baseline) < 0.01);
            CHECK(std::fabs(run.size - item.size) < 0.001);
            CHECK(std::fabs(run.width - item.width) < 0.05);
            const FontInfo& f = pdf.fonts.at(static_cast<std::size_t>(run.font));
            CHECK(f.bold == vanban::fonts::is_bold(item.style));
            CHECK(f.italic == vanban::fonts::is_italic(item.style));
            CHECK(f.family == "Liberation Serif");
            CHECK(f.embedded);
        }
    }
    CHECK(n == pdf.texts.size());
    std::size_t rules = 0;
    for (const auto& page : r.layout.pages) rules += page.rules.size();
    REQUIRE(pdf.segments.size() == rules);
    const auto& rule = r.layout.pages[0].rules[0];
    CHECK(std::fabs(pdf.segments[0].x1 - rule.x1) < 0.01);
    CHECK(std::fabs(pdf.segments[0].y1 - rule.y1) < 0.01);
    CHECK(std::fabs(pdf.segments[0].width - rule.thickness) < 0.001);
    CHECK(pdf.info.at("Producer") == "vanban");
}

TEST_CASE("read_pdf refuses what is not a PDF") {
    CHECK_THROWS_AS(vanban::check::read_pdf("not a pdf at all", "x.pdf"), vanban::Error);
}
