// Bad input through the real CLI: each class gets its exact message, a non-zero exit,
// and no output file (nothing half-written).
#include "support.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

using namespace e2e;

namespace {

const std::string kGood = R"({
  "template": "cong-van",
  "issuer": { "name": "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM" },
  "number": 12, "symbol": "TLĐ", "place": "Hà Nội", "date": "2026-03-02",
  "subject": "thử nghiệm",
  "body": ["Nội dung."],
  "signers": [{ "title": "CHỦ TỊCH", "name": "Nguyễn Văn A" }]
})";

struct Outcome {
    Run run;
    bool output_exists = false;
    fs::path dir;
};

// Writes `json` to DIR/in.json and renders it to DIR/out.pdf with extra CLI options.
Outcome render_text(const std::string& json, const std::string& extra = "") {
    Outcome o;
    o.dir = scratch("bad");
    std::ofstream(o.dir / "in.json", std::ios::binary) << json;
    o.run = run("cd " + quote(o.dir.string()) + " && " + quote(vanban().string()) + " render in.json -o out.pdf " + extra);
    o.output_exists = fs::exists(o.dir / "out.pdf");
    return o;
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

void expect_error(const Outcome& o, const std::string& message) {
    INFO(o.run.err);
    CHECK(o.run.exit_code == 1);
    CHECK(o.run.err == "error: " + message + "\n");
    CHECK_FALSE(o.output_exists);
    // No temporary file is left behind either.
    for (const auto& e : fs::directory_iterator(o.dir)) CHECK(e.path().filename() == "in.json");
}

}  // namespace

TEST_CASE("The good near-miss renders, so that each bad case below fails for its own reason") {
    const auto o = render_text(kGood);
    INFO(o.run.err);
    CHECK(o.run.exit_code == 0);
    CHECK(o.output_exists);
}

TEST_CASE("An unknown template is named with the directories searched") {
    const auto o = render_text(replace(kGood, "\"cong-van\"", "\"cong-vann\""));
    INFO(o.run.err);
    CHECK(o.run.exit_code == 1);
    CHECK(o.run.err.rfind("error: in.json: /template: no template named 'cong-vann' in ", 0) == 0);
    CHECK_FALSE(o.output_exists);
}

TEST_CASE("A template with a typo in a variable name points at the template line") {
    const auto dir = scratch("user-templates");
    std::ofstream(dir / "cong-van.mustache") << "<document>\n  <subject>{{subjct}}</subject>\n</document>\n";
    const auto o = render_text(kGood, "--templates " + quote(dir.string()));
    expect_error(o, (dir / "cong-van.mustache").string() + ":2:12: the data has no value named 'subjct' (strict mode)");
}

TEST_CASE("Bad markup from a user template points at the template line that wrote it") {
    const auto dir = scratch("user-templates");
    std::ofstream(dir / "cong-van.mustache")
        << "<document>\n  <issuer><name>{{issuer.name}}</name></issuer>\n  <sigenr/>\n</document>\n";
    const auto o = render_text(kGood, "--templates " + quote(dir.string()));
    expect_error(o, (dir / "cong-van.mustache").string() + ":3:3: unknown element <sigenr> in <document> (markup line 3:3)");
}

TEST_CASE("Several inputs: a failing one does not stop the others, and the summary lists it") {
    const auto dir = scratch("batch");
    std::ofstream(dir / "a.json") << kGood;
    std::ofstream(dir / "b.json") << "{ not json";
    std::ofstream(dir / "c.json") << kGood;
    const auto r = run("cd " + quote(dir.string()) + " && " + quote(vanban().string()) + " render a.json b.json c.json -o out");
    CHECK(r.exit_code == 1);
    CHECK(fs::exists(dir / "out/a.pdf"));
    CHECK_FALSE(fs::exists(dir / "out/b.pdf"));
    CHECK(fs::exists(dir / "out/c.pdf"));
    CHECK(r.err.find("2 rendered, 1 failed\n  failed: b.json\n") != std::string::npos);
}

TEST_CASE("Usage errors exit with 2") {
    CHECK(run(quote(vanban().string()) + " render").exit_code == 2);
    CHECK(run(quote(vanban().string()) + " frobnicate x.json").exit_code == 2);
    CHECK(run(quote(vanban().string()) + " render a.json b.json -o one.pdf").exit_code == 2);
    CHECK(run(quote(vanban().string()) + " --version").out == "vanban 0.1.0\n");
}

TEST_CASE("Every class of bad input gets its exact message, exit 1 and no output file") {
    SECTION("an unknown key, with a suggestion") {
        expect_error(render_text(replace(kGood, "\"subject\"", "\"subjet\"")),
                     "in.json: /subjet: unknown field 'subjet' (did you mean 'subject'?)");
    }
    SECTION("an impossible date") {
        expect_error(render_text(replace(kGood, "2026-03-02", "2026-02-30")), "in.json: /date: impossible date '2026-02-30'");
    }
    SECTION("a wrong type") {
        expect_error(render_text(replace(kGood, "\"number\": 12", "\"number\": \"abc\"")),
                     "in.json: /number: expected digits like \"1996\", or \"\" to leave a gap, got 'abc'");
    }
    SECTION("a missing required field") {
        expect_error(render_text(replace(kGood, ", \"name\": \"Nguyễn Văn A\"", "")),
                     "in.json: /signers/0/name: missing required field 'name'");
    }
    SECTION("a syntax error, by line and column") {
        expect_error(render_text(replace(kGood, "\"symbol\": \"TLĐ\",", "\"symbol\": \"TLĐ\",,")),
                     "in.json:4:33: syntax error: unexpected ','; expected a field name in double quotes");
    }
    SECTION("a control character") {
        expect_error(render_text(replace(kGood, "Nội dung.", "Nội\\u0007dung.")),
                     "in.json: /body/0: control character U+0007 is not allowed (at character 4)");
    }
    SECTION("a character the font lacks") {
        expect_error(render_text(replace(kGood, "Nội dung.", "Nội dung 中文.")),
                     "in.json: /body/0: the font has no glyph for U+4E2D '中' (at character 10)");
    }
    SECTION("invalid UTF-8") {
        expect_error(render_text(replace(kGood, "thử nghiệm", "th\xC3\x28")),
                     "in.json:5:17: invalid UTF-8 (byte 0xC3); save the file as UTF-8");
    }
    SECTION("a hostile template name") {
        expect_error(render_text(replace(kGood, "\"cong-van\"", "\"../../etc/passwd\"")),
                     "in.json: /template: template name must be lowercase letters, digits, '-' or '_' (like "
                     "'cong-van'), got '../../etc/passwd'");
    }
}

TEST_CASE("NFD input is normalised silently and prints exactly like NFC") {
    // "Việt" with the circumflex and the dot below as combining marks.
    const std::string nfd = "Vie\xCC\x82\xCC\xA3t";
    const auto o = render_text(replace(kGood, "thử nghiệm", "thử nghiệm " + nfd));
    INFO(o.run.err);
    REQUIRE(o.run.exit_code == 0);
    const auto text = run("pdftotext -raw " + quote((o.dir / "out.pdf").string()) + " -");
    CHECK(text.out.find("V/v thử nghiệm Việt") != std::string::npos);
}

TEST_CASE("A batch from a directory and a JSON Lines file renders on several threads with a report") {
    const auto dir = scratch("batch-jobs");
    fs::create_directories(dir / "in");
    std::ofstream(dir / "in/a.json") << kGood;
    std::ofstream(dir / "in/b.json") << replace(kGood, "2026-03-02", "2026-02-30");
    std::string one_line = kGood;
    for (auto& c : one_line) if (c == '\n') c = ' ';
    std::ofstream(dir / "more.jsonl") << one_line << "\n\n" << one_line << "\n";
    const auto r = run("cd " + quote(dir.string()) + " && " + quote(vanban().string()) +
                       " render in more.jsonl -o out --jobs 2 --report report.json");
    CHECK(r.exit_code == 1);
    CHECK(fs::exists(dir / "out/a.pdf"));
    CHECK_FALSE(fs::exists(dir / "out/b.pdf"));
    CHECK(fs::exists(dir / "out/more-1.pdf"));
    CHECK(fs::exists(dir / "out/more-3.pdf"));
    CHECK(r.err.find("3 rendered, 1 failed") != std::string::npos);
    const auto report = nlohmann::json::parse(slurp(dir / "report.json"));
    REQUIRE(report.size() == 4);
    CHECK(report[0]["input"] == "in/a.json");
    CHECK(report[0]["outputs"][0] == "out/a.pdf");
    CHECK(report[1]["error"] == "in/b.json: /date: impossible date '2026-02-30'");
    CHECK(report[3]["input"] == "more.jsonl:3");
    // Threads change nothing in the bytes.
    const auto single = run("cd " + quote(dir.string()) + " && " + quote(vanban().string()) +
                            " render in/a.json -o one.pdf --jobs 1");
    CHECK(slurp(dir / "one.pdf") == slurp(dir / "out/a.pdf"));
}

TEST_CASE("Shards split a batch without overlap") {
    const auto dir = scratch("shards");
    for (int i = 0; i < 5; ++i) std::ofstream(dir / ("d" + std::to_string(i) + ".json")) << kGood;
    std::set<std::string> seen;
    for (int s = 0; s < 2; ++s) {
        const auto out = dir / ("out" + std::to_string(s));
        const auto r = run(quote(vanban().string()) + " render " + quote(dir.string()) + " -o " + quote(out.string()) +
                           " --shard " + std::to_string(s) + "/2");
        CHECK(r.exit_code == 0);
        for (const auto& e : fs::directory_iterator(out)) CHECK(seen.insert(e.path().filename().string()).second);
    }
    CHECK(seen.size() == 5);
    CHECK(run(quote(vanban().string()) + " render x.json --shard 2/2").exit_code == 2);
}

TEST_CASE("The shard option auto takes its shard from a Kubernetes Indexed Job's environment") {
    const auto dir = scratch("shards-auto");
    for (int i = 0; i < 5; ++i) std::ofstream(dir / ("d" + std::to_string(i) + ".json")) << kGood;
    std::set<std::string> seen;
    for (int s = 0; s < 3; ++s) {
        const auto out = dir / ("out" + std::to_string(s));
        const auto r = run("JOB_COMPLETION_INDEX=" + std::to_string(s) + " JOB_COMPLETIONS=3 " +
                           quote(vanban().string()) + " render " + quote(dir.string()) + " -o " + quote(out.string()) +
                           " --shard auto");
        CHECK(r.exit_code == 0);
        for (const auto& e : fs::directory_iterator(out)) CHECK(seen.insert(e.path().filename().string()).second);
    }
    CHECK(seen.size() == 5);
    const auto none = run("env -u JOB_COMPLETION_INDEX " + quote(vanban().string()) + " render x.json --shard auto");
    CHECK(none.exit_code == 2);
    CHECK(none.err.find("JOB_COMPLETION_INDEX") != std::string::npos);
}
