// Data tables (R5.5 [PRACTICE]; issue 4): column widths from relative weights (never
// narrower than a column's widest word), header
// rows repeated on every page, a row taller than a page split between lines, long cell text wrapped, numbers
// right-aligned in the Vietnamese format, a bold "Tổng cộng" row, 0.5 pt borders.
#include "layout/layout.h"
#include "layout/parts.h"

#include "core/diagnostic.h"
#include "text/decimal.h"

#include <cmath>

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

// One row's cells composed into lines; `lines` is the tallest cell's count.
struct ComposedRow {
    std::vector<std::vector<Line>> cells;
    std::size_t lines = 1;
};

// `cell` decides each cell's runs and alignment.
template <class CellFn>
ComposedRow compose_row(const Grid& g, std::size_t columns, const Context& cx, CellFn cell) {
    const auto& p = cx.profile;
    ComposedRow row;
    row.cells.resize(columns);
    for (std::size_t c = 0; c < columns; ++c) {
        const double inner = g.x[c + 1] - g.x[c] - 2 * p.table_padding_x;
        auto [runs, align] = cell(c);
        row.cells[c] = compose(runs, inner, LineStyle{p.table_size, align, 0, 0}, cx.metrics);
        row.lines = std::max(row.lines, row.cells[c].size());
    }
    return row;
}

// Lays lines [from, to) of every cell into `box` from `y`; returns the band's height.
double place_row(Box& box, const Grid& g, const ComposedRow& row, std::size_t from, std::size_t to, double y,
                 const Context& cx) {
    const auto& p = cx.profile;
    const double adv = cx.advance(p.table_size);
    std::size_t items = box.texts.size();  // reserved at once: one box per row, and rows are many
    for (const auto& lines : row.cells) {
        for (std::size_t l = from; l < std::min(to, lines.size()); ++l) items += lines[l].items.size();
    }
    box.texts.reserve(items);
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
        const auto& lines = row.cells[c];
        if (from >= lines.size()) continue;
        const std::span<const Line> part(lines.data() + from, std::min(to, lines.size()) - from);
        box.add_lines(part, g.x[c] + p.table_padding_x, y + p.table_padding_y, adv, cx.ascent_of(p.table_size));
    }
    return static_cast<double>(to - from) * adv + 2 * p.table_padding_y;
}

template <class CellFn>
double row_into(Box& box, const Grid& g, std::size_t columns, double y, const Context& cx, CellFn cell) {
    const ComposedRow row = compose_row(g, columns, cx, cell);
    return place_row(box, g, row, 0, row.lines, y, cx);
}

// Borders of a row band [top, bottom]: the verticals, the bottom rule, and the top rule
// when asked (the first header row).
void borders(Box& box, const Grid& g, double top, double bottom, bool with_top, double w) {
    box.rules.reserve(box.rules.size() + g.x.size() + 2);  // exactly: there is one box per row
    if (with_top) box.rules.push_back(RuleItem{g.x.front(), top, g.x.back(), top, w, {}});
    box.rules.push_back(RuleItem{g.x.front(), bottom, g.x.back(), bottom, w, {}});
    for (const double x : g.x) box.rules.push_back(RuleItem{x, top, x, bottom, w, {}});
}

// The widest unbreakable word of a cell's runs: a column narrower than this would
// break "STT" into "ST / T".
double widest_word(const std::vector<Run>& runs, double size, const Context& cx) {
    double widest = 0;
    for (const Run& r : runs) {
        std::string_view rest = r.text;
        while (!rest.empty()) {
            const std::size_t space = rest.find(' ');
            const std::string_view word = rest.substr(0, space);
            if (!word.empty()) widest = std::max(widest, cx.width(r.style, word, size));
            if (space == std::string_view::npos) break;
            rest.remove_prefix(space + 1);
        }
    }
    return widest;
}

}  // namespace

// The columns share the width by their weights, but no column is narrower than its
// widest word; the width a column gains is taken from the others by their weights.
std::vector<double> table_column_widths(const model::Table& t, double available, const fonts::FontMetrics& metrics,
                                        const Profile& p) {
    const Context cx{p, metrics};
    const std::size_t n = t.columns.size();
    const double size = p.table_size;
    std::vector<double> least(n, 0.0);
    for (std::size_t c = 0; c < n; ++c) {
        least[c] = widest_word(runs_of(t.columns[c].title, true), size, cx);
        least[c] = std::max(least[c], cx.width(Style::italic, "(" + std::to_string(c + 1) + ")", size));
    }
    for (const auto& row : t.rows) {
        for (std::size_t c = 0; c < n && c < row.size(); ++c) {
            const auto& cell = row[c];
            const double w = cell.number ? cx.width(Style::bold, text::format_decimal_vi(model::plain_text(cell.text)), size)
                                         : widest_word(runs_of(cell.text, false), size, cx);
            least[c] = std::max(least[c], w);
        }
    }
    const double room = available;
    std::vector<double> width(n, 0.0);
    std::vector<bool> pinned(n, false);
    for (bool changed = true; changed;) {
        changed = false;
        double free_room = room, free_weight = 0;
        for (std::size_t c = 0; c < n; ++c) {
            if (pinned[c]) free_room -= width[c];
            else free_weight += t.columns[c].width;
        }
        for (std::size_t c = 0; c < n; ++c) {
            if (pinned[c]) continue;
            width[c] = free_weight > 0 ? std::max(0.0, free_room) * t.columns[c].width / free_weight : 0;
            // 1 pt of slack: a word processor measuring in whole twips must not wrap it either.
            const double need = least[c] + 2 * p.table_padding_x + 1;
            if (width[c] < need) {
                width[c] = need;
                pinned[c] = true;
                changed = true;
            }
        }
    }
    // Words wider than the page allows: scale everything down rather than overflow.
    const double sum = std::accumulate(width.begin(), width.end(), 0.0);
    if (sum > room) {
        for (double& w : width) w *= room / sum;
    }
    return width;
}

namespace {

Grid column_grid(const model::Table& t, const Context& cx) {
    Grid g;
    g.x.push_back(cx.profile.text_left());
    for (const double w : table_column_widths(t, cx.profile.text_width(), cx.metrics, cx.profile)) {
        g.x.push_back(g.x.back() + w);
    }
    g.x.back() = cx.profile.text_right();  // no rounding drift at the right edge
    return g;
}

}  // namespace

std::vector<Box> table_boxes(const model::Table& t, const std::string& pointer, const Context& cx) {
    const auto& p = cx.profile;
    const std::size_t n = t.columns.size();
    const Grid g = column_grid(t, cx);

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
    // The header repeats on every page, so it may take at most half of one.
    const double page = p.text_bottom() - p.text_top();
    if (header->height > page / 2) {
        fail_at_pointer("", pointer, "the table's header rows are " + std::to_string(static_cast<int>(header->height * 25.4 / 72)) +
                                         " mm tall; at most half a page (" + std::to_string(static_cast<int>(page / 2 * 25.4 / 72)) +
                                         " mm) fits, as they repeat on every page");
    }
    // A row taller than what a page holds under the header is split between lines, its
    // cells continued on the next page (issue 11: nothing is clipped).
    const double adv = cx.advance(p.table_size);
    const auto per_page = static_cast<std::size_t>(std::max(1.0, std::floor((page - header->height - 2 * p.table_padding_y) / adv)));

    std::vector<Box> out;
    out.push_back(*header);  // the first occurrence flows normally
    std::shared_ptr<const Box> repeat = header;
    for (std::size_t r = extra_headers; r < t.rows.size(); ++r) {
        const bool total_row = t.total_row && r + 1 == t.rows.size();
        const ComposedRow composed = compose_row(g, n, cx, [&](std::size_t c) {
            const auto& cell = t.rows[r][c];
            if (cell.number) {
                const std::string shown = text::format_decimal_vi(model::plain_text(cell.text));
                return std::pair{std::vector<Run>{Run{shown, total_row ? Style::bold : Style::regular}}, Align::right};
            }
            return std::pair{runs_of(cell.text, total_row), align_of(t.columns[c].align)};
        });
        for (std::size_t from = 0; from < composed.lines; from += per_page) {
            Box row;
            row.repeat_header = repeat;
            const double h = place_row(row, g, composed, from, std::min(composed.lines, from + per_page), 0, cx);
            borders(row, g, 0, h, false, w);
            row.height = h;
            out.push_back(std::move(row));
        }
    }
    return out;
}

}  // namespace vanban::layout
