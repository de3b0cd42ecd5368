// Legacy encodings against sample strings written out by hand (byte by byte, from
// the published TCVN3, VNI, VIQR and CP1258 charts), and round trips on every
// Vietnamese letter.
#include "text/legacy.h"
#include "text/syllable.h"
#include "text/text.h"

#include <catch2/catch.hpp>

using namespace vanban::text;

namespace {

// All 67 lower-case letters with marks (a-family, e, i, o, u, y, đ), and the same in capitals.
const std::string kLower =
    "á à ả ã ạ ă ắ ằ ẳ ẵ ặ â ấ ầ ẩ ẫ ậ é è ẻ ẽ ẹ ê ế ề ể ễ ệ í ì ỉ ĩ ị "
    "ó ò ỏ õ ọ ô ố ồ ổ ỗ ộ ơ ớ ờ ở ỡ ợ ú ù ủ ũ ụ ư ứ ừ ử ữ ự ý ỳ ỷ ỹ ỵ đ";
const std::string kUpper =
    "Á À Ả Ã Ạ Ă Ắ Ằ Ẳ Ẵ Ặ Â Ấ Ầ Ẩ Ẫ Ậ É È Ẻ Ẽ Ẹ Ê Ế Ề Ể Ễ Ệ Í Ì Ỉ Ĩ Ị "
    "Ó Ò Ỏ Õ Ọ Ô Ố Ồ Ổ Ỗ Ộ Ơ Ớ Ờ Ở Ỡ Ợ Ú Ù Ủ Ũ Ụ Ư Ứ Ừ Ử Ữ Ự Ý Ỳ Ỷ Ỹ Ỵ Đ";
const std::string kPangram =
    "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc! "
    "Trường học, người được khuyên: \"quyết tâm\" (gìn giữ) ở Đắk Lắk, Thừa Thiên Huế; 1.234.567 đồng?";

std::string decode_bytes(std::string_view bytes, Encoding e, bool upper_font = false) {
    return decode_legacy_bytes(bytes, e, LegacyOptions{upper_font});
}

}  // namespace

TEST_CASE("Encoding names") {
    CHECK(encoding_from_name("TCVN3") == Encoding::tcvn3);
    CHECK(encoding_from_name("abc") == Encoding::tcvn3);
    CHECK(encoding_from_name("vni") == Encoding::vni);
    CHECK(encoding_from_name("VIQR") == Encoding::viqr);
    CHECK(encoding_from_name("cp1258") == Encoding::cp1258);
    CHECK(encoding_from_name("windows-1258") == Encoding::cp1258);
    CHECK_FALSE(encoding_from_name("utf8").has_value());
    CHECK(std::string(encoding_name(Encoding::vni)) == "vni");
}

TEST_CASE("TCVN3 bytes decode to NFC Unicode") {
    CHECK(decode_bytes("Vi\xD6t Nam", Encoding::tcvn3) == "Việt Nam");
    CHECK(decode_bytes("C\xE9ng ho\xB5 x\xB7 h\xE9i ch\xF1 ngh\xDC" "a Vi\xD6t Nam", Encoding::tcvn3) ==
          "Cộng hoà xã hội chủ nghĩa Việt Nam");
    CHECK(decode_bytes("\xA7\xE9" "c l\xCBp - T\xF9 do - H\xB9nh ph\xF3" "c", Encoding::tcvn3) ==
          "Độc lập - Tự do - Hạnh phúc");
    CHECK(decode_bytes("Th\xABng t\xAD", Encoding::tcvn3) == "Thông tư");
    CHECK(decode_bytes("\xAE\xAD\xEE" "c", Encoding::tcvn3) == "được");
    CHECK(decode_bytes("tr\xAD\xEAng", Encoding::tcvn3) == "trường");
    CHECK(decode_bytes("Quy\xD5t \xAE\xDEnh s\xE8", Encoding::tcvn3) == "Quyết định số");
    // A code the ABC table leaves empty shows as Windows-1252 would show it.
    CHECK(decode_bytes("a\x80z", Encoding::tcvn3) == "a€z");
    CHECK(is_nfc(decode_bytes("\xD6", Encoding::tcvn3)));
}

TEST_CASE("TCVN3 typed in an upper-case font (.VnTimeH) comes out in capitals") {
    CHECK(decode_bytes("c\xE9ng ho\xB5 x\xB7 h\xE9i", Encoding::tcvn3, true) == "CỘNG HOÀ XÃ HỘI");
    CHECK(decode_bytes("\xAE\xA7" "c", Encoding::tcvn3, true) == "ĐĐC");
    CHECK(decode_legacy_text("ViÖt Nam", Encoding::tcvn3, LegacyOptions{true}) == "VIỆT NAM");
}

TEST_CASE("TCVN3 text form: bytes that were read as Windows-1252") {
    CHECK(decode_legacy_text("ViÖt Nam", Encoding::tcvn3) == "Việt Nam");
    CHECK(decode_legacy_text("Th«ng t\u00AD", Encoding::tcvn3) == "Thông tư");
    // Characters beyond Windows-1252 are already Unicode and stay where they are.
    CHECK(decode_legacy_text("ViÖt – Việt", Encoding::tcvn3) == "Việt – Việt");
    // decode_legacy takes valid UTF-8 as text form and anything else as bytes.
    CHECK(decode_legacy("ViÖt", Encoding::tcvn3) == "Việt");
    CHECK(decode_legacy("Vi\xD6t", Encoding::tcvn3) == "Việt");
}

TEST_CASE("VNI bytes decode to NFC Unicode") {
    CHECK(decode_bytes("Vie\xE4t Nam", Encoding::vni) == "Việt Nam");
    CHECK(decode_bytes("\xD1o\xE4" "c la\xE4p - T\xF6\xEF do - Ha\xEFnh phu\xF9" "c", Encoding::vni) ==
          "Độc lập - Tự do - Hạnh phúc");
    CHECK(decode_bytes("Co\xE4ng ho\xF8" "a xa\xF5 ho\xE4i chu\xFB ngh\xF3" "a Vie\xE4t Nam", Encoding::vni) ==
          "Cộng hòa xã hội chủ nghĩa Việt Nam");
    CHECK(decode_bytes("VIE\xC4T NAM", Encoding::vni) == "VIỆT NAM");
    CHECK(decode_bytes("\xD1\xD6\xD4\xD8NG", Encoding::vni) == "ĐƯỜNG");
    CHECK(decode_bytes("ng\xF6\xF4\xF8i", Encoding::vni) == "người");
    CHECK(decode_bytes("My\xF5 bie\xE5n quy\xF9 ch\xE6 \xF1" "a\xF5", Encoding::vni) == "Mỹ biển quý chỉ đã");
    CHECK(decode_bytes("ba\xEA" "n b\xEE", Encoding::vni) == "băn bỵ");
    CHECK(decode_legacy_text("Vieät Nam", Encoding::vni) == "Việt Nam");  // text form
}

TEST_CASE("VIQR decodes, with escapes and one tone per word") {
    CHECK(decode_legacy_text("Vie^.t Nam", Encoding::viqr) == "Việt Nam");
    CHECK(decode_legacy_text("DDo^.c la^.p - Tu+. do - Ha.nh phu'c", Encoding::viqr) == "Độc lập - Tự do - Hạnh phúc");
    CHECK(decode_legacy_text("Ha` No^.i.", Encoding::viqr) == "Hà Nội.");
    CHECK(decode_legacy_text("ngu+o+`i", Encoding::viqr) == "người");
    CHECK(decode_legacy_text("Ba.n co' kho?e kho^ng?", Encoding::viqr) == "Bạn có khỏe không?");
    CHECK(decode_legacy_text("Ai\\?", Encoding::viqr) == "Ai?");
    CHECK(decode_legacy_text("TLDD", Encoding::viqr) == "TLĐ");
    CHECK(decode_legacy_text("a\\dd", Encoding::viqr) == "add");
}

TEST_CASE("CP1258 through ICU, then NFC") {
    CHECK(decode_bytes("\x56\x69\xEA\xF2\x74", Encoding::cp1258) == "Việt");
    CHECK(decode_bytes("\x56\x69\xEA\xF2\x74", Encoding::cp1258).size() == 6);  // V i ệ(3 bytes) t
    CHECK(decode_bytes("\xD0\xF4\xF2" "c l\xE2\xF2p", Encoding::cp1258) == "Độc lập");
    CHECK(decode_bytes("ng\xFD\xF5\xCCi", Encoding::cp1258) == "người");
    CHECK_THROWS_AS(encode_legacy("Việt", Encoding::cp1258), LegacyError);
}

TEST_CASE("Encoding to TCVN3, VNI and VIQR gives the published bytes") {
    CHECK(encode_legacy("Việt Nam", Encoding::tcvn3) == "Vi\xD6t Nam");
    CHECK(encode_legacy("Việt Nam", Encoding::vni) == "Vie\xE4t Nam");
    CHECK(encode_legacy("Việt Nam", Encoding::viqr) == "Vie^.t Nam");
    CHECK(encode_legacy("Độc lập", Encoding::vni) == "\xD1o\xE4" "c la\xE4p");
    CHECK(encode_legacy("VIỆT", Encoding::vni) == "VIE\xC4T");
    CHECK(encode_legacy("Vie\u0302\u0323t", Encoding::tcvn3) == "Vi\xD6t");  // NFD in
    CHECK_THROWS_AS(encode_legacy("VIỆT", Encoding::tcvn3), LegacyError);
    CHECK(encode_legacy("VIỆT", Encoding::tcvn3, LegacyOptions{true}) == "VI\xD6T");
    CHECK_THROWS_AS(encode_legacy("中", Encoding::vni), LegacyError);
}

TEST_CASE("Round trips: Unicode → legacy → Unicode is the identity on every letter") {
    const std::string all = kLower + " " + kUpper + " " + kPangram;
    CHECK(decode_legacy_bytes(encode_legacy(all, Encoding::vni), Encoding::vni) == all);
    CHECK(decode_legacy_text(encode_legacy(all, Encoding::viqr), Encoding::viqr) == all);
    // TCVN3 has no capitals with tone marks: lower case and Ă Â Ê Ô Ơ Ư Đ directly,
    // capitals through the upper-case font.
    const std::string tcvn3_direct = kLower + " Ă Â Ê Ô Ơ Ư Đ " + kPangram;
    CHECK(decode_legacy_bytes(encode_legacy(tcvn3_direct, Encoding::tcvn3), Encoding::tcvn3) == tcvn3_direct);
    const std::string capitals = kUpper + " CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    CHECK(decode_legacy_bytes(encode_legacy(capitals, Encoding::tcvn3, {true}), Encoding::tcvn3, {true}) == capitals);
    // NFD input round-trips to NFC.
    CHECK(decode_legacy_bytes(encode_legacy("Vie\u0302\u0323t", Encoding::vni), Encoding::vni) == "Việt");
    // VIQR escapes what would otherwise read as marks or đ.
    const std::string tricky = "Ai? Nội. dd d\\ a(b) e^ u+ Dd";
    CHECK(decode_legacy_text(encode_legacy(tricky, Encoding::viqr), Encoding::viqr) == tricky);
}

TEST_CASE("Vietnamese syllable check") {
    for (const char* w : {"Việt", "nghiêng", "khuya", "gì", "quốc", "người", "được", "ĐƯỜNG", "Vie\u0302\u0323t", "a", "oẳn",
                          "thuở", "giữ", "chuyện"}) {
        INFO(w);
        CHECK(is_vietnamese_syllable(w));
    }
    for (const char* w : {"ViÖt", "Vieät", "nguoiw", "Vieọt", "áá", "street", "Cafộ", "", "đ"}) {
        INFO(w);
        CHECK_FALSE(is_vietnamese_syllable(w));
    }
}

TEST_CASE("Detection says what it found, and refuses to guess") {
    using V = Detection::Verdict;
    const std::string tcvn3 = "C\xE9ng ho\xB5 x\xB7 h\xE9i ch\xF1 ngh\xDC" "a Vi\xD6t Nam\n\xA7\xE9" "c l\xCBp - T\xF9 do - H\xB9nh ph\xF3" "c";
    auto d = detect_encoding(tcvn3);
    CHECK(d.verdict == V::legacy);
    CHECK(d.encoding == Encoding::tcvn3);
    CHECK(d.summary.rfind("TCVN3", 0) == 0);

    d = detect_encoding("Cộng hoà xã hội chủ nghĩa ViÖt Nam, §éc lËp");  // text form, partly typed anew
    CHECK(d.verdict == V::legacy);
    CHECK(d.encoding == Encoding::tcvn3);

    d = detect_encoding("Co\xE4ng ho\xF8" "a xa\xF5 ho\xE4i chu\xFB ngh\xF3" "a Vie\xE4t Nam");
    CHECK(d.verdict == V::legacy);
    CHECK(d.encoding == Encoding::vni);

    d = detect_encoding("Co^.ng ho`a xa~ ho^.i chu? nghi~a Vie^.t Nam");
    CHECK(d.verdict == V::legacy);
    CHECK(d.encoding == Encoding::viqr);

    d = detect_encoding("\xD0\xF4\xF2" "c l\xE2\xF2p - T\xFD\xF2 do - Ha\xF2nh phu\xEC" "c");
    CHECK(d.verdict == V::legacy);
    CHECK(d.encoding == Encoding::cp1258);

    CHECK(detect_encoding("Cộng hòa xã hội chủ nghĩa Việt Nam").verdict == V::unicode);
    CHECK(detect_encoding("Co\u0302\u0323ng ho\u0300a").verdict == V::unicode);  // NFD is not mojibake
    CHECK(detect_encoding("Hello world. Ai?").verdict == V::ascii);
    CHECK(detect_encoding("").verdict == V::ascii);
    // Latin-1 French is none of them.
    d = detect_encoding("Caf\xE9 cr\xE8me \xE0 la fran\xE7" "aise");
    CHECK(d.verdict == V::unsure);
    CHECK(d.summary.rfind("cannot tell the encoding", 0) == 0);
}
