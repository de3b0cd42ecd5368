// Boxes and pagination. Every part of a document becomes a vertical sequence of
// boxes; a box never splits across pages. Keep-with-next links (orphans and widows,
// headings, the last body lines with the signature block) make the paginator move
// whole groups to the next page.
#pragma once

#include "layout/compose.h"
#include "layout/page.h"
#include "layout/profile.h"

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace vanban::layout {

struct Box {
    double height = 0;         // from the box top to the bottom of its last line box
    double space_before = 0;   // dropped at the top of a page
    bool keep_with_next = false;
    bool page_break_before = false;
    // Table rows: the header rows to repeat at the top of a page this box starts.
    std::shared_ptr<const Box> repeat_header;
    // Content with x on the page and y relative to the box top.
    std::vector<TextItem> texts;
    std::vector<RuleItem> rules;
    std::vector<FrameItem> frames;
    std::vector<SignatureArea> signature_areas;
    std::vector<Anchor> anchors;  // outline targets at the box's top

    // Appends composed lines starting at `y` (relative to the box top), each line's
    // items shifted right by `x`; returns the y below the last line box.
    double add_lines(std::span<const Line> lines, double x, double y, double advance, double ascent);
    double add_lines(const std::vector<Line>& lines, double x, double y, double advance, double ascent) {
        return add_lines(std::span<const Line>(lines), x, y, advance, ascent);
    }
};

// The parts' boxes in order, in one vector allocated once: pushing a 10,000-row table's
// boxes one by one through two growing vectors held three copies of their headers at
// the peak (issue 18).
std::vector<Box> concat(std::vector<std::vector<Box>> parts);

// One box per line: what body paragraphs become, so that pages can break between
// lines. Applies orphan/widow control (a paragraph never leaves one line alone at the
// bottom or the top of a page).
std::vector<Box> line_boxes(const std::vector<Line>& lines, double x, double advance, double ascent,
                            double space_before);

// Places boxes on pages of the profile's text block, in order. Fails (vanban::Error)
// when the document would need more than `max_pages` pages in all, counting the
// `pages_before` already laid out (0 = no limit): the limit is checked while laying
// out, not after. A box taller than the text block is a layout bug and fails too: no
// region is ever clipped.
std::vector<Page> paginate(std::vector<Box> boxes, const Profile& profile, std::size_t max_pages = 0,
                           std::size_t pages_before = 0);

// Fails naming the field (`pointer`, a JSON Pointer into the document) when a region
// that cannot flow onto the next page needs more lines than fit there:
//   "/subject: the trích yếu needs 19 lines in the header column; at most 8 fit".
void check_lines(std::size_t needed, int most, const std::string& pointer, const std::string& what,
                 const std::string& where);

}  // namespace vanban::layout
