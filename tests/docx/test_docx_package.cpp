// The package as zipped from pre-deflated parts (docx/package.h): every entry inflates
// to the part the writer made, the archive passes independent integrity checks, the
// bytes repeat, and the parts deflated once per process (fixed parts, cached styles)
// stay right across documents with different styles.
#include "docx_support.h"

#include "docx/docx_writer.h"
#include "docx/package.h"
#include "fonts/font_set.h"
#include "layout/layout.h"
#include "render/engine.h"

#include <catch2/catch.hpp>
#include <zip.h>

#include <fstream>

using e2e::quote;
using e2e::run;
using e2e::scratch;

namespace {

namespace lo = vanban::layout;
namespace model = vanban::model;

const vanban::Engine& engine() {
    static const vanban::Engine e;
    return e;
}

model::Document letter() {
    model::Document doc;
    doc.issuer.name = "Công đoàn Chi nhánh & \"B\"";
    doc.number = "7";
    doc.symbol = "CĐ-VP";
    doc.date_line.place = "Hà Nội";
    doc.date_line.date = model::Date{2026, 1, 5};
    doc.subject = "Về việc thử gói DOCX";
    doc.recipients = {"Bộ Nội vụ"};
    doc.body.push_back(model::Paragraph{{{"Nội dung thứ nhất của công văn.", false, false}}, {}});
    doc.signers = {model::SignatureBlock{"TM. BAN CHẤP HÀNH", "", "CHỦ TỊCH", "Nguyễn Văn A"}};
    doc.distribution.items = {"Như trên", "Lưu: VT"};
    return doc;
}

// The package of `doc` laid out with body text of `body_size` pt (a different
// styles.xml for each size), with the parts it should hold, uncompressed.
struct Rendered {
    std::string bytes;
    std::vector<vanban::docx::Part> parts;
};
Rendered render(const model::Document& doc, double body_size) {
    lo::Profile profile;
    profile.body_size = body_size;
    const auto& fonts = engine().fonts();
    const auto geometry = lo::header_geometry(doc, fonts, profile, 2026);
    const auto laid = lo::layout_document(doc, fonts, lo::LayoutOptions{profile, 2026});
    const vanban::docx::DocxInput input{doc, geometry, profile, laid.info, fonts, 2026, laid.end_room};
    return {vanban::docx::write_docx(input), vanban::docx::docx_parts(input)};
}

// The archive's entries (name, inflated bytes) through libzip, which checks each
// entry's CRC-32 as it reads it to the end.
std::vector<vanban::docx::Part> unzip(const std::string& bytes) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    REQUIRE(src);
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    REQUIRE(z);
    std::vector<vanban::docx::Part> out;
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
        zip_stat_t st;
        REQUIRE(zip_stat_index(z, i, 0, &st) == 0);
        CHECK(st.comp_method == ZIP_CM_DEFLATE);
        zip_file_t* f = zip_fopen_index(z, i, 0);
        REQUIRE(f);
        std::string data(st.size, '\0');
        const zip_int64_t n = zip_fread(f, data.data(), data.size());
        char extra;
        const zip_int64_t end = zip_fread(f, &extra, 1);  // 0 at the end, -1 on a CRC mismatch
        CHECK(zip_fclose(f) == 0);
        CHECK(n == static_cast<zip_int64_t>(st.size));
        CHECK(end == 0);
        out.push_back({st.name, data});
    }
    zip_close(z);
    return out;
}

void same_parts(const Rendered& r) {
    const auto got = unzip(r.bytes);
    REQUIRE(got.size() == r.parts.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        INFO(r.parts[i].name);
        CHECK(got[i].name == r.parts[i].name);
        CHECK(got[i].bytes == r.parts[i].bytes);
    }
}

}  // namespace

TEST_CASE("Every entry of the package inflates to the part the writer made, in package order") {
    const auto r = render(letter(), 14);
    REQUIRE(r.parts.size() == 12);
    CHECK(r.parts.front().name == "[Content_Types].xml");
    same_parts(r);
}

TEST_CASE("The package passes unzip -t and Python's zipfile integrity check") {
    const auto path = scratch("docx-package") / "letter.docx";
    std::ofstream(path, std::ios::binary) << render(letter(), 14).bytes;
    const auto t = run("unzip -t " + quote(path.string()));
    INFO(t.out);
    CHECK(t.exit_code == 0);
    const auto py = run("/usr/bin/python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
                        "sys.exit(0 if z.testzip() is None and len(z.namelist()) == 12 else 1)' " +
                        quote(path.string()));
    INFO(py.err);
    CHECK(py.exit_code == 0);
}

TEST_CASE("Two renders of the same document give the same bytes") {
    const auto doc = letter();
    CHECK(render(doc, 14).bytes == render(doc, 14).bytes);
}

TEST_CASE("Documents with different styles, more than the styles cache holds, each get their own parts") {
    // Ten sizes, then the first ones again: misses, evictions and hits of the styles
    // cache, all sharing the fixed parts deflated once.
    const auto doc = letter();
    std::vector<std::string> styles;
    for (double size : {14.0, 13.0, 12.0, 11.0, 10.0, 15.0, 16.0, 17.0, 18.0, 19.0, 14.0, 13.0, 19.0}) {
        INFO(size);
        const auto r = render(doc, size);
        same_parts(r);
        styles.push_back(r.parts[4].bytes);
    }
    CHECK(styles[0] != styles[1]);  // the sizes do reach styles.xml
    CHECK(styles[10] == styles[0]);
}

TEST_CASE("zip_package of uncompressed parts stores each one inflatable to its bytes") {
    const std::vector<vanban::docx::Part> parts = {{"a.xml", "<a/>"}, {"b/c.xml", std::string(100000, 'x')}, {"e.txt", ""}};
    const auto got = unzip(vanban::docx::zip_package(parts));
    REQUIRE(got.size() == parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i) {
        CHECK(got[i].name == parts[i].name);
        CHECK(got[i].bytes == parts[i].bytes);
    }
}
