#include "markup/markup.h"

#include "text/text.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>
#include <initializer_list>

namespace vanban::markup {

namespace {

constexpr int kMaxInlineDepth = 32;  // <b>/<i> inside each other

class Reader {
public:
    Reader(std::string_view xml, std::string_view name) : xml_(xml), name_(name) {}

    [[noreturn]] void fail_at(std::ptrdiff_t offset, const std::string& element, const std::string& message) const {
        const auto lc = line_column_at(xml_, offset < 0 ? 0 : static_cast<std::size_t>(offset));
        throw MarkupError(Diagnostic{name_, lc.line, lc.column, {}, message}, element);
    }
    [[noreturn]] void fail(const pugi::xml_node& n, const std::string& message) const {
        fail_at(tag_offset(n), std::string("<") + n.name(), message);
    }

    // Elements are visited in document order, so the line and column of each one is
    // counted on from the previous one: linear in the markup, not quadratic (16k
    // paragraphs took 23 s counting from the start every time).
    model::SourceRef ref(const pugi::xml_node& n) const {
        const auto offset = std::min(xml_.size(), static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, tag_offset(n))));
        if (offset < cursor_offset_) {  // out of order (never in a normal walk): start again
            cursor_offset_ = 0;
            cursor_ = LineColumn{};
        }
        const auto step = line_column_at(xml_.substr(cursor_offset_), offset - cursor_offset_);
        cursor_.column = step.line > 1 ? step.column : cursor_.column + step.column - 1;
        cursor_.line += step.line - 1;
        cursor_offset_ = offset;
        return {cursor_.line, cursor_.column};
    }

    // pugixml gives the offset of an element's name; point at its '<' instead.
    std::ptrdiff_t tag_offset(const pugi::xml_node& n) const {
        const auto off = n.offset_debug();
        return off > 0 && xml_[static_cast<std::size_t>(off - 1)] == '<' ? off - 1 : off;
    }

    // Every attribute of `n` must be one of `allowed`.
    void only_attributes(const pugi::xml_node& n, std::initializer_list<std::string_view> allowed) const {
        for (const auto& a : n.attributes()) {
            if (std::find(allowed.begin(), allowed.end(), std::string_view(a.name())) == allowed.end()) {
                fail(n, std::string("unknown attribute '") + a.name() + "' on <" + n.name() + ">");
            }
        }
    }

    // Cleans a piece of text exactly as the input stage does, so that text a template
    // writes literally obeys the same rules as text from the data.
    std::string clean(const pugi::xml_node& at, std::string_view s, bool keep_newlines) const {
        std::optional<text::TextProblem> problem;
        auto out = text::clean_text(s, text::CleanOptions{keep_newlines}, problem);
        if (problem) fail(at, problem->message);
        return out;
    }

    // Collapses whitespace runs to one space and trims; keeps "\n" when asked (names).
    static std::string collapse(std::string_view s, bool keep_newlines) {
        std::string out;
        bool space = false, newline = false;
        for (const char c : s) {
            const bool ws = c == ' ' || c == '\t' || c == '\r' || c == '\n';
            if (ws) {
                space = true;
                if (c == '\n') newline = true;
                continue;
            }
            if (space && !out.empty()) out += (keep_newlines && newline) ? '\n' : ' ';
            space = newline = false;
            out += c;
        }
        return out;
    }

    // Plain text content of an element with no child elements allowed.
    std::string plain(const pugi::xml_node& n, bool keep_newlines = false,
                      std::initializer_list<std::string_view> attributes = {}) const {
        only_attributes(n, attributes);
        std::string raw;
        for (const auto& c : n.children()) {
            if (c.type() == pugi::node_element) fail(c, std::string("<") + c.name() + "> is not allowed inside <" + n.name() + ">");
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) raw += c.value();
        }
        return collapse(clean(n, raw, keep_newlines), keep_newlines);
    }

    // Inline text: text, <b>, <i>, nested; **bold** / *italic* inside text.
    model::InlineText inline_text(const pugi::xml_node& n) const {
        model::InlineText out;
        collect(n, false, false, out);
        // Collapse whitespace across spans, then drop empty spans.
        model::InlineText merged;
        bool prev_space = true;  // trims the start
        for (auto& s : out) {
            std::string t;
            for (const char c : s.text) {
                const bool ws = c == ' ';
                if (ws && prev_space) continue;
                t += c;
                prev_space = ws;
            }
            if (t.empty()) continue;
            if (!merged.empty() && merged.back().bold == s.bold && merged.back().italic == s.italic) {
                merged.back().text += t;
            } else {
                merged.push_back({t, s.bold, s.italic});
            }
        }
        while (!merged.empty()) {  // trim the end
            auto& t = merged.back().text;
            while (!t.empty() && t.back() == ' ') t.pop_back();
            if (!t.empty()) break;
            merged.pop_back();
        }
        return merged;
    }

private:
    // `depth` counts the <b>/<i> around `n`: a template could nest them deep enough to
    // overflow the stack (fuzz_markup), and more than a few never means anything.
    void collect(const pugi::xml_node& n, bool bold, bool italic, model::InlineText& out, int depth = 0) const {
        for (const auto& c : n.children()) {
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
                const auto cleaned = clean(n, c.value(), false);
                for (const auto& span : text::parse_emphasis(cleaned)) {
                    std::string t;
                    for (const char ch : span.text) t += (ch == '\n' || ch == '\t' || ch == '\r') ? ' ' : ch;
                    out.push_back({t, bold || span.bold, italic || span.italic});
                }
            } else if (c.type() == pugi::node_element) {
                const std::string_view tag = c.name();
                only_attributes(c, {});
                if ((tag == "b" || tag == "i") && depth >= kMaxInlineDepth) {
                    fail(c, "<b> and <i> nested more than " + std::to_string(kMaxInlineDepth) + " deep");
                }
                if (tag == "b") collect(c, true, italic, out, depth + 1);
                else if (tag == "i") collect(c, bold, true, out, depth + 1);
                else fail(c, "unknown inline element <" + std::string(tag) + "> (expected <b> or <i>)");
            }
        }
    }

    std::string_view xml_;
    std::string name_;
    // Where ref() last counted to (see ref()).
    mutable std::size_t cursor_offset_ = 0;
    mutable LineColumn cursor_{};
};

model::Urgency urgency_of(const Reader& r, const pugi::xml_node& n) {
    const auto v = r.plain(n);
    if (v == "Khẩn") return model::Urgency::khan;
    if (v == "Thượng khẩn") return model::Urgency::thuong_khan;
    if (v == "Hỏa tốc" || v == "Hoả tốc") return model::Urgency::hoa_toc;
    r.fail(n, "unknown urgency '" + v + "' (expected Khẩn, Thượng khẩn or Hỏa tốc)");
}

model::Confidentiality confidentiality_of(const Reader& r, const pugi::xml_node& n) {
    const auto v = r.plain(n);
    if (v == "Mật") return model::Confidentiality::mat;
    if (v == "Tối mật") return model::Confidentiality::toi_mat;
    if (v == "Tuyệt mật") return model::Confidentiality::tuyet_mat;
    r.fail(n, "unknown confidentiality '" + v + "' (expected Mật, Tối mật or Tuyệt mật)");
}

bool bool_attr(const Reader& r, const pugi::xml_node& n, const char* name, bool fallback) {
    const auto a = n.attribute(name);
    if (!a) return fallback;
    const std::string_view v = a.value();
    if (v == "true" || v == "yes") return true;
    if (v == "false" || v == "no" || v.empty()) return false;
    r.fail(n, std::string("attribute '") + name + "' must be true or false, not '" + std::string(v) + "'");
}

model::Table read_table(const Reader& r, const pugi::xml_node& t) {
    r.only_attributes(t, {"header-rows", "total-row", "column-numbers"});
    model::Table table;
    table.source = r.ref(t);
    const std::string hr = t.attribute("header-rows").as_string("1");
    if (hr.empty() || hr.size() > 2 || !std::all_of(hr.begin(), hr.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
        r.fail(t, "header-rows must be a whole number, not '" + hr + "'");
    }
    table.header_rows = std::stoi(hr);
    table.total_row = bool_attr(r, t, "total-row", false);
    table.column_numbers = bool_attr(r, t, "column-numbers", false);
    for (const auto& c : t.children()) {
        if (c.type() != pugi::node_element) continue;
        const std::string_view tag = c.name();
        if (tag == "column") {
            r.only_attributes(c, {"width", "align"});
            model::TableColumn col;
            col.title = r.inline_text(c);
            const std::string w = c.attribute("width").as_string("1");
            char* end = nullptr;
            col.width = std::strtod(w.c_str(), &end);
            if (w.empty() || *end != '\0' || !(col.width > 0) || col.width > 1000) {
                r.fail(c, "column width must be a number greater than 0, not '" + w + "'");
            }
            const std::string a = c.attribute("align").as_string("left");
            if (a == "left") col.align = model::Align::left;
            else if (a == "center") col.align = model::Align::center;
            else if (a == "right") col.align = model::Align::right;
            else r.fail(c, "column align must be left, center or right, not '" + a + "'");
            if (!table.rows.empty()) r.fail(c, "<column> elements must come before the first <row>");
            table.columns.push_back(std::move(col));
        } else if (tag == "row") {
            r.only_attributes(c, {});
            std::vector<model::TableCell> row;
            for (const auto& cell : c.children()) {
                if (cell.type() != pugi::node_element) continue;
                if (std::string_view(cell.name()) != "cell") r.fail(cell, std::string("unknown element <") + cell.name() + "> in <row> (expected <cell>)");
                r.only_attributes(cell, {"number"});
                model::TableCell tc;
                tc.number = bool_attr(r, cell, "number", false);
                tc.text = r.inline_text(cell);
                if (tc.number) {
                    const std::string v = model::plain_text(tc.text);
                    // A number cell holds a plain decimal: -1234567.5
                    std::size_t i = (!v.empty() && v[0] == '-') ? 1 : 0;
                    bool digits = i < v.size(), dot = false;
                    for (; i < v.size(); ++i) {
                        if (v[i] == '.' && !dot) dot = true;
                        else if (v[i] < '0' || v[i] > '9') digits = false;
                    }
                    if (!digits) r.fail(cell, "a number cell must hold a decimal number like 1234567.5, not '" + v + "'");
                }
                row.push_back(std::move(tc));
            }
            if (row.size() != table.columns.size()) {
                const auto n = table.columns.size();
                r.fail(c, "a <row> needs " + std::to_string(n) + (n == 1 ? " cell" : " cells") +
                              " (one per <column>), not " + std::to_string(row.size()));
            }
            table.rows.push_back(std::move(row));
        } else {
            r.fail(c, "unknown element <" + std::string(tag) + "> in <table> (expected column or row)");
        }
    }
    if (table.columns.empty()) r.fail(t, "a <table> needs at least one <column>");
    if (table.header_rows < 1) table.header_rows = 1;  // the titles row is always a header
    if (static_cast<std::size_t>(table.header_rows - 1) > table.rows.size()) r.fail(t, "header-rows is larger than the table");
    if (table.total_row && static_cast<std::size_t>(table.header_rows - 1) >= table.rows.size()) {
        r.fail(t, "a total row needs at least one row after the header rows");
    }
    return table;
}

// Reads the block elements inside `body` (a <body> or an <appendix>), skipping the
// elements named in `skip` (an appendix's <title>).
// <preamble><authority>…</authority><basis>…</basis>…<enact>QUYẾT ĐỊNH:</enact></preamble>
model::Preamble read_preamble(const Reader& r, const pugi::xml_node& n) {
    r.only_attributes(n, {});
    model::Preamble pre;
    pre.source = r.ref(n);
    for (const auto& c : n.children()) {
        if (c.type() != pugi::node_element) continue;
        const std::string_view tag = c.name();
        r.only_attributes(c, {});
        if (tag == "authority") pre.authority = r.plain(c);
        else if (tag == "basis") {
            auto t = r.inline_text(c);
            if (!t.empty()) pre.bases.push_back(std::move(t));
        } else if (tag == "enact") pre.enact = r.plain(c);
        else r.fail(c, "unknown element <" + std::string(tag) + "> in <preamble> (expected authority, basis or enact)");
    }
    return pre;
}

// <article title="Phạm vi điều chỉnh" number="2">text</article>; without `number` the
// article takes the next number in the body.
model::Article read_article(const Reader& r, const pugi::xml_node& n, int& next) {
    r.only_attributes(n, {"title", "number"});
    model::Article a;
    a.number = next;
    if (const auto num = n.attribute("number"); num && *num.value()) {
        const std::string v = num.value();
        if (v.size() > 4 || v.find_first_not_of("0123456789") != std::string::npos || v.front() == '0') {
            r.fail(n, "article number must be a whole number from 1, not '" + v + "'");
        }
        a.number = std::stoi(v);
        next = a.number;
    }
    if (const auto t = n.attribute("title")) a.title = model::InlineText{model::Span{Reader::collapse(t.value(), false)}};
    if (!a.title.empty() && a.title.front().text.empty()) a.title.clear();
    a.text = r.inline_text(n);
    a.source = r.ref(n);
    if (a.title.empty() && a.text.empty()) r.fail(n, "an <article> needs a title or some text");
    return a;
}

std::vector<model::Block> read_blocks(const Reader& r, const pugi::xml_node& body,
                                      std::initializer_list<std::string_view> skip = {}) {
    std::vector<model::Block> blocks;
    int articles = 0;  // Điều are numbered in order unless the markup says otherwise
    for (const auto& c : body.children()) {
        if (c.type() != pugi::node_element) {
            if (c.type() == pugi::node_pcdata && !Reader::collapse(c.value(), false).empty()) {
                r.fail(body, std::string("text directly inside <") + body.name() + "> must be in a <p>");
            }
            continue;
        }
        const std::string_view tag = c.name();
        if (std::find(skip.begin(), skip.end(), tag) != skip.end()) continue;
        if (tag == "p") {
            r.only_attributes(c, {});
            auto t = r.inline_text(c);
            if (!t.empty()) blocks.emplace_back(model::Paragraph{std::move(t), r.ref(c)});
        } else if (tag == "heading") {
            r.only_attributes(c, {"level"});
            const std::string lv = c.attribute("level").as_string("1");
            if (lv != "1" && lv != "2" && lv != "3") r.fail(c, "heading level must be 1, 2 or 3, not '" + lv + "'");
            model::Heading h;
            h.level = lv[0] - '0';
            h.text = r.inline_text(c);
            h.source = r.ref(c);
            blocks.emplace_back(std::move(h));
        } else if (tag == "list") {
            r.only_attributes(c, {"marker"});
            model::List list;
            list.marker = c.attribute("marker").as_string("-");
            static constexpr std::string_view kMarkers[] = {"-", "+", "1.", "a)", "I."};
            if (std::find(std::begin(kMarkers), std::end(kMarkers), list.marker) == std::end(kMarkers)) {
                r.fail(c, "list marker must be one of - + 1. a) I., not '" + list.marker + "'");
            }
            list.source = r.ref(c);
            for (const auto& item : c.children()) {
                if (item.type() != pugi::node_element) continue;
                if (std::string_view(item.name()) != "item") r.fail(item, std::string("unknown element <") + item.name() + "> in <list> (expected <item>)");
                r.only_attributes(item, {});
                list.items.push_back(r.inline_text(item));
            }
            if (list.items.empty()) r.fail(c, "a <list> needs at least one <item>");
            blocks.emplace_back(std::move(list));
        } else if (tag == "table") {
            blocks.emplace_back(read_table(r, c));
        } else if (tag == "page-break") {
            r.only_attributes(c, {});
            blocks.emplace_back(model::PageBreak{r.ref(c)});
        } else if (tag == "preamble") {
            blocks.emplace_back(read_preamble(r, c));
        } else if (tag == "article") {
            {
            ++articles;
            blocks.emplace_back(read_article(r, c, articles));
        }
        } else {
            r.fail(c, "unknown element <" + std::string(tag) + "> in <" + std::string(body.name()) + "> (expected p, heading, list, table, page-break, preamble or article)");
        }
    }
    return blocks;
}

model::Appendix read_appendix(const Reader& r, const pugi::xml_node& n) {
    r.only_attributes(n, {"orientation", "label"});
    model::Appendix a;
    const std::string o = n.attribute("orientation").as_string("portrait");
    if (o != "portrait" && o != "landscape") r.fail(n, "orientation must be portrait or landscape, not '" + o + "'");
    a.landscape = o == "landscape";
    // R8.1: label="II" prints "Phụ lục II" (none: numbered by position); <title> is the
    // appendix's own title (optional; "\n" in it forces a break).
    a.label = Reader::collapse(r.clean(n, n.attribute("label").value(), false), false);
    if (const auto t = n.child("title")) a.title = r.plain(t, true);
    a.body = read_blocks(r, n, {"title"});
    return a;
}

void read_signers(const Reader& r, const pugi::xml_node& n, model::Document& doc) {
    r.only_attributes(n, {});
    for (const auto& s : n.children()) {
        if (s.type() != pugi::node_element) continue;
        if (std::string_view(s.name()) != "signer") r.fail(s, std::string("unknown element <") + s.name() + "> in <signers> (expected <signer>)");
        r.only_attributes(s, {});
        model::SignatureBlock b;
        for (const auto& f : s.children()) {
            if (f.type() != pugi::node_element) continue;
            const std::string_view tag = f.name();
            if (tag == "authority") b.authority = r.plain(f);
            else if (tag == "acting") b.acting = r.plain(f);
            else if (tag == "title") b.title = r.plain(f);
            else if (tag == "name") b.name = r.plain(f);
            else r.fail(f, "unknown element <" + std::string(tag) + "> in <signer> (expected authority, acting, title or name)");
        }
        if (b.name.empty()) r.fail(s, "a <signer> needs a <name>");
        if (b.title.empty() && b.authority.empty()) r.fail(s, "a <signer> needs a <title> or an <authority>");
        doc.signers.push_back(std::move(b));
    }
}

std::vector<std::string> read_items(const Reader& r, const pugi::xml_node& n, const char* item_tag) {
    r.only_attributes(n, {});
    std::vector<std::string> out;
    for (const auto& c : n.children()) {
        if (c.type() != pugi::node_element) continue;
        if (std::string_view(c.name()) != item_tag) {
            r.fail(c, std::string("unknown element <") + c.name() + "> in <" + n.name() + "> (expected <" + item_tag + ">)");
        }
        auto t = r.plain(c);
        if (!t.empty()) out.push_back(std::move(t));
    }
    return out;
}

}  // namespace

model::Document parse(std::string_view xml, std::string_view source_name) {
    Reader r(xml, source_name);
    pugi::xml_document xdoc;
    const auto res = xdoc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single,
                                      pugi::encoding_utf8);
    if (!res) r.fail_at(res.offset, "", std::string("ill-formed markup: ") + res.description());

    const auto root = xdoc.document_element();
    if (std::string_view(root.name()) != "document") r.fail(root, "the markup's root element must be <document>");
    r.only_attributes(root, {"end-mark"});

    model::Document doc;
    doc.end_mark = bool_attr(r, root, "end-mark", true);
    bool have_issuer = false, have_number = false, have_date = false, have_subject = false, have_body = false;
    for (const auto& c : root.children()) {
        if (c.type() != pugi::node_element) continue;
        const std::string_view tag = c.name();
        if (tag == "issuer") {
            r.only_attributes(c, {});
            for (const auto& f : c.children()) {
                if (f.type() != pugi::node_element) continue;
                if (std::string_view(f.name()) == "parent") doc.issuer.parent = r.plain(f, true);
                else if (std::string_view(f.name()) == "name") doc.issuer.name = r.plain(f, true);
                else r.fail(f, std::string("unknown element <") + f.name() + "> in <issuer> (expected parent or name)");
            }
            if (doc.issuer.name.empty()) r.fail(c, "<issuer> needs a non-empty <name>");
            have_issuer = true;
        } else if (tag == "number") {
            r.only_attributes(c, {"symbol"});
            doc.symbol = r.clean(c, c.attribute("symbol").value(), false);
            std::string raw;
            for (const auto& t : c.children()) raw += t.value();
            doc.number = Reader::collapse(raw, false);
            if (!std::all_of(doc.number.begin(), doc.number.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
                r.fail(c, "the number must be digits only, not '" + doc.number + "'");
            }
            if (doc.symbol.empty()) r.fail(c, "<number> needs a symbol attribute (ký hiệu)");
            have_number = true;
        } else if (tag == "place-date") {
            r.only_attributes(c, {"place", "date"});
            doc.date_line.place = Reader::collapse(r.clean(c, c.attribute("place").value(), false), false);
            if (doc.date_line.place.empty()) r.fail(c, "<place-date> needs a place");
            const std::string d = c.attribute("date").value();
            if (!d.empty()) {
                const auto parsed = text::parse_iso_date(d);
                if (!parsed) r.fail(c, "date must be a real date as YYYY-MM-DD, not '" + d + "'");
                doc.date_line.date = model::Date{parsed->year, parsed->month, parsed->day};
            }
            have_date = true;
        } else if (tag == "kind") {
            // default="BÁO CÁO": the template's tên loại when the document gives none.
            const std::string fallback = Reader::collapse(r.clean(c, c.attribute("default").value(), false), false);
            doc.kind = r.plain(c, false, {"default"});
            if (doc.kind.empty()) doc.kind = fallback;
            if (doc.kind.empty()) r.fail(c, "<kind> is empty and has no default");
            doc.is_letter = false;
        } else if (tag == "subject") {
            doc.subject = r.plain(c);
            have_subject = true;
        } else if (tag == "urgency") {
            doc.urgency = urgency_of(r, c);
        } else if (tag == "confidentiality") {
            doc.confidentiality = confidentiality_of(r, c);
        } else if (tag == "draft") {
            r.only_attributes(c, {});
            doc.draft = true;
        } else if (tag == "archive") {
            r.only_attributes(c, {"organ-id", "file-catalog", "file-notation", "priority", "issued-amount", "description"});
            auto attr = [&](const char* name) { return Reader::collapse(r.clean(c, c.attribute(name).value(), false), false); };
            doc.archive = {attr("organ-id"),      attr("file-catalog"),  attr("file-notation"),
                           attr("priority"),      attr("issued-amount"), attr("description")};
        } else if (tag == "recipients") {
            doc.recipients = read_items(r, c, "recipient");
        } else if (tag == "body") {
            r.only_attributes(c, {});
            doc.body = read_blocks(r, c);
            have_body = true;
        } else if (tag == "appendix") {
            doc.appendices.push_back(read_appendix(r, c));
        } else if (tag == "signers") {
            read_signers(r, c, doc);
        } else if (tag == "distribution") {
            doc.distribution.items = read_items(r, c, "item");
        } else {
            r.fail(c, "unknown element <" + std::string(tag) + "> in <document>");
        }
    }
    if (!have_issuer) r.fail(root, "<document> needs an <issuer>");
    if (!have_number) r.fail(root, "<document> needs a <number symbol=\"…\">");
    if (!have_date) r.fail(root, "<document> needs a <place-date>");
    if (!have_subject) r.fail(root, "<document> needs a <subject>");
    if (!have_body) r.fail(root, "<document> needs a <body>");
    if (doc.signers.empty()) r.fail(root, "<document> needs <signers> with at least one <signer>");
    return doc;
}

}  // namespace vanban::markup
