#include "docx/wml.h"

#include "docx/spool.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace vanban::docx {

namespace {

void set_val(pugi::xml_node n, const char* name, long v) { n.append_attribute(name) = static_cast<long long>(v); }

pugi::xml_node child_with(pugi::xml_node parent, const char* name, const char* attr, const char* value) {
    auto n = parent.append_child(name);
    n.append_attribute(attr) = value;
    return n;
}

void border_line(pugi::xml_node parent, const char* side, const Border& b) {
    auto n = parent.append_child(side);
    n.append_attribute("w:val") = "single";
    set_val(n, "w:sz", eighth_points(b.width));
    set_val(n, "w:space", b.space);
    n.append_attribute("w:color") = b.color.c_str();
}

// A width in twips (CT_TblWidth, type dxa = twentieths of a point).
void dxa(pugi::xml_node parent, const char* name, long w) {
    auto n = parent.append_child(name);
    set_val(n, "w:w", w);
    n.append_attribute("w:type") = "dxa";
}

// XML collapses nothing in element content, but Word trims leading and trailing
// spaces of a w:t unless xml:space="preserve" (§17.3.3.31).
bool needs_preserve(std::string_view s) {
    return !s.empty() && (s.front() == ' ' || s.back() == ' ' || s.find("  ") != std::string_view::npos);
}

void add_plain_text(pugi::xml_node run, const std::string& text) {
    if (text.empty()) return;
    auto t = run.append_child("w:t");
    if (needs_preserve(text)) t.append_attribute("xml:space") = "preserve";
    t.text().set(text.c_str());
}

// Whether the space-delimited token around `text[i]` holds a digit or a "/": a
// document symbol or a number ("20-NQ/TW", "12/KH-TLĐ", "2009-2010"), not a word
// pair ("Hà Nội - Hải Phòng", "an toàn-vệ sinh").
bool in_symbol(const std::string& text, std::size_t i) {
    std::size_t from = text.rfind(' ', i);
    from = from == std::string::npos ? 0 : from + 1;
    const std::size_t to = std::min(text.find(' ', i), text.size());
    for (std::size_t k = from; k < to; ++k) {
        if ((text[k] >= '0' && text[k] <= '9') || text[k] == '/') return true;
    }
    return false;
}

void add_text(pugi::xml_node run, std::string_view s) {
    // C0 controls are not XML 1.0 characters: drop them here already (the model should
    // have none), so that xml:space is decided on the text that is actually written.
    std::string text;
    for (const char c : s) {
        if (static_cast<unsigned char>(c) >= 0x20) text += c;
    }
    std::string piece;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool glued = text[i] == '-' && i > 0 && i + 1 < text.size() && text[i - 1] != ' ' &&
                           text[i + 1] != ' ' && in_symbol(text, i);
        if (!glued) {
            piece += text[i];
            continue;
        }
        add_plain_text(run, piece);
        piece.clear();
        run.append_child("w:noBreakHyphen");
    }
    add_plain_text(run, piece);
}

}  // namespace

void write_rpr(pugi::xml_node parent, const RunProps& p) {
    if (!p.bold && !p.italic && !p.size && p.color.empty() && !p.border) return;
    auto rpr = parent.append_child("w:rPr");
    if (p.bold) {
        rpr.append_child("w:b");
        rpr.append_child("w:bCs");
    }
    if (p.italic) {
        rpr.append_child("w:i");
        rpr.append_child("w:iCs");
    }
    if (!p.color.empty()) child_with(rpr, "w:color", "w:val", p.color.c_str());
    if (p.size) {
        set_val(rpr.append_child("w:sz"), "w:val", half_points(*p.size));
        set_val(rpr.append_child("w:szCs"), "w:val", half_points(*p.size));
    }
    if (p.border) {
        auto b = rpr.append_child("w:bdr");
        b.append_attribute("w:val") = "single";
        set_val(b, "w:sz", eighth_points(p.border->width));
        set_val(b, "w:space", p.border->space);
        b.append_attribute("w:color") = p.border->color.c_str();
    }
}

long twips(double points) { return std::lround(points * 20.0); }
long half_points(double points) { return std::lround(points * 2.0); }
long eighth_points(double points) { return std::lround(points * 8.0); }

pugi::xml_node write_ppr(pugi::xml_node parent, const ParagraphProps& p) {
    auto ppr = parent.append_child("w:pPr");
    // CT_PPrBase sequence: pStyle, keepNext, keepLines, pageBreakBefore, framePr,
    // widowControl, numPr, suppressLineNumbers, pBdr, shd, tabs, …, spacing, ind, …, jc,
    // …, outlineLvl; then CT_PPr's rPr (the paragraph mark).
    if (!p.style.empty()) child_with(ppr, "w:pStyle", "w:val", p.style.c_str());
    if (p.keep_next) ppr.append_child("w:keepNext");
    if (p.page_break_before) ppr.append_child("w:pageBreakBefore");
    if (p.widow_control) ppr.append_child("w:widowControl");
    if (p.box || p.bottom) {
        auto bdr = ppr.append_child("w:pBdr");  // children: top, left, bottom, right
        if (p.box) {
            Border side = *p.box;
            side.space = 0;
            border_line(bdr, "w:top", *p.box);
            border_line(bdr, "w:left", side);
            border_line(bdr, "w:bottom", *p.box);
            border_line(bdr, "w:right", side);
        } else {
            border_line(bdr, "w:bottom", *p.bottom);
        }
    }
    if (p.before || p.after || p.exact_line || p.auto_line) {
        auto sp = ppr.append_child("w:spacing");
        if (p.before) set_val(sp, "w:before", *p.before);
        if (p.after) set_val(sp, "w:after", *p.after);
        if (p.exact_line) {
            set_val(sp, "w:line", *p.exact_line);
            sp.append_attribute("w:lineRule") = "exact";
        } else if (p.auto_line) {
            set_val(sp, "w:line", *p.auto_line);
            sp.append_attribute("w:lineRule") = "auto";
        }
    }
    if (p.left || p.right || p.first_line || p.hanging) {
        auto ind = ppr.append_child("w:ind");
        if (p.left) set_val(ind, "w:left", *p.left);
        if (p.right) set_val(ind, "w:right", *p.right);
        if (p.hanging) set_val(ind, "w:hanging", *p.hanging);
        else if (p.first_line) set_val(ind, "w:firstLine", *p.first_line);
    }
    if (!p.jc.empty()) child_with(ppr, "w:jc", "w:val", p.jc.c_str());
    if (p.outline_level) set_val(ppr.append_child("w:outlineLvl"), "w:val", *p.outline_level);
    if (p.mark_size) write_rpr(ppr, RunProps{false, false, p.mark_size, {}, {}});
    return ppr;
}

pugi::xml_node add_paragraph(pugi::xml_node parent, const ParagraphProps& p) {
    auto para = parent.append_child("w:p");
    write_ppr(para, p);
    return para;
}

std::string joined_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
    return out;
}

void add_run(pugi::xml_node paragraph, std::string_view text, const RunProps& props) {
    auto run = paragraph.append_child("w:r");
    write_rpr(run, props);
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '\t' && c != '\n' && c != '\r') continue;
        add_text(run, text.substr(start, i - start));
        if (c == '\t') {
            run.append_child("w:tab");
        } else {
            run.append_child("w:br");
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;  // CR LF is one break
        }
        start = i + 1;
    }
    add_text(run, text.substr(start));
}

void keep_with_next(pugi::xml_node node) {
    const std::string name = node.name();
    if (name == "w:tbl") {
        pugi::xml_node last_row;
        for (auto tr : node.children("w:tr")) last_row = tr;
        if (!last_row) return;
        for (auto tc : last_row.children("w:tc")) {
            for (auto p : tc.children("w:p")) keep_with_next(p);
        }
        return;
    }
    if (name != "w:p") return;
    auto ppr = node.child("w:pPr");
    if (!ppr) ppr = node.prepend_child("w:pPr");
    if (ppr.child("w:keepNext")) return;
    if (auto style = ppr.child("w:pStyle")) ppr.insert_child_after("w:keepNext", style);
    else ppr.prepend_child("w:keepNext");
}

pugi::xml_node add_table(pugi::xml_node parent, const TableProps& props) {
    auto tbl = parent.append_child("w:tbl");
    auto pr = tbl.append_child("w:tblPr");
    // CT_TblPr sequence: tblW, jc, tblInd, tblBorders, tblLayout, tblCellMar.
    if (props.centred_autofit) {
        auto w = pr.append_child("w:tblW");
        set_val(w, "w:w", 0);
        w.append_attribute("w:type") = "auto";
        child_with(pr, "w:jc", "w:val", "center");
    } else {
        dxa(pr, "w:tblW", std::accumulate(props.grid.begin(), props.grid.end(), 0L));
        // With compatibilityMode 15 (settings.xml) the indent is measured to the table's
        // edge, so 0 puts the first column's edge on the left margin, as in the PDF.
        dxa(pr, "w:tblInd", 0);
    }
    auto borders = pr.append_child("w:tblBorders");
    for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
        auto b = borders.append_child(side);
        if (props.borders) {
            b.append_attribute("w:val") = "single";
            set_val(b, "w:sz", eighth_points(*props.borders));
            b.append_attribute("w:space") = "0";
            b.append_attribute("w:color") = "auto";
        } else {
            b.append_attribute("w:val") = "nil";
        }
    }
    // §17.4.53: fixed = widths are not recomputed from content; autofit = they are.
    child_with(pr, "w:tblLayout", "w:type", props.centred_autofit ? "autofit" : "fixed");
    auto mar = pr.append_child("w:tblCellMar");
    dxa(mar, "w:top", 0);
    dxa(mar, "w:left", props.cell_margin);
    dxa(mar, "w:bottom", 0);
    dxa(mar, "w:right", props.cell_margin);
    auto grid = tbl.append_child("w:tblGrid");
    for (const long w : props.grid) set_val(grid.append_child("w:gridCol"), "w:w", w);
    return tbl;
}

pugi::xml_node add_row(pugi::xml_node table, const RowProps& props) {
    auto tr = table.append_child("w:tr");
    if (props.cant_split || props.header) {
        auto pr = tr.append_child("w:trPr");
        if (props.cant_split) pr.append_child("w:cantSplit");
        if (props.header) pr.append_child("w:tblHeader");
    }
    return tr;
}

pugi::xml_node add_cell(pugi::xml_node row, const CellProps& props) {
    auto tc = row.append_child("w:tc");
    auto pr = tc.append_child("w:tcPr");
    dxa(pr, "w:tcW", props.width);
    if (props.bottom) border_line(pr.append_child("w:tcBorders"), "w:bottom", *props.bottom);
    if (props.margin_top || props.margin_left || props.margin_bottom || props.margin_right) {
        auto mar = pr.append_child("w:tcMar");  // children: top, left, bottom, right
        if (props.margin_top) dxa(mar, "w:top", *props.margin_top);
        if (props.margin_left) dxa(mar, "w:left", *props.margin_left);
        if (props.margin_bottom) dxa(mar, "w:bottom", *props.margin_bottom);
        if (props.margin_right) dxa(mar, "w:right", *props.margin_right);
    }
    return tc;
}

pugi::xml_node start_part(pugi::xml_document& doc, const char* root) {
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    decl.append_attribute("standalone") = "yes";
    return doc.append_child(root);
}

namespace {

struct StringWriter : pugi::xml_writer {
    std::string out;
    void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
};

constexpr unsigned kSaveFlags = pugi::format_raw | pugi::format_skip_control_chars;

}  // namespace

std::string serialize(const pugi::xml_document& doc) {
    // A part of 11 MB grown by doubling held 8 + 16 MB at once (issue 18), so a large
    // part is counted first, then written into a string of that size (saving twice
    // costs a few milliseconds). A small one (every part of a letter) is kept from the
    // first save: the second was ~6 % of a warm DOCX render.
    constexpr std::size_t kOnePass = 256 * 1024;
    struct FirstTry : pugi::xml_writer {
        std::string out;
        std::size_t size = 0;
        void write(const void* data, std::size_t n) override {
            size += n;
            if (size <= kOnePass) {
                out.append(static_cast<const char*>(data), n);
            } else if (!out.empty()) {
                std::string().swap(out);  // too large: only count from here on
            }
        }
    } first;
    doc.save(first, "", kSaveFlags, pugi::encoding_utf8);
    StringWriter w;
    if (first.size <= kOnePass) {
        w.out = std::move(first.out);
    } else {
        w.out.reserve(first.size);
        doc.save(w, "", kSaveFlags, pugi::encoding_utf8);
    }
    unwrap_spooled_rows(w.out);
    return std::move(w.out);
}

std::string serialize_node(pugi::xml_node node) {
    StringWriter w;
    node.print(w, "", kSaveFlags, pugi::encoding_utf8);
    return std::move(w.out);
}

}  // namespace vanban::docx
