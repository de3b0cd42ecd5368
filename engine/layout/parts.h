// The parts of a văn bản, each laid out into boxes (internal to layout).
#pragma once

#include "fonts/font_metrics.h"
#include "layout/flow.h"
#include "layout/layout.h"
#include "layout/profile.h"
#include "model/document.h"

#include <string>
#include <vector>

namespace vanban::layout {

struct Context {
    const Profile& profile;
    const fonts::FontMetrics& metrics;
    int gap_year = 0;  // the year printed when the document has no date
    // The JSON Pointer of what is being laid out, for errors: "" for the document,
    // "/appendices/1" for an appendix (its body is at base + "/body").
    std::string base = "";

    double width(fonts::Style s, std::string_view text, double size) const { return metrics.width(s, text, size); }
    double advance(double size, double spacing = 1.0) const { return line_advance(metrics, size, spacing); }
    double ascent_of(double size) const { return ascent(metrics, size); }
    double descent_of(double size) const { return -metrics.descent(fonts::Style::regular) * size / 1000.0; }
};

// Where the header put its column boundary; the signature table reuses it.
struct Columns {
    double left_width = 0;   // ô 2/3 column, from the text block's left edge
    double right_width = 0;  // ô 1/4 column
};

// Ô 1–5b, 10, 11: the two-column header (a 2×2 grid: names + rule | Quốc hiệu +
// Tiêu ngữ + rule; Số (+ V/v) | date), then, for documents with a type name, the
// tên loại and trích yếu with the rule under them.
std::vector<Box> header_boxes(const model::Document& doc, const Context& cx, Columns& columns);

// The opening of a quyết định: thẩm quyền ban hành, căn cứ (R5.2), "QUYẾT ĐỊNH:".
std::vector<Box> preamble_boxes(const model::Preamble& pre, const Context& cx);

// Ô 9a "Kính gửi".
std::vector<Box> recipient_boxes(const std::vector<std::string>& recipients, const Context& cx);

// Ô 6, the body; `end_mark` appends "./." to its last paragraph.
std::vector<Box> body_boxes(const std::vector<model::Block>& body, bool end_mark, const Context& cx);

// A data table: the header rows as one box (repeated on every page the table spans),
// then one box per row (several for a row taller than a page).
// `pointer` names the table in errors (its header rows may take at most half a page).
std::vector<Box> table_boxes(const model::Table& table, const std::string& pointer, const Context& cx);

// The title block of an appendix ("PHỤ LỤC I", its title, "(Kèm theo …)", a short
// rule) followed by its body.
std::vector<Box> appendix_boxes(const model::Document& doc, const model::Appendix& appendix, const Context& cx);

// R1.6: page numbers on pages 2…n, centred in the top margin (layout.cpp).
void number_pages(std::vector<Page>& pages, const Context& cx);

// Ô 7 and 9b: the signature block(s) with "Nơi nhận" beside (or under) them.
std::vector<Box> closing_boxes(const model::Document& doc, const Columns& columns, const Context& cx);

}  // namespace vanban::layout
