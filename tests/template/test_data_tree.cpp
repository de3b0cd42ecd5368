// Lists of objects reach kainjow as placeholders converted one item at a time
// (template/data_tree.h). These tests compare with what the template library printed
// before: the same templates rendered by kainjow over a tree built in full.
#include "core/diagnostic.h"
#include "template/template_library.h"

#include <catch2/catch.hpp>
#include <kainjow/mustache.hpp>

#include <filesystem>
#include <fstream>

using namespace vanban;
namespace fs = std::filesystem;
namespace mu = kainjow::mustache;
using json = nlohmann::json;

namespace {

struct Dir {
    fs::path path;
    explicit Dir(const std::string& name) : path(fs::temp_directory_path() / ("vanban-tree-" + name)) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~Dir() { fs::remove_all(path); }
    void write(const std::string& name, const std::string& text) const { std::ofstream(path / name) << text; }
};

// The whole tree, as the template library built it before lists were deferred.
mu::data full_tree(const json& j) {
    if (j.is_object()) {
        mu::data d{mu::data::type::object};
        for (const auto& [k, v] : j.items()) d.set(k, full_tree(v));
        return d;
    }
    if (j.is_array()) {
        mu::data d{mu::data::type::list};
        for (const auto& v : j) d.push_back(full_tree(v));
        return d;
    }
    if (j.is_string()) return j.get<std::string>().empty() ? mu::data{false} : mu::data{j.get<std::string>()};
    if (j.is_boolean()) return mu::data{j.get<bool>()};
    if (j.is_null()) return mu::data{false};
    return mu::data{j.dump()};
}

std::string oracle(const std::string& text, const json& data) {
    mu::mustache m{text};
    m.set_custom_escape([](const std::string& s) { return tmpl::xml_escape(s); });
    return m.render(full_tree(data));
}

std::string render(const std::string& name, const std::string& text, const json& data) {
    Dir d(name);
    d.write("t.mustache", text);
    return tmpl::TemplateLibrary({d.path}).render("t", data, tmpl::RenderOptions{false});
}

const json kTable = json::parse(R"({
  "title": "Bảng & số liệu",
  "body": [
    {"paragraph": {"text": "Mở đầu"}, "table": false},
    {"paragraph": false, "table": {"columns": [{"title": "A"}, {"title": "B"}],
      "rows": [{"cells": [{"text": "1", "number": true}, {"text": "x <y>", "number": false}]},
               {"cells": [{"text": "2", "number": true}, {"text": "", "number": false}]},
               {"cells": [{"text": "3.50", "number": true}, {"text": "z", "number": false}]}]}},
    {"paragraph": {"text": "Kết thúc"}, "table": false}
  ],
  "empty": [],
  "grid": [[{"v": "a"}, {"v": "b"}], [{"v": "c"}]],
  "names": ["một", "hai"]
})");

}  // namespace

TEST_CASE("Rows and cells of a table render as a fully built data tree renders them") {
    const std::string t =
        "{{#body}}\n"
        "  {{#paragraph}}<p>{{text}}</p>{{/paragraph}}\n"
        "  {{#table}}<table>\n"
        "    {{#columns}}<column>{{title}}</column>{{/columns}}\n"
        "    {{#rows}}<row>{{#cells}}<cell{{#number}} number=\"true\"{{/number}}>{{text}}</cell>{{/cells}}</row>\n"
        "    {{/rows}}\n"
        "  </table>{{/table}}\n"
        "{{/body}}\n";
    const auto out = render("rows", t, kTable);
    CHECK(out == oracle(t, kTable));
    CHECK(out.find("<cell number=\"true\">3.50</cell><cell>z</cell>") != std::string::npos);
}

TEST_CASE("Names inside a list item fall back to the enclosing items and the root") {
    const std::string t = "{{#body}}{{#table}}{{#rows}}{{#cells}}[{{text}}|{{title}}]{{/cells}}{{/rows}}{{/table}}{{/body}}";
    const auto out = render("fallback", t, kTable);
    CHECK(out == oracle(t, kTable));
    CHECK(out.find("[1|Bảng &amp; số liệu]") != std::string::npos);
}

TEST_CASE("A list of lists, the dot, a list entered twice and empty lists render as before") {
    const std::string t = "{{#grid}}({{#.}}{{v}}{{/.}}){{/grid}}|{{#grid}}{{#.}}{{v}}{{/.}}{{/grid}}|"
                          "{{^empty}}none{{/empty}}{{#empty}}some{{/empty}}|{{^body}}no body{{/body}}|"
                          "{{#names}}{{.}};{{/names}}|{{body.1.table}}";
    const auto out = render("lists", t, kTable);
    CHECK(out == oracle(t, kTable));
    CHECK(out.rfind("(ab)(c)|abc|none||một;hai;|", 0) == 0);
}

TEST_CASE("Helpers run inside a list item and see its values") {
    const auto out = render("helpers", "{{#body}}{{#paragraph}}{{#upper}}{{text}}{{/upper}} {{/paragraph}}{{/body}}", kTable);
    CHECK(out == "MỞ ĐẦU KẾT THÚC ");
}

TEST_CASE("Strict mode still names a value missing inside a list item") {
    Dir d("strict-item");
    d.write("t.mustache", "{{#body}}{{#table}}{{#rows}}{{#cells}}{{txt}}{{/cells}}{{/rows}}{{/table}}{{/body}}");
    tmpl::TemplateLibrary lib({d.path});
    try {
        lib.render("t", kTable);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.diagnostic().message == "the data has no value named 'txt' (strict mode)");
    }
}

TEST_CASE("A table of 20,000 rows renders every row once and in order") {
    json doc = {{"rows", json::array()}};
    for (int i = 0; i < 20000; ++i) doc["rows"].push_back({{"cells", {{{"text", std::to_string(i)}}}}});
    const std::string t = "{{#rows}}{{#cells}}{{text}},{{/cells}}{{/rows}}";
    const auto out = render("many", t, doc);
    CHECK(out == oracle(t, doc));
    CHECK(out.substr(0, 8) == "0,1,2,3,");
    CHECK(out.substr(out.size() - 6) == "19999,");
}
