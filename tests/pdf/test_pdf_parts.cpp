// Unit tests of the PDF writer's pure parts and of font subsetting.
#include "core/diagnostic.h"
#include "fonts/font_set.h"
#include "fonts/subset.h"
#include "pdf/cid_parts.h"
#include "pdf/syntax.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <hb.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

using namespace vanban;
namespace fs = std::filesystem;

namespace {

const fonts::Face& regular() { return fonts::shared_font_set({})->face(fonts::Style::regular); }

std::vector<unsigned> glyphs_of(const fonts::Face& face, std::u32string_view text) {
    std::vector<unsigned> out;
    for (char32_t c : text) out.push_back(face.glyph(c));
    return out;
}

unsigned be16(const std::string& s, std::size_t at) {
    return (static_cast<unsigned char>(s[at]) << 8) | static_cast<unsigned char>(s[at + 1]);
}

// Table tags of an sfnt (OpenType spec: table directory after a 12-byte header).
std::set<std::string> table_tags(const std::string& font) {
    std::set<std::string> tags;
    const unsigned n = be16(font, 4);
    for (unsigned i = 0; i < n; ++i) tags.insert(font.substr(12 + 16 * i, 4));
    return tags;
}

}  // namespace

TEST_CASE("append_number writes short fixed-point numbers", "[pdf][syntax]") {
    const auto num = [](double v) {
        std::string s;
        pdf::append_number(s, v);
        return s;
    };
    CHECK(num(0) == "0");
    CHECK(num(14) == "14");
    CHECK(num(56.6929) == "56.693");
    CHECK(num(-12.5) == "-12.5");
    CHECK(num(0.1) == "0.1");
    CHECK(num(-0.0001) == "0");  // never "-0"
    CHECK(num(841.89) == "841.89");
    CHECK(num(-0.05) == "-0.05");
}

TEST_CASE("literal strings escape delimiters and line ends byte by byte", "[pdf][syntax]") {
    std::string s;
    // 0x0028 '(' low byte, 0x5C29 = '\' ')', 0x0D0A = CR LF, 0x0041.
    const std::uint16_t codes[] = {0x0028, 0x5C29, 0x0D0A, 0x0041};
    pdf::append_literal_codes(s, codes);
    CHECK(s == std::string("(") + '\0' + "\\(\\\\\\)\\r\\n" + '\0' + "A)");
}

TEST_CASE("UTF-8 decoding rejects ill-formed input", "[pdf][syntax]") {
    const auto ok = [](std::string_view s) {
        std::size_t i = 0;
        while (i < s.size()) {
            if (!pdf::next_code_point(s, i)) return false;
        }
        return true;
    };
    CHECK(ok("Việt Nam ₫ 𝐀"));
    CHECK_FALSE(ok("\xC3\x28"));          // bad continuation
    CHECK_FALSE(ok("\xC0\xAF"));          // overlong
    CHECK_FALSE(ok("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(ok("\xF4\x90\x80\x80"));  // > U+10FFFF
    CHECK_FALSE(ok("\xE1\xBB"));          // truncated
    CHECK(pdf::utf16be_text_string("Đ𝐀", "t") == std::string("\xFE\xFF\x01\x10\xD8\x35\xDC\x00", 8));
}

TEST_CASE("CIDSet sets exactly the bits of CIDs 0..n-1, most significant bit first", "[pdf][cid]") {
    CHECK(pdf::cid_set(8) == "\xFF");
    CHECK(pdf::cid_set(1) == "\x80");
    CHECK(pdf::cid_set(11) == "\xFF\xE0");
    CHECK(pdf::cid_set(136).size() == 17);
}

TEST_CASE("subset tags are six letters, stable, and differ between glyph sets", "[pdf][cid]") {
    const std::vector<unsigned> a = {3, 36, 68}, b = {3, 36, 69};
    const std::string ta = pdf::subset_tag("LiberationSerif", a);
    CHECK(ta.size() == 6);
    for (char c : ta) CHECK((c >= 'A' && c <= 'Z'));
    CHECK(ta == pdf::subset_tag("LiberationSerif", a));
    CHECK(ta != pdf::subset_tag("LiberationSerif", b));
    CHECK(ta != pdf::subset_tag("LiberationSerif-Bold", a));
}

TEST_CASE("StemV estimate and serif flag", "[pdf][cid]") {
    CHECK(pdf::stem_v_estimate(400) == 43);
    CHECK(pdf::stem_v_estimate(700) == 125);
    CHECK(pdf::has_serifs(regular()));
}

TEST_CASE("subsets keep only the six tables, without hinting, renumbered", "[fonts][subset]") {
    const fonts::Face& face = regular();
    const auto used = glyphs_of(face, U"Cộng hòa xã hội chủ nghĩa Việt Nam");
    const fonts::SubsetFont s = fonts::subset_font(face, used, fonts::Preprocess::never);

    CHECK(table_tags(s.data()) == std::set<std::string>{"glyf", "head", "hhea", "hmtx", "loca", "maxp"});
    // maxp.numGlyphs equals the glyph count we report (CIDSet relies on it).
    const unsigned n = be16(s.data(), 4);
    for (unsigned i = 0; i < n; ++i) {
        if (s.data().substr(12 + 16 * i, 4) != "maxp") continue;
        const std::size_t off = (static_cast<std::size_t>(be16(s.data(), 12 + 16 * i + 8)) << 16) |
                                be16(s.data(), 12 + 16 * i + 10);
        CHECK(be16(s.data(), off + 4) == s.glyph_count());
    }

    std::set<unsigned> distinct(used.begin(), used.end());
    CHECK(s.mapping().size() == distinct.size());
    CHECK(s.glyph_count() > distinct.size());  // + .notdef and composite components
    CHECK(s.old_gid(0) == 0);
    for (const auto& [old_gid, new_gid] : s.mapping()) {
        CHECK(new_gid > 0);
        CHECK(new_gid < s.glyph_count());
        CHECK(s.old_gid(new_gid) == old_gid);
        CHECK(s.new_gid(old_gid) == new_gid);
    }
    CHECK(s.new_gid(face.glyph(U'Z')) == 0);  // not requested
    // Far smaller than the 400 KB face (hinting would add ~16 KB here).
    CHECK(s.data().size() < 12000);
}

TEST_CASE("a preprocessed face gives the same subset bytes", "[fonts][subset]") {
    const fonts::Face& face = regular();
    const auto used = glyphs_of(face, U"Độc lập - Tự do - Hạnh phúc ệ ộ ở ữ ẫ Đ ơ ư");
    const auto plain = fonts::subset_font(face, used, fonts::Preprocess::never);
    const auto pre = fonts::subset_font(face, used, fonts::Preprocess::always);
    CHECK(plain.data() == pre.data());
    CHECK(plain.mapping() == pre.mapping());
    const auto automatic = fonts::subset_font(face, used);
    CHECK(automatic.data() == plain.data());
}

TEST_CASE("a subset asked for by the code points a face looked up equals one asked for by glyph ids", "[fonts][subset]") {
    // `fresh` looked up only ASCII letters and digits (checking its cmap), so its subset
    // is asked for by glyph ids; the shared face named a code point for each glyph, so
    // its subset goes by code points.
    const fonts::Face& face = regular();
    const fonts::Face fresh(face.file());
    const auto used = glyphs_of(face, U"Quyết định khen thưởng Ủy ban nhân dân ĐẮK LẮK 0123 (ký) “Độc lập”");
    CHECK(std::any_of(used.begin(), used.end(), [&](unsigned g) { return fresh.code_point_of(g) == 0; }));
    for (unsigned g : used) CHECK(face.glyph(face.code_point_of(g)) == g);
    const auto by_gid = fonts::subset_font(fresh, used, fonts::Preprocess::never);
    const auto by_cp = fonts::subset_font(face, used, fonts::Preprocess::never);
    CHECK(by_cp.data() == by_gid.data());
    CHECK(by_cp.mapping() == by_gid.mapping());
    CHECK(by_cp.glyph_count() == by_gid.glyph_count());
}

TEST_CASE("the cmap filled on first lookup agrees with HarfBuzz for every character of the face", "[fonts]") {
    const fonts::Face face(regular().file());
    hb_font_t* font = hb_font_create(face.hb_face());
    hb_set_t* unicodes = hb_set_create();
    hb_face_collect_unicodes(face.hb_face(), unicodes);
    REQUIRE(hb_set_get_population(unicodes) > 2000);
    for (int pass = 0; pass < 2; ++pass) {  // the second pass reads the cache
        hb_codepoint_t c = HB_SET_VALUE_INVALID;
        std::size_t disagree = 0;
        while (hb_set_next(unicodes, &c)) {
            hb_codepoint_t gid = 0;
            hb_font_get_nominal_glyph(font, c, &gid);
            disagree += face.maps(c) != (gid != 0) ? 1 : 0;
            disagree += face.glyph(c) != gid ? 1 : 0;
        }
        CHECK(disagree == 0);
    }
    CHECK_FALSE(face.maps(U'中'));
    CHECK(face.glyph(U'中') == 0);
    CHECK(face.glyph(U'ệ') != 0);
    CHECK(face.maps(U'ệ'));
    hb_set_destroy(unicodes);
    hb_font_destroy(font);
}

TEST_CASE("a font directory is searched for each style by name in any case, the exact name first", "[fonts]") {
    const fs::path dir = pdf_test::out_dir("fonts-any-case");
    for (const auto& e : fs::directory_iterator(dir)) fs::remove_all(e.path());
    const fonts::FontFiles system = fonts::find_font_files({});
    const char* names[] = {"TIMES.TTF", "timesbd.ttf", "TimesI.ttf", "timesbi.TTF"};
    for (std::size_t s = 0; s < 4; ++s) fs::copy_file(system.paths[s], dir / names[s]);
    fs::copy_file(system.paths[0], dir / "Times.ttf");  // after TIMES.TTF by path ("I" < "i")
    fs::create_directory(dir / "TIMESBD.TTF");  // a directory is no font
    fonts::FontFiles found = fonts::find_font_files({dir});
    CHECK(found.family == "Times New Roman");
    CHECK(found.paths[0] == dir / "TIMES.TTF");  // the first by path of the case-insensitive matches
    CHECK(found.paths[1] == dir / "timesbd.ttf");
    CHECK(found.paths[2] == dir / "TimesI.ttf");
    CHECK(found.paths[3] == dir / "timesbi.TTF");
    fs::copy_file(system.paths[0], dir / "times.ttf");
    found = fonts::find_font_files({dir});
    CHECK(found.paths[0] == dir / "times.ttf");  // the exact name wins
}

TEST_CASE("subsetting rejects glyph ids beyond the face", "[fonts][subset]") {
    const std::vector<unsigned> bad = {3, 1000000};
    CHECK_THROWS_AS(fonts::subset_font(regular(), bad, fonts::Preprocess::never), vanban::Error);
}

TEST_CASE("ToUnicode maps each drawn CID to its first code point, 100 per block", "[pdf][cid]") {
    const fonts::Face& face = regular();
    std::u32string text;
    for (char32_t c = U'!'; c <= U'~'; ++c) text += c;  // 94 ASCII glyphs
    text += U"ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆ";             // + 20: more than one block
    const std::vector<unsigned> used = glyphs_of(face, text);
    std::vector<char32_t> first_cp(hb_face_get_glyph_count(face.hb_face()), 0);
    for (char32_t c : text) {
        if (first_cp[face.glyph(c)] == 0) first_cp[face.glyph(c)] = c;
    }
    const auto s = fonts::subset_font(face, used, fonts::Preprocess::never);
    const std::string cmap = pdf::to_unicode_cmap(s, first_cp);

    CHECK(cmap.find("100 beginbfchar") != std::string::npos);
    CHECK(cmap.find("14 beginbfchar") != std::string::npos);
    CHECK(cmap.find("\n<0000> <", cmap.find("beginbfchar")) == std::string::npos);  // not .notdef
    const auto hex4 = [](unsigned v) {
        std::string h;
        pdf::append_hex16(h, static_cast<std::uint16_t>(v));
        return h;
    };
    for (char32_t c : text) {
        const std::string entry = "<" + hex4(s.new_gid(face.glyph(c))) + "> <" + hex4(c) + ">";
        CHECK(cmap.find(entry) != std::string::npos);
    }
}
