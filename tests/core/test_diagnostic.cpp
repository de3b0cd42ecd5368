#include "core/diagnostic.h"

#include <catch2/catch.hpp>

using namespace vanban;

TEST_CASE("A diagnostic at a line names file, line and column") {
    Diagnostic d{"a.json", 3, 14, "", "expected ','"};
    CHECK(d.to_string() == "a.json:3:14: expected ','");
}

TEST_CASE("A diagnostic at a JSON pointer names file and pointer") {
    Diagnostic d{"a.json", 0, 0, "/signers/0/name", "missing required field"};
    CHECK(d.to_string() == "a.json: /signers/0/name: missing required field");
}

TEST_CASE("Columns count code points, not UTF-8 bytes") {
    const std::string s = "Số: 1\nHà Nội, x";
    // offset of 'x' on line 2: "Hà Nội, " is 8 code points, 11 bytes
    const auto off = s.find('x');
    const auto lc = line_column_at(s, off);
    CHECK(lc.line == 2);
    CHECK(lc.column == 9);
    CHECK(line_column_at(s, 0).column == 1);
}
