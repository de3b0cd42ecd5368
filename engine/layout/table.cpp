// Data tables (R5.5 [PRACTICE]; issue 4): column widths from relative weights, header
// rows repeated on every page, rows never split, long cell text wrapped, numbers
// right-aligned in the Vietnamese format, a bold "Tổng cộng" row, 0.5 pt borders.
#include "layout/parts.h"

#include "text/decimal.h"

#include <numeric>

namespace vanban::layout {

namespace {

using fonts::Style;

Align align_of(model::Align a) {
    switch (a) {
        case model::Align::center: return Align::center;
        case model::Align::right: return Align::right;
        case model::Align::left: break;
    }
    return Align::left;
}

std::vector<Run> runs_of(const model::InlineText& t, bool bold, bool italic = false) {
    std::vector<Run> out;
    for (const auto& s : t) out.push_back(Run{s.text, fonts::style_of(s.bold || bold, s.italic || italic)});
    return out;
}

struct Grid {
    std::vector<double> x;  // column edges, size columns + 1
};

// Lays one row of cells into `box` from `y`; returns the row's height. `style_cell`
// decides each cell's runs and alignment.
template <class CellFn>
double row_into(Box& box, const Grid& g, std::size_t columns, double y, const Context& cx, CellFn cell) {
    const auto& p = cx.profile;
    const double size = p.table_size;
    const double adv = cx.advance(size);
    const double asc = cx.ascent_of(size);
    std::size_t lines = 1;
    std::vector<std::vector<Line>> composed(columns);
    for (std::size_t c = 0; c < columns; ++c) {
        const double inner = g.x[c + 1] - g.x[c] - 2 * p.table_padding_x;
        auto [runs, align] = cell(c);
        composed[c] = compose(runs, inner, LineStyle{size, align, 0, 0}, cx.metrics);
        lines = std::max(lines, composed[c].size());
    }
    for (std::size_t c = 0; c < columns; ++c) {
        box.add_lines(composed[c], g.x[c] + p.table_padding_x, y + p.table_padding_y, adv, asc);
    }
    return static_cast<double>(lines) * adv + 2 * p.table_padding_y;
}

// Borders of a row band [top, bottom]: the verticals, the bottom rule, and the top rule
// when asked (the first header row).
void borders(Box& box, const Grid& g, double top, double bottom, bool with_top, double w) {
    if (with_top) box.rules.push_back(RuleItem{g.x.front(), top, g.x.back(), top, w, {}});
    box.rules.push_back(RuleItem{g.x.front(), bottom, g.x.back(), bottom, w, {}});
    for (const double x : g.x) box.rules.push_back(RuleItem{x, top, x, bottom, w, {}});
}

}  // namespace

std::vector<Box> table_boxes(const model::Table& t, const Context& cx) {
    const auto& p = cx.profile;
    const std::size_t n = t.columns.size();
    Grid g;
    const double total = std::accumulate(t.columns.begin(), t.columns.end(), 0.0,
                                         [](double s, const model::TableColumn& c) { return s + c.width; });
    g.x.push_back(p.text_left());
    for (const auto& c : t.columns) g.x.push_back(g.x.back() + p.text_width() * c.width / total);
    g.x.back() = p.text_right();  // no rounding drift at the right edge

    // The header: column titles, further header rows, and the "(1) (2) …" row.
    auto header = std::make_shared<Box>();
    header->space_before = p.paragraph_space;
    header->keep_with_next = true;
    double y = 0;
    const double w = p.table_rule;
    auto header_row = [&](auto cell) {
        const double h = row_into(*header, g, n, y, cx, cell);
        borders(*header, g, y, y + h, y == 0, w);
        y += h;
    };
    header_row([&](std::size_t c) { return std::pair{runs_of(t.columns[c].title, true), Align::center}; });
    const std::size_t extra_headers = static_cast<std::size_t>(std::max(0, t.header_rows - 1));
    for (std::size_t r = 0; r < extra_headers && r < t.rows.size(); ++r) {
        header_row([&](std::size_t c) { return std::pair{runs_of(t.rows[r][c].text, true), Align::center}; });
    }
    if (t.column_numbers) {
        header_row([&](std::size_t c) {
            return std::pair{std::vector<Run>{Run{"(" + std::to_string(c + 1) + ")", Style::italic}}, Align::center};
        });
    }
    header->height = y;

    std::vector<Box> out;
    out.push_back(*header);  // the first occurrence flows normally
    std::shared_ptr<const Box> repeat = header;
    for (std::size_t r = extra_headers; r < t.rows.size(); ++r) {
        const bool total_row = t.total_row && r + 1 == t.rows.size();
        Box row;
        row.repeat_header = repeat;
        const double h = row_into(row, g, n, 0, cx, [&](std::size_t c) {
            const auto& cell = t.rows[r][c];
            if (cell.number) {
                const std::string shown = text::format_decimal_vi(model::plain_text(cell.text));
                return std::pair{std::vector<Run>{Run{shown, total_row ? Style::bold : Style::regular}}, Align::right};
            }
            return std::pair{runs_of(cell.text, total_row), align_of(t.columns[c].align)};
        });
        borders(row, g, 0, h, false, w);
        row.height = h;
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace vanban::layout
