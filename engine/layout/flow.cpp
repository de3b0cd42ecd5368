#include "layout/flow.h"

#include "core/diagnostic.h"

namespace vanban::layout {

double Box::add_lines(std::span<const Line> lines, double x, double y, double advance, double asc) {
    for (const auto& line : lines) {
        for (auto item : line.items) {
            item.x += x;
            item.baseline = y + asc;
            texts.push_back(std::move(item));
        }
        y += advance;
    }
    height = std::max(height, y);
    return y;
}

std::vector<Box> concat(std::vector<std::vector<Box>> parts) {
    std::size_t n = 0;
    for (const auto& p : parts) n += p.size();
    std::vector<Box> out;
    out.reserve(n);
    for (auto& p : parts) {
        for (auto& b : p) out.push_back(std::move(b));
        std::vector<Box>().swap(p);
    }
    return out;
}

std::vector<Box> line_boxes(const std::vector<Line>& lines, double x, double advance, double asc,
                            double space_before) {
    std::vector<Box> out;
    const std::size_t n = lines.size();
    for (std::size_t i = 0; i < n; ++i) {
        Box b;
        b.space_before = i == 0 ? space_before : 0;
        b.add_lines({lines[i]}, x, 0, advance, asc);
        // Orphan: the first line stays with the second. Widow: the last line is not
        // left alone at the top of a page. Paragraphs of 2–3 lines stay whole.
        b.keep_with_next = (n >= 2 && i == 0) || (n >= 2 && i + 2 == n) || (n <= 3 && i + 1 < n);
        out.push_back(std::move(b));
    }
    return out;
}

namespace {

void place(const Box& b, double top, Page& page) {
    for (auto t : b.texts) {
        t.baseline += top;
        page.texts.push_back(std::move(t));
    }
    for (auto r : b.rules) {
        r.y1 += top;
        r.y2 += top;
        page.rules.push_back(r);
    }
    for (auto f : b.frames) {
        f.y += top;
        page.frames.push_back(f);
    }
    for (auto a : b.signature_areas) {
        a.y += top;
        page.signature_areas.push_back(a);
    }
    for (auto a : b.anchors) {
        a.y += top;
        page.anchors.push_back(std::move(a));
    }
}

// Moves a placed box's content onto the page and frees the box: a 100,000-row table
// is then held once, not twice (as boxes and as pages) at the peak.
void place(Box&& b, double top, Page& page) {
    for (auto& t : b.texts) {
        t.baseline += top;
        page.texts.push_back(std::move(t));
    }
    std::vector<TextItem>().swap(b.texts);
    place(static_cast<const Box&>(b), top, page);  // the rules and frames
    std::vector<RuleItem>().swap(b.rules);
    std::vector<FrameItem>().swap(b.frames);
}

void shrink(Page& page) {
    page.texts.shrink_to_fit();
    page.rules.shrink_to_fit();
}

}  // namespace

void check_lines(std::size_t needed, int most, const std::string& pointer, const std::string& what,
                 const std::string& where) {
    if (needed <= static_cast<std::size_t>(most)) return;
    fail_at_pointer("", pointer, what + " needs " + std::to_string(needed) + " lines " + where + "; at most " +
                                     std::to_string(most) + " fit");
}

std::vector<Page> paginate(std::vector<Box> boxes, const Profile& profile, std::size_t max_pages,
                           std::size_t pages_before) {
    std::vector<Page> pages;
    const double top = profile.text_top();
    const double bottom = profile.text_bottom();
    auto new_page = [&] {
        if (max_pages > 0 && pages_before + pages.size() + 1 > max_pages) {
            fail_at_pointer("", "", "the document needs more pages than the limit of " + std::to_string(max_pages) +
                                        " (--max-pages)");
        }
        // A full page gets exact vectors: pages are what the writers keep, and vectors grown
        // by doubling are a third empty on average.
        if (!pages.empty()) shrink(pages.back());
        Page p;
        p.width = profile.page_width;
        p.height = profile.page_height;
        pages.push_back(std::move(p));
    };
    new_page();
    double y = top;
    bool page_empty = true;

    // Every box must fit an empty page (with the table header it repeats): the parts
    // make sure of it, by flowing line by line or by failing with the field's name.
    for (const Box& b : boxes) {
        const double tallest = b.height + (b.repeat_header ? b.repeat_header->height : 0);
        if (tallest > bottom - top + 1e-6) {
            fail_at_pointer("", "", "internal error: a part of the document is taller than a page (" +
                                        std::to_string(static_cast<int>(tallest)) + " pt)");
        }
    }

    std::size_t i = 0;
    while (i < boxes.size()) {
        // The group: this box and every box it is kept with.
        std::size_t j = i;
        double group = 0;
        while (true) {
            group += (j == i && page_empty ? 0 : boxes[j].space_before) + boxes[j].height;
            if (!boxes[j].keep_with_next || j + 1 >= boxes.size() || boxes[j + 1].page_break_before) break;
            ++j;
        }
        if (boxes[i].page_break_before && !page_empty) {
            new_page();
            y = top;
            page_empty = true;
            continue;
        }
        const bool fits = y + group <= bottom + 1e-6;
        const bool fits_empty_page = top + group - (page_empty ? 0 : boxes[i].space_before) <= bottom + 1e-6;
        if (!fits && !page_empty && fits_empty_page) {
            new_page();
            y = top;
            page_empty = true;
            continue;
        }
        // Place the group (or, when it is taller than a page, as much as fits, box by box).
        for (std::size_t k = i; k <= j; ++k) {
            Box& b = boxes[k];
            double before = page_empty ? 0 : b.space_before;
            if (!page_empty && y + before + b.height > bottom + 1e-6) {
                new_page();
                y = top;
                page_empty = true;
                before = 0;
            }
            if (page_empty && b.repeat_header) {
                // A table continues on a new page: its header rows come first.
                place(*b.repeat_header, y, pages.back());
                y += b.repeat_header->height;
                before = 0;
            }
            y += before;
            place(std::move(b), y, pages.back());
            y += b.height;
            page_empty = false;
        }
        i = j + 1;
    }
    shrink(pages.back());
    return pages;
}

}  // namespace vanban::layout
