// Signals and resuming: SIGTERM/SIGINT leave no temporaries and write the report of
// what finished; a closed pipe on stderr does not kill the batch; --skip-existing
// resumes a killed batch.
#include "cli_support.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

using namespace cli;
using e2e::quote;
using e2e::run;
using e2e::scratch;

namespace {

// Long enough that the batch is still running when the signal comes: since issue 18 a
// warm letter takes about a millisecond, and 40 of them finished within one poll.
constexpr int kBatch = 2000;

fs::path long_batch(const fs::path& dir, int n) {
    std::string all;
    for (int i = 0; i < n; ++i) all += sample_line() + "\n";
    write(dir / "batch.jsonl", all);
    return dir / "batch.jsonl";
}

// Starts a batch, waits (bounded) for its second output, sends `signals`, returns
// "rc=N".
std::string interrupt(const fs::path& dir, const std::string& signals) {
    // "cd DIR; vanban … &": $! is then vanban itself, not a subshell.
    const std::string script = "cd " + quote(dir.string()) + "; " + vanban() +
                               " render batch.jsonl -j 1 -o out --report report.json 2>err.txt & pid=$!; "
                               "for i in $(seq 1 12000); do [ -e out/batch-2.pdf ] && break; sleep 0.01; done; " +
                               signals + " wait $pid; echo rc=$?";
    return run("bash -c " + quote(script)).out;
}

}  // namespace

TEST_CASE("SIGTERM stops a batch after the documents in hand, writes the report and leaves no temporaries") {
    const auto dir = scratch("sigterm");
    long_batch(dir, kBatch);
    const std::string out = interrupt(dir, "kill -TERM $pid;");
    INFO(out << e2e::slurp(dir / "err.txt"));
    CHECK(out.find("rc=143") != std::string::npos);
    CHECK(temporaries(dir).empty());
    REQUIRE(fs::exists(dir / "report.json"));
    const auto report = nlohmann::json::parse(e2e::slurp(dir / "report.json"));
    REQUIRE(report.size() == kBatch);
    int rendered = 0, interrupted = 0;
    for (const auto& e : report) {
        if (e.contains("outputs")) {
            ++rendered;
            CHECK(fs::is_regular_file(dir / e["outputs"][0].get<std::string>()));
        }
        if (e.value("error", "").find("interrupted") != std::string::npos) ++interrupted;
    }
    CHECK(rendered >= 2);
    CHECK(interrupted > 0);
    CHECK(rendered + interrupted == kBatch);
}

TEST_CASE("A second SIGINT stops at once and still removes the temporaries") {
    const auto dir = scratch("sigint2");
    long_batch(dir, kBatch);
    const std::string out = interrupt(dir, "kill -INT $pid; sleep 0.05; kill -INT $pid;");
    INFO(out);
    CHECK(out.find("rc=130") != std::string::npos);
    CHECK(temporaries(dir).empty());
}

TEST_CASE("A closed pipe on stderr does not kill the batch before --report is written") {
    const auto dir = scratch("sigpipe");
    std::string all;
    for (int i = 0; i < 3000; ++i) all += "{}\n";  // 3000 errors: far more than a pipe holds
    write(dir / "bad.jsonl", all);
    const auto r = run("cd " + quote(dir.string()) + " && " + vanban() +
                       " render bad.jsonl -o out --report report.json 2>&1 | head -1");
    REQUIRE(fs::exists(dir / "report.json"));
    CHECK(nlohmann::json::parse(e2e::slurp(dir / "report.json")).size() == 3000);
}

TEST_CASE("Resuming with --skip-existing does not redo finished documents") {
    const auto dir = scratch("resume");
    long_batch(dir, 3);
    const std::string cmd = "cd " + quote(dir.string()) + " && " + vanban() + " render batch.jsonl -o out";
    REQUIRE(run(cmd).exit_code == 0);
    fs::remove(dir / "out" / "batch-2.pdf");
    const auto before = fs::last_write_time(dir / "out" / "batch-1.pdf");
    const auto r = run(cmd + " --skip-existing --report report.json");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("1 rendered, 2 skipped") != std::string::npos);
    CHECK(fs::is_regular_file(dir / "out" / "batch-2.pdf"));
    CHECK(fs::last_write_time(dir / "out" / "batch-1.pdf") == before);
    const auto report = nlohmann::json::parse(e2e::slurp(dir / "report.json"));
    CHECK(report[0].value("skipped", false));
    CHECK_FALSE(report[1].value("skipped", false));
    CHECK(report[2].value("skipped", false));
}
