#include "layout/book.h"

#include "layout/breaks.h"
#include "layout/parts.h"
#include "text/text.h"

namespace vanban::layout {

namespace {

// Each cover line is its own box so that a cover too long for one page flows on
// rather than failing; names in capitals break between phrases (ô 2 does the same).
std::vector<Box> cover_boxes(const model::Book& book, const Context& cx) {
    const auto& p = cx.profile;
    std::vector<Box> out;
    for (const auto& c : book.cover) {
        const fonts::Style style = c.bold ? fonts::Style::bold : fonts::Style::regular;
        const LineStyle centred{c.size, Align::center, 0, 0};
        const auto lines = c.capitals ? compose_phrases(text::upper_vi(c.text), style, p.text_width(), centred, cx.metrics)
                                      : compose(c.text, style, p.text_width(), centred, cx.metrics);
        Box b;
        b.space_before = c.space_before;
        b.height = b.add_lines(lines, p.text_left(), 0, cx.advance(c.size), cx.ascent_of(c.size));
        b.keep_with_next = true;
        out.push_back(std::move(b));
    }
    if (!out.empty()) out.back().keep_with_next = false;
    return out;
}

}  // namespace

LaidOutDocument layout_book(const model::Book& book, const fonts::FontMetrics& metrics, const LayoutOptions& options) {
    const Profile p = appendix_profile(options.profile, book.landscape);
    const Context cx{p, metrics, options.gap_year};
    std::vector<Box> boxes = cover_boxes(book, cx);
    auto table = table_boxes(book.table, "/table", cx);
    // The table starts on a page of its own: the cover is page 1 alone.
    if (!table.empty() && !boxes.empty()) table.front().page_break_before = true;
    for (auto& b : table) boxes.push_back(std::move(b));

    LaidOutDocument out;
    out.pages = paginate(std::move(boxes), p, options.max_pages);
    number_pages(out.pages, cx);
    out.info.title = book.title;
    out.info.author = book.author;
    out.info.subject = book.subject;
    if (book.date) out.info.date = Date{book.date->year, book.date->month, book.date->day};
    out.info.archive.organ_name = book.author;
    out.info.archive.page_amount = std::to_string(out.pages.size());
    return out;
}

}  // namespace vanban::layout
