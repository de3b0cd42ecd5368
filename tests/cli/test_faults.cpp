// I/O faults injected with the LD_PRELOAD shim (faults.c): every one is an error that
// names the file, exits 1 and leaves no output — never a short batch that "succeeded".
#include "cli_support.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <random>
#include <sys/stat.h>

using namespace cli;
using e2e::quote;
using e2e::run;
using e2e::scratch;

TEST_CASE("A read error in a JSON Lines batch fails the batch naming the file instead of dropping the rest") {
    const auto dir = scratch("jsonl-eio");
    std::string all;
    for (int i = 0; i < 5; ++i) all += sample_line() + "\n";
    write(dir / "batch.jsonl", all);
    // EIO exactly at the end of line 2: a read treated as the end of the file would
    // render two documents and report success.
    const std::size_t boundary = 2 * (sample_line().size() + 1);
    const auto r = run(faults((dir / "batch.jsonl").string(), "VANBAN_FAULT_READ_EIO_AFTER=" + std::to_string(boundary)) +
                       vanban() + " render " + quote((dir / "batch.jsonl").string()) + " -o " + quote((dir / "out").string()));
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("batch.jsonl") != std::string::npos);
    CHECK(r.err.find("Input/output error") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out" / "batch-1.pdf"));
}

TEST_CASE("A read error in one input file fails that input naming it") {
    const auto dir = scratch("json-eio");
    fs::copy_file(sample(), dir / "a.json");
    const auto r = run(faults((dir / "a.json").string(), "VANBAN_FAULT_READ_EIO_AFTER=100") + vanban() + " render " +
                       quote((dir / "a.json").string()));
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("a.json: read error: Input/output error") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "a.pdf"));
}

TEST_CASE("An I/O error while listing an input directory is an error, not std::terminate") {
    const auto dir = scratch("readdir");
    fs::create_directories(dir / "in");
    fs::copy_file(sample(), dir / "in" / "a.json");
    const auto r = run(faults((dir / "in").string(), "VANBAN_FAULT_READDIR_EIO=1") + vanban() + " render " +
                       quote((dir / "in").string()) + " -o " + quote((dir / "out").string()));
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("cannot list directory") != std::string::npos);
    CHECK(r.err.find((dir / "in").string()) != std::string::npos);
}

TEST_CASE("Missing font and template directories, an empty input directory and a FIFO input each get a clear error") {
    const auto dir = scratch("missing");
    fs::create_directories(dir / "empty");
    fs::create_directories(dir / "fifo-only");
    REQUIRE(::mkfifo((dir / "fifo-only" / "x.json").c_str(), 0600) == 0);
    REQUIRE(::mkfifo((dir / "pipe.json").c_str(), 0600) == 0);
    const std::string s = quote(sample().string());
    const std::string out = " -o " + quote((dir / "out").string());

    auto r = run(vanban() + " render " + s + " --fonts " + quote((dir / "nofonts").string()) + out);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("--fonts names no such directory") != std::string::npos);
    r = run(vanban() + " render " + s + " --templates " + quote((dir / "notemplates").string()) + out);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("--templates names no such directory") != std::string::npos);
    r = run(vanban() + " lint " + s + " --fonts " + quote((dir / "nofonts").string()));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("--fonts names no such directory") != std::string::npos);
    r = run(vanban() + " render " + quote((dir / "empty").string()) + out);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("no .json files") != std::string::npos);
    r = run(vanban() + " render " + quote((dir / "fifo-only").string()) + out);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("no .json files") != std::string::npos);
    // Reading a FIFO would block for ever: refused at once.
    r = run("timeout 60 " + vanban() + " render " + quote((dir / "pipe.json").string()) + out);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("pipe.json: is not a regular file") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out" / "pipe.pdf"));
}

TEST_CASE("A failed fsync fails the render: no file, and the report does not call it rendered") {
    const auto dir = scratch("fsync");
    fs::create_directories(dir / "out");
    fs::copy_file(sample(), dir / "a.json");
    const auto r = run(faults((dir / "out").string(), "VANBAN_FAULT_FSYNC_EIO=1") + vanban() + " render " +
                       quote((dir / "a.json").string()) + " -o " + quote((dir / "out").string()) + " --report " +
                       quote((dir / "report.json").string()));
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("sync") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out" / "a.pdf"));
    CHECK(temporaries(dir).empty());
    const auto report = nlohmann::json::parse(e2e::slurp(dir / "report.json"));
    CHECK(report[0].contains("error"));
    CHECK_FALSE(report[0].contains("outputs"));
}

TEST_CASE("A full temporary directory under libxlsxwriter fails summarize and keeps the earlier workbook") {
    const auto dir = scratch("xlsx");
    fs::create_directories(dir / "tmp");
    const auto form = e2e::repo() / "templates" / "so-ket-nq20" / "form.json";
    const std::string reports = quote((e2e::repo() / "samples" / "so-ket-nq20").string());
    const std::string cmd = vanban() + " summarize --form " + quote(form.string()) + " " + reports + " -o " +
                            quote((dir / "out.pdf").string()) + " --data " + quote((dir / "x.xlsx").string()) +
                            " --data " + quote((dir / "x.json").string());
    auto r = run(cmd);
    REQUIRE(r.exit_code == 0);
    const std::string good = e2e::slurp(dir / "x.xlsx"), good_json = e2e::slurp(dir / "x.json");
    const std::string good_pdf = e2e::slurp(dir / "out.pdf");
    // The scratch streams hold 3000 bytes, then writes fail as on a full disk.
    r = run("TMPDIR=" + quote((dir / "tmp").string()) + " " +
            faults((dir / "tmp").string(), "VANBAN_FAULT_FDOPEN_LIMIT=3000") + cmd);
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("x.xlsx: the workbook written is damaged") != std::string::npos);
    CHECK(e2e::slurp(dir / "x.xlsx") == good);
    // The set is all or nothing: the PDF and JSON of this run are not committed either.
    CHECK(e2e::slurp(dir / "x.json") == good_json);
    CHECK(e2e::slurp(dir / "out.pdf") == good_pdf);
    CHECK(temporaries(dir).empty());
}

namespace {

// The offset and length of a table in a TrueType file.
std::pair<std::size_t, std::size_t> table(const std::string& ttf, const char* tag) {
    auto u16 = [&](std::size_t o) { return (static_cast<unsigned char>(ttf[o]) << 8) | static_cast<unsigned char>(ttf[o + 1]); };
    auto u32 = [&](std::size_t o) { return (static_cast<std::size_t>(u16(o)) << 16) | static_cast<std::size_t>(u16(o + 2)); };
    if (ttf.size() < 12) return {0, 0};
    const int n = u16(4);
    for (int i = 0; i < n && 12 + 16 * static_cast<std::size_t>(i + 1) <= ttf.size(); ++i) {
        const std::size_t rec = 12 + 16 * static_cast<std::size_t>(i);
        if (ttf.compare(rec, 4, tag) == 0) return {u32(rec + 8), u32(rec + 12)};
    }
    return {0, 0};
}

}  // namespace

TEST_CASE("A times.ttf with random bytes in glyf or cut short is refused when loaded, naming the file") {
    for (const std::string damage : {"random glyf", "truncated"}) {
        SECTION(damage) {
            const auto fonts = font_copy("damaged-font");
            if (fonts.empty()) {
                WARN("skipped: Liberation Serif is not installed");
                return;
            }
            std::string ttf = e2e::slurp(fonts / "times.ttf");
            if (damage == "truncated") {
                ttf.resize(ttf.size() / 2);
            } else {
                const auto [off, len] = table(ttf, "glyf");
                REQUIRE(len > 0);
                std::mt19937 rng(20260101);
                for (std::size_t i = off; i < off + len; ++i) ttf[i] = static_cast<char>(rng());
            }
            write(fonts / "times.ttf", ttf);
            const auto dir = scratch("damaged-out");
            const auto r = run(vanban() + " render " + quote(sample().string()) + " --fonts " + quote(fonts.string()) +
                               " -o " + quote((dir / "a.pdf").string()) + " --check");
            INFO(r.err);
            CHECK(r.exit_code == 1);
            CHECK(r.err.find("times.ttf: damaged font") != std::string::npos);
            CHECK_FALSE(fs::exists(dir / "a.pdf"));
        }
    }
}

TEST_CASE("A --fonts directory with part of a family is an error, not a silent fall-back") {
    const auto fonts = font_copy("incomplete-font");
    if (fonts.empty()) {
        WARN("skipped: Liberation Serif is not installed");
        return;
    }
    fs::remove(fonts / "timesbd.ttf");
    const auto dir = scratch("incomplete-out");
    const auto r = run(vanban() + " render " + quote(sample().string()) + " --fonts " + quote(fonts.string()) + " -o " +
                       quote((dir / "a.pdf").string()));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("incomplete Times New Roman family") != std::string::npos);
    CHECK(r.err.find("lacks timesbd.ttf") != std::string::npos);
}

TEST_CASE("vanban check fails a page whose text draws nothing because its embedded font has no outlines") {
    if (run("command -v qpdf").exit_code != 0) {
        WARN("skipped: qpdf is not installed");
        return;
    }
    const auto dir = scratch("blank-text");
    REQUIRE(run(vanban() + " render " + quote(sample().string()) + " -o " + quote((dir / "a.pdf").string())).exit_code == 0);
    auto ok = run(vanban() + " check " + quote((dir / "a.pdf").string()));
    CHECK(ok.out.find("PASS TEXT-INK") != std::string::npos);
    // Uncompressed (QDF), every embedded font program gets a glyf table of zeros: same
    // lengths, same widths and ToUnicode, so pdftotext still "reads" the words.
    REQUIRE(run("qpdf --qdf --object-streams=disable " + quote((dir / "a.pdf").string()) + " " +
                quote((dir / "q.pdf").string())).exit_code == 0);
    std::string pdf = e2e::slurp(dir / "q.pdf");
    int fonts = 0;
    for (std::size_t at = pdf.find(std::string("\0\1\0\0", 4)); at != std::string::npos;
         at = pdf.find(std::string("\0\1\0\0", 4), at + 4)) {
        const std::string ttf = pdf.substr(at, 4096);
        if (ttf.size() < 12) break;
        const auto [off, len] = table(ttf, "glyf");
        if (len == 0 || off == 0 || at + off + len > pdf.size()) continue;
        std::fill(pdf.begin() + static_cast<long>(at + off), pdf.begin() + static_cast<long>(at + off + len), '\0');
        ++fonts;
    }
    REQUIRE(fonts > 0);
    write(dir / "blank.pdf", pdf);
    REQUIRE(run("pdftotext " + quote((dir / "blank.pdf").string()) + " -").out.find("Hà Nội") != std::string::npos);
    const auto r = run(vanban() + " check " + quote((dir / "blank.pdf").string()));
    INFO(r.out);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("FAIL TEXT-INK page 1") != std::string::npos);
    CHECK(r.out.find("the page's text is blank") != std::string::npos);
}

TEST_CASE("Commands that print fail with exit 1 when standard output cannot be written") {
    const auto dir = scratch("devfull");
    write(dir / "vni.txt", "Vie\xE4t Nam\n");
    REQUIRE(run(vanban() + " render " + quote(sample().string()) + " -o " + quote((dir / "a.pdf").string())).exit_code == 0);
    for (const std::string& cmd : {"convert --from vni " + quote((dir / "vni.txt").string()),
                                  "lint --json " + quote(sample().string()), "check --json " + quote((dir / "a.pdf").string()),
                                  "check " + quote((dir / "a.pdf").string()), std::string("templates")}) {
        INFO(cmd);
        const auto r = run(vanban() + " " + cmd + " > /dev/full");
        CHECK(r.exit_code == 1);
        CHECK(r.err.find("standard output: cannot write: No space left on device") != std::string::npos);
    }
}
