// Ô 1–5, 10 in Word terms (format rules §10): a borderless fixed-layout 2×2 table,
// row 1 = [names + rule | Quốc hiệu + Tiêu ngữ + rule], row 2 = [Số + V/v + marks |
// date], so that "Số" and the date share a row (R3.5) whatever the left column holds.
// Column widths are HeaderGeometry's, the same as the PDF's; rules are paragraph
// bottom borders whose indents make them as long as the PDF's lines (never underlined
// text).
#include "docx/document.h"

#include "docx/parts.h"
#include "docx/wml.h"
#include "layout/breaks.h"
#include "layout/compose.h"
#include "layout/wording.h"
#include "text/text.h"

#include <algorithm>
#include <cmath>

namespace vanban::docx {

namespace {

using fonts::Style;

constexpr std::string_view kNationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";  // R3.1
constexpr std::string_view kMotto = "Độc lập - Tự do - Hạnh phúc";               // R3.2
constexpr const char* kRed = "E60000";  // R1.5, R8.2: the PDF's (0.9, 0, 0)
// Room (twips) added to widths the PDF fills exactly, so that a reader measuring in
// whole twips (LibreOffice) or rounding indents does not wrap the last word.
constexpr long kSlack = 20;

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;  // "\n" → <w:br/>
    return out;
}

double widest(const std::vector<std::string>& lines, Style style, double size, const Sheet& s) {
    double w = 0;
    for (const auto& l : lines) w = std::max(w, s.width(style, l, size));
    return w;
}

// A rule `length` points long, centred in a cell whose text area is `inner` twips wide,
// drawn as the bottom border of an empty paragraph just under the text above. The
// paragraph is as high as the PDF's gap between the line box and its rule (R3.2, R3.3:
// rule_gap below the descender), and `after` separates it from the next row.
void rule(pugi::xml_node cell, double length, long inner, double text_size, double after, const Sheet& s) {
    const auto& p = s.profile();
    const double descent = -s.metrics().descent(Style::regular) * text_size / 1000.0;
    const double gap = descent + p.rule_gap - (s.advance(text_size) - s.ascent(text_size)) - p.rule_thickness / 2;
    ParagraphProps r;
    r.style = style::kRule;
    const long side = std::max(0L, (inner - twips(length)) / 2);
    r.left = side;
    r.right = std::max(0L, inner - twips(length) - side);
    r.exact_line = std::max(20L, twips(gap));
    r.after = twips(after);
    add_paragraph(cell, r);
}

// Ô 10a, 10b and DỰ THẢO (R8.2–R8.5): the word in a single-line frame (a bordered
// paragraph), centred in the column, `frame` wide at least, 8 mm high.
void mark(pugi::xml_node cell, const std::string& word, double frame, const char* color, long inner,
          const Sheet& s) {
    const auto& p = s.profile();
    const double w = s.width(Style::bold, word, p.mark_size);
    frame = std::max(frame, w + layout::mm(4));
    const double border = 0.75;
    // Text line + space above and below it + the two lines = the frame's height.
    const long space = std::max(0L, std::lround((p.mark_height - s.advance(p.mark_size) - 2 * border) / 2));
    ParagraphProps props;
    props.style = style::kMark;
    props.box = Border{border, space, color ? color : "auto"};
    const long side = std::max(0L, (inner - twips(frame)) / 2);
    props.left = side;
    props.right = side;
    props.before = twips(6);  // as the PDF: 6 pt under Số / V/v / the previous mark
    add_run(add_paragraph(cell, props), word, RunProps{false, false, {}, color ? color : ""});
}

void letter_marks(pugi::xml_node cell, const model::Document& doc, long inner, const Sheet& s) {
    using layout::mm;
    switch (doc.confidentiality) {
        case model::Confidentiality::mat: mark(cell, "MẬT", mm(20), kRed, inner, s); break;
        case model::Confidentiality::toi_mat: mark(cell, "TỐI MẬT", mm(30), kRed, inner, s); break;
        case model::Confidentiality::tuyet_mat: mark(cell, "TUYỆT MẬT", mm(35), kRed, inner, s); break;
        case model::Confidentiality::none: break;
    }
    switch (doc.urgency) {
        case model::Urgency::khan: mark(cell, "KHẨN", mm(20), kRed, inner, s); break;
        case model::Urgency::thuong_khan: mark(cell, "THƯỢNG KHẨN", mm(40), kRed, inner, s); break;
        case model::Urgency::hoa_toc: mark(cell, "HỎA TỐC", mm(30), kRed, inner, s); break;
        case model::Urgency::none: break;
    }
    if (doc.draft) mark(cell, "DỰ THẢO", mm(30), nullptr, inner, s);
}

pugi::xml_node text_paragraph(pugi::xml_node cell, const char* style, const std::string& text,
                              const RunProps& run = {}, std::optional<long> before = {}) {
    ParagraphProps props;
    props.style = style;
    props.before = before;
    auto para = add_paragraph(cell, props);
    add_run(para, text, run);
    return para;
}

// Ô 5a (R3.6): tên loại and trích yếu centred across the page, a short rule under them;
// kept with what follows.
void kind_block(pugi::xml_node body, const Sheet& s) {
    const auto& doc = s.in.document;
    const auto& p = s.profile();
    const double text_width = p.text_width();
    ParagraphProps kind;
    kind.style = style::kKind;
    kind.keep_next = true;
    kind.before = twips(s.advance(p.body_size) + p.after_header / 2);
    add_run(add_paragraph(body, kind),
            joined(layout::name_lines(text::upper_vi(doc.kind), Style::bold, p.kind_size, text_width, s.metrics())));

    // The subject breaks in the middle 85 % of the line where the PDF breaks it (R3.6,
    // layout/breaks.h: between words and phrases); the paragraph is narrowed to the
    // PDF's widest line, so a retyped subject still wraps inside it.
    const auto lines = layout::phrase_lines(doc.subject, Style::bold, p.kind_subject_size, text_width * 0.85,
                                            s.metrics());
    const double longest = widest(lines, Style::bold, p.kind_subject_size, s);
    ParagraphProps subject;
    subject.style = style::kKindSubject;
    subject.keep_next = true;
    subject.left = std::max(0L, (s.text_width - twips(longest)) / 2 - kSlack);
    subject.right = subject.left;
    add_run(add_paragraph(body, subject), joined(lines));
    rule(body, longest * p.issuer_rule_ratio, s.text_width, p.kind_subject_size, 0, s);
    keep_with_next(body.last_child());
}

}  // namespace

void add_rule(pugi::xml_node parent, double length, long inner, double text_size, double after, const Sheet& s) {
    rule(parent, length, inner, text_size, after, s);
}

void add_header(pugi::xml_node body, const Sheet& s) {
    const auto& doc = s.in.document;
    const auto& g = s.in.header;
    const auto& p = s.profile();
    // No cell margins: every line here is centred on its column (which padding would
    // not move), the names and the date are already broken to fit the padded width as
    // the PDF breaks them, and the padding is left as slack so that no reader wraps
    // them again (the widest date fills the right column's padded width exactly, §10).
    auto table = add_table(body, TableProps{{s.left_col, s.right_col}, 0, {}});
    const long left_inner = s.left_col;
    const long right_inner = s.right_col;
    const double left_inner_pt = g.left_width - 2 * p.cell_padding;  // as the PDF wraps names
    // Rows 1 and 2 are apart by the PDF's 4 pt below the lower rule.
    constexpr double kRowGap = 4;

    // Row 1, left: chủ quản (regular) and cơ quan ban hành (bold), upper-case, broken
    // where the PDF breaks them, then the rule 0.4 × the longest issuing line (R3.3).
    auto row1 = add_row(table, RowProps{true, false});
    auto names = add_cell(row1, CellProps{s.left_col, {}, {}, {}, {}});
    if (!doc.issuer.parent.empty()) {
        const auto lines = layout::name_lines(text::upper_vi(doc.issuer.parent), Style::regular, p.issuer_size,
                                              left_inner_pt, s.metrics());
        text_paragraph(names, style::kIssuerParent, joined(lines));
    }
    const auto issuer =
        layout::name_lines(text::upper_vi(doc.issuer.name), Style::bold, p.issuer_size, left_inner_pt, s.metrics());
    text_paragraph(names, style::kIssuer, joined(issuer));
    rule(names, widest(issuer, Style::bold, p.issuer_size, s) * p.issuer_rule_ratio, left_inner, p.issuer_size,
         kRowGap, s);

    // Row 1, right: Quốc hiệu, Tiêu ngữ and a rule exactly as long as the Tiêu ngữ (R3.2).
    auto nation = add_cell(row1, CellProps{s.right_col, {}, {}, {}, {}});
    text_paragraph(nation, style::kNationalTitle, std::string(kNationalTitle));
    text_paragraph(nation, style::kMotto, std::string(kMotto));
    rule(nation, s.width(Style::bold, kMotto, p.motto_size), right_inner, p.motto_size, kRowGap, s);

    // Row 2: "Số:" and the date top-aligned in one row, their baselines level as in the
    // PDF (the smaller line gets the difference of ascents as space before).
    auto row2 = add_row(table, RowProps{true, false});
    auto left = add_cell(row2, CellProps{s.left_col, {}, {}, {}, {}});
    const double number_asc = s.ascent(p.number_size), date_asc = s.ascent(g.date_size);
    text_paragraph(left, style::kNumber, layout::number_line(doc), {},
                   number_asc < date_asc ? std::optional<long>(twips(date_asc - number_asc)) : std::nullopt);
    // Ô 5b: "V/v …", 12 pt upright, 6 pt under Số (the style), wrapped in the column.
    if (doc.is_letter && !doc.subject.empty()) {
        // Broken where the PDF breaks it, in a paragraph narrowed to the PDF's widest line
        // (see kind_block), centred in the column.
        const auto vv = layout::phrase_lines("V/v " + doc.subject, Style::regular, p.subject_letter_size, left_inner_pt,
                                             s.metrics());
        const double longest = widest(vv, Style::regular, p.subject_letter_size, s);
        ParagraphProps pp;
        pp.style = style::kLetterSubject;
        pp.left = std::max(0L, (left_inner - twips(longest)) / 2 - kSlack);
        pp.right = pp.left;
        add_run(add_paragraph(left, pp), joined(vv));
    }
    letter_marks(left, doc, left_inner, s);

    auto right = add_cell(row2, CellProps{s.right_col, {}, {}, {}, {}});
    RunProps date_run;
    if (g.date_size != p.date_size) date_run.size = g.date_size;  // R3.5/§10: 13 pt when 14 pt would not fit
    text_paragraph(right, style::kDate, g.date_text, date_run,
                   date_asc < number_asc ? std::optional<long>(twips(number_asc - date_asc)) : std::nullopt);

    if (!doc.is_letter) kind_block(body, s);
}

}  // namespace vanban::docx
