// Ô 9a "Kính gửi" (R4) and ô 6, the body (R5), as styled Word paragraphs. The words
// the engine adds (recipient dashes and punctuation, list markers, "./.") come from
// layout/wording.h, exactly as the PDF prints them.
#include "docx/document.h"

#include "docx/parts.h"
#include "docx/spool.h"
#include "docx/wml.h"
#include "layout/breaks.h"
#include "layout/layout.h"
#include "layout/wording.h"
#include "text/decimal.h"
#include "text/text.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace vanban::docx {

namespace {

using fonts::Style;

constexpr long kSlack = 20;  // twips: see add_recipients

void add_spans(pugi::xml_node para, const model::InlineText& text, bool bold = false) {
    for (const auto& span : text) add_run(para, span.text, RunProps{span.bold || bold, span.italic, {}, {}, {}});
}

// A data table (R5.5 [PRACTICE]), as layout/table.cpp draws it: column widths in
// proportion to the weights, 0.5 pt borders, the header rows bold, centred and repeated
// on every page (§17.4.49 tblHeader), rows that never split (§17.4.6 cantSplit),
// numbers right-aligned in the Vietnamese format, a bold "Tổng cộng" row.
pugi::xml_node add_data_table(pugi::xml_node body, const model::Table& t, const Sheet& s) {
    const auto& p = s.profile();
    // The PDF's column widths (layout), converted to twips without drift at the edge.
    const std::vector<double> widths = layout::table_column_widths(t, p.text_width(), s.metrics(), p);
    std::vector<long> grid;
    long edge = 0;
    double x = 0;
    for (std::size_t c = 0; c < widths.size(); ++c) {
        x += static_cast<double>(s.text_width) * widths[c] / p.text_width();
        const long next = c + 1 == widths.size() ? s.text_width : std::lround(x);
        grid.push_back(next - edge);
        edge = next;
    }
    TableProps props{grid, twips(p.table_padding_x), p.table_rule, false};
    auto table = add_table(body, props);
    // Word and LibreOffice add a row's border to its height; the PDF draws borders on the
    // row edges. Half the rule comes off each cell margin so that rows are as tall as
    // the PDF's and long tables break at the same rows.
    const long pad_y = std::max(0L, twips(p.table_padding_y) - twips(p.table_rule / 2));
    auto jc_of = [](model::Align a) {
        switch (a) {
            case model::Align::center: return "center";
            case model::Align::right: return "right";
            case model::Align::left: break;
        }
        return "left";
    };
    auto row = [&](bool header) { return add_row(table, RowProps{true, header}); };
    auto cell = [&](pugi::xml_node tr, std::size_t c, const char* jc) {
        auto tc = add_cell(tr, CellProps{grid[c], pad_y, {}, pad_y, {}, {}});
        ParagraphProps pp;
        pp.style = style::kTableText;
        pp.jc = jc;
        return add_paragraph(tc, pp);
    };

    auto titles = row(true);
    for (std::size_t c = 0; c < t.columns.size(); ++c) add_spans(cell(titles, c, "center"), t.columns[c].title, true);
    const std::size_t extra_headers = static_cast<std::size_t>(std::max(0, t.header_rows - 1));
    for (std::size_t r = 0; r < extra_headers && r < t.rows.size(); ++r) {
        auto tr = row(true);
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            add_spans(cell(tr, c, "center"), c < t.rows[r].size() ? t.rows[r][c].text : model::InlineText{}, true);
        }
    }
    if (t.column_numbers) {
        auto tr = row(true);
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            add_run(cell(tr, c, "center"), "(" + std::to_string(c + 1) + ")", RunProps{false, true, {}, {}, {}});
        }
    }
    // The data rows are spooled as text but the last, which stays a node: keep_with_next
    // sets w:keepNext in it when the closing follows.
    RowSpool spool(table);
    for (std::size_t r = extra_headers; r < t.rows.size(); ++r) {
        const bool total_row = t.total_row && r + 1 == t.rows.size();
        const bool last = r + 1 == t.rows.size();
        if (last) spool.flush();
        auto tr = add_row(last ? table : spool.rows(), RowProps{true, false});
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            if (c >= t.rows[r].size()) {
                cell(tr, c, "left");
                continue;
            }
            const auto& tc = t.rows[r][c];
            if (tc.number) {
                add_run(cell(tr, c, "right"), text::format_decimal_vi(model::plain_text(tc.text)),
                        RunProps{total_row, false, {}, {}, {}});
            } else {
                add_spans(cell(tr, c, jc_of(t.columns[c].align)), tc.text, total_row);
            }
        }
        if (!last) spool.row_done();
    }
    return table;
}

}  // namespace

void recipient_positions(const Sheet& s, Positions& out) {
    const auto& recipients = s.in.document.recipients;
    const auto& p = s.profile();
    const double size = p.recipients_size;
    const double text_width = p.text_width();
    const double label_w = s.width(Style::regular, "Kính gửi:", size);
    const double space_w = s.width(Style::regular, " ", size);
    auto& props = out.recipients;
    // §9: one empty line plus about 12 pt under the header table; the block stays with
    // the body's first line, as in the PDF.
    props.keep_next = true;
    props.before = twips(s.advance(p.body_size) + p.after_header);
    // The PDF may end the longest line exactly on the right margin; a point of room keeps
    // a reader that measures in whole twips (LibreOffice) from wrapping its last word.
    props.right = -kSlack;
    out.recipient_item.keep_next = true;
    out.recipient_item.right = -kSlack;
    if (recipients.size() == 1) {
        // One recipient: "Kính gửi: Bộ Nội vụ." on one line 35 mm in (Mẫu 1.5), further
        // left when it would not fit; a wrapped name continues under itself.
        const double w = s.width(Style::regular, layout::single_recipient_line(recipients.front()), size);
        double x = p.recipients_indent;
        if (x + w > text_width) x = std::max(0.0, (text_width - w) / 2);
        const double hang = label_w + space_w;
        props.left = twips(x + hang);
        props.hanging = twips(hang);
        return;
    }
    // Several: "Kính gửi:" alone, then one "- …;" paragraph per recipient with the
    // dashes one space after the colon, wrapped lines under the text (R4).
    double widest = 0;
    for (const auto& it : layout::recipient_items(recipients)) widest = std::max(widest, s.width(Style::regular, it, size));
    const double x = std::max(0.0, std::min(p.recipients_indent, text_width - widest - label_w - space_w));
    const double dash_w = s.width(Style::regular, "- ", size);
    props.left = twips(x);
    out.recipient_item.left = twips(x + label_w + space_w + dash_w);
    out.recipient_item.hanging = twips(dash_w);
}

void add_recipients(pugi::xml_node body, const Sheet& s) {
    const auto& recipients = s.in.document.recipients;
    if (recipients.empty()) return;
    // The indents are the styles' (recipient_positions).
    if (recipients.size() == 1) {
        add_run(add_paragraph(body, styled(style::kRecipients)), layout::single_recipient_line(recipients.front()));
        return;
    }
    add_run(add_paragraph(body, styled(style::kRecipients)), "Kính gửi:");
    for (const auto& it : layout::recipient_items(recipients)) add_run(add_paragraph(body, styled(style::kRecipientItem)), it);
}

pugi::xml_node add_body(pugi::xml_node body, const Sheet& s) {
    const auto& doc = s.in.document;
    const auto& p = s.profile();
    // Without a Kính gửi the body keeps the header's distance (§9), as the PDF does.
    std::optional<long> first_before;
    if (doc.recipients.empty()) first_before = twips(std::max(p.paragraph_space, s.advance(p.body_size) + p.after_header / 2));
    return add_blocks(body, layout::EndMarked(doc.body, doc.end_mark), s, first_before);
}

pugi::xml_node add_blocks(pugi::xml_node body, const layout::EndMarked& blocks, const Sheet& s,
                          std::optional<long> first_before) {
    const auto& p = s.profile();

    pugi::xml_node last;
    bool page_break = false;
    bool first = true;
    auto props = [&](const char* style, std::size_t index) {
        ParagraphProps pp;
        pp.style = style;
        pp.page_break_before = page_break;
        if (first && first_before) pp.before = *first_before;
        // A table has no space before of its own: the paragraph above keeps the PDF's gap.
        if (index + 1 < blocks.size() && std::holds_alternative<model::Table>(blocks[index + 1])) {
            pp.after = twips(p.paragraph_space);
        }
        page_break = false;
        first = false;
        return pp;
    };
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const auto& block = blocks[i];
        if (const auto* para = std::get_if<model::Paragraph>(&block)) {
            last = add_paragraph(body, props(style::kBody, i));
            add_spans(last, para->text);
        } else if (const auto* h = std::get_if<model::Heading>(&block)) {
            // R5.4: level 1 "I. TITLE" upper-case bold (in the text, as the PDF prints it);
            // levels 1–2 bold and level 3 plain come from the styles; broken where the PDF
            // breaks it when its spans share one style (layout/wording.h).
            static constexpr const char* kStyles[] = {style::kHeading1, style::kHeading2, style::kHeading3};
            const int level = std::clamp(h->level, 1, 3);
            const auto t = layout::heading_text(*h);
            last = add_paragraph(body, props(kStyles[level - 1], i));
            if (t.uniform) {
                const auto& p = s.profile();
                const auto lines = layout::heading_lines(model::plain_text(t.text), *t.uniform, p.body_size,
                                                         p.text_width(), p.first_line_indent, s.metrics());
                add_run(last, joined_lines(lines), RunProps{fonts::is_bold(*t.uniform), fonts::is_italic(*t.uniform), {}, {}, {}});
            } else {
                add_spans(last, t.text);
            }
        } else if (const auto* list = std::get_if<model::List>(&block)) {
            // Text markers ("1.", "a)", "-") from layout, the same in every writer, so
            // that what the clerk sees is what the PDF prints (no numbering part).
            for (std::size_t k = 0; k < list->items.size(); ++k) {
                auto pp = props(style::kList, i);
                if (k + 1 < list->items.size()) pp.after.reset();
                last = add_paragraph(body, pp);
                add_run(last, layout::list_marker(list->marker, k) + " ");
                add_spans(last, list->items[k]);
            }
        } else if (const auto* table = std::get_if<model::Table>(&block)) {
            const bool after_table = std::string(body.last_child().name()) == "w:tbl";
            if (page_break || after_table) {
                // A table row cannot break the page before it, and two tables in a row fuse
                // into one (Word and LibreOffice merge them: the data table loses its grid):
                // a paragraph between them breaks the page or carries the gap the PDF
                // leaves (under the header, or between two tables).
                const long gap = first && first_before ? *first_before : twips(p.paragraph_space);
                ParagraphProps pp = props(style::kBody, i);
                pp.before = 0;
                pp.after = 0;
                pp.exact_line = page_break ? 20 : std::max(20L, gap);
                pp.keep_next = !page_break;
                add_paragraph(body, pp);
            }
            first = false;
            last = add_data_table(body, *table, s);
        } else if (const auto* pre = std::get_if<model::Preamble>(&block)) {
            // Thẩm quyền ban hành and "QUYẾT ĐỊNH:" centred bold upper-case; each căn cứ
            // an italic body paragraph with the punctuation layout adds (R5.2).
            // Their look is their styles' (bold centred, italic).
            auto centred = [&](const char* style_id, const std::string& text) {
                last = add_paragraph(body, props(style_id, i));
                add_run(last, text::upper_vi(text));
            };
            if (!pre->authority.empty()) centred(style::kAuthority, pre->authority);
            for (const auto& line : layout::basis_lines(pre->bases)) {
                last = add_paragraph(body, props(style::kBasis, i));
                for (const auto& span : line) add_run(last, span.text, RunProps{span.bold, false, {}, {}, {}});
            }
            if (!pre->enact.empty()) centred(style::kEnact, pre->enact);
        } else if (const auto* article = std::get_if<model::Article>(&block)) {
            // R5.3: "Điều 1. Title" in its style (bold, kept with its text); an untitled
            // article's text on the same line as its bold label.
            const bool titled = !article->title.empty();
            last = add_paragraph(body, props(titled ? style::kArticle : style::kBody, i));
            add_run(last, layout::article_label(*article) + " ", RunProps{!titled, false, {}, {}, {}});
            if (titled) {
                add_spans(last, article->title);
                if (!article->text.empty()) {
                    last = add_paragraph(body, props(style::kBody, i));
                    add_spans(last, article->text);
                }
            } else {
                add_spans(last, article->text);
            }
        } else if (std::holds_alternative<model::PageBreak>(block)) {
            page_break = true;
        }
    }
    return last;
}

}  // namespace vanban::docx
