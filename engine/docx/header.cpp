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
// The trích yếu boxes get 3 pt more on each side than the PDF's widest line: enough
// for a reader's rounding, less than any word plus a space, so the lines break alike.
constexpr long kSubjectSlack = 60;
// Rows 1 and 2 are apart by the PDF's 4 pt below the lower rule.
constexpr double kRowGap = 4;

double widest(const std::vector<std::string>& lines, Style style, double size, const Sheet& s) {
    double w = 0;
    for (const auto& l : lines) w = std::max(w, s.width(style, l, size));
    return w;
}

// The gap (points) between the bottom of a line box of `text_size` and the rule under
// it: the PDF draws rules rule_gap below the descender (R3.2, R3.3).
double rule_drop(double text_size, const Sheet& s) {
    const auto& p = s.profile();
    const double descent = -s.metrics().descent(Style::regular) * text_size / 1000.0;
    return descent + p.rule_gap - (s.advance(text_size) - s.ascent(text_size)) - p.rule_thickness / 2;
}

// Ô 10a, 10b and DỰ THẢO (R8.2–R8.5): the word in a single-line frame, centred in the
// column, `frame` wide at least, 8 mm high. The frame is a border around the run's text
// (w:bdr) — not a paragraph narrowed by indents — so it grows with the word a clerk
// types (KHẨN → THƯỢNG KHẨN); no-break spaces on both sides widen it to NĐ 30's size.
void mark(pugi::xml_node cell, const std::string& word, double frame, const char* color, const Sheet& s) {
    const auto& p = s.profile();
    const double w = s.width(Style::bold, word, p.mark_size);
    const double border = 0.75;
    // Readers draw the border around the font's ascent + descent plus `space` points.
    const double line = (s.metrics().ascent(Style::bold) - s.metrics().descent(Style::bold)) * p.mark_size / 1000.0;
    const long space = std::max(0L, std::lround((p.mark_height - line - 2 * border) / 2));
    const double nbsp = s.width(Style::bold, "\u00A0", p.mark_size);
    const double room = std::max(0.0, std::max(frame, w + layout::mm(4)) - w - 2.0 * static_cast<double>(space) - 2 * border);
    const auto pads = static_cast<std::size_t>(nbsp > 0 ? std::ceil(room / 2 / nbsp) : 0);
    std::string pad;
    for (std::size_t i = 0; i < pads; ++i) pad += "\u00A0";
    ParagraphProps props;
    props.style = style::kMark;
    // As the PDF: 6 pt under Số / V/v / the previous mark, to the frame's top.
    // LibreOffice makes the line as tall as the frame (border and padding included).
    props.before = twips(6);
    RunProps run;
    run.color = color ? color : "";
    run.border = Border{border, space, color ? color : "auto"};
    add_run(add_paragraph(cell, props), pad + word + pad, run);
}

void letter_marks(pugi::xml_node cell, const model::Document& doc, const Sheet& s) {
    using layout::mm;
    switch (doc.confidentiality) {
        case model::Confidentiality::mat: mark(cell, "MẬT", mm(20), kRed, s); break;
        case model::Confidentiality::toi_mat: mark(cell, "TỐI MẬT", mm(30), kRed, s); break;
        case model::Confidentiality::tuyet_mat: mark(cell, "TUYỆT MẬT", mm(35), kRed, s); break;
        case model::Confidentiality::none: break;
    }
    switch (doc.urgency) {
        case model::Urgency::khan: mark(cell, "KHẨN", mm(20), kRed, s); break;
        case model::Urgency::thuong_khan: mark(cell, "THƯỢNG KHẨN", mm(40), kRed, s); break;
        case model::Urgency::hoa_toc: mark(cell, "HỎA TỐC", mm(30), kRed, s); break;
        case model::Urgency::none: break;
    }
    if (doc.draft) mark(cell, "DỰ THẢO", mm(30), nullptr, s);
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

// Ô 5a (R3.6): tên loại and trích yếu centred across the page, a short rule under them,
// kept with what follows; the trích yếu's and the rule's indents are their styles'
// (header_positions).
void kind_block(pugi::xml_node body, const Sheet& s) {
    const auto& doc = s.in.document;
    const auto& p = s.profile();
    ParagraphProps kind;
    kind.style = style::kKind;
    kind.keep_next = true;
    kind.before = twips(s.advance(p.body_size) + p.after_header / 2);
    add_run(add_paragraph(body, kind),
            joined_lines(layout::name_lines(text::upper_vi(doc.kind), Style::bold, p.kind_size, p.text_width(), s.metrics())));
    // Broken where the PDF breaks it (layout/breaks.h: between words and phrases).
    add_run(add_paragraph(body, styled(style::kKindSubject)),
            joined_lines(layout::phrase_lines(doc.subject, Style::bold, p.kind_subject_size, p.text_width() * 0.85,
                                        s.metrics())));
    add_paragraph(body, styled(style::kKindRule));
}

// R3.2: the Tiêu ngữ in a nested one-cell table, centred in the column, whose bottom
// border is the rule. Word sizes the cell to the text (autofit), so the rule is exactly
// as long as the motto whatever its size; readers that do not autofit (LibreOffice)
// keep the cell at the motto's width plus a point. Either way the rule no longer depends
// on the column's width, so widening the left column leaves it alone.
void motto(pugi::xml_node cell, const Sheet& s) {
    const auto& p = s.profile();
    const long width = twips(s.width(Style::bold, kMotto, p.motto_size)) + kSlack;
    TableProps props{{width}, 0, {}, true};
    auto row = add_row(add_table(cell, props), RowProps{true, false});
    CellProps cp{width, {}, 0, twips(rule_drop(p.motto_size, s)), 0, Border{p.rule_thickness, 0, "auto"}};
    text_paragraph(add_cell(row, cp), style::kMotto, std::string(kMotto));
    // A cell ends with a paragraph (§17.4.66): this one is the 4 pt between the rows.
    ParagraphProps gap = styled(style::kMotto);
    gap.exact_line = twips(kRowGap);
    gap.mark_size = 2;
    add_paragraph(cell, gap);
}

// The trích yếu's lines as the PDF breaks them (R3.6: in the middle 85 %, between words
// and phrases), and the widest of them.
std::vector<std::string> kind_subject_lines(const Sheet& s) {
    const auto& p = s.profile();
    return layout::phrase_lines(s.in.document.subject, Style::bold, p.kind_subject_size, p.text_width() * 0.85,
                                s.metrics());
}
double kind_subject_width(const Sheet& s) {
    return widest(kind_subject_lines(s), Style::bold, s.profile().kind_subject_size, s);
}

// "V/v …" as the PDF breaks it in the left column (R3.7), and its widest line.
std::vector<std::string> letter_subject_lines(const Sheet& s) {
    const auto& p = s.profile();
    const double inner = s.in.header.left_width - 2 * p.cell_padding;
    return layout::phrase_lines("V/v " + s.in.document.subject, Style::regular, p.subject_letter_size, inner,
                                s.metrics());
}
double letter_subject_width(const Sheet& s) {
    return widest(letter_subject_lines(s), Style::regular, s.profile().subject_letter_size, s);
}

}  // namespace

ParagraphProps rule_props(double length, long inner, double text_size, double after, const Sheet& s) {
    ParagraphProps r;
    r.style = style::kRule;
    const long side = std::max(0L, (inner - twips(length)) / 2);
    r.left = side;
    r.right = std::max(0L, inner - twips(length) - side);
    r.exact_line = std::max(20L, twips(rule_drop(text_size, s)));
    r.after = twips(after);
    return r;
}

void add_rule(pugi::xml_node parent, double length, long inner, double text_size, double after, const Sheet& s) {
    add_paragraph(parent, rule_props(length, inner, text_size, after, s));
}

void header_positions(const Sheet& s, Positions& out) {
    const auto& doc = s.in.document;
    const auto& p = s.profile();
    const double left_inner_pt = s.in.header.left_width - 2 * p.cell_padding;
    // R3.3: the issuer's rule is 0.4 × its longest line; README says how to redo it by hand.
    const auto issuer =
        layout::name_lines(text::upper_vi(doc.issuer.name), Style::bold, p.issuer_size, left_inner_pt, s.metrics());
    out.issuer_rule = rule_props(widest(issuer, Style::bold, p.issuer_size, s) * p.issuer_rule_ratio, s.left_col,
                                 p.issuer_size, kRowGap, s);
    // The trích yếu paragraphs are narrowed to the PDF's widest line so that Word's greedy
    // wrapping finds the PDF's even breaks, and a retyped subject still wraps inside them.
    const double kind_w = doc.is_letter ? 0 : kind_subject_width(s);
    out.kind_subject.left = std::max(0L, (s.text_width - twips(kind_w)) / 2 - kSubjectSlack);
    out.kind_subject.right = out.kind_subject.left;
    out.kind_rule = rule_props(kind_w * p.issuer_rule_ratio, s.text_width, p.kind_subject_size, 0, s);
    out.kind_rule.keep_next = true;
    const double vv_w = doc.is_letter && !doc.subject.empty() ? letter_subject_width(s) : 0;
    out.letter_subject.left = std::max(0L, (s.left_col - twips(vv_w)) / 2 - kSubjectSlack);
    out.letter_subject.right = out.letter_subject.left;
}

void add_header(pugi::xml_node body, const Sheet& s) {
    const auto& doc = s.in.document;
    const auto& g = s.in.header;
    const auto& p = s.profile();
    // No cell margins: every line here is centred on its column (which padding would
    // not move), the names and the date are already broken to fit the padded width as
    // the PDF breaks them, and the padding is left as slack so that no reader wraps
    // them again (the widest date fills the right column's padded width exactly, §10).
    auto table = add_table(body, TableProps{{s.left_col, s.right_col}, 0, {}, false});
    const double left_inner_pt = g.left_width - 2 * p.cell_padding;  // as the PDF wraps names

    // Row 1, left: chủ quản (regular) and cơ quan ban hành (bold), upper-case, broken
    // where the PDF breaks them, then the rule 0.4 × the longest issuing line (R3.3).
    auto row1 = add_row(table, RowProps{true, false});
    auto names = add_cell(row1, CellProps{s.left_col, {}, {}, {}, {}, {}});
    if (!doc.issuer.parent.empty()) {
        const auto lines = layout::name_lines(text::upper_vi(doc.issuer.parent), Style::regular, p.issuer_size,
                                              left_inner_pt, s.metrics());
        text_paragraph(names, style::kIssuerParent, joined_lines(lines));
    }
    const auto issuer =
        layout::name_lines(text::upper_vi(doc.issuer.name), Style::bold, p.issuer_size, left_inner_pt, s.metrics());
    text_paragraph(names, style::kIssuer, joined_lines(issuer));
    add_paragraph(names, styled(style::kRule));  // its length is the style's (header_positions)

    // Row 1, right: Quốc hiệu, Tiêu ngữ and a rule exactly as long as the Tiêu ngữ (R3.2).
    auto nation = add_cell(row1, CellProps{s.right_col, {}, {}, {}, {}, {}});
    text_paragraph(nation, style::kNationalTitle, std::string(kNationalTitle));
    motto(nation, s);

    // Row 2: "Số:" and the date top-aligned in one row, their baselines level as in the
    // PDF (the smaller line gets the difference of ascents as space before).
    auto row2 = add_row(table, RowProps{true, false});
    auto left = add_cell(row2, CellProps{s.left_col, {}, {}, {}, {}, {}});
    const double number_asc = s.ascent(p.number_size), date_asc = s.ascent(g.date_size);
    text_paragraph(left, style::kNumber, layout::number_line(doc), {},
                   number_asc < date_asc ? std::optional<long>(twips(date_asc - number_asc)) : std::nullopt);
    // Ô 5b: "V/v …", 12 pt upright, 6 pt under Số (the style), wrapped in the column.
    if (doc.is_letter && !doc.subject.empty()) {
        // Wrapped evenly like the PDF: the style narrows it to the PDF's widest line.
        add_run(add_paragraph(left, styled(style::kLetterSubject)), joined_lines(letter_subject_lines(s)));
    }
    letter_marks(left, doc, s);

    auto right = add_cell(row2, CellProps{s.right_col, {}, {}, {}, {}, {}});
    RunProps date_run;
    if (g.date_size != p.date_size) date_run.size = g.date_size;  // R3.5/§10: 13 pt when 14 pt would not fit
    text_paragraph(right, style::kDate, g.date_text, date_run,
                   date_asc < number_asc ? std::optional<long>(twips(number_asc - date_asc)) : std::nullopt);

    if (!doc.is_letter) kind_block(body, s);
}

}  // namespace vanban::docx
