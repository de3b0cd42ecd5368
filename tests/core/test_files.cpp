// core/files.h and core/output_set.h: outputs whole or not at all, as a set.
#include "core/diagnostic.h"
#include "core/files.h"
#include "core/output_set.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
    const fs::path p = fs::temp_directory_path() / ("vanban-core-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(p);
    fs::create_directories(p);
    return p;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::size_t entries(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("An output set that is not committed leaves neither its files nor temporaries") {
    const auto dir = fresh_dir("uncommitted");
    {
        vanban::OutputSet set;
        set.add(dir / "a.pdf", "pdf");
        set.add(dir / "a.docx", "docx");
        CHECK(entries(dir) == 2);  // the two hidden temporaries
    }
    CHECK(entries(dir) == 0);
}

TEST_CASE("A committed output set replaces every target and keeps an existing file's mode") {
    const auto dir = fresh_dir("commit");
    {
        std::ofstream(dir / "a.pdf") << "old";
    }
    ::chmod((dir / "a.pdf").c_str(), 0600);
    vanban::OutputSet set;
    set.add(dir / "a.pdf", "new pdf");
    set.add(dir / "a.docx", "new docx");
    set.commit();
    CHECK(slurp(dir / "a.pdf") == "new pdf");
    CHECK(slurp(dir / "a.docx") == "new docx");
    struct stat st{};
    ::stat((dir / "a.pdf").c_str(), &st);
    CHECK((st.st_mode & 0777) == 0600);
    ::stat((dir / "a.docx").c_str(), &st);
    CHECK((st.st_mode & 0777) == (0666 & ~vanban::process_umask()));
    CHECK(entries(dir) == 2);
}

TEST_CASE("A read-only target is refused before anything is written") {
    const auto dir = fresh_dir("readonly");
    {
        std::ofstream(dir / "a.pdf") << "keep";
    }
    ::chmod((dir / "a.pdf").c_str(), 0444);
    vanban::OutputSet set;
    CHECK_THROWS_WITH(set.add(dir / "a.pdf", "x"), Catch::Contains("is read-only"));
    CHECK(slurp(dir / "a.pdf") == "keep");
    CHECK(entries(dir) == 1);
}

TEST_CASE("A file name of 255 bytes still gets a temporary") {
    const auto dir = fresh_dir("long");
    const std::string name(251, 'n');
    vanban::write_file_atomically(dir / (name + ".pdf"), "x");
    CHECK(slurp(dir / (name + ".pdf")) == "x");
}

TEST_CASE("read_file refuses a FIFO and a directory instead of blocking or reading nothing") {
    const auto dir = fresh_dir("fifo");
    REQUIRE(::mkfifo((dir / "p").c_str(), 0600) == 0);
    CHECK_THROWS_WITH(vanban::read_file(dir / "p", 100), Catch::Contains("is not a regular file"));
    CHECK_THROWS_WITH(vanban::read_file(dir, 100), Catch::Contains("is a directory"));
}
