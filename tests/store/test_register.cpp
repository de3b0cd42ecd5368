#include "core/diagnostic.h"
#include "store/data_dir.h"
#include "store/register.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace vanban::store;
using Clock = std::chrono::system_clock;

namespace {
fs::path scratch(const std::string& name) {
    const fs::path p = fs::temp_directory_path() / ("vanban-register-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(p);
    return p;
}

// An instant given in Vietnam's time (UTC+07:00).
Clock::time_point vn(int y, int mo, int d, int h, int mi, int s = 0) {
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    return Clock::from_time_t(timegm(&tm) - 7 * 3600);
}

RegisterEntry draft(std::string symbol, std::string subject = "", std::string book = "chung") {
    RegisterEntry e;
    e.symbol = std::move(symbol);
    e.subject = std::move(subject);
    e.book = std::move(book);
    return e;
}

struct Fixture {
    fs::path dir;
    DataDir data;
    Register reg;
    explicit Fixture(const std::string& name) : dir(scratch(name)), data(open_data_dir(dir)), reg(data.db) {
        reg.init({"TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "", "000.00.00.I02"});
    }
    ~Fixture() { fs::remove_all(dir); }
};
}  // namespace

TEST_CASE("Numbers start at 01 and print with a leading zero below 10") {
    Fixture f("first");
    const auto a = f.reg.issue(draft("TLĐ"), vn(2026, 3, 2, 9, 0));
    const auto b = f.reg.issue(draft("TLĐ"), vn(2026, 3, 2, 9, 5));
    CHECK(a.number == 1);
    CHECK(a.number_symbol() == "01/TLĐ");
    CHECK(b.number_symbol() == "02/TLĐ");
    CHECK(a.date == "2026-03-02");
    CHECK(a.allocated_at == "2026-03-02T09:00:00+07:00");
}

TEST_CASE("The sequence restarts at 01 at midnight of 1 January in Vietnam, not in UTC") {
    Fixture f("year");
    CHECK(f.reg.issue(draft("TLĐ"), vn(2026, 12, 31, 23, 58)).number == 1);
    const auto last = f.reg.issue(draft("TLĐ"), vn(2026, 12, 31, 23, 59, 59));
    CHECK(last.number == 2);
    CHECK(last.year == 2026);
    // 00:00 on 1 January in Hà Nội is still 31 December 17:00 in UTC.
    const auto first = f.reg.issue(draft("TLĐ"), vn(2027, 1, 1, 0, 0));
    CHECK(first.year == 2027);
    CHECK(first.number == 1);
    CHECK(first.date == "2027-01-01");
}

TEST_CASE("The confidential and copy books count on their own") {
    Fixture f("books");
    f.reg.issue(draft("TLĐ"), vn(2026, 5, 1, 8, 0));
    f.reg.issue(draft("TLĐ"), vn(2026, 5, 1, 8, 1));
    CHECK(f.reg.issue(draft("TLĐ", "", "mat"), vn(2026, 5, 1, 8, 2)).number == 1);
    CHECK(f.reg.issue(draft("SY-TLĐ", "", "sao"), vn(2026, 5, 1, 8, 3)).number == 1);
    CHECK(f.reg.issue(draft("TLĐ"), vn(2026, 5, 1, 8, 4)).number == 3);
    CHECK_THROWS_WITH(f.reg.issue(draft("TLĐ", "", "khong-co"), vn(2026, 5, 1, 8, 5)),
                      Catch::Contains("no book named 'khong-co'"));
}

TEST_CASE("A void number stays in the register and is never given again") {
    Fixture f("void");
    f.reg.issue(draft("TLĐ"), vn(2026, 5, 1, 8, 0));
    f.reg.issue(draft("TLĐ"), vn(2026, 5, 1, 8, 1));
    f.reg.void_number("chung", 2026, 2, "văn bản bị hủy theo ý kiến Thường trực");
    const auto next = f.reg.issue(draft("TLĐ"), vn(2026, 5, 1, 8, 2));
    CHECK(next.number == 3);
    const auto two = f.reg.find("chung", 2026, 2);
    REQUIRE(two);
    CHECK(two->is_void);
    CHECK(two->void_note == "văn bản bị hủy theo ý kiến Thường trực");
    CHECK_THROWS_WITH(f.reg.void_number("chung", 2026, 9, "x"), Catch::Contains("no number 9"));
}

TEST_CASE("A render that fails inside the allocation gives no number away") {
    Fixture f("rollback");
    CHECK_THROWS(f.reg.issue(draft("TLĐ"), vn(2026, 5, 1, 8, 0), [](RegisterEntry&) { throw std::runtime_error("x"); }));
    CHECK(f.reg.list(2026).empty());
    CHECK(f.reg.issue(draft("TLĐ"), vn(2026, 5, 1, 8, 1)).number == 1);
}

TEST_CASE("Eight threads on one connection and a second connection allocate 400 distinct consecutive numbers") {
    Fixture f("threads");
    DataDir other = open_data_dir(f.dir);  // another connection, as another process has
    Register reg2(other.db);
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            const Register& r = t % 2 ? reg2 : f.reg;
            for (int i = 0; i < 50; ++i) r.issue(draft("TLĐ"), vn(2026, 6, 1, 8, 0));
        });
    for (auto& th : threads) th.join();
    const auto all = f.reg.list(2026, "chung");
    REQUIRE(all.size() == 400);
    for (std::size_t i = 0; i < all.size(); ++i) CHECK(all[i].number == static_cast<int>(i + 1));
    CHECK(f.data.db.integrity_check().empty());
}

TEST_CASE("Search ignores diacritics, case, tone placement and NFD, and ranks the best match first") {
    Fixture f("search");
    auto add = [&](std::string subject, std::string signer = "") {
        RegisterEntry e = draft("TLĐ", std::move(subject));
        e.signer = std::move(signer);
        e.recipients = "Các LĐLĐ tỉnh, thành phố";
        return f.reg.issue(e, vn(2026, 7, 1, 8, 0));
    };
    add("Sơ kết 2 năm thực hiện Nghị quyết 20-NQ/TW", "Nguyễn Văn A");
    add("Tổ chức hoạt động chăm lo Tết");
    add("Hòa giải tranh chấp lao động");
    add("Báo cáo kết quả hòa giải");
    RegisterEntry other = draft("TLĐ", "Tập huấn nghiệp vụ");
    other.recipients = "Ban Quan hệ lao động";
    f.reg.issue(other, vn(2026, 7, 1, 8, 0));
    CHECK(f.reg.search("so ket nghi quyet").size() == 1);
    CHECK(f.reg.search("SƠ KẾT").at(0).subject.starts_with("Sơ kết"));
    CHECK(f.reg.search("hoà giải").size() == 2);             // old tone placement
    CHECK(f.reg.search("ho\u0300a").size() == 2);            // NFD; and "hoa" is not "hoạt"
    CHECK(f.reg.search("nguyen van").size() == 1);           // by signer
    CHECK(f.reg.search("03/TLD").at(0).subject == "Hòa giải tranh chấp lao động");
    CHECK(f.reg.search("chăm lo tết").at(0).number == 2);
    CHECK(f.reg.search("không có").empty());
    // A match in the trích yếu outranks one in the Nơi nhận.
    const auto ranked = f.reg.search("lao dong");
    REQUIRE(ranked.size() == 2);
    CHECK(ranked[0].subject == "Hòa giải tranh chấp lao động");
    CHECK(ranked[1].subject == "Tập huấn nghiệp vụ");
}

TEST_CASE("A document dated in another year cannot take this year's number") {
    Fixture f("dated");
    RegisterEntry e = draft("TLĐ");
    e.date = "2025-12-31";
    CHECK_THROWS_WITH(f.reg.issue(e, vn(2026, 1, 2, 8, 0)), Catch::Contains("/date") && Catch::Contains("2026"));
    e.date = "2026-01-02";
    CHECK(f.reg.issue(e, vn(2026, 1, 2, 8, 0)).number == 1);
}

TEST_CASE("An uninitialised register says how to set it up") {
    const fs::path dir = scratch("uninit");
    DataDir d = open_data_dir(dir);
    Register reg(d.db);
    CHECK_THROWS_WITH(reg.issue(draft("TLĐ"), Clock::now()), Catch::Contains("vanban register init"));
    fs::remove_all(dir);
}
