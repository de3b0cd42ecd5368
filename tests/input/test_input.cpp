#include "core/diagnostic.h"
#include "input/document_input.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

using nlohmann::json;
using vanban::input::read_document;
using vanban::input::ReadOptions;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = VANBAN_SOURCE_DIR;

ReadOptions options() {
    ReadOptions o;
    o.file_name = "doc.json";
    return o;
}

// The smallest document the engine accepts; each test changes one thing in it.
json minimal() {
    return json::parse(R"({
        "template": "cong-van",
        "issuer": {"name": "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI"},
        "symbol": "LĐLĐ",
        "place": "Quảng Ngãi",
        "subject": "tổ chức Tết Sum vầy",
        "body": ["Nội dung."],
        "signers": [{"title": "CHỦ TỊCH", "name": "Nguyễn Văn A"}]
    })");
}

json read_bytes(std::string_view bytes, const ReadOptions& o = options()) {
    return read_document(bytes, o);
}

json read(const json& doc, const ReadOptions& o = options()) {
    const std::string bytes = doc.dump();
    return read_document(bytes, o);
}

// What the user sees when the engine refuses the document; "" when it accepts it.
std::string error_of_bytes(std::string_view bytes, const ReadOptions& o = options()) {
    try {
        read_document(bytes, o);
    } catch (const vanban::Error& e) {
        return e.diagnostic().to_string();
    }
    return "";
}

std::string error_of(const json& doc, const ReadOptions& o = options()) {
    return error_of_bytes(doc.dump(), o);
}

json with(json doc, const json::json_pointer& where, json value) {
    doc[where] = std::move(value);
    return doc;
}

json without(json doc, const json::json_pointer& where) {
    doc[where.parent_pointer()].erase(where.back());
    return doc;
}

// A document using every field of the format, each in a non-default way. Kept as
// text: parsing it into a json would lose how its numbers are written.
std::string kitchen_sink() {
    return (R"J({
        "template": "bao-cao",
        "issuer": {"parent": "TỔNG LĐLĐ VIỆT NAM", "name": "LIÊN ĐOÀN LAO ĐỘNG\nTỈNH QUẢNG NGÃI"},
        "number": "05", "symbol": "BC-LĐLĐ", "place": "Quảng Ngãi", "date": "2026-02-05",
        "kind": "BÁO CÁO", "subject": "Kết quả năm 2025",
        "recipients": ["Tổng Liên đoàn"],
        "body": [
            {"heading": "I. KẾT QUẢ", "level": 2},
            {"list": ["Một", "Hai"], "marker": "a)"},
            {"table": {"columns": [{"title": "Đơn vị", "width": 2.5, "align": "left"}, {"title": "Số", "align": "right"}],
                       "rows": [["Cộng", 1234567.50], ["Tổng", 12]], "header_rows": 0, "total_row": true}},
            {"page_break": true}
        ],
        "signers": [{"authority": "TM. BAN THƯỜNG VỤ", "acting": "KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH", "name": "Trần Thị B"}],
        "distribution": ["Như trên", "Lưu: VT, TG"],
        "urgency": "Thượng khẩn", "confidentiality": "Mật", "draft": true,
        "appendices": [{"title": "PHỤ LỤC I", "subtitle": "Số liệu", "orientation": "landscape", "body": ["Xem bảng."]}],
        "data": {"units": [{"name": "A", "members": 120, "rate": 12.50, "ok": true, "note": null}]}
    })J");
}

// A scratch directory for files, removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "vanban-input-XXXXXX").string();
        path = ::mkdtemp(tmpl.data());
    }
    ~TempDir() { fs::remove_all(path); }
    fs::path write(const std::string& name, std::string_view bytes) const {
        std::ofstream(path / name, std::ios::binary) << bytes;
        return path / name;
    }
};

}  // namespace

// --- accepted documents and their normal form ---------------------------------

TEST_CASE("The seed letter of document-input.md is accepted and normalised") {
    const json out = read_bytes(std::string_view(R"J({
      "template": "cong-van",
      "issuer": { "name": "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM" },
      "number": 1996, "symbol": "TLĐ",
      "place": "Hà Nội", "date": "2009-12-30",
      "subject": "Sơ kết 2 năm thực hiện NQ 20",
      "recipients": ["Các LĐLĐ tỉnh, thành phố", "Các Công đoàn ngành Trung ương", "Công đoàn Tổng công ty trực thuộc TLĐ"],
      "body": ["Để đánh giá kết quả thực hiện Nghị quyết số 20/NQ-TƯ, …", {"list": ["Công tác triển khai …"], "marker": "1."}],
      "signers": [{ "authority": "TM. ĐOÀN CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH", "name": "Nguyễn Văn A" }],
      "distribution": ["Như trên", "Thường trực ĐCT (để b/c)", "Lưu: VT, TG"]
    })J"));
    const json expected = json::parse(R"J({
      "template": "cong-van",
      "issuer": {"parent": "", "name": "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM"},
      "number": "1996", "symbol": "TLĐ", "place": "Hà Nội", "date": "2009-12-30",
      "kind": "", "subject": "Sơ kết 2 năm thực hiện NQ 20",
      "recipients": ["Các LĐLĐ tỉnh, thành phố", "Các Công đoàn ngành Trung ương", "Công đoàn Tổng công ty trực thuộc TLĐ"],
      "body": [
        {"paragraph": {"text": "Để đánh giá kết quả thực hiện Nghị quyết số 20/NQ-TƯ, …"},
         "heading": false, "list": false, "table": false, "page_break": false, "article": false},
        {"paragraph": false, "heading": false,
         "list": {"marker": "1.", "items": [{"text": "Công tác triển khai …"}]},
         "table": false, "page_break": false, "article": false}
      ],
      "enacting_authority": "", "bases": [], "preamble": false,
      "signers": [{"authority": "TM. ĐOÀN CHỦ TỊCH", "acting": "", "title": "PHÓ CHỦ TỊCH", "name": "Nguyễn Văn A"}],
      "distribution": ["Như trên", "Thường trực ĐCT (để b/c)", "Lưu: VT, TG"],
      "urgency": "", "confidentiality": "", "draft": false, "appendices": [], "archive": false, "data": {}
    })J");
    CHECK(out == expected);
}

TEST_CASE("Every field of the format is normalised with strings for numbers") {
    const json out = read_bytes(kitchen_sink());
    CHECK(out["issuer"] == json({{"parent", "TỔNG LĐLĐ VIỆT NAM"}, {"name", "LIÊN ĐOÀN LAO ĐỘNG\nTỈNH QUẢNG NGÃI"}}));
    CHECK(out["number"] == "05");
    CHECK(out["kind"] == "BÁO CÁO");
    CHECK(out["body"][0]["heading"] == json({{"text", "I. KẾT QUẢ"}, {"level", "2"}}));
    CHECK(out["body"][1]["list"]["marker"] == "a)");
    CHECK(out["body"][2]["table"] == json::parse(R"({
        "columns": [{"title": "Đơn vị", "width": "2.5", "align": "left"}, {"title": "Số", "width": "1", "align": "right"}],
        "rows": [{"cells": [{"text": "Cộng", "number": false}, {"text": "1234567.50", "number": true}]},
                 {"cells": [{"text": "Tổng", "number": false}, {"text": "12", "number": true}]}],
        "header_rows": "0", "total_row": true})"));
    CHECK(out["body"][3] ==
          json({{"paragraph", false}, {"heading", false}, {"list", false}, {"table", false}, {"page_break", true},
                {"article", false}}));
    CHECK(out["signers"][0]["acting"] == "KT. CHỦ TỊCH");
    CHECK(out["urgency"] == "Thượng khẩn");
    CHECK(out["confidentiality"] == "Mật");
    CHECK(out["draft"] == true);
    CHECK(out["appendices"][0]["orientation"] == "landscape");
    CHECK(out["appendices"][0]["body"][0]["paragraph"]["text"] == "Xem bảng.");
    CHECK(out["data"] == json::parse(R"({"units": [{"name": "A", "members": "120", "rate": "12.50", "ok": true, "note": null}]})"));
}

TEST_CASE("Omitted optional fields get their defaults") {
    const json out = read(with(with(minimal(), "/body/1"_json_pointer, {{"heading", "I. MỤC ĐÍCH"}}), "/appendices"_json_pointer,
                               json::parse(R"([{"title": "PHỤ LỤC"}])")));
    CHECK(out["number"] == "");
    CHECK(out["date"] == "");
    CHECK(out["recipients"] == json::array());
    CHECK(out["distribution"] == json::array());
    CHECK(out["body"][1]["heading"]["level"] == "1");
    CHECK(out["appendices"][0] == json::parse(R"({"label": "", "title": "", "orientation": "portrait", "body": []})"));
    const json list = read(with(minimal(), "/body/0"_json_pointer, {{"list", {"một"}}}))["body"][0]["list"];
    CHECK(list["marker"] == "-");
    const json table = read(with(minimal(), "/body/0"_json_pointer, json::parse(R"({"table": {"columns": [{"title": ""}], "rows": [[""]]}})")));
    CHECK(table["body"][0]["table"]["header_rows"] == "1");
    CHECK(table["body"][0]["table"]["total_row"] == false);
}

TEST_CASE("NFD input is normalised to NFC") {
    // "Sơ kết" with the horn, circumflex and acute as combining marks.
    const json out = read(with(minimal(), "/subject"_json_pointer, "So\u031B ke\u0302\u0301t"));
    CHECK(out["subject"] == "Sơ kết");
}

TEST_CASE("Tabs become spaces, and only issuer names keep line breaks") {
    json doc = with(minimal(), "/subject"_json_pointer, "a\tb\nc");
    doc["issuer"]["parent"] = "TỔNG LĐLĐ\r\nVIỆT NAM";
    const json out = read(doc);
    CHECK(out["subject"] == "a b c");
    CHECK(out["issuer"]["parent"] == "TỔNG LĐLĐ\nVIỆT NAM");
}

TEST_CASE("A UTF-8 byte-order mark is skipped silently") {
    CHECK(read_bytes("\xEF\xBB\xBF" + minimal().dump())["symbol"] == "LĐLĐ");
    // Columns are counted after the mark, as an editor shows them.
    CHECK(error_of_bytes("\xEF\xBB\xBF{,}") == "doc.json:1:2: syntax error: unexpected ','; expected a field name in double quotes");
}

// --- number, date, symbol, template, marks -------------------------------------

TEST_CASE("A number is kept as written digits; padding happens later") {
    CHECK(read(with(minimal(), "/number"_json_pointer, 5))["number"] == "5");
    CHECK(read(with(minimal(), "/number"_json_pointer, 5.0))["number"] == "5");
    CHECK(read(with(minimal(), "/number"_json_pointer, "005"))["number"] == "005");
    CHECK(read(with(minimal(), "/number"_json_pointer, "  "))["number"] == "");
}

TEST_CASE("A number that is not digits is refused") {
    CHECK(error_of(with(minimal(), "/number"_json_pointer, "abc")) ==
          "doc.json: /number: expected digits like \"1996\", or \"\" to leave a gap, got 'abc'");
    CHECK(error_of(with(minimal(), "/number"_json_pointer, 0)) == "doc.json: /number: expected a number of 1 or more, got 0");
    CHECK(error_of(with(minimal(), "/number"_json_pointer, "000")) ==
          "doc.json: /number: expected a number of 1 or more, got '000'");
    CHECK(error_of(with(minimal(), "/number"_json_pointer, -3)) == "doc.json: /number: expected a number of 1 or more, got -3");
    CHECK(error_of(with(minimal(), "/number"_json_pointer, 5.5)) ==
          "doc.json: /number: expected a whole number like 1996, or \"\" to leave a gap, got 5.5");
    CHECK(error_of(with(minimal(), "/number"_json_pointer, true)) ==
          "doc.json: /number: expected a whole number like 1996, or \"\" to leave a gap, got true");
}

TEST_CASE("An impossible date is refused, a leap day is accepted") {
    CHECK(error_of(with(minimal(), "/date"_json_pointer, "2009-02-29")) == "doc.json: /date: impossible date '2009-02-29'");
    CHECK(read(with(minimal(), "/date"_json_pointer, "2008-02-29"))["date"] == "2008-02-29");
    CHECK(error_of(with(minimal(), "/date"_json_pointer, "30/12/2009")) ==
          "doc.json: /date: expected a date as YYYY-MM-DD, got '30/12/2009'");
    CHECK(read(with(minimal(), "/date"_json_pointer, ""))["date"] == "");
}

TEST_CASE("A symbol with a slash or spaces is refused with the fix") {
    CHECK(error_of(with(minimal(), "/symbol"_json_pointer, "/TLĐ")) ==
          "doc.json: /symbol: symbol must not contain '/' (the engine prints the slash after the number): write 'TLĐ'");
    CHECK(error_of(with(minimal(), "/symbol"_json_pointer, "1996/TLĐ")) ==
          "doc.json: /symbol: symbol must not contain '/' (the engine prints the slash after the number): "
          "write 'TLĐ' and put 1996 in \"number\"");
    CHECK(error_of(with(minimal(), "/symbol"_json_pointer, "QĐ/TLĐ")) ==
          "doc.json: /symbol: symbol must not contain '/' (the engine prints the slash after the number): "
          "join its groups with '-', as in 'QĐ-TLĐ'");
    CHECK(error_of(with(minimal(), "/symbol"_json_pointer, "BC - LĐLĐ")) ==
          "doc.json: /symbol: symbol must not contain spaces: write 'BC-LĐLĐ'");
    CHECK(error_of(with(minimal(), "/symbol"_json_pointer, "BC LĐLĐ")) ==
          "doc.json: /symbol: symbol must not contain spaces; join its groups with '-', as in 'QĐ-TLĐ'");
}

TEST_CASE("A template name that could leave the template directory is refused") {
    const std::string rule = "template name must be lowercase letters, digits, '-' or '_' (like 'cong-van'), got ";
    CHECK(error_of(with(minimal(), "/template"_json_pointer, "../x")) == "doc.json: /template: " + rule + "'../x'");
    CHECK(error_of(with(minimal(), "/template"_json_pointer, "a/b")) == "doc.json: /template: " + rule + "'a/b'");
    CHECK(error_of(with(minimal(), "/template"_json_pointer, "Cong-Van")) == "doc.json: /template: " + rule + "'Cong-Van'");
    CHECK(error_of(with(minimal(), "/template"_json_pointer, "_header")) == "doc.json: /template: " + rule + "'_header'");
    CHECK(error_of(with(minimal(), "/template"_json_pointer, std::string(65, 'a'))) ==
          "doc.json: /template: template name is longer than 64 characters");
    CHECK(read(with(minimal(), "/template"_json_pointer, "bao-cao_2"))["template"] == "bao-cao_2");
}

TEST_CASE("Urgency and confidentiality take only the words of NĐ 30") {
    CHECK(error_of(with(minimal(), "/urgency"_json_pointer, "khẩn")) ==
          "doc.json: /urgency: expected one of 'Khẩn', 'Thượng khẩn', 'Hỏa tốc', got 'khẩn'");
    CHECK(error_of(with(minimal(), "/confidentiality"_json_pointer, "Bí mật")) ==
          "doc.json: /confidentiality: expected one of 'Mật', 'Tối mật', 'Tuyệt mật', got 'Bí mật'");
    CHECK(read(with(minimal(), "/urgency"_json_pointer, "Hoả tốc"))["urgency"] == "Hỏa tốc");
}

// --- structure -------------------------------------------------------------------

TEST_CASE("An unknown field is refused, naming the closest known one") {
    CHECK(error_of(with(minimal(), "/subjet"_json_pointer, "x")) ==
          "doc.json: /subjet: unknown field 'subjet' (did you mean 'subject'?)");
    CHECK(error_of(with(minimal(), "/signers/0/nmae"_json_pointer, "x")) ==
          "doc.json: /signers/0/nmae: unknown field 'nmae' (did you mean 'name'?)");
    CHECK(error_of(with(minimal(), "/colour"_json_pointer, "x")) == "doc.json: /colour: unknown field 'colour'");
    CHECK(error_of(with(minimal(), "/body/0"_json_pointer, {{"heding", "x"}})) ==
          "doc.json: /body/0/heding: unknown field 'heding' (did you mean 'heading'?)");
}

TEST_CASE("A field of the wrong type is refused") {
    CHECK(error_of(with(minimal(), "/subject"_json_pointer, 5)) == "doc.json: /subject: expected a string, got a number");
    CHECK(error_of(with(minimal(), "/body"_json_pointer, "x")) == "doc.json: /body: expected an array, got a string");
    CHECK(error_of(with(minimal(), "/draft"_json_pointer, "yes")) == "doc.json: /draft: expected true or false, got a string");
    CHECK(error_of(with(minimal(), "/issuer"_json_pointer, nullptr)) == "doc.json: /issuer: expected an object, got null");
    CHECK(error_of(with(minimal(), "/body/0"_json_pointer, 7)) ==
          "doc.json: /body/0: expected a string (a paragraph) or an object (a heading, list, table, page break or article), got a number");
    CHECK(error_of_bytes("[1]") == "doc.json: a document is a JSON object { … }, got an array");
}

TEST_CASE("A missing required field is reported at its own pointer") {
    CHECK(error_of(without(minimal(), "/signers/0/name"_json_pointer)) ==
          "doc.json: /signers/0/name: missing required field 'name'");
    CHECK(error_of(without(minimal(), "/subject"_json_pointer)) == "doc.json: /subject: missing required field 'subject'");
    CHECK(error_of(without(minimal(), "/issuer/name"_json_pointer)) == "doc.json: /issuer/name: missing required field 'name'");
}

TEST_CASE("Blank required text and empty required arrays are refused") {
    CHECK(error_of(with(minimal(), "/subject"_json_pointer, " \u00A0 ")) == "doc.json: /subject: must not be blank");
    CHECK(error_of(with(minimal(), "/signers/0/title"_json_pointer, "")) == "doc.json: /signers/0/title: must not be blank");
    CHECK(error_of(with(minimal(), "/body"_json_pointer, json::array())) == "doc.json: /body: expected at least one block");
    CHECK(error_of(with(minimal(), "/signers"_json_pointer, json::array())) == "doc.json: /signers: expected at least one signer");
    CHECK(error_of(with(minimal(), "/recipients"_json_pointer, {"A", ""})) == "doc.json: /recipients/1: must not be blank");
}

TEST_CASE("A block must be exactly one kind") {
    CHECK(error_of(with(minimal(), "/body/0"_json_pointer, {{"level", 2}})) ==
          "doc.json: /body/0: expected one of 'heading', 'list', 'table', 'page_break', 'article'");
    CHECK(error_of(with(minimal(), "/body/0"_json_pointer, {{"heading", "x"}, {"list", {"a"}}})) ==
          "doc.json: /body/0: expected only one of 'heading', 'list', 'table', 'page_break', 'article', got 'heading' and 'list'");
    CHECK(error_of(with(minimal(), "/body/0"_json_pointer, {{"list", {"a"}}, {"level", 2}})) ==
          "doc.json: /body/0/level: unknown field 'level'");
}

TEST_CASE("Headings, lists and page breaks check their options") {
    CHECK(error_of(with(minimal(), "/body/0"_json_pointer, {{"heading", "x"}, {"level", 4}})) ==
          "doc.json: /body/0/level: expected 1, 2 or 3, got 4");
    CHECK(error_of(with(minimal(), "/body/0"_json_pointer, {{"list", {"a"}}, {"marker", "*"}})) ==
          "doc.json: /body/0/marker: expected one of '-', '+', '1.', 'a)', 'I.', got '*'");
    CHECK(error_of(with(minimal(), "/body/0"_json_pointer, {{"list", json::array()}})) ==
          "doc.json: /body/0/list: expected at least one item");
    CHECK(error_of(with(minimal(), "/body/0"_json_pointer, {{"page_break", false}})) ==
          "doc.json: /body/0/page_break: expected true (to have no page break, leave the block out)");
}

TEST_CASE("A table row must have one cell per column") {
    const json table = json::parse(R"({"table": {"columns": [{"title": "A"}, {"title": "B"}, {"title": "C"}],
                                                  "rows": [["1", "2", "3"], ["x", 2]]}})");
    CHECK(error_of(with(minimal(), "/body/0"_json_pointer, table)) ==
          "doc.json: /body/0/table/rows/1: expected 3 cells (one per column), got 2");
}

TEST_CASE("Table columns and cells check their values") {
    const auto table_error = [](const char* table) {
        return error_of(with(minimal(), "/body/0"_json_pointer, json::parse(table)));
    };
    CHECK(table_error(R"({"table": {"columns": [], "rows": []}})") == "doc.json: /body/0/table/columns: expected at least one column");
    CHECK(table_error(R"({"table": {"columns": [{"title": "A", "width": 0}], "rows": []}})") ==
          "doc.json: /body/0/table/columns/0/width: expected a width greater than 0, got 0");
    CHECK(table_error(R"({"table": {"columns": [{"title": "A", "align": "middle"}], "rows": []}})") ==
          "doc.json: /body/0/table/columns/0/align: expected one of 'left', 'center', 'right', got 'middle'");
    CHECK(table_error(R"({"table": {"columns": [{"title": "A"}], "rows": [[null]]}})") ==
          "doc.json: /body/0/table/rows/0/0: expected a string or a number, got null");
    CHECK(table_error(R"({"table": {"columns": [{"title": "A"}], "rows": [], "header_rows": -1}})") ==
          "doc.json: /body/0/table/header_rows: expected a whole number, 0 or more, got -1");
    CHECK(table_error(R"({"table": {"columns": [{"title": "A"}], "rows": [], "total_row": true}})") ==
          "doc.json: /body/0/table/total_row: a total row needs at least one row after the header rows");
    // The only row is a header row: still no row to total (found by the property test).
    CHECK(table_error(R"({"table": {"columns": [{"title": "A"}], "rows": [["x"]], "header_rows": 2, "total_row": true}})") ==
          "doc.json: /body/0/table/total_row: a total row needs at least one row after the header rows");
}

TEST_CASE("Number cells keep the decimal text the user wrote") {
    std::string doc = minimal().dump();
    doc.replace(doc.find("\"Nội dung.\""), std::string("\"Nội dung.\"").size(),
                R"({"table": {"columns": [{"title": "A"}, {"title": "B"}, {"title": "C"}, {"title": "D"}],
                              "rows": [[1.50, -0.25, 2e3, 12345678901234567890123]]}})");
    const json cells = read_bytes(doc)["body"][0]["table"]["rows"][0]["cells"];
    CHECK(cells == json::parse(R"([{"text": "1.50", "number": true}, {"text": "-0.25", "number": true},
                                   {"text": "2e3", "number": true}, {"text": "12345678901234567890123", "number": true}])"));
}

TEST_CASE("A field given twice is refused") {
    CHECK(error_of_bytes(R"({"subject": "a", "subject": "b"})") == "doc.json: /subject: duplicate field 'subject'");
    CHECK(error_of_bytes(R"({"data": {"x": [{"k": 1, "k": 2}]}})") == "doc.json: /data/x/0/k: duplicate field 'k'");
}

TEST_CASE("Free data accepts any shape, cleaned but not checked against the font") {
    ReadOptions o = options();
    o.has_glyph = [](char32_t c) { return c != U'中'; };
    std::string doc = minimal().dump();
    doc.insert(1, R"("data": {"a/b": {"xin chào": ["中", 1, {"e": 1e2, "n": null}]}}, )");
    CHECK(read_bytes(doc, o)["data"] == json::parse(R"({"a/b": {"xin chào": ["中", "1", {"e": "1e2", "n": null}]}})"));
    CHECK(error_of(with(minimal(), "/data"_json_pointer, json::parse(R"({"a/b": ["\u0001"]})"))) ==
          "doc.json: /data/a~1b/0: control character U+0001 is not allowed (at character 1)");
    CHECK(error_of(with(minimal(), "/data"_json_pointer, json::parse(R"({"x\u0007": 1})"))) ==
          "doc.json: /data/x\x07: control character U+0007 is not allowed in a field name (at character 2)");
    CHECK(error_of(with(minimal(), "/data"_json_pointer, json::array())) == "doc.json: /data: expected an object, got an array");
}

// --- text checks --------------------------------------------------------------------

TEST_CASE("A control character is refused at its field and character") {
    CHECK(error_of(with(minimal(), "/subject"_json_pointer, "Sơ kết\u0007 2 năm")) ==
          "doc.json: /subject: control character U+0007 is not allowed (at character 7)");
    // Written as an escape in the file, as a generator would.
    std::string doc = minimal().dump();
    doc.replace(doc.find("Nội dung."), 4, "N\\u0007");
    CHECK(error_of_bytes(doc) == "doc.json: /body/0: control character U+0007 is not allowed (at character 2)");
}

TEST_CASE("A character the font cannot draw is refused") {
    ReadOptions o = options();
    o.has_glyph = [](char32_t c) { return c != U'中'; };
    CHECK(error_of(with(minimal(), "/body/0"_json_pointer, "Báo cáo 中 văn"), o) ==
          "doc.json: /body/0: the font has no glyph for U+4E2D '中' (at character 9)");
    CHECK(error_of(with(minimal(), "/signers/0/name"_json_pointer, "中"), o) ==
          "doc.json: /signers/0/name: the font has no glyph for U+4E2D '中' (at character 1)");
    CHECK(read(minimal(), o)["symbol"] == "LĐLĐ");
}

// --- bytes and syntax -----------------------------------------------------------------

TEST_CASE("A syntax error is reported at line and column") {
    CHECK(error_of_bytes("{\n  \"template\": \"cong-van\"\n  \"symbol\": \"TLĐ\"\n}") ==
          "doc.json:3:3: syntax error: unexpected string; expected ',' or '}'");
    CHECK(error_of_bytes("{\"a\": 1,\n}") == "doc.json:2:1: syntax error: extra ',' before '}'");
    CHECK(error_of_bytes("{\"a\": [1, 2,]}") == "doc.json:1:13: syntax error: extra ',' before ']'");
    CHECK(error_of_bytes("{\"a\": [1, 2") == "doc.json:1:12: syntax error: unexpected end of input; expected ',' or ']'");
    CHECK(error_of_bytes("{\"a\" 1}") == "doc.json:1:6: syntax error: unexpected number; expected ':'");
    CHECK(error_of_bytes("{} x") == "doc.json:1:4: syntax error: unexpected text after the end of the document");
    CHECK(error_of_bytes("{\"a\": 1e400}") == "doc.json:1:7: number 1e400 is too large");
    // Columns count characters: "Hà Nội" is 6 columns wide, not 9 bytes.
    CHECK(error_of_bytes("{\"place\": \"Hà Nội\" x}") == "doc.json:1:20: syntax error: invalid literal; expected ',' or '}'");
}

TEST_CASE("Invalid UTF-8 is refused at its byte") {
    // "Hà Nội" saved in a legacy 8-bit encoding.
    CHECK(error_of_bytes("{\"place\": \"H\xE0 N\xF4i\"}") == "doc.json:1:13: invalid UTF-8 (byte 0xE0); save the file as UTF-8");
    CHECK(error_of_bytes("{\"a\": \xC3}") == "doc.json:1:7: invalid UTF-8 (byte 0xC3); save the file as UTF-8");
}

TEST_CASE("UTF-16 and UTF-32 files are refused with what to do") {
    using namespace std::string_view_literals;
    CHECK(error_of_bytes("\xFF\xFE{\0}\0"sv) == "doc.json: file is UTF-16; save it as UTF-8");
    CHECK(error_of_bytes("\xFE\xFF\0{\0}"sv) == "doc.json: file is UTF-16; save it as UTF-8");
    CHECK(error_of_bytes("\xFF\xFE\0\0{\0\0\0"sv) == "doc.json: file is UTF-32; save it as UTF-8");
    CHECK(error_of_bytes("{\0}\0"sv) == "doc.json: file is UTF-16 (or UTF-32); save it as UTF-8");
}

TEST_CASE("An empty file is refused") {
    CHECK(error_of_bytes("") == "doc.json: file is empty");
    CHECK(error_of_bytes(" \n\t") == "doc.json: file is empty");
    CHECK(error_of_bytes("\xEF\xBB\xBF") == "doc.json: file is empty");
}

TEST_CASE("Nesting deeper than the limit is refused without recursion") {
    const std::string deep = "{\"data\": {\"x\": " + std::string(80, '[') + std::string(80, ']') + "}}";
    // The object is level 1, "data" 2, the first '[' 3: the 63rd '[' (column 78) is level 65.
    CHECK(error_of_bytes(deep) == "doc.json:1:78: nesting is deeper than 64 levels");
    const std::string very_deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK(error_of_bytes(very_deep) == "doc.json:1:65: nesting is deeper than 64 levels");
    ReadOptions o = options();
    o.max_depth = 2;
    CHECK(error_of_bytes("{\"a\": {\"b\": []}}", o) == "doc.json:1:13: nesting is deeper than 2 levels");
}

TEST_CASE("Input larger than the limit is refused") {
    ReadOptions o = options();
    o.max_bytes = 100;
    CHECK(error_of_bytes(std::string(101, ' '), o) == "doc.json: file is larger than the limit of 100 bytes");
    CHECK(error_of_bytes(std::string(100, ' '), o) == "doc.json: file is empty");

    TempDir dir;
    const fs::path big = dir.write("big.json", std::string(101, ' '));
    ReadOptions file_options;
    file_options.max_bytes = 100;
    try {
        vanban::input::read_document_file(big, file_options);
        FAIL("accepted");
    } catch (const vanban::Error& e) {
        CHECK(e.diagnostic().to_string() == big.string() + ": file is larger than the limit of 100 bytes");
    }
}

TEST_CASE("Reading a file names it in diagnostics") {
    TempDir dir;
    const fs::path doc = dir.write("x.json", with(minimal(), "/subject"_json_pointer, 1).dump());
    try {
        vanban::input::read_document_file(doc, {});
        FAIL("accepted");
    } catch (const vanban::Error& e) {
        CHECK(e.diagnostic().to_string() == doc.string() + ": /subject: expected a string, got a number");
    }
    ReadOptions named;
    named.file_name = "samples/x.json";
    try {
        vanban::input::read_document_file(dir.path / "missing.json", named);
        FAIL("accepted");
    } catch (const vanban::Error& e) {
        CHECK(e.diagnostic().to_string() == "samples/x.json: cannot read: No such file or directory");
    }
}

// --- samples and the schema --------------------------------------------------------

namespace {

std::vector<fs::path> samples() {
    std::vector<fs::path> out;
    if (!fs::is_directory(kSource / "samples")) return out;
    for (const auto& e : fs::directory_iterator(kSource / "samples")) {
        if (e.path().extension() == ".json") out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Documents the engine refuses and the schema can express; each must fail both.
std::vector<json> bad_documents() {
    return {
        with(minimal(), "/subjet"_json_pointer, "x"),
        with(minimal(), "/subject"_json_pointer, 5),
        with(minimal(), "/subject"_json_pointer, "  "),
        with(minimal(), "/subject"_json_pointer, "a\u0007"),
        without(minimal(), "/signers/0/name"_json_pointer),
        with(minimal(), "/template"_json_pointer, "../x"),
        with(minimal(), "/urgency"_json_pointer, "khẩn"),
        with(minimal(), "/number"_json_pointer, "abc"),
        with(minimal(), "/number"_json_pointer, 0),
        with(minimal(), "/symbol"_json_pointer, "/TLĐ"),
        with(minimal(), "/symbol"_json_pointer, "BC - LĐLĐ"),
        with(minimal(), "/date"_json_pointer, "30/12/2009"),
        with(minimal(), "/body"_json_pointer, json::array()),
        with(minimal(), "/body/0"_json_pointer, {{"heading", "x"}, {"list", {"a"}}}),
        with(minimal(), "/body/0"_json_pointer, {{"heading", "x"}, {"level", 4}}),
        with(minimal(), "/body/0"_json_pointer, {{"page_break", false}}),
        with(minimal(), "/body/0"_json_pointer, json::parse(R"({"table": {"columns": [{"title": "A", "width": 0}], "rows": []}})")),
        with(minimal(), "/data"_json_pointer, json::parse(R"({"x": ["\u0001"]})")),
    };
}

bool python_has_jsonschema() {
    return std::system("/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1") == 0;
}

}  // namespace

TEST_CASE("The samples are valid documents") {
    const auto files = samples();
    if (files.empty()) {
        WARN("no samples/*.json yet: nothing to check");
        return;
    }
    for (const auto& file : files) {
        INFO(file.string());
        CHECK_NOTHROW(vanban::input::read_document_file(file, {}));
    }
}

TEST_CASE("The schema accepts what the engine accepts and refuses what it refuses") {
    if (!python_has_jsonschema()) {
        WARN("skipped: python3-jsonschema is not installed (scripts/install-deps.sh installs it)");
        return;
    }
    TempDir dir;
    std::string command = "/usr/bin/python3 " + (kSource / "tests/input/check_schema.py").string() + " " +
                          (kSource / "engine/input/document.schema.json").string() + " --good";
    for (const auto& file : samples()) command += " " + file.string();
    command += " " + dir.write("minimal.json", minimal().dump()).string();
    command += " " + dir.write("kitchen-sink.json", kitchen_sink()).string();
    CHECK(error_of(minimal()) == "");
    CHECK(error_of_bytes(kitchen_sink()) == "");

    command += " --bad";
    const auto bad = bad_documents();
    for (std::size_t i = 0; i < bad.size(); ++i) {
        INFO("bad document " << i << ": " << bad[i].dump());
        CHECK(error_of(bad[i]) != "");
        command += " " + dir.write("bad-" + std::to_string(i) + ".json", bad[i].dump()).string();
    }
    const fs::path log = dir.path / "schema.log";
    const int status = std::system((command + " >" + log.string() + " 2>&1").c_str());
    std::ifstream in(log);
    const std::string output((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    INFO(output);
    CHECK(status == 0);
}

TEST_CASE("Căn cứ, thẩm quyền ban hành and articles reach the templates; a bare article is refused") {
    json d = minimal();
    d["enacting_authority"] = "Đoàn Chủ tịch";
    d["bases"] = {"Căn cứ Luật Công đoàn", "Xét đề nghị"};
    d["body"] = {{{"article", "Phạm vi"}, {"text", "Quy định"}}, {{"article", ""}, {"text", "Có hiệu lực"}}};
    const json out = read(d);
    CHECK(out["preamble"] == true);
    CHECK(out["enacting_authority"] == "Đoàn Chủ tịch");
    CHECK(out["bases"] == json({"Căn cứ Luật Công đoàn", "Xét đề nghị"}));
    CHECK(out["body"][0]["article"] == json({{"title", "Phạm vi"}, {"text", "Quy định"}}));
    CHECK(out["body"][1]["article"]["title"] == "");
    CHECK(out["body"][0]["paragraph"] == false);
    CHECK(read(minimal())["preamble"] == false);
    CHECK(error_of(with(minimal(), "/body/0"_json_pointer, {{"article", ""}})) ==
          "doc.json: /body/0: an article needs a title ('article') or some 'text'");
    CHECK(error_of(with(minimal(), "/bases"_json_pointer, {"a", ""})) == "doc.json: /bases/1: must not be blank");
}

TEST_CASE("An appendix has a label and a title; the older PHỤ LỤC title with a subtitle is read as label and title") {
    auto heading = [](const json& appendix) {
        const json out = read(with(minimal(), "/appendices"_json_pointer, json::array({appendix})));
        return std::make_pair(out["appendices"][0]["label"].get<std::string>(), out["appendices"][0]["title"].get<std::string>());
    };
    using P = std::pair<std::string, std::string>;
    CHECK(heading({{"title", "Số liệu đoàn viên"}}) == P{"", "Số liệu đoàn viên"});
    CHECK(heading({{"label", "II"}, {"title", "Danh sách"}}) == P{"II", "Danh sách"});
    CHECK(heading({{"label", "Phụ lục III"}, {"title", "Danh sách"}}) == P{"III", "Danh sách"});
    CHECK(heading({{"title", "Dòng một\nDòng hai"}}) == P{"", "Dòng một\nDòng hai"});  // "\n" kept: a forced break
    // The older form: every word still reaches line 1 or the title.
    CHECK(heading({{"title", "PHỤ LỤC I"}, {"subtitle", "Số liệu"}}) == P{"I", "Số liệu"});
    CHECK(heading({{"title", "Phụ lục"}, {"subtitle", "Số liệu"}}) == P{"", "Số liệu"});
    CHECK(heading({{"title", "PHỤ LỤC SỐ 2"}}) == P{"số 2", ""});
    CHECK(heading({{"title", "PHỤ LỤC SỐ LIỆU"}, {"subtitle", "Kết quả"}}) == P{"", "SỐ LIỆU\nKết quả"});
    CHECK(heading({{"title", "Biểu 01"}, {"subtitle", "Đơn vị"}}) == P{"", "Biểu 01\nĐơn vị"});
    CHECK(heading(json::object()) == P{"", ""});
}

TEST_CASE("A Lưu item written before other Nơi nhận items is moved last, the others keep their order") {
    const json out = read(with(minimal(), "/distribution"_json_pointer,
                               json::array({"Lưu: VT, TG", "Như trên", "Thường trực ĐCT (để b/c)", "Các LĐLĐ tỉnh"})));
    CHECK(out["distribution"] == json::array({"Như trên", "Thường trực ĐCT (để b/c)", "Các LĐLĐ tỉnh", "Lưu: VT, TG"}));
    // "Lưu" only counts with its colon; any case.
    const json kept = read(with(minimal(), "/distribution"_json_pointer, json::array({"LƯU : VT", "Lưu trữ tỉnh"})));
    CHECK(kept["distribution"] == json::array({"Lưu trữ tỉnh", "LƯU : VT"}));
}
