// Limits through the real CLI (`vanban render --max-…`): a document over a limit fails
// with a message naming its file and the limit, exit code 1, and no output file.
#include "support.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>

using namespace e2e;

namespace {

nlohmann::json good() {
    return nlohmann::json::parse(R"({
      "template": "cong-van",
      "issuer": { "name": "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM" },
      "number": 12, "symbol": "TLĐ", "place": "Hà Nội", "date": "2026-03-02",
      "subject": "thử nghiệm",
      "body": ["Nội dung."],
      "signers": [{ "title": "CHỦ TỊCH", "name": "Nguyễn Văn A" }]
    })");
}

// A table of `n` one-cell rows, as a body block.
nlohmann::json table(std::size_t n) {
    nlohmann::json t = nlohmann::json::parse(R"({"table": {"columns": [{"title": "STT"}], "rows": []}})");
    for (std::size_t i = 0; i < n; ++i) t["table"]["rows"].push_back(nlohmann::json::array({i + 1}));
    return t;
}

struct Outcome {
    Run run;
    fs::path dir;
};

// Writes `json` to DIR/in.json and renders it to DIR/out.pdf with extra CLI options.
Outcome render_text(const std::string& json, const std::string& extra = "") {
    Outcome o;
    o.dir = scratch("limits");
    std::ofstream(o.dir / "in.json", std::ios::binary) << json;
    o.run = run("cd " + quote(o.dir.string()) + " && " + quote(vanban().string()) + " render in.json -o out.pdf " + extra);
    return o;
}

void expect_ok(const Outcome& o) {
    INFO(o.run.err);
    CHECK(o.run.exit_code == 0);
    CHECK(fs::exists(o.dir / "out.pdf"));
}

void expect_error(const Outcome& o, const std::string& message) {
    INFO(o.run.err);
    CHECK(o.run.exit_code == 1);
    CHECK(o.run.err == "error: " + message + "\n");
    // No output, and no temporary file left behind either.
    for (const auto& e : fs::directory_iterator(o.dir)) CHECK(e.path().filename() == "in.json");
}

}  // namespace

TEST_CASE("Limits: input size") {
    const std::string doc = good().dump();
    REQUIRE(doc.size() > 100);
    expect_ok(render_text(doc, "--max-input-size " + std::to_string(doc.size())));
    expect_error(render_text(doc, "--max-input-size " + std::to_string(doc.size() - 1)),
                 "in.json: file is larger than the limit of " + std::to_string(doc.size() - 1) + " bytes");
    // K means 1024; the legacy-encoding path (--from) has the limit too.
    const std::string padded = doc + std::string(1025 - doc.size(), ' ');
    expect_ok(render_text(padded, "--max-input-size 2K"));
    expect_error(render_text(padded, "--max-input-size 1K"), "in.json: file is larger than the limit of 1024 bytes");
    expect_error(render_text(padded, "--max-input-size 1K --from auto"),
                 "in.json: file is larger than the limit of 1024 bytes");
    // The default is 16 MiB: trailing spaces make a valid document just over it.
    expect_error(render_text(doc + std::string(16 * 1024 * 1024 + 1 - doc.size(), ' ')),
                 "in.json: file is larger than the limit of 16777216 bytes");
}

TEST_CASE("Limits: JSON nesting depth") {
    // The document is level 1, "data" 2, "a" 3, and the object holding "c" 4.
    const std::string text = R"({"data":{"a":{"b":{"c":1}}},)" + good().dump().substr(1);
    const std::string column = std::to_string(text.find(R"({"c")") + 1);
    expect_ok(render_text(text, "--max-depth 4"));
    expect_error(render_text(text, "--max-depth 3"), "in.json:1:" + column + ": nesting is deeper than 3 levels");
    // The default is 64 levels.
    const std::string deep = "{\"data\":{\"x\":" + std::string(62, '[') + std::string(62, ']') + "}," + good().dump().substr(1);
    expect_ok(render_text(deep));
    const std::string deeper = "{\"data\":{\"x\":" + std::string(63, '[') + std::string(63, ']') + "}," + good().dump().substr(1);
    expect_error(render_text(deeper), "in.json:1:76: nesting is deeper than 64 levels");
}

TEST_CASE("Limits: template partials nested in each other") {
    // cong-van → _p1 → _p2 → … → _p17: the template and 17 partials are 18 levels.
    const fs::path templates = scratch("limits-templates");
    std::ofstream(templates / "cong-van.mustache") << "{{> _p1}}";
    for (int i = 1; i <= 17; ++i) {
        std::ofstream(templates / ("_p" + std::to_string(i) + ".mustache"))
            << (i < 17 ? "{{> _p" + std::to_string(i + 1) + "}}" : "{{> _body}}");
    }
    // _p17's partial is a shipped one; the chain only has to be deep, not useful markup.
    const std::string opt = "--templates " + quote(templates.string());
    expect_error(render_text(good().dump(), opt),
                 (templates / "_p15.mustache").string() + ":1:1: partials nested more than 16 deep");
    expect_error(render_text(good().dump(), opt + " --max-partial-depth 3"),
                 (templates / "_p2.mustache").string() + ":1:1: partials nested more than 3 deep");
}

TEST_CASE("Limits: table rows") {
    nlohmann::json doc = good();
    doc["body"].push_back(table(5));
    expect_ok(render_text(doc.dump(), "--max-rows 5"));
    expect_error(render_text(doc.dump(), "--max-rows 4"),
                 "in.json: /body/1/table/rows: the table has 5 rows, more than the limit of 4");
    // The default is 100,000 rows (refused before any layout).
    doc["body"][1] = table(100001);
    expect_error(render_text(doc.dump()),
                 "in.json: /body/1/table/rows: the table has 100001 rows, more than the limit of 100000");
}

TEST_CASE("Limits: pages") {
    nlohmann::json doc = good();
    for (int i = 0; i < 3; ++i) {
        doc["body"].push_back({{"page_break", true}});
        doc["body"].push_back("Trang tiếp.");
    }
    expect_ok(render_text(doc.dump(), "--max-pages 4"));
    expect_error(render_text(doc.dump(), "--max-pages 3"), "in.json: the document needs more pages than the limit of 3 (--max-pages)");
    // The default is 5,000 pages.
    nlohmann::json big = good();
    for (int i = 0; i < 5000; ++i) {
        big["body"].push_back({{"page_break", true}});
        big["body"].push_back("Trang tiếp.");
    }
    expect_error(render_text(big.dump()), "in.json: the document needs more pages than the limit of 5000 (--max-pages)");
}

TEST_CASE("Limits: bad values are usage errors") {
    for (const std::string bad : {"--max-pages 0", "--max-pages x", "--max-rows -1", "--max-input-size 5T",
                                  "--max-depth 1001", "--max-pages"}) {
        const auto o = render_text(good().dump(), bad);
        INFO(bad << ": " << o.run.err);
        CHECK(o.run.exit_code == 2);
        CHECK_FALSE(fs::exists(o.dir / "out.pdf"));
    }
    const auto help = run(quote(vanban().string()) + " render --help");
    for (const char* flag : {"--max-input-size", "--max-depth", "--max-partial-depth", "--max-rows", "--max-pages"}) {
        CHECK(help.out.find(flag) != std::string::npos);
    }
}
