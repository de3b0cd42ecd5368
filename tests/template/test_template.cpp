#include "core/diagnostic.h"
#include "template/template_library.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <atomic>
#include <fstream>
#include <functional>
#include <thread>

using namespace vanban;
namespace fs = std::filesystem;

namespace {

// A scratch template directory for one test.
struct Dir {
    fs::path path;
    explicit Dir(const std::string& name) : path(fs::temp_directory_path() / ("vanban-tmpl-" + name)) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~Dir() { fs::remove_all(path); }
    void write(const std::string& name, const std::string& text) const { std::ofstream(path / name) << text; }
};

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.diagnostic().to_string();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("Values are XML-escaped, numbers print as text and empty strings are false") {
    Dir d("escape");
    d.write("t.mustache", "<a>{{name}}</a><n>{{n}}</n>{{#e}}E{{/e}}{{^e}}no-e{{/e}}");
    tmpl::TemplateLibrary lib({d.path});
    const auto out = lib.render("t", {{"name", "<A&B> \"q\" 'x'"}, {"n", 5}, {"e", ""}});
    CHECK(out == "<a>&lt;A&amp;B&gt; &quot;q&quot; &apos;x&apos;</a><n>5</n>no-e");
}

TEST_CASE("Strict mode names the template line of an undefined variable") {
    Dir d("strict");
    d.write("t.mustache", "<a>\n  <b>{{subjct}}</b>\n</a>");
    tmpl::TemplateLibrary lib({d.path});
    const auto msg = error_of([&] { lib.render("t", {{"subject", "x"}}); });
    CHECK(msg == (d.path / "t.mustache").string() + ":2:6: the data has no value named 'subjct' (strict mode)");
    CHECK_NOTHROW(lib.render("t", {{"subject", "x"}}, tmpl::RenderOptions{false}));
}

TEST_CASE("A Mustache syntax error is reported as line and column, not a byte offset") {
    Dir d("syntax");
    d.write("t.mustache", "line one\n{{#a}}\nthree {{b}}\n");
    tmpl::TemplateLibrary lib({d.path});
    const auto msg = error_of([&] { lib.get("t"); });
    CHECK(msg == (d.path / "t.mustache").string() + ":2:1: unclosed section \"a\"");
}

TEST_CASE("An error inside a partial points into the partial's own file") {
    Dir d("partial-error");
    d.write("t.mustache", "<doc>\n{{> _part}}\n</doc>");
    d.write("_part.mustache", "ok\n  {{unclosed\n");
    tmpl::TemplateLibrary lib({d.path});
    const auto msg = error_of([&] { lib.get("t"); });
    CHECK(msg.rfind((d.path / "_part.mustache").string() + ":2:3: unclosed tag", 0) == 0);
}

TEST_CASE("Partials are spliced from the template directories") {
    Dir d("partials");
    d.write("t.mustache", "[{{> _p}}]");
    d.write("_p.mustache", "{{x}}");
    tmpl::TemplateLibrary lib({d.path});
    CHECK(lib.render("t", {{"x", "y"}}) == "[y]");
    CHECK(lib.names() == std::vector<std::string>{"t"});  // "_" partials are not listed
}

TEST_CASE("Template and partial names cannot escape the template directories") {
    Dir d("hostile");
    d.write("t.mustache", "a\n {{> ../../etc/passwd}}");
    tmpl::TemplateLibrary lib({d.path});
    CHECK(error_of([&] { lib.get("../x"); }) ==
          "<input>: /template: invalid template name '../x': use lowercase letters, digits, '-' and '_' only");
    CHECK(error_of([&] { lib.get("a/b"); }) ==
          "<input>: /template: invalid template name 'a/b': use lowercase letters, digits, '-' and '_' only");
    CHECK(error_of([&] { lib.get("t"); }) ==
          (d.path / "t.mustache").string() +
              ":2:2: invalid partial name '../../etc/passwd': use lowercase letters, digits, '-' and '_' only");
}

TEST_CASE("A partial that includes itself is an error, not a stack overflow") {
    Dir d("recursive");
    d.write("t.mustache", "{{> _a}}");
    d.write("_a.mustache", "a{{> _b}}");
    d.write("_b.mustache", "b{{> _a}}");
    tmpl::TemplateLibrary lib({d.path});
    CHECK(error_of([&] { lib.get("t"); }) == (d.path / "_b.mustache").string() + ":1:2: partial '_a' includes itself");
}

TEST_CASE("An unknown template lists the directories searched") {
    Dir d("unknown");
    tmpl::TemplateLibrary lib({d.path});
    CHECK(error_of([&] { lib.get("cong-vann"); }) ==
          "<input>: /template: no template named 'cong-vann' in " + d.path.string());
}

TEST_CASE("A user template directory overrides the shipped one") {
    Dir user("user"), shipped("shipped");
    shipped.write("t.mustache", "shipped");
    user.write("t.mustache", "user");
    tmpl::TemplateLibrary lib({user.path, shipped.path});
    CHECK(lib.render("t", nlohmann::json::object()) == "user");
}

TEST_CASE("Parsed templates are cached and render the same from several threads") {
    Dir d("threads");
    d.write("t.mustache", "{{#items}}<i>{{.}}</i>{{/items}}");
    tmpl::TemplateLibrary lib({d.path});
    nlohmann::json data{{"items", {"a", "b", "c"}}};
    CHECK(lib.get("t") == lib.get("t"));
    std::vector<std::thread> ts;
    std::atomic<int> bad{0};
    for (int i = 0; i < 4; ++i) {
        ts.emplace_back([&] {
            for (int k = 0; k < 200; ++k)
                if (lib.render("t", data) != "<i>a</i><i>b</i><i>c</i>") ++bad;
        });
    }
    for (auto& t : ts) t.join();
    CHECK(bad == 0);
}

TEST_CASE("Fuzz regression: sections nested more than 64 deep are refused before kainjow parses them") {
    // kainjow copies each section's inner text: 50,000 nested sections ran out of memory.
    auto nested = [](int n, const std::string& open, const std::string& close) {
        std::string s;
        for (int i = 0; i < n; ++i) s += open + (i % 2 ? "^e" : "#e") + close;
        s += "x";
        for (int i = 0; i < n; ++i) s += open + "/e" + close;
        return s;
    };
    Dir d("deep-sections");
    d.write("ok.mustache", nested(64, "{{", "}}"));
    d.write("deep.mustache", nested(65, "{{", "}}"));
    d.write("huge.mustache", nested(50000, "{{", "}}"));
    d.write("delims.mustache", "{{=<% %>=}}" + nested(65, "<%", "%>"));
    tmpl::TemplateLibrary lib({d.path});
    CHECK(lib.render("ok", nlohmann::json{{"e", true}}) == "");  // 32 "#e" and 32 "^e" (false)
    // 64 tags of 6 characters come first: the 65th starts at column 385.
    CHECK(error_of([&] { lib.get("deep"); }) == (d.path / "deep.mustache").string() + ":1:385: sections nested more than 64 deep");
    CHECK(error_of([&] { lib.get("huge"); }) == (d.path / "huge.mustache").string() + ":1:385: sections nested more than 64 deep");
    CHECK(error_of([&] { lib.get("delims"); }) ==
          (d.path / "delims.mustache").string() + ":1:396: sections nested more than 64 deep");
}
