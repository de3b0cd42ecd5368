// The embedded store's connection: SQLite in WAL mode with synchronous=FULL, so a
// transaction that has committed survives kill -9 and a power cut.
//
// Everything persistent (campaigns, report versions, access codes, the register of
// outgoing documents) goes through this one small interface, so a PostgreSQL backend can
// follow without touching the callers' SQL more than the dialect demands.
// Errors are vanban::Error naming the database file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace vanban::store {

class Database;

// One prepared statement. Parameters are 1-based as in SQLite; columns are 0-based.
class Statement {
public:
    Statement(Statement&&) noexcept;
    Statement& operator=(Statement&&) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, std::nullopt_t);
    Statement& bind_blob(int index, std::string_view bytes);

    // Advances to the next row; false when the statement is done.
    bool step();
    // Runs a statement that returns no rows (INSERT, UPDATE …) to completion.
    void run();
    void reset();

    bool is_null(int column) const;
    std::int64_t integer(int column) const;
    std::string text(int column) const;
    std::optional<std::string> optional_text(int column) const;

private:
    friend class Database;
    Statement(const Database& db, sqlite3_stmt* stmt) : db_(&db), stmt_(stmt) {}
    const Database* db_;
    sqlite3_stmt* stmt_;
};

// A schema change, applied once and recorded in the `schema_migrations` table.
struct Migration {
    int version;           // 1, 2, 3 … within its module
    std::string_view sql;  // one or more statements
};

class Database {
public:
    // Opens (creating if needed) the database file; sets WAL, synchronous=FULL,
    // foreign_keys=ON and a busy timeout so several processes can share it.
    static Database open(const std::filesystem::path& file);

    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    Statement prepare(std::string_view sql) const;
    void exec(std::string_view sql) const;

    // Runs `work` inside BEGIN IMMEDIATE … COMMIT (the write lock is taken at the start,
    // so two writers never deadlock half-way); rolls back if `work` throws. One
    // connection may be shared by threads: transactions on it are serialised, and a
    // transaction begun inside `work` on the same thread joins the outer one.
    void transaction(const std::function<void()>& work) const;

    // Brings `module`'s schema to its newest version, each migration in its own
    // transaction; refuses a database newer than this program knows.
    void migrate(std::string_view module, std::span<const Migration> migrations) const;
    int schema_version(std::string_view module) const;

    std::int64_t last_insert_rowid() const;
    // PRAGMA integrity_check; empty when the database is sound.
    std::vector<std::string> integrity_check() const;
    // A consistent copy through SQLite's online backup API (safe while others write).
    void backup_to(const std::filesystem::path& target) const;

    const std::filesystem::path& file() const { return file_; }
    [[noreturn]] void fail(std::string_view what) const;

private:
    Database(sqlite3* db, std::filesystem::path file)
        : db_(db), file_(std::move(file)), tx_mutex_(std::make_unique<std::recursive_mutex>()) {}
    sqlite3* db_;
    std::filesystem::path file_;
    std::unique_ptr<std::recursive_mutex> tx_mutex_;
    std::unique_ptr<int> tx_depth_ = std::make_unique<int>(0);
    friend class Statement;
};

}  // namespace vanban::store
