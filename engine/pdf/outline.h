// The document outline (PDF 32000-1 §12.3.3, "bookmarks"): one item per heading and
// per appendix, from the anchors layout put on the pages, so that a reader's side
// panel lists the văn bản's structure as the DOCX's navigation pane does.
#pragma once

#include "layout/page.h"
#include "pdf/haru.h"

#include <vector>

namespace vanban::pdf {

// Adds /Outlines and /PageMode /UseOutlines to the catalog when any page of `doc`
// has an anchor; does nothing otherwise. `pages` are the libharu pages of
// `doc.pages`, in the same order. An anchor becomes a child of the nearest earlier
// anchor of a lower level (headings under their appendix, khoản under mục); every
// item is open and goes to its line (/XYZ, zoom unchanged). Deterministic: the same
// pages give the same objects.
void write_outline(haru::Document& pdf, const std::vector<HPDF_Page>& pages, const layout::LaidOutDocument& doc);

}  // namespace vanban::pdf
