// `vanban register print -o FILE.pdf`: the sổ đăng ký văn bản đi of Phụ lục IV as PDF/A,
// judged with poppler (pdftotext, pdfinfo) and PDFBox Preflight.
#include "oracles.h"
#include "support.h"
#include "store/data_dir.h"
#include "store/register.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <sstream>
#include <vector>

using namespace e2e;

namespace {

std::string vb() { return quote(e2e::vanban().string()); }

Run ok(const std::string& cmd) {
    Run r = run(cmd);
    INFO(cmd << "\n" << r.out << r.err);
    REQUIRE(r.exit_code == 0);
    return r;
}

std::string page_text(const fs::path& pdf, int page) {
    const std::string n = std::to_string(page);
    return squash(ok("pdftotext -layout -f " + n + " -l " + n + " " + quote(pdf.string()) + " -").out);
}

int pages_of(const fs::path& pdf) {
    std::istringstream in(ok("pdfinfo " + quote(pdf.string())).out);
    for (std::string line; std::getline(in, line);)
        if (line.rfind("Pages:", 0) == 0) return std::stoi(line.substr(6));
    return 0;
}

constexpr int kEntries = 60;

// "Sơ kết hoạt động đợt 7": short enough for one line of its column, so pdftotext
// -layout keeps it whole; each entry's own words.
std::string subject_of(int i) { return "Sơ kết hoạt động đợt " + std::to_string(i); }

const char* kLong =
    "Kế hoạch tổ chức các hoạt động chăm lo Tết Nguyên đán cho đoàn viên, người lao động có hoàn cảnh khó khăn "
    "trong các doanh nghiệp ngoài nhà nước trên địa bàn tỉnh và báo cáo kết quả thực hiện về Liên đoàn Lao động tỉnh";

// A store with kEntries numbers of this year, one with a long trích yếu, one void.
struct Book {
    fs::path dir;
    std::string data;
    std::string year;
    Book() : dir(scratch("register-pdf")), data(" --data " + quote((dir / "data").string())) {
        ok(vb() + " register init --org 'Liên đoàn Lao động tỉnh Quảng Ngãi' --parent 'Tổng LĐLĐ Việt Nam'" + data);
        // The numbers are given in this process, through the register the CLI uses (60
        // processes of `register next` took a minute of CI under load; tests/register
        // test_register_cli.cpp drives `register next` itself). The last one and the void
        // go through the CLI.
        {
            vanban::store::DataDir store = vanban::store::open_data_dir(dir / "data");
            const vanban::store::Register reg(store.db);
            for (int i = 1; i < kEntries; ++i) {
                vanban::store::RegisterEntry draft;
                draft.symbol = "LĐLĐ-TG";
                draft.signer = "Trần Thị B";
                draft.recipients = "Các CĐCS";
                draft.subject = i == 7 ? kLong : subject_of(i);
                draft.issuer = reg.organisation().name;
                reg.issue(draft, std::chrono::system_clock::now());
            }
        }
        ok(vb() + " register next --symbol LĐLĐ-TG --signer 'Trần Thị B' --recipients 'Các CĐCS' --subject " +
           quote(subject_of(kEntries)) + data);
        ok(vb() + " register void 9 --note 'soạn nhầm'" + data);
        const Run list = ok(vb() + " register list" + data);
        year = list.out.substr(list.out.find('\t') + 7, 4);  // "01/LĐLĐ-TG\tdd/mm/yyyy…"
    }
    fs::path print(const std::string& name) const {
        const fs::path pdf = dir / name;
        ok(vb() + " register print --year " + year + " -o " + quote(pdf.string()) + data);
        return pdf;
    }
};

}  // namespace

TEST_CASE("The register printed as PDF has the cover of Phụ lục IV and every entry on landscape pages") {
    const Book book;
    const fs::path pdf = book.print("so-van-ban-di.pdf");
    const int pages = pages_of(pdf);
    REQUIRE(pages >= 4);  // 60 entries do not fit one page: the table continues

    const std::string cover = page_text(pdf, 1);
    INFO(cover);
    for (const std::string& s : std::vector<std::string>{"TỔNG LĐLĐ VIỆT NAM", "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI", "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
                                "Năm " + book.year, "Từ số 01 đến số 60", "Quyển số: 01", "Từ ngày", "đến ngày"})
        CHECK(cover.find(s) != std::string::npos);
    CHECK(cover.find("(1)") == std::string::npos);  // the table starts on page 2

    std::string all;
    for (int p = 2; p <= pages; ++p) {
        const std::string t = page_text(pdf, p);
        INFO("page " << p << ": " << t.substr(0, 300));
        // The header row (titles and "(1) … (10)") on every page of the table.
        for (const char* s : {"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "Người ký", "Ghi chú",
                              "chuyển", "lượng"})
            CHECK(t.find(s) != std::string::npos);
        all += t + " ";
    }
    // Every word of the ten titles (narrow columns wrap them over two or three lines).
    const std::string second = page_text(pdf, 2);
    for (const char* title : {"Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung", "Người ký",
                              "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận",
                              "Ghi chú"}) {
        std::istringstream words(title);
        for (std::string w; words >> w;) {
            INFO(title << ": " << w);
            CHECK(second.find(w) != std::string::npos);
        }
    }
    for (int i = 1; i <= kEntries; ++i) {
        char number[32];
        std::snprintf(number, sizeof number, "%02d/LĐLĐ-TG", i);
        INFO(number);
        CHECK(all.find(number) != std::string::npos);
        if (i != 7) CHECK(all.find(subject_of(i) + " ") != std::string::npos);
    }
    // The long trích yếu wraps inside its cell: every word of it is printed.
    std::istringstream words(kLong);
    for (std::string w; words >> w;) {
        INFO(w);
        CHECK(all.find(w) != std::string::npos);
    }
    for (const char* w : {"Hủy:", "soạn", "nhầm"}) CHECK(all.find(w) != std::string::npos);  // the void note

    // Landscape A4 throughout, and nothing outside the page's text block.
    const auto laid = bbox_layout(pdf);
    REQUIRE(static_cast<int>(laid.size()) == pages);
    for (const auto& page : laid) {
        CHECK(page.width == Approx(297).margin(0.5));
        CHECK(page.height == Approx(210).margin(0.5));
        for (const auto& line : page.lines) {
            INFO(line.text());
            CHECK(line.x_min() >= 25);
            CHECK(line.x_max() <= 297 - 10);
            CHECK(line.y_max() <= 210 - 15);
        }
    }
}

TEST_CASE("The register PDF is valid PDF/A-1b under Preflight and the same store gives the same bytes") {
    const Book book;
    const fs::path a = book.print("a.pdf");
    const fs::path b = book.print("b.pdf");
    CHECK(slurp(a) == slurp(b));
    // Past --max-pages the print fails naming the file and the limit, and leaves no file.
    const fs::path c = book.dir / "c.pdf";
    const Run over = run(vb() + " register print --year " + book.year + " --max-pages 2 -o " + quote(c.string()) + book.data);
    CHECK(over.exit_code == 1);
    CHECK(over.err.find("c.pdf: the document needs more pages than the limit of 2") != std::string::npos);
    CHECK_FALSE(fs::exists(c));
    const std::string cp = oracles::preflight_classpath();
    if (cp.empty()) {
        WARN("SKIPPED: PDFBox Preflight or java is not installed (Debian: libpdfbox2-java libactivation-java "
             "libjaxb-api-java default-jre-headless; scripts/install-deps.sh installs them)");
        return;
    }
    const Run r = run("java -cp " + quote(cp) + " org.apache.pdfbox.preflight.Validator_A1b " + quote(a.string()));
    INFO("Preflight said:\n" << r.out << r.err);
    CHECK(r.out.find("is a valid PDF/A-1b file") != std::string::npos);
    CHECK(r.out.find("not a valid") == std::string::npos);
    CHECK(r.exit_code == 0);
}

TEST_CASE("An empty register prints its cover and the table header and a wrong extension is refused") {
    const fs::path dir = scratch("register-pdf-empty");
    const std::string data = " --data " + quote((dir / "data").string());
    ok(vb() + " register init --org 'Công đoàn ngành Giáo dục'" + data);
    const fs::path pdf = dir / "empty.pdf";
    ok(vb() + " register print --year 2026 -o " + quote(pdf.string()) + data);
    CHECK(pages_of(pdf) == 2);
    CHECK(page_text(pdf, 1).find("CÔNG ĐOÀN NGÀNH GIÁO DỤC") != std::string::npos);
    CHECK(page_text(pdf, 2).find("(10)") != std::string::npos);
    const Run bad = run(vb() + " register print --year 2026 -o " + quote((dir / "so.docx").string()) + data);
    CHECK(bad.exit_code != 0);
    CHECK(bad.err.find(".pdf") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "so.docx"));
}
