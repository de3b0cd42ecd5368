// The three programs behind `vanban` (cli/hand_off.h): the front links only the C
// library and execs vanban-render (the render path) or vanban-full (every other
// command), which must not show.
#include "cli_support.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace cli;
using e2e::quote;
using e2e::run;
using e2e::scratch;

namespace {

fs::path full_program() { return e2e::vanban().parent_path() / "vanban-full"; }
fs::path render_program() { return e2e::vanban().parent_path() / "vanban-render"; }

// The DT_NEEDED entries of an ELF file, one per line ("" when readelf is missing).
std::string needed(const fs::path& exe) {
    return run("readelf -d " + quote(exe.string()) + " | grep NEEDED").out;
}

}  // namespace

TEST_CASE("The vanban front loads only the C library; vanban-render no QPDF, SQLite, cpp-httplib, OpenSSL, "
          "libxlsxwriter or libzip; vanban-full does") {
    if (run("command -v readelf").exit_code != 0) {
        WARN("skipped: readelf (binutils) is not installed");
        return;
    }
    const std::string front = needed(e2e::vanban());
    INFO(front);
    // Nothing but the C library, if anything (it is static-pie by default: VANBAN_STATIC_LIBS).
    std::istringstream lines(front);
    for (std::string line; std::getline(lines, line);) CHECK(line.find("[libc.so.6]") != std::string::npos);
    const std::string render = needed(render_program());
    INFO(render);
    REQUIRE(render.find("libharfbuzz") != std::string::npos);  // the render path is there
    // libzip (and libcrypto, libbz2 under it) is loaded when a DOCX is written (cli/lazy_zip.cpp).
    for (const char* heavy : {"libqpdf", "libsqlite3", "libcpp-httplib", "libssl", "libxlsxwriter", "libzip", "libcrypto"}) {
        CHECK(render.find(heavy) == std::string::npos);
    }
    const std::string full = needed(full_program());
    CHECK(full.find("libqpdf") != std::string::npos);
    CHECK(full.find("libsqlite3") != std::string::npos);
}

TEST_CASE("Commands the front hands over keep their messages and exit codes") {
    auto r = run(vanban() + " check");
    CHECK(r.exit_code == 2);
    CHECK(r.err == "vanban: check needs at least one PDF\n(see vanban --help)\n");
    r = run(vanban() + " no-such-command");
    CHECK(r.exit_code == 2);
    CHECK(r.err == "vanban: unknown command 'no-such-command'\n(see vanban --help)\n");
    r = run(vanban() + " --help");
    CHECK(r.exit_code == 0);
    for (const char* command : {"vanban render", "vanban lint", "vanban check", "vanban serve", "vanban sign",
                                "vanban register", "vanban summarize"}) {
        CHECK(r.out.find(command) != std::string::npos);
    }
    r = run(vanban() + " --version");
    CHECK(r.exit_code == 0);
    CHECK(r.out == "vanban 0.1.0\n");
    r = run(vanban());
    CHECK(r.exit_code == 2);
    CHECK(r.err == "vanban: no command given\n(see vanban --help)\n");
    // The commands vanban-render runs (the front knows them by name, cli/CMakeLists.txt).
    r = run(vanban() + " templates");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("cong-van") != std::string::npos);
    r = run(vanban() + " lint --help");
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("Usage: vanban lint", 0) == 0);
    r = run(vanban() + " convert");
    CHECK(r.exit_code == 2);
    CHECK(r.err.rfind("vanban: ", 0) == 0);
    // render --check runs in vanban-full (QPDF), on the same command line.
    if (run("command -v qpdf").exit_code == 0) {
        const auto dir = scratch("front-check");
        r = run(vanban() + " render " + quote(sample().string()) + " --check -o " + quote((dir / "a.pdf").string()));
        INFO(r.err);
        CHECK(r.exit_code == 0);
        CHECK(fs::file_size(dir / "a.pdf") > 1000);
    }
}

TEST_CASE("vanban-render loads libzip when it writes a DOCX, and the DOCX is the same as vanban-full's") {
    const auto dir = scratch("front-docx");
    auto r = run(vanban() + " render " + quote(sample().string()) + " -o " + quote((dir / "a.docx").string()));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    // vanban-full links libzip as any program does; same input, same bytes.
    r = run(quote(full_program().string()) + " render " + quote(sample().string()) + " -o " +
            quote((dir / "b.docx").string()));
    REQUIRE(r.exit_code == 0);
    CHECK(run("cmp " + quote((dir / "a.docx").string()) + " " + quote((dir / "b.docx").string())).exit_code == 0);
}

TEST_CASE("A front alone answers --version and names the missing program for every command") {
    const auto dir = scratch("front-alone");
    fs::copy_file(e2e::vanban(), dir / "vanban");
    const std::string alone = quote((dir / "vanban").string());
    auto r = run(alone + " --version");
    CHECK(r.exit_code == 0);
    CHECK(r.out == "vanban 0.1.0\n");
    r = run(alone);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "vanban: no command given\n(see vanban --help)\n");
    r = run(alone + " render " + quote(sample().string()) + " -o " + quote((dir / "a.pdf").string()));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("cannot run") != std::string::npos);
    CHECK(r.err.find("vanban-render") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "a.pdf"));
    r = run(alone + " check x.pdf");
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("vanban-full") != std::string::npos);
}

TEST_CASE("vanban-render without vanban-full still renders and names the missing program for the other commands") {
    const auto dir = scratch("render-alone");
    fs::copy_file(render_program(), dir / "vanban");
    const std::string alone = quote((dir / "vanban").string());
    auto r = run(alone + " render " + quote(sample().string()) + " -o " + quote((dir / "a.pdf").string()));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(fs::exists(dir / "a.pdf"));
    r = run(alone + " check " + quote((dir / "a.pdf").string()));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("cannot run") != std::string::npos);
    CHECK(r.err.find("vanban-full") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "vanban-full"));
}

TEST_CASE("sign --help lists its own options once and the signing options it shares with render") {
    // cmd_sign.cpp's help once shadowed the shared kSignHelp (cli/sign_help.h) and printed
    // itself twice instead.
    auto count = [](const std::string& text, const std::string& what) {
        std::size_t n = 0;
        for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
        return n;
    };
    auto r = run(vanban() + " sign --help");
    CHECK(r.exit_code == 0);
    CHECK(count(r.out, "the signed file (required)") == 1);
    CHECK(count(r.out, "--key KEY.pem --cert CERT.pem") == 1);
    r = run(vanban() + " render --help");
    CHECK(r.exit_code == 0);
    CHECK(count(r.out, "--key KEY.pem --cert CERT.pem") == 1);
}
