// Sổ đăng ký văn bản đi — the register of outgoing documents (NĐ 30/2020 Điều 15–16,
// Phụ lục IV): one sequence per book per calendar year (Asia/Ho_Chi_Minh), starting at 01
// on 1 January; a number once given is never given again (a cancelled document's number
// stays, marked void). Numbers are allocated under SQLite's write lock (BEGIN IMMEDIATE),
// so processes and server threads sharing one --data directory never collide.
#pragma once

#include "store/database.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::store {

// The organisation whose register this is (cover of the printed book).
struct Organisation {
    std::string name;      // "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM"
    std::string parent;    // cơ quan chủ quản trực tiếp; may be empty
    std::string org_code;  // mã định danh, 13 characters ("000.00.00.I02"); may be empty
};

// One numbering sequence (Điều 15): "chung" for ordinary documents, "mat" for
// confidential ones (15.2), "sao" for copies SY/SL/TrS, or one the head of the
// organisation decides (an advisory body that uses the seal, a document type).
struct RegisterBook {
    std::string name;   // lower-case letters, digits and '-'
    std::string title;  // "Văn bản mật"
};

struct RegisterEntry {
    std::int64_t id = 0;
    std::string book = "chung";
    int year = 0;
    int number = 0;
    std::string symbol;        // ký hiệu: "TLĐ", "LĐLĐ-TG"
    std::string date;          // ngày tháng văn bản, YYYY-MM-DD
    std::string allocated_at;  // when the number was given, ISO 8601 with +07:00
    std::string type_name;     // tên loại: "Công văn", "Báo cáo"
    std::string subject;       // trích yếu
    std::string issuer;        // cơ quan ban hành
    std::string signer;        // người ký
    std::string recipients;    // nơi nhận văn bản
    std::string kept_by;       // đơn vị, người nhận bản lưu
    int copies = 0;            // số lượng bản
    std::string note;          // ghi chú
    bool is_void = false;
    std::string void_note;
    std::string pdf_sha256;    // the issued file in the store, when known

    // "05/LĐLĐ-TG": numbers below 10 take a leading zero.
    std::string number_symbol() const;
};

// Calendar facts in Vietnam's time (UTC+07:00 all year; no daylight saving since 1975).
struct VietnamTime {
    int year, month, day, hour, minute, second;
    static VietnamTime at(std::chrono::system_clock::time_point t);
    std::string date() const;      // "2026-12-31"
    std::string iso8601() const;   // "2026-12-31T23:59:00+07:00"
};

class Register {
public:
    // Brings the register's tables to the current schema.
    explicit Register(const Database& db);

    // Sets the organisation and creates the standard books (chung, mat, sao) if missing.
    void init(const Organisation& org);
    bool initialised() const;
    Organisation organisation() const;  // throws when not initialised

    std::vector<RegisterBook> books() const;
    void add_book(const RegisterBook& book);

    // Gives `draft` the next number of its book in the Vietnamese year of `now` and
    // records it. `within` runs inside the same transaction with the numbered entry (to
    // render the document, say); if it throws, nothing is recorded and the number is not
    // given. Fields it changes on the entry are stored.
    RegisterEntry issue(RegisterEntry draft, std::chrono::system_clock::time_point now,
                        const std::function<void(RegisterEntry&)>& within = {}) const;

    // Marks a given number void (văn bản bị hủy); the number is never given again.
    void void_number(std::string_view book, int year, int number, std::string_view note) const;

    std::optional<RegisterEntry> find(std::string_view book, int year, int number) const;
    // In register order (book, year, number); all years when `year` is empty.
    std::vector<RegisterEntry> list(std::optional<int> year, std::optional<std::string> book = {}) const;
    // Diacritic-, case- and tone-placement-insensitive search ("so ket nghi quyet",
    // "hoà" = "hòa") over số/ký hiệu, trích yếu, issuer, signer and recipients; best first.
    std::vector<RegisterEntry> search(std::string_view text, std::size_t limit = 50) const;

    // Records an entry that already has its number (rebuilding the register from archived
    // PDFs); refuses a number already in the register.
    void import(const RegisterEntry& entry) const;

private:
    void index(const RegisterEntry& e) const;
    const Database& db_;
};

}  // namespace vanban::store
