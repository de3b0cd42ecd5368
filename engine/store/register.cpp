#include "store/register.h"

#include "core/diagnostic.h"
#include "text/collation.h"
#include "text/text.h"

#include <cstdio>
#include <ctime>

namespace vanban::store {

namespace {

constexpr Migration kRegisterSchema[] = {
    {1, R"sql(
CREATE TABLE register_org (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    parent TEXT NOT NULL DEFAULT '',
    org_code TEXT NOT NULL DEFAULT ''
);
CREATE TABLE register_books (
    name TEXT PRIMARY KEY,
    title TEXT NOT NULL
);
CREATE TABLE register_counters (
    book TEXT NOT NULL REFERENCES register_books(name),
    year INTEGER NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (book, year)
);
CREATE TABLE register_entries (
    id INTEGER PRIMARY KEY,
    book TEXT NOT NULL REFERENCES register_books(name),
    year INTEGER NOT NULL,
    number INTEGER NOT NULL CHECK (number >= 1),
    symbol TEXT NOT NULL,
    date TEXT NOT NULL,
    allocated_at TEXT NOT NULL,
    type_name TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    issuer TEXT NOT NULL DEFAULT '',
    signer TEXT NOT NULL DEFAULT '',
    recipients TEXT NOT NULL DEFAULT '',
    kept_by TEXT NOT NULL DEFAULT '',
    copies INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    is_void INTEGER NOT NULL DEFAULT 0,
    void_note TEXT NOT NULL DEFAULT '',
    pdf_sha256 TEXT NOT NULL DEFAULT '',
    UNIQUE (book, year, number)
);
-- Folded text (search_key: no diacritics, lower case, đ → d), so the index and the
-- query meet whatever the spelling; rowid = register_entries.id.
CREATE VIRTUAL TABLE register_fts USING fts5(
    number_symbol, subject, issuer, signer, recipients, tokenize = 'unicode61'
);
)sql"},
};

constexpr const char* kColumns =
    "id, book, year, number, symbol, date, allocated_at, type_name, subject, issuer, signer, recipients, "
    "kept_by, copies, note, is_void, void_note, pdf_sha256";

RegisterEntry read_entry(const Statement& q) {
    RegisterEntry e;
    e.id = q.integer(0);
    e.book = q.text(1);
    e.year = static_cast<int>(q.integer(2));
    e.number = static_cast<int>(q.integer(3));
    e.symbol = q.text(4);
    e.date = q.text(5);
    e.allocated_at = q.text(6);
    e.type_name = q.text(7);
    e.subject = q.text(8);
    e.issuer = q.text(9);
    e.signer = q.text(10);
    e.recipients = q.text(11);
    e.kept_by = q.text(12);
    e.copies = static_cast<int>(q.integer(13));
    e.note = q.text(14);
    e.is_void = q.integer(15) != 0;
    e.void_note = q.text(16);
    e.pdf_sha256 = q.text(17);
    return e;
}

bool valid_book_name(std::string_view s) {
    if (s.empty() || s.size() > 40) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

// An FTS5 query from free text: every folded word must occur as a whole word (a
// Vietnamese word is a syllable: "hoa" must not find "hoạt").
std::string fts_query(std::string_view text) {
    const std::string folded = text::search_key(text);
    std::string q, word;
    auto flush = [&] {
        if (word.empty()) return;
        if (!q.empty()) q += ' ';
        q += '"' + word + '"';
        word.clear();
    };
    for (char c : folded) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum) word += c;
        else flush();
    }
    flush();
    return q;
}

}  // namespace

std::string RegisterEntry::number_symbol() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d", number);
    return symbol.empty() ? std::string(buf) : std::string(buf) + "/" + symbol;
}

VietnamTime VietnamTime::at(std::chrono::system_clock::time_point t) {
    const std::time_t secs = std::chrono::system_clock::to_time_t(t) + 7 * 3600;
    std::tm tm{};
    gmtime_r(&secs, &tm);
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec};
}

std::string VietnamTime::date() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::string VietnamTime::iso8601() const {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", year, month, day, hour, minute, second);
    return buf;
}

Register::Register(const Database& db) : db_(db) { db_.migrate("register", kRegisterSchema); }

void Register::init(const Organisation& org) {
    if (org.name.empty()) fail_at_pointer(db_.file().string(), "", "the organisation needs a name (--org)");
    db_.transaction([&] {
        db_.prepare("INSERT INTO register_org (id, name, parent, org_code) VALUES (1, ?, ?, ?) "
                    "ON CONFLICT (id) DO UPDATE SET name = excluded.name, parent = excluded.parent, "
                    "org_code = excluded.org_code")
            .bind(1, org.name)
            .bind(2, org.parent)
            .bind(3, org.org_code)
            .run();
        const RegisterBook standard[] = {
            {"chung", "Văn bản đi"},
            {"mat", "Văn bản mật"},
            {"sao", "Bản sao (SY, SL, TrS)"},
        };
        for (const auto& b : standard)
            db_.prepare("INSERT OR IGNORE INTO register_books (name, title) VALUES (?, ?)")
                .bind(1, b.name)
                .bind(2, b.title)
                .run();
    });
}

bool Register::initialised() const {
    auto q = db_.prepare("SELECT COUNT(*) FROM register_org");
    q.step();
    return q.integer(0) > 0;
}

Organisation Register::organisation() const {
    auto q = db_.prepare("SELECT name, parent, org_code FROM register_org WHERE id = 1");
    if (!q.step())
        fail_at_pointer(db_.file().string(), "",
                        "the register is not set up; run: vanban register init --data DIR --org NAME");
    return {q.text(0), q.text(1), q.text(2)};
}

std::vector<RegisterBook> Register::books() const {
    std::vector<RegisterBook> out;
    auto q = db_.prepare("SELECT name, title FROM register_books ORDER BY name");
    while (q.step()) out.push_back({q.text(0), q.text(1)});
    return out;
}

void Register::add_book(const RegisterBook& book) {
    if (!valid_book_name(book.name))
        fail_at_pointer(db_.file().string(), "",
                        "a book's name is lower-case letters, digits and '-' (got '" + book.name + "')");
    db_.transaction([&] {
        db_.prepare("INSERT INTO register_books (name, title) VALUES (?, ?) "
                    "ON CONFLICT (name) DO UPDATE SET title = excluded.title")
            .bind(1, book.name)
            .bind(2, book.title.empty() ? book.name : book.title)
            .run();
    });
}

void Register::index(const RegisterEntry& e) const {
    db_.prepare("INSERT INTO register_fts (rowid, number_symbol, subject, issuer, signer, recipients) "
                "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, e.id)
        .bind(2, text::search_key(e.number_symbol() + " " + std::to_string(e.number)))
        .bind(3, text::search_key(e.type_name + " " + e.subject))
        .bind(4, text::search_key(e.issuer))
        .bind(5, text::search_key(e.signer))
        .bind(6, text::search_key(e.recipients))
        .run();
}

namespace {
void insert_entry(const Database& db, RegisterEntry& e) {
    db.prepare("INSERT INTO register_entries (book, year, number, symbol, date, allocated_at, type_name, subject, "
               "issuer, signer, recipients, kept_by, copies, note, is_void, void_note, pdf_sha256) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, e.book)
        .bind(2, static_cast<std::int64_t>(e.year))
        .bind(3, static_cast<std::int64_t>(e.number))
        .bind(4, e.symbol)
        .bind(5, e.date)
        .bind(6, e.allocated_at)
        .bind(7, e.type_name)
        .bind(8, e.subject)
        .bind(9, e.issuer)
        .bind(10, e.signer)
        .bind(11, e.recipients)
        .bind(12, e.kept_by)
        .bind(13, static_cast<std::int64_t>(e.copies))
        .bind(14, e.note)
        .bind(15, static_cast<std::int64_t>(e.is_void ? 1 : 0))
        .bind(16, e.void_note)
        .bind(17, e.pdf_sha256)
        .run();
    e.id = db.last_insert_rowid();
}

void require_book(const Database& db, std::string_view book) {
    auto q = db.prepare("SELECT 1 FROM register_books WHERE name = ?");
    q.bind(1, book);
    if (!q.step())
        fail_at_pointer(db.file().string(), "",
                        "the register has no book named '" + std::string(book) +
                            "' (see vanban register books; add one with vanban register init --book NAME:TITLE)");
}
}  // namespace

RegisterEntry Register::issue(RegisterEntry draft, std::chrono::system_clock::time_point now,
                              const std::function<void(RegisterEntry&)>& within) const {
    (void)organisation();  // refuses an uninitialised register with the fix
    const VietnamTime vn = VietnamTime::at(now);
    RegisterEntry e = std::move(draft);
    // The same rules as a document's symbol and date (input/document_input.cpp), here
    // because the CLI's --symbol/--date and the server's Cấp số reach the register without
    // a document; the messages are the input's, so every front end explains them alike.
    if (e.symbol.find('/') != std::string::npos)
        fail_at_pointer("", "/symbol", "symbol must not contain '/' (the engine prints the slash after the number)");
    if (e.symbol.find_first_of(" \t\n\r") != std::string::npos)
        fail_at_pointer("", "/symbol", "symbol must not contain spaces; join its parts with '-'");
    if (!e.date.empty() && !text::parse_iso_date(e.date))
        fail_at_pointer("", "/date", "expected a date as YYYY-MM-DD, got '" + e.date + "'");
    // Numbers run per year of issue: a document dated in another year cannot take one
    // of this year's numbers (nor reopen a closed year's sequence).
    if (!e.date.empty() && (e.date.size() != 10 || e.date.substr(0, 4) != std::to_string(vn.year)))
        fail_at_pointer("", "/date",
                        "the document is dated " + e.date + ", but numbers are given now for " +
                            std::to_string(vn.year) + " (NĐ 30 Điều 15: numbered in the year of issue); "
                            "change the date or leave it out");
    db_.transaction([&] {
        require_book(db_, e.book);
        e.year = vn.year;
        // The counter only grows: a void number, or one whose entry was lost to a bug, is
        // never handed out again.
        auto last = db_.prepare("SELECT last FROM register_counters WHERE book = ? AND year = ?");
        last.bind(1, e.book).bind(2, static_cast<std::int64_t>(e.year));
        e.number = last.step() ? static_cast<int>(last.integer(0)) + 1 : 1;
        db_.prepare("INSERT INTO register_counters (book, year, last) VALUES (?, ?, ?) "
                    "ON CONFLICT (book, year) DO UPDATE SET last = excluded.last")
            .bind(1, e.book)
            .bind(2, static_cast<std::int64_t>(e.year))
            .bind(3, static_cast<std::int64_t>(e.number))
            .run();
        e.allocated_at = vn.iso8601();
        if (e.date.empty()) e.date = vn.date();
        if (within) within(e);
        insert_entry(db_, e);
        index(e);
    });
    return e;
}

void Register::void_number(std::string_view book, int year, int number, std::string_view note) const {
    db_.transaction([&] {
        auto q = db_.prepare("UPDATE register_entries SET is_void = 1, void_note = ? WHERE book = ? AND year = ? AND "
                             "number = ?");
        q.bind(1, note).bind(2, book).bind(3, static_cast<std::int64_t>(year)).bind(4, static_cast<std::int64_t>(number));
        q.run();
        auto changed = db_.prepare("SELECT changes()");
        changed.step();
        if (changed.integer(0) == 0)
            fail_at_pointer(db_.file().string(), "",
                            "the register has no number " + std::to_string(number) + " in book '" + std::string(book) +
                                "' for " + std::to_string(year));
    });
}

std::optional<RegisterEntry> Register::find(std::string_view book, int year, int number) const {
    auto q = db_.prepare(std::string("SELECT ") + kColumns +
                         " FROM register_entries WHERE book = ? AND year = ? AND number = ?");
    q.bind(1, book).bind(2, static_cast<std::int64_t>(year)).bind(3, static_cast<std::int64_t>(number));
    if (!q.step()) return std::nullopt;
    return read_entry(q);
}

std::vector<RegisterEntry> Register::list(std::optional<int> year, std::optional<std::string> book) const {
    auto q = db_.prepare(std::string("SELECT ") + kColumns +
                         " FROM register_entries WHERE (?1 IS NULL OR year = ?1) AND (?2 IS NULL OR book = ?2) "
                         "ORDER BY book, year, number");
    if (year) q.bind(1, static_cast<std::int64_t>(*year));
    else q.bind(1, std::nullopt);
    if (book) q.bind(2, *book);
    else q.bind(2, std::nullopt);
    std::vector<RegisterEntry> out;
    while (q.step()) out.push_back(read_entry(q));
    return out;
}

std::vector<RegisterEntry> Register::search(std::string_view text, std::size_t limit) const {
    const std::string query = fts_query(text);
    if (query.empty()) return {};
    auto q = db_.prepare(std::string("SELECT ") + kColumns +
                         " FROM (SELECT rowid AS hit, bm25(register_fts, 10.0, 4.0, 1.0, 2.0, 1.0) AS score "
                         "FROM register_fts WHERE register_fts MATCH ?1 ORDER BY score LIMIT ?2) "
                         "JOIN register_entries ON id = hit ORDER BY score, year DESC, number DESC");
    q.bind(1, query).bind(2, static_cast<std::int64_t>(limit));
    std::vector<RegisterEntry> out;
    while (q.step()) out.push_back(read_entry(q));
    return out;
}

void Register::import(const RegisterEntry& entry) const {
    db_.transaction([&] {
        require_book(db_, entry.book);
        if (find(entry.book, entry.year, entry.number))
            fail_at_pointer(db_.file().string(), "",
                            "number " + entry.number_symbol() + " of " + std::to_string(entry.year) +
                                " is already in the register");
        RegisterEntry e = entry;
        insert_entry(db_, e);
        index(e);
        db_.prepare("INSERT INTO register_counters (book, year, last) VALUES (?, ?, ?) "
                    "ON CONFLICT (book, year) DO UPDATE SET last = MAX(last, excluded.last)")
            .bind(1, e.book)
            .bind(2, static_cast<std::int64_t>(e.year))
            .bind(3, static_cast<std::int64_t>(e.number))
            .run();
    });
}

}  // namespace vanban::store
