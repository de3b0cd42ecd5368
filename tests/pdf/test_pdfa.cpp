// PDF/A-1b (PdfOptions::pdfa) at the writer level: the XMP packet judged by
// xmllint, its agreement with the Info dictionary as poppler reads it, the
// OutputIntent, determinism, the ICC profile lookup, and PDFBox Preflight on
// hand-built edge cases (no date, markup characters in the title, uncompressed,
// a blank page). The samples themselves are checked end to end in
// tests/e2e/test_pdfa.cpp.
#include "core/diagnostic.h"
#include "fonts/font_set.h"
#include "pdf/pdf_writer.h"
#include "pdf/pdfa.h"
#include "oracles.h"
#include "support.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace vanban;
using namespace pdf_test;
using fonts::Style;

namespace {

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

// Two pages, four styles, a rule and a red frame (DeviceRGB under the sRGB intent).
layout::LaidOutDocument letter() {
    layout::LaidOutDocument doc;
    doc.info.title = "Sơ kết 2 năm thực hiện Nghị quyết 20";
    doc.info.author = "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM";
    doc.info.subject = "Sơ kết 2 năm thực hiện Nghị quyết 20";
    doc.info.keywords = "Số: 1996/TLĐ";
    doc.info.date = layout::Date{2009, 12, 30};
    layout::Page p1;
    p1.texts.push_back(text(Style::regular, 13, 60, 60, "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM"));
    p1.texts.push_back(text(Style::bold, 13, 320, 60, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    auto motto = text(Style::bold, 14, 350, 78, "Độc lập - Tự do - Hạnh phúc");
    p1.rules.push_back({motto.x, 82, motto.x + motto.width, 82, 0.5, {}});
    p1.texts.push_back(motto);
    p1.texts.push_back(text(Style::italic, 14, 340, 104, "Hà Nội, ngày 30 tháng 12 năm 2009"));
    auto urgent = text(Style::bold, 13, 66, 150, "KHẨN", {0.8, 0, 0});
    p1.frames.push_back({60, 136, urgent.width + 12, 20, 0.75, {0.8, 0, 0}});
    p1.texts.push_back(urgent);
    doc.pages.push_back(p1);
    layout::Page p2;
    p2.texts.push_back(text(Style::bold_italic, 12, 60, 80, "Nơi nhận:"));
    p2.texts.push_back(text(Style::regular, 11, 60, 96, "- Như trên; (bản chính) \\ lưu VT."));
    doc.pages.push_back(p2);
    return doc;
}

std::string write(const layout::LaidOutDocument& doc, bool pdfa = true, bool compress = true) {
    pdf::PdfOptions o;
    o.compress = compress;
    o.pdfa = pdfa;
    return pdf::write_pdf(doc, font_set(), o);
}

fs::path out_dir() { return pdf_test::out_dir("pdfa-out"); }
fs::path save(const std::string& name, const std::string& bytes) { return pdf_test::save("pdfa-out", name, bytes); }

// The XMP packet as it sits in the file (the metadata stream is never filtered).
std::string xmp_of(const std::string& pdf) {
    const auto begin = pdf.find("<?xpacket begin=");
    const std::string end_tag = "<?xpacket end=\"r\"?>";
    const auto end = pdf.find(end_tag);
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    return pdf.substr(begin, end + end_tag.size() - begin);
}

// The dictionary of the indirect object holding byte offset `at` (its stream data).
std::string dict_before(const std::string& pdf, std::size_t at) {
    const auto obj = pdf.rfind(" obj", at);
    REQUIRE(obj != std::string::npos);
    return pdf.substr(obj, pdf.rfind("stream", at) - obj);
}

// The string value of an XPath expression over an XML file, by xmllint.
std::string xpath(const fs::path& xml, const std::string& expr) {
    const Run r = run("xmllint --xpath " + shq(expr) + " " + shq(xml));
    INFO(expr << ": " << r.err);
    CHECK(r.status == 0);
    std::string out = r.out;
    if (!out.empty() && out.back() == '\n') out.pop_back();  // xmllint ends the result with one
    return out;
}

// An XPath selecting an XMP property by namespace URI and local name.
std::string prop(const std::string& ns, const std::string& name) {
    return "//*[namespace-uri()='" + ns + "' and local-name()='" + name + "']";
}
const std::string kDc = "http://purl.org/dc/elements/1.1/";
const std::string kXmp = "http://ns.adobe.com/xap/1.0/";
const std::string kPdf = "http://ns.adobe.com/pdf/1.3/";
const std::string kPdfaId = "http://www.aiim.org/pdfa/ns/id/";

// pdfinfo's fields of `file`.
std::map<std::string, std::string> pdfinfo(const fs::path& file) {
    const Run r = run("pdfinfo -enc UTF-8 -isodates " + shq(file));
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    return oracles::pdfinfo_fields(r.out);
}

}  // namespace

TEST_CASE("pdfa: the XMP packet is well-formed, unfiltered, in the catalog, and says PDF/A-1b", "[pdf][pdfa]") {
    for (const bool compress : {true, false}) {
        INFO("compress " << compress);
        const std::string bytes = write(letter(), true, compress);
        const std::string xmp = xmp_of(bytes);
        CHECK(xmp == pdf::xmp_packet(letter().info));
        const fs::path file = save(compress ? "xmp-z.pdf" : "xmp-raw.pdf", bytes);
        const fs::path xml = save(compress ? "xmp-z.xml" : "xmp-raw.xml", xmp);

        const Run lint = run("xmllint --noout " + shq(xml));
        CHECK(lint.status == 0);
        CHECK(lint.err.empty());

        // ISO 19005-1 §6.7.2: a /Type /Metadata /Subtype /XML stream without /Filter.
        const std::string dict = dict_before(bytes, bytes.find("<?xpacket begin="));
        INFO(dict);
        CHECK(dict.find("/Type /Metadata") != std::string::npos);
        CHECK(dict.find("/Subtype /XML") != std::string::npos);
        CHECK(dict.find("/Filter") == std::string::npos);
        // §6.7.5: no bytes= or encoding= in the packet header.
        const std::string header = xmp.substr(0, xmp.find("?>"));
        CHECK(header.find("bytes=") == std::string::npos);
        CHECK(header.find("encoding=") == std::string::npos);

        // poppler finds it through the catalog's /Metadata.
        const Run meta = run("pdfinfo -meta " + shq(file));
        CHECK(meta.status == 0);
        CHECK(meta.err.empty());
        CHECK(meta.out.find(xmp) != std::string::npos);

        CHECK(xpath(xml, "string(" + prop(kPdfaId, "part") + ")") == "1");
        CHECK(xpath(xml, "string(" + prop(kPdfaId, "conformance") + ")") == "B");
    }
}

TEST_CASE("pdfa: every Info entry equals its XMP twin, markup characters escaped", "[pdf][pdfa]") {
    auto doc = letter();
    doc.info.title = "<A&B> \"Sơ kết\" 'NQ 20' ]]> & Đ";
    doc.info.author = "Ban <Tuyên> & giáo";
    doc.info.subject = "Trích yếu: a < b > c";
    doc.info.keywords = "Số: 1996/TLĐ & <x>";
    doc.info.creator = "vanban <thử> (1)";  // non-ASCII: UTF-16BE in Info
    const std::string bytes = write(doc);
    const std::string xmp = xmp_of(bytes);
    CHECK(xmp.find("&lt;A&amp;B&gt; \"Sơ kết\" 'NQ 20' ]]&gt; &amp; Đ") != std::string::npos);
    CHECK(xmp.find("<A&B>") == std::string::npos);

    const fs::path file = save("escape.pdf", bytes);
    const fs::path xml = save("escape.xml", xmp);
    REQUIRE(run("xmllint --noout " + shq(xml)).status == 0);
    auto info = pdfinfo(file);
    CHECK(info["Title"] == doc.info.title);
    CHECK(info["Author"] == doc.info.author);
    CHECK(info["Subject"] == doc.info.subject);
    CHECK(info["Keywords"] == doc.info.keywords);
    CHECK(info["Creator"] == doc.info.creator);
    CHECK(info["Producer"] == "vanban");
    CHECK(info["CreationDate"].rfind("2009-12-30T00:00:00", 0) == 0);
    CHECK(info["ModDate"] == info["CreationDate"]);

    // XMP values, unescaped by libxml2.
    const auto li = [&](const std::string& name) {
        return xpath(xml, "string(" + prop(kDc, name) + "//*[local-name()='li'])");
    };
    CHECK(li("title") == info["Title"]);
    CHECK(li("creator") == info["Author"]);
    CHECK(li("description") == info["Subject"]);
    CHECK(xpath(xml, "string(" + prop(kPdf, "Keywords") + ")") == info["Keywords"]);
    CHECK(xpath(xml, "string(" + prop(kXmp, "CreatorTool") + ")") == info["Creator"]);
    CHECK(xpath(xml, "string(" + prop(kPdf, "Producer") + ")") == info["Producer"]);
    CHECK(xpath(xml, "string(" + prop(kXmp, "CreateDate") + ")") == "2009-12-30T00:00:00Z");
    CHECK(xpath(xml, "string(" + prop(kXmp, "ModifyDate") + ")") == "2009-12-30T00:00:00Z");
    // The language alternatives hold the x-default item (§6.7.3 compares that one).
    CHECK(xpath(xml, "string(" + prop(kDc, "title") + "//*[local-name()='li']/@xml:lang)") == "x-default");
    CHECK(xpath(xml, "count(" + prop(kDc, "creator") + "/*[local-name()='Seq']/*)") == "1");
}

TEST_CASE("pdfa: without a document date neither Info nor XMP has a date; empty fields are left out of both",
          "[pdf][pdfa]") {
    auto doc = letter();
    doc.info.date.reset();
    doc.info.keywords.clear();
    doc.info.author.clear();
    const std::string bytes = write(doc);
    for (const char* key : {"/CreationDate", "/ModDate", "/Keywords", "/Author"}) {
        CHECK(bytes.find(key) == std::string::npos);
    }
    const std::string xmp = xmp_of(bytes);
    for (const char* key : {"xmp:CreateDate", "xmp:ModifyDate", "pdf:Keywords", "dc:creator"}) {
        CHECK(xmp.find(key) == std::string::npos);
    }
    CHECK(xmp.find("dc:title") != std::string::npos);
    CHECK(run("xmllint --noout " + shq(save("nodate.xml", xmp))).status == 0);
}

TEST_CASE("pdfa: CR survives as a character reference; text XML cannot carry is an error", "[pdf][pdfa]") {
    layout::DocumentInfo info;
    info.title = "một\rhai\tba\nbốn";
    const std::string xmp = pdf::xmp_packet(info);
    CHECK(xmp.find("một&#13;hai\tba\nbốn") != std::string::npos);
    const fs::path xml = save("cr.xml", xmp);
    CHECK(xpath(xml, "string(" + prop(kDc, "title") + "//*[local-name()='li'])") == info.title);

    for (const std::string& bad : {std::string("a\x01z"), std::string("a\x1Fz"), std::string("a\xEF\xBF\xBEz"),
                                  std::string("a\xC3\x28z")}) {
        info.title = bad;
        CHECK_THROWS_AS(pdf::xmp_packet(info), vanban::Error);
        auto doc = letter();
        doc.info.title = bad;
        CHECK_THROWS_AS(write(doc), vanban::Error);
    }
    try {
        info.title = "a\x01z";
        pdf::xmp_packet(info);
    } catch (const vanban::Error& e) {
        CHECK(std::string(e.what()).find("U+0001") != std::string::npos);
        CHECK(std::string(e.what()).find("Title") != std::string::npos);
    }
    info.title = "ok";
    info.date = layout::Date{2025, 2, 29};
    CHECK_THROWS_AS(pdf::xmp_packet(info), vanban::Error);
    CHECK(pdf::xmp_date({2024, 2, 29}) == "2024-02-29T00:00:00Z");
}

TEST_CASE("pdfa: an sRGB OutputIntent with the embedded profile, qpdf and poppler silent", "[pdf][pdfa]") {
    const pdf::IccProfile& icc = pdf::srgb_profile();
    CHECK(&icc == &pdf::srgb_profile());  // read once per process
    CHECK(icc.data.size() > 128);
    CHECK(icc.deflated.size() < icc.data.size());

    for (const bool compress : {true, false}) {
        INFO("compress " << compress);
        const std::string bytes = write(letter(), true, compress);
        const fs::path file = save(compress ? "intent-z.pdf" : "intent-raw.pdf", bytes);
        CHECK(bytes.rfind("%PDF-1.4\n", 0) == 0);
        CHECK(bytes.find("/S /GTS_PDFA1") != std::string::npos);
        CHECK(bytes.find("/OutputConditionIdentifier (sRGB IEC61966-2.1)") != std::string::npos);
        CHECK(bytes.find("/DestOutputProfile ") != std::string::npos);
        CHECK(bytes.find("/OutputIntents [") != std::string::npos);
        CHECK(bytes.find("/Encrypt") == std::string::npos);
        // No transparency anywhere (§6.4).
        for (const char* key : {"/SMask", "/Group", "/CA ", "/ca ", "/BM "}) {
            CHECK(bytes.find(key) == std::string::npos);
        }

        const Run q = run("qpdf --check " + shq(file));
        CHECK(q.status == 0);
        CHECK(q.err.empty());
        CHECK(q.out.find("No syntax or stream encoding errors found") != std::string::npos);
        CHECK(q.out.find("WARNING") == std::string::npos);

        // The profile decodes to exactly the file's bytes.
        const fs::path qdf = out_dir() / (compress ? "intent-z.qdf" : "intent-raw.qdf");
        REQUIRE(run("qpdf --qdf --object-streams=disable " + shq(file) + " " + shq(qdf)).status == 0);
        CHECK(slurp(qdf).find(icc.data) != std::string::npos);

        for (const std::string& cmd : {"pdftotext " + shq(file) + " -", "pdffonts " + shq(file),
                                       "pdftoppm -r 30 " + shq(file)}) {
            const Run r = run(cmd + " > /dev/null");
            INFO(cmd);
            CHECK(r.status == 0);
            CHECK(r.err.empty());
        }
        CHECK(pdfinfo(file)["PDF version"] == "1.4");
    }
    // A plain file has none of it.
    const std::string plain = write(letter(), false);
    for (const char* key : {"/Metadata", "/OutputIntents", "xpacket"}) CHECK(plain.find(key) == std::string::npos);
}

TEST_CASE("pdfa: the profile lookup takes the first usable file and names every path it tried", "[pdf][pdfa]") {
    const fs::path missing = out_dir() / "no-such-dir" / "sRGB.icc";
    const fs::path junk = save("junk.icc", std::string(200, 'x'));
    std::string v4 = slurp("/usr/share/color/icc/sRGB.icc");
    REQUIRE(v4.size() > 128);
    std::string gray = v4, input_class = v4;
    v4[8] = 4;
    gray.replace(16, 4, "GRAY");
    input_class.replace(12, 4, "scnr");
    const fs::path v4_file = save("v4.icc", v4), gray_file = save("gray.icc", gray),
                   scnr_file = save("scnr.icc", input_class);
    const fs::path truncated = save("truncated.icc", slurp("/usr/share/color/icc/sRGB.icc").substr(0, 1000));

    const std::vector<fs::path> none = {missing, junk, v4_file, gray_file, scnr_file, truncated};
    try {
        pdf::load_icc_profile(none);
        FAIL("no error");
    } catch (const vanban::Error& e) {
        const std::string msg = e.what();
        INFO(msg);
        CHECK(msg.find("icc-profiles-free") != std::string::npos);
        CHECK(msg.find(missing.string()) != std::string::npos);
        CHECK(msg.find("junk.icc (not an ICC profile)") != std::string::npos);
        CHECK(msg.find("v4.icc (ICC version 4") != std::string::npos);
        CHECK(msg.find("gray.icc (not an RGB profile)") != std::string::npos);
        CHECK(msg.find("scnr.icc (not a display or output profile)") != std::string::npos);
        CHECK(msg.find("truncated.icc (truncated ICC profile)") != std::string::npos);
    }
    CHECK_THROWS_AS(pdf::load_icc_profile(std::vector<fs::path>{}), vanban::Error);

    const std::vector<fs::path> some = {missing, junk, "/usr/share/color/icc/sRGB.icc"};
    const pdf::IccProfile p = pdf::load_icc_profile(some);
    CHECK(p.path == "/usr/share/color/icc/sRGB.icc");
    CHECK(p.data == pdf::srgb_profile().data);
    CHECK(p.deflated == pdf::srgb_profile().deflated);
    CHECK(p.md5 == pdf::srgb_profile().md5);
}

TEST_CASE("pdfa: same input gives the same bytes, on any thread; PDF/A and plain files get different /IDs",
          "[pdf][pdfa]") {
    const auto doc = letter();
    const std::string a = write(doc);
    CHECK(a == write(doc));
    CHECK(write(doc, true, false) == write(doc, true, false));
    const std::string plain = write(doc, false);
    CHECK(plain == write(doc, false));
    CHECK(trailer_id(a) != trailer_id(plain));
    CHECK(trailer_id(a) != trailer_id(write(doc, true, false)));

    auto other = doc;
    other.info.title += ".";
    CHECK(trailer_id(write(other)) != trailer_id(a));

    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < results.size(); ++i) {
        threads.emplace_back([&doc, &results, i] {
            for (int k = 0; k < 5; ++k) results[i] = write(doc, i % 2 == 0);  // PDF/A on even threads
        });
    }
    for (auto& t : threads) t.join();
    for (std::size_t i = 0; i < results.size(); ++i) CHECK(results[i] == (i % 2 == 0 ? a : plain));

    // What PDF/A adds: the XMP packet (~1.3 KB) and the deflated profile (~2.5 KB)
    // plus their dictionaries.
    INFO("plain " << plain.size() << " B, PDF/A " << a.size() << " B");
    CHECK(a.size() - plain.size() < 5 * 1024);
}

TEST_CASE("pdfa: PDFBox Preflight accepts edge cases (no date, markup in the title, uncompressed, blank page)",
          "[pdf][pdfa][preflight]") {
    const std::string cp = oracles::preflight_classpath();
    if (cp.empty()) {
        WARN("SKIPPED: PDFBox Preflight or java is not installed (libpdfbox2-java libactivation-java "
             "libjaxb-api-java default-jre-headless; scripts/install-deps.sh installs them)");
        return;
    }
    std::map<std::string, std::string> cases;
    cases["pf-letter.pdf"] = write(letter());
    cases["pf-raw.pdf"] = write(letter(), true, false);
    auto nodate = letter();
    nodate.info.date.reset();
    nodate.info.author.clear();
    cases["pf-nodate.pdf"] = write(nodate);
    auto escaped = letter();
    escaped.info.title = "<A&B> \"Sơ kết\" ]]> & Đ\r\nhai dòng";
    escaped.info.creator = "vanban (thử) \\ <x>";
    escaped.info.keywords = "Số: 1996/TLĐ & <x>";
    cases["pf-escaped.pdf"] = write(escaped);
    layout::LaidOutDocument blank;
    blank.pages.emplace_back();
    cases["pf-blank.pdf"] = write(blank);  // no info at all, no fonts
    auto outlined = letter();  // bookmarks (issue 15): nested items, an appendix, /PageMode
    outlined.pages.front().anchors = {{"I. KẾT QUẢ", 1, 200}, {"1. Tổ chức", 2, 260}, {"PHỤ LỤC: Số liệu", 0, 300}};
    cases["pf-outline.pdf"] = write(outlined);

    std::string list;
    for (const auto& [name, bytes] : cases) list += save(name, bytes).string() + "\n";
    const fs::path list_file = save("preflight-list.txt", list);
    // "group <list>": one JVM validates every file listed (≈1 s for all).
    const Run r = run("java -cp " + shq(cp) + " org.apache.pdfbox.preflight.Validator_A1b group " +
                      shq(list_file));
    INFO(r.out << r.err);
    for (const auto& [name, bytes] : cases) {
        INFO(name);
        CHECK(r.out.find("The file " + name + " is a valid PDF/A-1b file") != std::string::npos);
    }
    CHECK(r.out.find("not a valid") == std::string::npos);
    CHECK(r.status == 0);
}

TEST_CASE("bench: PDF/A cost per warm document", "[.bench]") {
    using clock = std::chrono::steady_clock;
    const auto doc = letter();
    constexpr int kRuns = 500;
    for (const bool pdfa : {false, true, false, true}) {
        std::string bytes = write(doc, pdfa);  // warm: faces, compressor and profile loaded
        const auto t0 = clock::now();
        for (int i = 0; i < kRuns; ++i) bytes = write(doc, pdfa);
        const double ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count() / kRuns;
        std::cout << (pdfa ? "PDF/A: " : "plain: ") << ms << " ms, " << bytes.size() << " bytes\n";
    }
}
