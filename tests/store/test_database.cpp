#include "core/diagnostic.h"
#include "store/data_dir.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace vanban::store;

namespace {
fs::path scratch(const std::string& name) {
    const fs::path p = fs::temp_directory_path() / ("vanban-store-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(p);
    return p;
}

constexpr Migration kNotes[] = {
    {1, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"},
    {2, "ALTER TABLE notes ADD COLUMN author TEXT"},
};
}  // namespace

TEST_CASE("A new data directory is created private, in WAL mode, and its migrations run once") {
    const fs::path dir = scratch("new");
    {
        DataDir d = open_data_dir(dir);
        d.db.migrate("notes", kNotes);
        d.db.migrate("notes", kNotes);
        CHECK(d.db.schema_version("notes") == 2);
        auto q = d.db.prepare("PRAGMA journal_mode");
        REQUIRE(q.step());
        CHECK(q.text(0) == "wal");
        auto s = d.db.prepare("PRAGMA synchronous");
        REQUIRE(s.step());
        CHECK(s.integer(0) == 2);  // FULL
        CHECK(d.db.integrity_check().empty());
    }
    CHECK((fs::status(dir).permissions() & fs::perms::others_all) == fs::perms::none);
    fs::remove_all(dir);
}

TEST_CASE("A store newer than the program is refused, not silently used") {
    const fs::path dir = scratch("newer");
    DataDir d = open_data_dir(dir);
    d.db.migrate("notes", kNotes);
    constexpr Migration older[] = {kNotes[0]};
    CHECK_THROWS_WITH(d.db.migrate("notes", older), Catch::Contains("newer than this vanban knows"));
    fs::remove_all(dir);
}

TEST_CASE("A transaction whose work throws leaves nothing behind") {
    const fs::path dir = scratch("rollback");
    DataDir d = open_data_dir(dir);
    d.db.migrate("notes", kNotes);
    CHECK_THROWS(d.db.transaction([&] {
        d.db.prepare("INSERT INTO notes (body) VALUES ('half')").run();
        throw std::runtime_error("boom");
    }));
    auto q = d.db.prepare("SELECT COUNT(*) FROM notes");
    REQUIRE(q.step());
    CHECK(q.integer(0) == 0);
    fs::remove_all(dir);
}

TEST_CASE("Stored files are named by their SHA-256 and a corrupted one is detected") {
    const fs::path dir = scratch("blobs");
    DataDir d = open_data_dir(dir);
    const std::string sha = d.files.put("Số: 1996/TLĐ");
    CHECK(sha == sha256_hex("Số: 1996/TLĐ"));
    CHECK(d.files.put("Số: 1996/TLĐ") == sha);
    CHECK(d.files.get(sha) == "Số: 1996/TLĐ");
    fs::permissions(d.files.path_of(sha), fs::perms::owner_write, fs::perm_options::add);
    std::ofstream(d.files.path_of(sha), std::ios::binary) << "Số: 1997/TLĐ";
    CHECK_THROWS_WITH(d.files.get(sha), Catch::Contains("corrupt"));
    CHECK_THROWS_WITH(d.files.get("../../etc/passwd"), Catch::Contains("not a SHA-256"));
    fs::remove_all(dir);
}

TEST_CASE("The online backup is a sound copy of the database") {
    const fs::path dir = scratch("backup");
    DataDir d = open_data_dir(dir);
    d.db.migrate("notes", kNotes);
    d.db.prepare("INSERT INTO notes (body) VALUES ('Kính gửi')").run();
    d.db.backup_to(dir / "copy.db");
    Database copy = Database::open(dir / "copy.db");
    CHECK(copy.integrity_check().empty());
    auto q = copy.prepare("SELECT body FROM notes");
    REQUIRE(q.step());
    CHECK(q.text(0) == "Kính gửi");
    fs::remove_all(dir);
}
