// Layout of a printed book (model/book.h): the cover on page 1, the table from page 2,
// its header rows repeated on every page, page numbers from page 2 (R1.6).
#pragma once

#include "fonts/font_metrics.h"
#include "layout/layout.h"
#include "layout/page.h"
#include "model/book.h"

namespace vanban::layout {

// The profile's table_size applies to the book's table. Rows flow onto as many pages
// as they need; a row taller than a page is split between lines (nothing is clipped).
// Fails (vanban::Error, pointer "/table" or "/cover/N") as layout_document does.
LaidOutDocument layout_book(const model::Book& book, const fonts::FontMetrics& metrics,
                            const LayoutOptions& options = {});

}  // namespace vanban::layout
