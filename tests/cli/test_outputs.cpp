// Output safety: collisions, outputs that are inputs, the umask, sets committed
// together, read-only targets and symlinks, long names, exit codes, limits.
#include "cli_support.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sys/stat.h>

using namespace cli;
using e2e::quote;
using e2e::run;
using e2e::scratch;

TEST_CASE("Two inputs with the same stem stop the batch before anything is rendered") {
    const auto dir = scratch("collide");
    fs::create_directories(dir / "a");
    fs::create_directories(dir / "b");
    fs::copy_file(sample(), dir / "a" / "cv.json");
    fs::copy_file(sample(), dir / "b" / "cv.json");
    auto r = run(vanban() + " render " + quote((dir / "a" / "cv.json").string()) + " " +
                 quote((dir / "b" / "cv.json").string()) + " -o " + quote((dir / "out").string()));
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("cv.pdf: would be written by both " + (dir / "a" / "cv.json").string() + " and " +
                     (dir / "b" / "cv.json").string()) != std::string::npos);
    CHECK(fs::is_empty(dir / "out"));
    // x-1.json and line 1 of x.jsonl both make x-1.pdf.
    fs::copy_file(sample(), dir / "x-1.json");
    write(dir / "x.jsonl", sample_line() + "\n");
    r = run(vanban() + " render " + quote((dir / "x-1.json").string()) + " " + quote((dir / "x.jsonl").string()) +
            " -o " + quote((dir / "out").string()));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("x-1.pdf: would be written by both") != std::string::npos);
    CHECK(r.err.find("x.jsonl:1") != std::string::npos);
    CHECK(fs::is_empty(dir / "out"));
}

TEST_CASE("An output that is also an input is refused and the input is left as it was") {
    const auto dir = scratch("self");
    fs::copy_file(sample(), dir / "a.json");
    const std::string before = e2e::slurp(dir / "a.json");
    auto r = run(vanban() + " render " + quote((dir / "a.json").string()) + " --report " + quote((dir / "./a.json").string()));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("is also an input") != std::string::npos);
    CHECK(e2e::slurp(dir / "a.json") == before);

    const auto reports = e2e::repo() / "samples" / "so-ket-nq20";
    fs::create_directories(dir / "reports");
    fs::copy_file(reports / "bc-01.json", dir / "reports" / "bc-01.json");
    const std::string unit_report = e2e::slurp(dir / "reports" / "bc-01.json");
    r = run(vanban() + " summarize --form " + quote((e2e::repo() / "templates" / "so-ket-nq20" / "form.json").string()) +
            " " + quote((dir / "reports").string()) + " -o " + quote((dir / "s.pdf").string()) + " --data " +
            quote((dir / "reports" / "bc-01.json").string()));
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("bc-01.json: is also an input") != std::string::npos);
    CHECK(e2e::slurp(dir / "reports" / "bc-01.json") == unit_report);
    CHECK_FALSE(fs::exists(dir / "s.pdf"));
}

TEST_CASE("New outputs honour the umask and replaced ones keep their mode") {
    const auto dir = scratch("umask");
    fs::copy_file(sample(), dir / "a.json");
    const std::string render = vanban() + " render " + quote((dir / "a.json").string()) + " --format pdf,docx";
    REQUIRE(run("umask 077; " + render).exit_code == 0);
    CHECK(mode_of(dir / "a.pdf") == 0600);
    CHECK(mode_of(dir / "a.docx") == 0600);
    fs::remove(dir / "a.pdf");
    REQUIRE(run("umask 022; " + render).exit_code == 0);
    CHECK(mode_of(dir / "a.pdf") == 0644);
    CHECK(mode_of(dir / "a.docx") == 0600);  // existing: its mode stays, as cp keeps it
}

TEST_CASE("A document's PDF and DOCX are committed together: a failed DOCX leaves no PDF") {
    const auto dir = scratch("set");
    fs::copy_file(sample(), dir / "a.json");
    fs::create_directories(dir / "out" / "a.docx");  // the DOCX cannot be written
    auto r = run(vanban() + " render " + quote((dir / "a.json").string()) + " --format pdf,docx -o " +
                 quote((dir / "out").string()));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("a.docx: is a directory") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out" / "a.pdf"));
    // A full disk while writing the DOCX (ENOSPC from the shim).
    fs::remove(dir / "out" / "a.docx");
    r = run(faults(".docx.", "VANBAN_FAULT_WRITE_ENOSPC=1") + vanban() + " render " + quote((dir / "a.json").string()) +
            " --format pdf,docx -o " + quote((dir / "out").string()));
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("No space left on device") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out" / "a.pdf"));
    CHECK_FALSE(fs::exists(dir / "out" / "a.docx"));
    CHECK(temporaries(dir).empty());
}

TEST_CASE("A read-only output is refused, a symlink is written through, a dangling one is refused") {
    const auto dir = scratch("readonly");
    fs::copy_file(sample(), dir / "a.json");
    write(dir / "a.pdf", "signed copy");
    fs::permissions(dir / "a.pdf", fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    auto r = run(vanban() + " render " + quote((dir / "a.json").string()));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("a.pdf: is read-only") != std::string::npos);
    CHECK(e2e::slurp(dir / "a.pdf") == "signed copy");

    fs::create_directories(dir / "real");
    fs::create_directories(dir / "out");
    write(dir / "real" / "b.pdf", "old");
    fs::create_symlink(dir / "real" / "b.pdf", dir / "out" / "a.pdf");
    r = run(vanban() + " render " + quote((dir / "a.json").string()) + " -o " + quote((dir / "out").string()));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(fs::is_symlink(dir / "out" / "a.pdf"));
    CHECK(e2e::slurp(dir / "real" / "b.pdf").rfind("%PDF-", 0) == 0);

    fs::remove(dir / "out" / "a.pdf");
    fs::create_symlink(dir / "nowhere" / "x.pdf", dir / "out" / "a.pdf");
    r = run(vanban() + " render " + quote((dir / "a.json").string()) + " -o " + quote((dir / "out").string()));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("symbolic link to a missing file") != std::string::npos);
    CHECK(temporaries(dir).empty());
}

TEST_CASE("A 250-byte output name works, OUT.PDF is a file, and I/O failures exit 1 not 2") {
    const auto dir = scratch("names");
    const std::string stem(246, 'x');  // + ".json" = 251 bytes, + ".pdf" = 250
    fs::copy_file(sample(), dir / (stem + ".json"));
    auto r = run(vanban() + " render " + quote((dir / (stem + ".json")).string()));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(fs::is_regular_file(dir / (stem + ".pdf")));

    r = run(vanban() + " render " + quote(sample().string()) + " -o " + quote((dir / "OUT.PDF").string()));
    CHECK(r.exit_code == 0);
    CHECK(fs::is_regular_file(dir / "OUT.PDF"));

    write(dir / "file", "x");
    r = run(vanban() + " render " + quote(sample().string()) + " -o " + quote((dir / "file" / "sub").string()));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("cannot create directory") != std::string::npos);
}

TEST_CASE("lint and render share one input size limit") {
    const auto dir = scratch("limit");
    // 9 MiB: under render's 16 MiB, over lint's former 8 MiB.
    write(dir / "big.json", "{\"template\": \"cong-van\", \"pad\": \"" + std::string(9 << 20, 'a') + "\"}");
    const auto lint = run(vanban() + " lint " + quote((dir / "big.json").string()));
    CHECK(lint.out.find("larger than the limit") == std::string::npos);
    write(dir / "huge.json", "{\"pad\": \"" + std::string(17 << 20, 'a') + "\"}");
    const auto l2 = run(vanban() + " lint " + quote((dir / "huge.json").string()));
    const auto r2 = run(vanban() + " render " + quote((dir / "huge.json").string()));
    CHECK(l2.out.find("limit of 16777216 bytes") != std::string::npos);
    CHECK(r2.err.find("limit of 16777216 bytes") != std::string::npos);
}

TEST_CASE("A JSON Lines file is read line by line: a huge line fails alone, without holding the file in memory") {
    if (run("command -v /usr/bin/time").exit_code != 0) {
        WARN("skipped: /usr/bin/time is not installed");
        return;
    }
    const auto dir = scratch("stream");
    {
        std::ofstream out(dir / "big.jsonl", std::ios::binary);
        out << sample_line() << "\n";
        const std::string chunk(1 << 20, 'a');
        out << "{\"pad\": \"";
        for (int i = 0; i < 300; ++i) out << chunk;  // a 300 MiB line
        out << "\"}\n" << sample_line() << "\n";
    }
    const auto r = run("/usr/bin/time -f 'maxrss=%M' " + vanban() + " render -j 1 " + quote((dir / "big.jsonl").string()) +
                       " -o " + quote((dir / "out").string()));
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("big.jsonl:2: line is larger than the limit") != std::string::npos);
    CHECK(fs::is_regular_file(dir / "out" / "big-1.pdf"));
    CHECK(fs::is_regular_file(dir / "out" / "big-3.pdf"));
    const auto at = r.err.find("maxrss=");
    REQUIRE(at != std::string::npos);
    const long kib = std::stol(r.err.substr(at + 7));
#if defined(__SANITIZE_ADDRESS__)
    const long limit = 450 * 1024;  // ASan's shadow memory and quarantine
#else
    const long limit = 200 * 1024;
#endif
    CHECK(kib < limit);  // below the 300 MiB line (the whole-file read held 600+ MiB)
}
