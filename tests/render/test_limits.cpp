// Engine limits through the library API (EngineOptions::limits); the CLI flags and the
// input-stage limits are tested end to end in tests/e2e/test_limits.cpp.
#include "core/diagnostic.h"
#include "render/engine.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

using namespace vanban;
namespace fs = std::filesystem;

namespace {

std::string sample(const std::string& name) {
    std::ifstream in(std::string(VANBAN_SOURCE_DIR) + "/samples/" + name, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string error_of(const Engine& engine, const std::string& json, const std::string& name) {
    try {
        engine.render(json, name);
    } catch (const Error& e) {
        return e.diagnostic().to_string();
    }
    return "(rendered)";
}

// A user template that builds a table from data.rows, which the input stage's row
// limit does not see.
fs::path table_template_dir() {
    const fs::path dir = fs::temp_directory_path() / ("vanban-test-limits-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "bang.mustache") << R"(<?xml version="1.0" encoding="UTF-8"?>
<document>
{{> _header}}
  <subject>{{subject}}</subject>
  <body><table><column>STT</column>{{#data.rows}}<row><cell>{{.}}</cell></row>{{/data.rows}}</table></body>
{{> _closing}}
</document>
)";
    return dir;
}

std::string table_document(int rows) {
    nlohmann::json doc = nlohmann::json::parse(R"({
      "template": "bang", "issuer": { "name": "BỘ NỘI VỤ" }, "symbol": "BNV", "place": "Hà Nội",
      "subject": "thử", "body": ["x"], "signers": [{ "title": "BỘ TRƯỞNG", "name": "Nguyễn Văn A" }],
      "data": { "rows": [] }
    })");
    for (int i = 0; i < rows; ++i) doc["data"]["rows"].push_back(std::to_string(i + 1));
    return doc.dump();
}

}  // namespace

TEST_CASE("Limits: the defaults are the documented ones") {
    const Limits l;
    CHECK(l.max_input_bytes == 16u * 1024 * 1024);
    CHECK(l.max_json_depth == 64);
    CHECK(l.max_partial_depth == 16);
    CHECK(l.max_table_rows == 100000u);
    CHECK(l.max_pages == 5000u);
}

TEST_CASE("Limits: a table a template built from data is held to the row limit") {
    const fs::path dir = table_template_dir();
    EngineOptions o{{dir}, {}, 2026};
    o.limits.max_table_rows = 3;
    const Engine engine(o);
    CHECK(engine.render(table_document(3), "bang.json").model.body.size() == 1);
    CHECK(error_of(engine, table_document(4), "bang.json") == "bang.json: a table has 4 rows, more than the limit of 3");
    fs::remove_all(dir);
}

TEST_CASE("Limits: pages, counted while laying out") {
    EngineOptions o{{}, {}, 2026};
    o.limits.max_pages = 1;
    const Engine engine(o);
    CHECK(error_of(engine, sample("cong-van-1996.json"), "cv.json") ==
          "cv.json: the document needs more pages than the limit of 1 (--max-pages)");
    o.limits.max_pages = 2;
    CHECK(Engine(o).render(sample("cong-van-1996.json"), "cv.json").layout.pages.size() == 2);
}

TEST_CASE("Limits: input size and nesting through the engine") {
    EngineOptions o{{}, {}, 2026};
    o.limits.max_input_bytes = 100;
    o.limits.max_json_depth = 1;
    const Engine engine(o);
    CHECK(error_of(engine, std::string(101, ' '), "a.json") == "a.json: file is larger than the limit of 100 bytes");
    CHECK(error_of(engine, R"({"data": {}})", "a.json") == "a.json:1:10: nesting is deeper than 1 levels");
}
