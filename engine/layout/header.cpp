// Ô 1–5, 10: the header of page 1 (NĐ 30/2020, Phụ lục I, II.1–II.5; III.2).
#include "layout/parts.h"

#include "core/diagnostic.h"
#include "layout/breaks.h"
#include "layout/wording.h"
#include "text/text.h"

#include <algorithm>

namespace vanban::layout {

namespace {

using fonts::Style;

constexpr std::string_view kNationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";  // R3.1
constexpr std::string_view kMotto = "Độc lập - Tự do - Hạnh phúc";               // R3.2

struct Placed {
    double y = 0;  // bottom of the last line box
    double widest = 0;
    double last_baseline = 0;
};

// Draws lines centred on `centre`, from `y` down; returns where it ended.
Placed centred_lines(Box& box, const std::vector<std::string>& lines, Style style, double size, double centre,
                     double y, const Context& cx) {
    Placed out{y, 0, y};
    for (const auto& l : lines) {
        const double w = cx.width(style, l, size);
        out.last_baseline = out.y + cx.ascent_of(size);
        box.texts.push_back(TextItem{centre - w / 2, out.last_baseline, style, size, l, 0, w, {}});
        out.y += cx.advance(size);
        out.widest = std::max(out.widest, w);
    }
    return out;
}

// A header line that is never wrapped must fit its column.
void fits_one_line(double width, double room, const char* pointer, const std::string& what, const char* column) {
    if (width <= room + 1e-6) return;
    fail_at_pointer("", pointer, what + " is " + std::to_string(static_cast<int>(width * 25.4 / 72 + 0.5)) +
                                     " mm wide; the " + column + " header column holds " +
                                     std::to_string(static_cast<int>(room * 25.4 / 72)) + " mm on one line");
}

void centred_rule(Box& box, double centre, double length, double y, double thickness) {
    box.rules.push_back(RuleItem{centre - length / 2, y, centre + length / 2, y, thickness, {}});
}

// Ô 10a/10b and the draft mark: a word in a single-line frame, centred in the column.
double framed_mark(Box& box, const std::string& word, double frame_width, Color color, double centre, double y,
                   const Context& cx) {
    const auto& p = cx.profile;
    const double w = cx.width(Style::bold, word, p.mark_size);
    frame_width = std::max(frame_width, w + mm(4));
    box.frames.push_back(FrameItem{centre - frame_width / 2, y, frame_width, p.mark_height, 0.75, color});
    // Optical centring: baseline so that the cap height sits in the middle of the frame.
    const double baseline = y + p.mark_height / 2 + p.mark_size * 0.33;
    box.texts.push_back(TextItem{centre - w / 2, baseline, Style::bold, p.mark_size, word, 0, w, color});
    return y + p.mark_height;
}

}  // namespace

std::vector<std::string> name_lines(const std::string& name, Style style, double size, double width,
                                    const fonts::FontMetrics& metrics) {
    return phrase_lines(name, style, size, width, metrics);  // breaks.h: "\n", then the word list
}

HeaderGeometry header_geometry(const model::Document& doc, const fonts::FontMetrics& metrics, const Profile& p,
                               int gap_year) {
    // §10: the right column is as wide as the widest of Quốc hiệu, Tiêu ngữ and the
    // date line (never wrapped), at least the default; a date too wide at 14 pt drops
    // to 13 pt.
    HeaderGeometry g;
    std::optional<text::Date> date;
    if (doc.date_line.date) date = text::Date{doc.date_line.date->year, doc.date_line.date->month, doc.date_line.date->day};
    g.date_text = text::date_line(doc.date_line.place, date, doc.date_line.gap_year ? doc.date_line.gap_year : gap_year);
    g.date_size = p.date_size;
    auto needed = [&] {
        return std::max({metrics.width(Style::bold, kNationalTitle, p.national_title_size),
                         metrics.width(Style::bold, kMotto, p.motto_size),
                         metrics.width(Style::italic, g.date_text, g.date_size)}) + 2 * p.cell_padding;
    };
    const double default_right = p.text_width() - p.header_left_width;
    const double max_right = p.text_width() - mm(45);
    if (needed() > default_right && g.date_size > 13) g.date_size = 13;
    g.right_width = std::min(max_right, std::max(default_right, needed()));
    g.left_width = p.text_width() - g.right_width;
    return g;
}

std::vector<Box> header_boxes(const model::Document& doc, const Context& cx, Columns& columns) {
    const auto& p = cx.profile;
    const double pad = p.cell_padding;

    const HeaderGeometry g = header_geometry(doc, cx.metrics, p, cx.gap_year);
    const std::string& date_text = g.date_text;
    const double date_size = g.date_size;
    const double right = g.right_width;
    columns = Columns{g.left_width, g.right_width};
    const double left_centre = p.text_left() + columns.left_width / 2;
    const double right_centre = p.text_left() + columns.left_width + right / 2;
    const double left_inner = columns.left_width - 2 * pad;

    Box box;

    // Row 1, left: chủ quản (regular) and cơ quan ban hành (bold), upper-case, with
    // a rule 0.4 × the longest issuing line under it (R3.3).
    double ly = 0;
    if (!doc.issuer.parent.empty()) {
        const auto lines = name_lines(text::upper_vi(doc.issuer.parent), Style::regular, p.issuer_size, left_inner, cx.metrics);
        check_lines(lines.size(), p.max_issuer_parent_lines, "/issuer/parent", "the tên cơ quan chủ quản",
                    "in the header column");
        ly = centred_lines(box, lines, Style::regular, p.issuer_size, left_centre, ly, cx).y;
    }
    const auto issuer = name_lines(text::upper_vi(doc.issuer.name), Style::bold, p.issuer_size, left_inner, cx.metrics);
    check_lines(issuer.size(), p.max_issuer_name_lines, "/issuer/name", "the tên cơ quan ban hành",
                "in the header column");
    const Placed named = centred_lines(box, issuer, Style::bold, p.issuer_size, left_centre, ly, cx);
    const double left_rule_y = named.last_baseline + cx.descent_of(p.issuer_size) + p.rule_gap;
    centred_rule(box, left_centre, named.widest * p.issuer_rule_ratio, left_rule_y, p.rule_thickness);

    // Row 1, right: Quốc hiệu, Tiêu ngữ, and a rule exactly as long as the Tiêu ngữ (R3.2).
    const Placed title = centred_lines(box, {std::string(kNationalTitle)}, Style::bold, p.national_title_size,
                                       right_centre, 0, cx);
    const Placed motto = centred_lines(box, {std::string(kMotto)}, Style::bold, p.motto_size, right_centre, title.y, cx);
    const double right_rule_y = motto.last_baseline + cx.descent_of(p.motto_size) + p.rule_gap;
    centred_rule(box, right_centre, motto.widest, right_rule_y, p.rule_thickness);

    // Row 2 shares one baseline: "Số:" left, the date right (R3.5: same line).
    const double row2_top = std::max(left_rule_y, right_rule_y) + 4;
    const double row2_baseline = row2_top + std::max(cx.ascent_of(p.number_size), cx.ascent_of(date_size));
    // R3.4: a number not yet assigned leaves a gap the clerk fills by hand.
    const std::string number_line = layout::number_line(doc);
    const double nw = cx.width(Style::regular, number_line, p.number_size);
    // Số and the date are one line each (R3.5 puts them on one baseline): never wrapped.
    fits_one_line(nw, left_inner, "/symbol", "the Số line", "left");
    box.texts.push_back(TextItem{left_centre - nw / 2, row2_baseline, Style::regular, p.number_size, number_line, 0, nw, {}});
    const double dw = cx.width(Style::italic, date_text, date_size);
    fits_one_line(dw, right - 2 * pad, "/place", "the date line", "right");
    box.texts.push_back(TextItem{right_centre - dw / 2, row2_baseline, Style::italic, date_size, date_text, 0, dw, {}});
    double left_y = row2_baseline - cx.ascent_of(p.number_size) + cx.advance(p.number_size);
    const double right_y = row2_baseline - cx.ascent_of(date_size) + cx.advance(date_size);

    // Ô 5b: "V/v …" of a công văn, 12 pt upright, 6 pt under Số, centred, wrapped in the column.
    if (doc.is_letter && !doc.subject.empty()) {
        left_y += p.number_to_subject;
        const auto lines = compose_phrases("V/v " + doc.subject, Style::regular, left_inner,
                                   LineStyle{p.subject_letter_size, Align::center, 0, 0}, cx.metrics);
        check_lines(lines.size(), p.max_letter_subject_lines, "/subject", "the trích yếu", "in the header column");
        left_y = box.add_lines(lines, p.text_left() + pad, left_y, cx.advance(p.subject_letter_size),
                               cx.ascent_of(p.subject_letter_size));
    }

    // Ô 10a, 10b and the draft mark, under Số / V/v (R8.2, R8.3, R8.5).
    const Color red{0.9, 0, 0};
    auto mark = [&](const std::string& word, double width, Color c) {
        left_y = framed_mark(box, word, width, c, left_centre, left_y + 6, cx);
    };
    switch (doc.confidentiality) {
        case model::Confidentiality::mat: mark("MẬT", mm(20), red); break;
        case model::Confidentiality::toi_mat: mark("TỐI MẬT", mm(30), red); break;
        case model::Confidentiality::tuyet_mat: mark("TUYỆT MẬT", mm(35), red); break;
        case model::Confidentiality::none: break;
    }
    switch (doc.urgency) {
        case model::Urgency::khan: mark("KHẨN", mm(20), red); break;
        case model::Urgency::thuong_khan: mark("THƯỢNG KHẨN", mm(40), red); break;
        case model::Urgency::hoa_toc: mark("HỎA TỐC", mm(30), red); break;
        case model::Urgency::none: break;
    }
    if (doc.draft) mark("DỰ THẢO", mm(30), Color{});

    box.height = std::max({box.height, left_y, right_y});
    std::vector<Box> out{std::move(box)};

    // Ô 5a: tên loại and trích yếu centred across the page, with a short rule (R3.6).
    if (!doc.is_letter) {
        Box kind;
        kind.space_before = cx.advance(p.body_size) + p.after_header / 2;
        const auto kind_lines = name_lines(text::upper_vi(doc.kind), Style::bold, p.kind_size, p.text_width(), cx.metrics);
        check_lines(kind_lines.size(), p.max_kind_lines, "/kind", "the tên loại", "in the header");
        const double centre = p.text_left() + p.text_width() / 2;
        double y = centred_lines(kind, kind_lines, Style::bold, p.kind_size, centre, 0, cx).y;
        const auto subject = compose_phrases(doc.subject, Style::bold, p.text_width() * 0.85,
                                     LineStyle{p.kind_subject_size, Align::center, 0, 0}, cx.metrics);
        check_lines(subject.size(), p.max_subject_lines, "/subject", "the trích yếu", "under the tên loại");
        double widest = 0, last_baseline = y;
        for (const auto& l : subject) widest = std::max(widest, l.natural_width);
        y = kind.add_lines(subject, p.text_left() + p.text_width() * 0.075, y, cx.advance(p.kind_subject_size),
                           cx.ascent_of(p.kind_subject_size));
        if (!subject.empty()) last_baseline = kind.texts.back().baseline;
        const double rule_y = last_baseline + cx.descent_of(p.kind_subject_size) + p.rule_gap;
        centred_rule(kind, centre, widest * p.issuer_rule_ratio, rule_y, p.rule_thickness);
        kind.height = rule_y + p.rule_thickness;
        kind.keep_with_next = true;
        out.push_back(std::move(kind));
    }
    return out;
}

}  // namespace vanban::layout
