// The visible signature (NĐ 30 Phụ lục I, ô 7c and ô 8): a blue signature image in ô 7c
// and the red seal over its left third; transparency as a 1-bit stencil /Mask only.
#include "sign/appearance.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace signtest;

TEST_CASE("A transparent PNG becomes RGB samples and a stencil mask with 1 where alpha is below one half") {
    // A ring 32 px wide: the corners are transparent, the top of the ring (16, 2) is ink.
    const vanban::sign::Image img = vanban::sign::decode_png(png(32, 32, 200, 0, 0, true), "seal.png");
    CHECK(img.width == 32);
    CHECK(img.height == 32);
    CHECK(img.rgb.size() == 32u * 32 * 3);
    REQUIRE(img.mask.size() == 4u * 32);  // four bytes per row
    CHECK((img.mask[0] & 0x80) != 0);      // pixel (0, 0): masked out
    CHECK((img.mask[8 + 2] & 0x80) == 0);  // pixel (16, 2): painted
    CHECK(img.rgb.substr((64 + 16) * 3, 3) == std::string("\xC8\0\0", 3));
    CHECK_THROWS_WITH(vanban::sign::decode_png("not a png", "sig.png"), Catch::Contains("sig.png"));
}

TEST_CASE("Signature image and seal: stencil masks, no SMask, still PDF/A-1b, blue in ô 7c and red to its left") {
    const fs::path dir = scratch("appearance");
    const fs::path in = sample_pdf(dir), out = dir / "visible.pdf";
    put(dir / "sig.png", png(240, 90, 20, 40, 200, false));
    put(dir / "seal.png", png(200, 200, 220, 20, 20, true));
    // ô 7c on the last page of the sample: between the title lines and the name.
    const Run pages = run("pdfinfo " + q(in));
    REQUIRE(pages.code == 0);
    const int n = std::stoi(pages.out.substr(pages.out.find("Pages:") + 6));
    const std::string area = std::to_string(n) + ":340,300,540,370";
    Run r = run_vanban("sign " + q(in) + " -o " + q(out) + " --key " + q(pki().person_key) + " --cert " +
                   q(pki().person_cert) + " --image " + q(dir / "sig.png") + " --seal " + q(dir / "seal.png") +
                   " --area " + area);
    INFO(r.err);
    REQUIRE(r.code == 0);
    const std::string pdf = slurp(out);
    CHECK(pdf.find("/SMask") == std::string::npos);
    CHECK(pdf.find("/ImageMask true") != std::string::npos);
    r = run_vanban("verify " + q(out) + " --trust " + q(pki().root) + " --intermediates " + q(pki().inter));
    INFO(r.out);
    CHECK(r.code == 0);
    if (have("pdfsig")) CHECK(pdfsig(out).out.find("Signature is Valid") != std::string::npos);

    // Look at it: the page at 72 dpi (1 px = 1 pt); pixels in ô 7c are blue, left of it red.
    REQUIRE(run("pdftoppm -r 72 -f " + std::to_string(n) + " -l " + std::to_string(n) + " " + q(out) + " " +
                q(dir / "page")).code == 0);
    fs::path ppm;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() == ".ppm") ppm = e.path();
    }
    REQUIRE_FALSE(ppm.empty());
    const std::string img = slurp(ppm);
    int w = 0, h = 0, maxval = 0, used = 0;
    REQUIRE(std::sscanf(img.c_str(), "P6 %d %d %d%n", &w, &h, &maxval, &used) == 3);
    const std::size_t data = static_cast<std::size_t>(used) + 1;
    int blue = 0, red = 0;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const auto* p = reinterpret_cast<const unsigned char*>(&img[data + static_cast<std::size_t>((y * w + x) * 3)]);
            const double py = 841.89 - y;  // PDF user space
            if (p[2] > 150 && p[0] < 90 && x >= 340 && x <= 540 && py >= 300 && py <= 370) ++blue;
            if (p[0] > 150 && p[2] < 90 && p[1] < 90 && x < 420) ++red;
        }
    }
    CHECK(blue > 100);
    CHECK(red > 100);

    const std::string cp = preflight_classpath();
    if (cp.empty()) {
        WARN("SKIPPED: PDFBox Preflight is not installed");
        return;
    }
    r = run("java -cp " + q(cp) + " org.apache.pdfbox.preflight.Validator_A1b " + q(out));
    INFO(r.out << r.err);
    CHECK(r.out.find("is a valid PDF/A-1b file") != std::string::npos);
}

TEST_CASE("A visible signature without ô 7c's place is refused, and so is an unreadable image") {
    const fs::path dir = scratch("appearance-bad");
    const fs::path in = sample_pdf(dir), out = dir / "out.pdf";
    put(dir / "sig.png", png(60, 20, 0, 0, 200, false));
    put(dir / "bad.png", "GIF89a not a png");
    const std::string key = " --key " + q(pki().person_key) + " --cert " + q(pki().person_cert);
    Run r = run_vanban("sign " + q(in) + " -o " + q(out) + key + " --image " + q(dir / "sig.png"));
    CHECK(r.code == 1);
    CHECK(r.err.find("ô 7c") != std::string::npos);
    r = run_vanban("sign " + q(in) + " -o " + q(out) + key + " --image " + q(dir / "bad.png") + " --area 1:300,300,500,360");
    CHECK(r.code == 1);
    CHECK(r.err.find("PNG") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("With --input, the signature image lands in ô 7c as layout placed it: below the title lines, above the name") {
    const fs::path dir = scratch("appearance-input");
    const fs::path in = sample_pdf(dir), out = dir / "placed.pdf";
    put(dir / "sig.png", png(240, 90, 20, 40, 200, false));
    put(dir / "seal.png", png(200, 200, 220, 20, 20, true));
    const fs::path json = fs::path(VANBAN_SOURCE_DIR) / "samples" / "cong-van-1996.json";
    Run r = run_vanban("sign " + q(in) + " -o " + q(out) + " --key " + q(pki().person_key) + " --cert " +
                       q(pki().person_cert) + " --image " + q(dir / "sig.png") + " --seal " + q(dir / "seal.png") +
                       " --input " + q(json));
    INFO(r.err);
    REQUIRE(r.code == 0);
    // Where pdftotext sees "PHÓ CHỦ TỊCH" (the last title line) and the name, top-down.
    r = run("pdftotext -bbox " + q(out) + " -");
    REQUIRE(r.code == 0);
    const auto y_of = [&](const std::string& word, const char* edge) {
        const auto at = r.out.find(">" + word + "<");
        REQUIRE(at != std::string::npos);
        const auto line_start = r.out.rfind("<word", at);
        const auto e = r.out.find(std::string(edge) + "=\"", line_start) + std::string(edge).size() + 2;
        return std::stod(r.out.substr(e));
    };
    const double title_bottom = y_of("TỊCH", "yMax");
    const double name_top = y_of("A", "yMin");
    REQUIRE(name_top > title_bottom);
    // The widget's /Rect from the signed file (PDF user space, bottom-up).
    const std::string pdf = slurp(out);
    const auto at = pdf.find("/Rect [", pdf.find("/Subtype /Widget"));
    double x1, y1, x2, y2;
    REQUIRE(std::sscanf(pdf.c_str() + at, "/Rect [%lf %lf %lf %lf]", &x1, &y1, &x2, &y2) == 4);
    // The signature image fills ô 7c's height; the seal (36 mm) is taller and centred on it.
    const double mid = 841.89 - (y1 + y2) / 2;
    CHECK(mid > title_bottom);
    CHECK(mid < name_top);
    CHECK(x2 > 300);  // the right column
    CHECK(run_vanban("verify " + q(out) + " --trust " + q(pki().root)).code == 1);  // leaf only, no intermediates
    // A different document's input does not match the PDF's pages.
    r = run_vanban("sign " + q(in) + " -o " + q(dir / "x.pdf") + " --key " + q(pki().person_key) + " --cert " +
                   q(pki().person_cert) + " --image " + q(dir / "sig.png") + " --input " +
                   q(fs::path(VANBAN_SOURCE_DIR) / "samples" / "cong-van-thang-cong-nhan.json"));
    INFO(r.err);
    if (r.code != 0) CHECK(r.err.find("same document") != std::string::npos);
}
