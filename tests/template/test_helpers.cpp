// Template helpers, each against outputs written out by hand.
#include "core/diagnostic.h"
#include "template/helpers.h"
#include "template/template_library.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <thread>
#include <unistd.h>

using namespace vanban;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

// Renders `source` as a one-off template with `data`.
class Render {
public:
    // One directory per process: ctest -j runs test cases side by side.
    Render() : dir_(fs::temp_directory_path() / ("vanban-helpers-test-" + std::to_string(::getpid()))) {
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    ~Render() { fs::remove_all(dir_); }

    std::string operator()(const std::string& source, const json& data = json::object()) {
        const std::string name = "t" + std::to_string(counter_++);
        std::ofstream(dir_ / (name + ".mustache")) << source;
        return tmpl::TemplateLibrary({dir_}).render(name, data);
    }
    std::string error(const std::string& source, const json& data = json::object()) {
        try {
            (*this)(source, data);
        } catch (const Error& e) {
            return e.diagnostic().to_string();
        }
        return "(no error)";
    }
    const fs::path& dir() const { return dir_; }

private:
    fs::path dir_;
    int counter_ = 0;
};

struct Case {
    const char* in;
    const char* out;
};

// "{{#helper}}value{{/helper}}" for every case.
void check_table(Render& render, const std::string& helper, std::initializer_list<Case> cases) {
    for (const auto& c : cases) {
        INFO(helper << " of " << c.in);
        CHECK(render("{{#" + helper + "}}{{v}}{{/" + helper + "}}", {{"v", c.in}}) == c.out);
    }
}

}  // namespace

TEST_CASE("Every helper is listed") {
    CHECK(tmpl::helper_names() ==
          std::vector<std::string>{"amount_in_words", "capitalize", "date_phrase", "decimal", "in_words", "lower", "money",
                                   "month_year", "ordinal", "ordinal_roman", "percent", "quarter_year", "roman",
                                   "search_key", "sorted", "title_case", "upper", "weekday"});
}

TEST_CASE("Case helpers work on the text between tags and escape exactly once") {
    Render r;
    CHECK(r("{{#upper}}{{name}}{{/upper}}", {{"name", "Tổng Liên đoàn <A&B>"}}) == "TỔNG LIÊN ĐOÀN &lt;A&amp;B&gt;");
    CHECK(r("{{#upper}}<b>{{name}}</b> x{{/upper}}", {{"name", "hà nội"}}) == "<b>HÀ NỘI</b> X");
    CHECK(r("{{#lower}}{{name}}{{/lower}}", {{"name", "ỦY BAN NHÂN DÂN"}}) == "ủy ban nhân dân");
    CHECK(r("{{#title_case}}{{name}}{{/title_case}}", {{"name", "ỦY BAN NHÂN DÂN tỉnh đắk lắk"}}) ==
          "Ủy Ban Nhân Dân Tỉnh Đắk Lắk");
    CHECK(r("{{#capitalize}}<i>{{#in_words}}21{{/in_words}}</i> đồng{{/capitalize}}") == "<i>Hai mươi mốt</i> đồng");
    CHECK(r("{{#upper}}Vie\u0302\u0323t{{/upper}}") == "VIỆT");  // NFD in the template, NFC out
}

TEST_CASE("Date helpers") {
    Render r;
    check_table(r, "date_phrase",
                {{"2026-02-05", "ngày 05 tháng 02 năm 2026"},
                 {"2026-01-01", "ngày 01 tháng 01 năm 2026"},
                 {"2024-02-29", "ngày 29 tháng 02 năm 2024"},
                 {"2009-12-30", "ngày 30 tháng 12 năm 2009"},
                 {"2020-03-01", "ngày 01 tháng 3 năm 2020"}});
    check_table(r, "month_year",
                {{"2026-03-15", "tháng 3 năm 2026"}, {"2026-03", "tháng 3 năm 2026"}, {"2026-01", "tháng 1 năm 2026"}});
    check_table(r, "quarter_year",
                {{"2026-01-01", "Quý I năm 2026"},
                 {"2026-05", "Quý II năm 2026"},
                 {"2026-09-30", "Quý III năm 2026"},
                 {"2026-11", "Quý IV năm 2026"}});
    check_table(r, "weekday",
                {{"2026-02-05", "Thứ Năm"}, {"2026-02-01", "Chủ nhật"}, {"2024-02-29", "Thứ Năm"}, {"2026-01-01", "Thứ Năm"}});
}

TEST_CASE("Number helpers, from strings and from JSON numbers") {
    Render r;
    check_table(r, "decimal",
                {{"1234567", "1.234.567"}, {"1234567.5", "1.234.567,5"}, {"1234567.50", "1.234.567,50"}, {"-0.5", "-0,5"}});
    check_table(r, "percent", {{"12.5", "12,5%"}, {"100", "100%"}});
    check_table(r, "money", {{"1250000", "1.250.000 đồng"}, {"1250000.5", "1.250.000,5 đồng"}});
    CHECK(r("{{#decimal}}{{n}}{{/decimal}}", {{"n", 1234567.5}}) == "1.234.567,5");
    CHECK(r("{{#money}}{{n}}{{/money}}", {{"n", 1250000}}) == "1.250.000 đồng");
    CHECK(r("{{#roman}}4{{/roman}} {{#roman}}20{{/roman}} {{#roman}}2026{{/roman}}") == "IV XX MMXXVI");
    check_table(r, "ordinal", {{"1", "thứ nhất"}, {"2", "thứ hai"}, {"4", "thứ tư"}, {"14", "thứ mười bốn"}});
    CHECK(r("lần {{#ordinal_roman}}13{{/ordinal_roman}}") == "lần thứ XIII");
}

TEST_CASE("Numbers in words: the issue's list, options before the number") {
    Render r;
    check_table(r, "in_words",
                {{"0", "không"},
                 {"5", "năm"},
                 {"10", "mười"},
                 {"15", "mười lăm"},
                 {"21", "hai mươi mốt"},
                 {"24", "hai mươi tư"},
                 {"25", "hai mươi lăm"},
                 {"105", "một trăm linh năm"},
                 {"1005000", "một triệu năm nghìn"},
                 {"1000000000", "một tỷ"},
                 {"1000000000000000", "một triệu tỷ"},
                 {"lẻ 105", "một trăm lẻ năm"},
                 {"ngàn 1000", "một ngàn"},
                 {"lẻ ngàn 105000", "một trăm lẻ năm ngàn"}});
    check_table(r, "amount_in_words",
                {{"0", "Không đồng"},
                 {"5", "Năm đồng chẵn"},
                 {"10", "Mười đồng chẵn"},
                 {"15", "Mười lăm đồng chẵn"},
                 {"21", "Hai mươi mốt đồng chẵn"},
                 {"24", "Hai mươi tư đồng chẵn"},
                 {"25", "Hai mươi lăm đồng chẵn"},
                 {"105", "Một trăm linh năm đồng chẵn"},
                 {"1005000", "Một triệu không trăm linh năm nghìn đồng chẵn"},
                 {"1000000000", "Một tỷ đồng chẵn"},
                 {"1000000000000", "Một nghìn tỷ đồng chẵn"},
                 {"1000000000000000", "Một triệu tỷ đồng chẵn"},
                 {"-5", "Âm năm đồng chẵn"},
                 {"1250000.5", "Một triệu hai trăm năm mươi nghìn phẩy năm đồng"},
                 {"lẻ 105", "Một trăm lẻ năm đồng chẵn"}});
    CHECK(r("Bằng chữ: {{#amount_in_words}}{{total}}{{/amount_in_words}}./.", {{"total", 1250000}}) ==
          "Bằng chữ: Một triệu hai trăm năm mươi nghìn đồng chẵn./.");
}

TEST_CASE("Sorting lines in Vietnamese order, and search keys") {
    Render r;
    const std::string t = "<list>\n{{#sorted}}\n{{#items}}\n<item>{{.}}</item>\n{{/items}}\n{{/sorted}}\n</list>";
    const json data = {{"items", {"Hà Nội", "An Giang", "Đà Nẵng", "Bắc Ninh", "Cà Mau", "Bạc Liêu"}}};
    CHECK(r(t, data) ==
          "<list>\n<item>An Giang</item>\n<item>Bạc Liêu</item>\n<item>Bắc Ninh</item>\n<item>Cà Mau</item>\n"
          "<item>Đà Nẵng</item>\n<item>Hà Nội</item>\n</list>");
    CHECK(r("{{#search_key}}{{v}}{{/search_key}}", {{"v", "  Hà  Nội & Đắk Lắk "}}) == "ha noi &amp; dak lak");
}

TEST_CASE("Helpers report bad values at the template line; undefined names stay errors") {
    Render r;
    const auto msg = r.error("<a>\n  {{#decimal}}{{v}}{{/decimal}}\n</a>", {{"v", "12a"}});
    CHECK(msg.find(":2:3: helper 'decimal': expected a number") != std::string::npos);
    CHECK(msg.find("got '12a'") != std::string::npos);
    CHECK(r.error("{{#roman}}0{{/roman}}").find("helper 'roman': expected a whole number from 1 to 3999") !=
          std::string::npos);
    CHECK(r.error("{{#date_phrase}}2026-02-30{{/date_phrase}}").find("expected a date as YYYY-MM-DD") !=
          std::string::npos);
    CHECK(r.error("{{#in_words}}bốn 5{{/in_words}}").find("unknown option 'bốn'") != std::string::npos);
    CHECK(r.error("{{#money}}<b>5</b>{{/money}}").find("expects a value, not markup") != std::string::npos);
    CHECK(r.error("{{#uper}}x{{/uper}}").find("the data has no value named 'uper' (strict mode)") != std::string::npos);
    CHECK(r.error("{{upper}}") != "(no error)");  // a helper is a section, not a variable
}

TEST_CASE("An empty value leaves a gap, and the data's own names win") {
    Render r;
    CHECK(r("[{{#money}}{{total}}{{/money}}]", {{"total", ""}}) == "[]");
    CHECK(r("[{{#date_phrase}}{{date}}{{/date_phrase}}]", {{"date", nullptr}}) == "[]");
    CHECK(r("{{upper}}", {{"upper", "mine"}}) == "mine");
}

TEST_CASE("Helpers render from several threads at once") {
    Render r;
    std::ofstream(r.dir() / "par.mustache") << "{{#amount_in_words}}{{n}}{{/amount_in_words}}|{{#upper}}{{s}}{{/upper}}";
    const tmpl::TemplateLibrary lib({r.dir()});
    std::vector<std::thread> threads;
    std::vector<int> wrong(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 100; ++i) {
                const auto out = lib.render("par", {{"n", 1005000}, {"s", "đắk lắk"}});
                if (out != "Một triệu không trăm linh năm nghìn đồng chẵn|ĐẮK LẮK") ++wrong[static_cast<std::size_t>(t)];
            }
        });
    }
    for (auto& th : threads) th.join();
    CHECK(wrong == std::vector<int>(4, 0));
}
