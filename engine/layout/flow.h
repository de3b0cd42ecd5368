// Boxes and pagination. Every part of a document becomes a vertical sequence of
// boxes; a box never splits across pages. Keep-with-next links (orphans and widows,
// headings, the last body lines with the signature block) make the paginator move
// whole groups to the next page.
#pragma once

#include "layout/compose.h"
#include "layout/page.h"
#include "layout/profile.h"

#include <memory>
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
    std::vector<Anchor> anchors;  // outline targets at the box's top

    // Appends composed lines starting at `y` (relative to the box top), each line's
    // items shifted right by `x`; returns the y below the last line box.
    double add_lines(const std::vector<Line>& lines, double x, double y, double advance, double ascent);
};

// One box per line: what body paragraphs become, so that pages can break between
// lines. Applies orphan/widow control (a paragraph never leaves one line alone at the
// bottom or the top of a page).
std::vector<Box> line_boxes(const std::vector<Line>& lines, double x, double advance, double ascent,
                            double space_before);

// Places boxes on pages of the profile's text block, in order.
std::vector<Page> paginate(const std::vector<Box>& boxes, const Profile& profile);

}  // namespace vanban::layout
