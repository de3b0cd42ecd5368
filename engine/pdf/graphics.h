// Rules and frames, drawn through libharu's path API.
#pragma once

#include "layout/page.h"
#include "pdf/haru.h"

namespace vanban::pdf {

// Strokes every RuleItem (a line) and FrameItem (an unfilled rectangle) of
// `page`, flipping y (layout's origin is top-left). Must run before the page's
// text is appended: libharu's path operators may not appear inside our BT … ET
// (§8.2, Figure 9: path construction is not allowed in a text object). Leaves the
// page in the base graphics state, as Document::finish_page requires.
void draw_graphics(haru::Document& doc, HPDF_Page page, const layout::Page& items);

}  // namespace vanban::pdf
