#include "input/body.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vanban::input::detail {

using json = nlohmann::json;

namespace {

constexpr TextRule kNotBlank{.not_blank = true};
constexpr TextRule kUnprinted{.printed = false};

// Templates test each kind with {{#heading}}…{{/heading}}: all five keys are
// always there, so a misspelt kind in a template fails loudly instead of printing nothing.
json block_of(const char* kind, json value) {
    json block = {{"paragraph", false}, {"heading", false}, {"list", false},
                  {"table", false},     {"page_break", false}, {"article", false}};
    block[kind] = std::move(value);
    return block;
}

json with_text(std::string s) {
    json o = json::object();
    o["text"] = std::move(s);
    return o;
}

json heading(const Checker& c, const Field& f) {
    c.expect_object(f, {"heading", "level"});
    json out = with_text(c.required_text(f, "heading"));
    out["level"] = "1";
    if (const auto level = c.optional(f, "level")) {
        const auto n = whole_number(level->value);
        if (!n || *n < 1 || *n > 3) c.fail(*level, "expected 1, 2 or 3, got " + value_phrase(level->value));
        out["level"] = std::to_string(*n);
    }
    return out;
}

json list(const Checker& c, const Field& f) {
    c.expect_object(f, {"list", "marker"});
    const Field items = c.required(f, "list");
    c.expect_array(items, "item");
    json out = {{"marker", "-"}, {"items", json::array()}};
    for (std::size_t i = 0; i < items.value.size(); ++i) {
        out["items"].push_back(with_text(c.text(items.item(i), kNotBlank)));
    }
    if (const auto marker = c.optional(f, "marker")) {
        const std::string m = c.text(*marker, kUnprinted);
        c.expect_one_of(*marker, m, {"-", "+", "1.", "a)", "I."});
        out["marker"] = m;
    }
    return out;
}

json columns(const Checker& c, const Field& f) {
    c.expect_array(f, "column");
    json out = json::array();
    for (std::size_t i = 0; i < f.value.size(); ++i) {
        const Field column = f.item(i);
        c.expect_object(column, {"title", "width", "align"});
        json o = {{"title", c.text(c.required(column, "title"))}, {"width", "1"}, {"align", "left"}};
        if (const auto width = c.optional(column, "width")) {
            if (!width->value.is_number()) c.wrong_type(*width, "a number");
            if (!(width->value.get<double>() > 0)) {
                c.fail(*width, "expected a width greater than 0, got " + value_phrase(width->value));
            }
            o["width"] = c.number_text(*width);
        }
        if (const auto align = c.optional(column, "align")) {
            const std::string a = c.text(*align, kUnprinted);
            c.expect_one_of(*align, a, {"left", "center", "right"});
            o["align"] = a;
        }
        out.push_back(std::move(o));
    }
    return out;
}

json cell(const Checker& c, const Field& f) {
    if (f.value.is_number()) return {{"text", c.number_text(f)}, {"number", true}};
    if (!f.value.is_string()) c.wrong_type(f, "a string or a number");
    return {{"text", c.text(f)}, {"number", false}};
}

json rows(const Checker& c, const Field& f, std::size_t width) {
    c.expect_array(f);
    if (const std::size_t limit = c.options().max_table_rows; f.value.size() > limit) {
        c.fail(f, "the table has " + std::to_string(f.value.size()) + " rows, more than the limit of " +
                      std::to_string(limit));
    }
    json out = json::array();
    for (std::size_t i = 0; i < f.value.size(); ++i) {
        const Field row = f.item(i);
        c.expect_array(row);
        if (row.value.size() != width) {
            c.fail(row, "expected " + std::to_string(width) + (width == 1 ? " cell" : " cells") +
                            " (one per column), got " + std::to_string(row.value.size()));
        }
        json cells = json::array();
        for (std::size_t j = 0; j < width; ++j) cells.push_back(cell(c, row.item(j)));
        out.push_back({{"cells", std::move(cells)}});
    }
    return out;
}

json table(const Checker& c, const Field& f) {
    c.expect_object(f, {"table"});
    const Field t = f.member("table");
    c.expect_object(t, {"columns", "rows", "header_rows", "total_row"});
    json out = json::object();
    out["columns"] = columns(c, c.required(t, "columns"));
    out["rows"] = rows(c, c.required(t, "rows"), out["columns"].size());
    out["header_rows"] = "1";
    std::size_t header_rows_in_rows = 0;  // the column titles are the first header row
    if (const auto header_rows = c.optional(t, "header_rows")) {
        const auto n = whole_number(header_rows->value);
        if (!n || *n < 0) c.fail(*header_rows, "expected a whole number, 0 or more, got " + value_phrase(header_rows->value));
        out["header_rows"] = std::to_string(*n);
        if (*n > 1) header_rows_in_rows = static_cast<std::size_t>(*n - 1);
    }
    out["total_row"] = false;
    if (const auto total_row = c.optional(t, "total_row")) {
        out["total_row"] = c.boolean(*total_row);
        // The markup stage would refuse it too, but only with a template line: say it here,
        // at the field.
        if (out["total_row"] == true && out["rows"].size() <= header_rows_in_rows)
            c.fail(*total_row, "a total row needs at least one row after the header rows");
    }
    return out;
}

// Điều (R5.3): {"article": "Phạm vi điều chỉnh", "text": "…"}; "" for an article
// without a title. Numbered in order by the markup stage.
json article(const Checker& c, const Field& f) {
    c.expect_object(f, {"article", "text"});
    json out = json::object();
    out["title"] = c.text(f.member("article"));
    out["text"] = c.optional_text(f, "text");
    if (is_blank(out["title"].get<std::string>()) && is_blank(out["text"].get<std::string>())) {
        c.fail(f, "an article needs a title ('article') or some 'text'");
    }
    return out;
}

json page_break(const Checker& c, const Field& f) {
    c.expect_object(f, {"page_break"});
    const Field v = f.member("page_break");
    if (!c.boolean(v)) c.fail(v, "expected true (to have no page break, leave the block out)");
    return true;
}

json block(const Checker& c, const Field& f) {
    if (f.value.is_string()) return block_of("paragraph", with_text(c.text(f, kNotBlank)));
    if (!f.value.is_object()) {
        c.wrong_type(f, "a string (a paragraph) or an object (a heading, list, table, page break or article)");
    }
    std::vector<std::string> kinds;
    for (const char* k : {"heading", "list", "table", "page_break", "article"}) {
        if (f.value.contains(k)) kinds.push_back(k);
    }
    if (kinds.empty()) {
        c.expect_object(f, {"heading", "level", "list", "marker", "table", "page_break", "article", "text"});  // names a typo first
        c.fail(f, "expected one of 'heading', 'list', 'table', 'page_break', 'article'");
    }
    if (kinds.size() > 1) {
        std::string got;
        for (std::size_t i = 0; i < kinds.size(); ++i) {
            got += (i == 0 ? "'" : i + 1 == kinds.size() ? " and '" : ", '") + kinds[i] + "'";
        }
        c.fail(f, "expected only one of 'heading', 'list', 'table', 'page_break', 'article', got " + got);
    }
    const std::string& kind = kinds.front();
    if (kind == "heading") return block_of("heading", heading(c, f));
    if (kind == "list") return block_of("list", list(c, f));
    if (kind == "table") return block_of("table", table(c, f));
    if (kind == "article") return block_of("article", article(c, f));
    return block_of("page_break", page_break(c, f));
}

}  // namespace

json read_body(const Checker& c, const Field& body, bool required) {
    c.expect_array(body, required ? "block" : "");
    json out = json::array();
    for (std::size_t i = 0; i < body.value.size(); ++i) out.push_back(block(c, body.item(i)));
    return out;
}

}  // namespace vanban::input::detail
