#include "store/database.h"

#include "core/diagnostic.h"

#include <sqlite3.h>

#include <utility>

namespace vanban::store {

namespace fs = std::filesystem;

// --- Statement ---

Statement::Statement(Statement&& o) noexcept : db_(o.db_), stmt_(std::exchange(o.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& o) noexcept {
    if (this != &o) {
        sqlite3_finalize(stmt_);
        db_ = o.db_;
        stmt_ = std::exchange(o.stmt_, nullptr);
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) db_->fail("bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    if (sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8) != SQLITE_OK)
        db_->fail("bind");
    return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
    if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) db_->fail("bind");
    return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
    if (sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT) != SQLITE_OK)
        db_->fail("bind");
    return *this;
}

namespace {
// SQLite's busy handler does not cover every case in WAL mode (a reader meeting a
// checkpoint or WAL restart gets SQLITE_BUSY at once): wait and try again, for as long
// as the busy timeout would have waited.
constexpr int kBusyRetries = 3000;  // × 10 ms = 30 s
}  // namespace

bool Statement::step() {
    for (int attempt = 0;; ++attempt) {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        const bool retry = (rc & 0xff) == SQLITE_BUSY && attempt < kBusyRetries &&
                           sqlite3_get_autocommit(sqlite3_db_handle(stmt_));  // not inside a transaction
        if (!retry) db_->fail("step");
        sqlite3_reset(stmt_);
        sqlite3_sleep(10);
    }
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::text(int column) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
    const int n = sqlite3_column_bytes(stmt_, column);
    return p ? std::string(p, static_cast<std::size_t>(n)) : std::string();
}

std::optional<std::string> Statement::optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
}

// --- Database ---

Database Database::open(const fs::path& file) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        const std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close(db);
        fail_at_pointer(file.string(), "", "cannot open the store: " + msg);
    }
    Database d(db, file);
    // Other writers (a second process, another server thread) wait instead of failing.
    sqlite3_busy_timeout(db, 30000);
    d.exec("PRAGMA journal_mode=WAL");
    // FULL: a commit is on disk (WAL fsynced) before it returns — an acknowledged
    // submission survives a power cut, not only a crash.
    d.exec("PRAGMA synchronous=FULL");
    d.exec("PRAGMA foreign_keys=ON");
    return d;
}

Database::Database(Database&& o) noexcept
    : db_(std::exchange(o.db_, nullptr)),
      file_(std::move(o.file_)),
      tx_mutex_(std::move(o.tx_mutex_)),
      tx_depth_(std::move(o.tx_depth_)) {}

Database& Database::operator=(Database&& o) noexcept {
    if (this != &o) {
        sqlite3_close_v2(db_);
        db_ = std::exchange(o.db_, nullptr);
        file_ = std::move(o.file_);
        tx_mutex_ = std::move(o.tx_mutex_);
        tx_depth_ = std::move(o.tx_depth_);
    }
    return *this;
}

Database::~Database() { sqlite3_close_v2(db_); }

void Database::fail(std::string_view what) const {
    fail_at_pointer(file_.string(), "", "store error (" + std::string(what) + "): " + sqlite3_errmsg(db_));
}

Statement Database::prepare(std::string_view sql) const {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) fail("prepare");
    return Statement(*this, stmt);
}

void Database::exec(std::string_view sql) const {
    const std::string s(sql);
    char* err = nullptr;
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        const std::string msg = err ? err : sqlite3_errmsg(db_);
        sqlite3_free(err);
        fail_at_pointer(file_.string(), "", "store error: " + msg);
    }
}

void Database::transaction(const std::function<void()>& work) const {
    std::lock_guard lock(*tx_mutex_);
    if (*tx_depth_ > 0) {  // nested on this thread: part of the outer transaction
        ++*tx_depth_;
        struct Leave {
            int& depth;
            ~Leave() { --depth; }
        } leave{*tx_depth_};
        work();
        return;
    }
    for (int attempt = 0;; ++attempt) {
        const int rc = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        if (rc == SQLITE_OK) break;
        if ((rc & 0xff) != SQLITE_BUSY || attempt >= kBusyRetries) fail("begin");
        sqlite3_sleep(10);
    }
    ++*tx_depth_;
    struct Leave {
        int& depth;
        ~Leave() { --depth; }
    } leave{*tx_depth_};
    try {
        work();
        // A COMMIT that meets SQLITE_BUSY leaves the transaction open: try it again.
        for (int attempt = 0;; ++attempt) {
            const int rc = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
            if (rc == SQLITE_OK) break;
            if ((rc & 0xff) != SQLITE_BUSY || attempt >= kBusyRetries) fail("commit");
            sqlite3_sleep(10);
        }
    } catch (...) {
        // A failed COMMIT or a throwing `work`: nothing of it stays.
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

int Database::schema_version(std::string_view module) const {
    exec("CREATE TABLE IF NOT EXISTS schema_migrations (module TEXT NOT NULL, version INTEGER NOT NULL, "
         "PRIMARY KEY (module, version))");
    auto q = prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE module = ?");
    q.bind(1, module);
    q.step();
    return static_cast<int>(q.integer(0));
}

void Database::migrate(std::string_view module, std::span<const Migration> migrations) const {
    const int have = schema_version(module);
    int newest = 0;
    for (const auto& m : migrations) newest = std::max(newest, m.version);
    if (have > newest)
        fail_at_pointer(file_.string(), "",
                        "the store's " + std::string(module) + " schema is version " + std::to_string(have) +
                            ", newer than this vanban knows (" + std::to_string(newest) + "); use a newer vanban");
    for (const auto& m : migrations) {
        if (m.version <= have) continue;
        transaction([&] {
            // Re-check inside the write lock: another process may have migrated meanwhile.
            if (schema_version(module) >= m.version) return;
            exec(m.sql);
            auto ins = prepare("INSERT INTO schema_migrations (module, version) VALUES (?, ?)");
            ins.bind(1, module).bind(2, static_cast<std::int64_t>(m.version)).run();
        });
    }
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

std::vector<std::string> Database::integrity_check() const {
    std::vector<std::string> problems;
    auto q = prepare("PRAGMA integrity_check");
    while (q.step()) {
        const std::string line = q.text(0);
        if (line != "ok") problems.push_back(line);
    }
    auto fk = prepare("PRAGMA foreign_key_check");
    while (fk.step()) problems.push_back("foreign key violation in table " + fk.text(0));
    return problems;
}

void Database::backup_to(const fs::path& target) const {
    sqlite3* out = nullptr;
    if (sqlite3_open_v2(target.c_str(), &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        const std::string msg = out ? sqlite3_errmsg(out) : "out of memory";
        sqlite3_close(out);
        fail_at_pointer(target.string(), "", "cannot create the backup: " + msg);
    }
    sqlite3_backup* b = sqlite3_backup_init(out, "main", db_, "main");
    int rc = SQLITE_OK;
    if (b) {
        // All pages in one step: a consistent snapshot even while the server writes.
        do {
            rc = sqlite3_backup_step(b, -1);
            if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
        } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
        sqlite3_backup_finish(b);
    }
    const std::string msg = sqlite3_errmsg(out);
    const bool ok = b && rc == SQLITE_DONE && sqlite3_errcode(out) == SQLITE_OK;
    if (sqlite3_close(out) != SQLITE_OK || !ok) fail_at_pointer(target.string(), "", "backup failed: " + msg);
}

}  // namespace vanban::store
