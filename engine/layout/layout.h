// The layout stage: a document model → finished A4 pages (NĐ 30/2020, Phụ lục I).
//
// Layout measures text only through fonts::FontMetrics, never through a PDF library,
// so every writer sees the same line breaks.
#pragma once

#include "fonts/font_metrics.h"
#include "layout/page.h"
#include "layout/profile.h"
#include "model/document.h"

#include <cstddef>
#include <string>

namespace vanban::layout {

struct LayoutOptions {
    Profile profile{};
    int gap_year = 0;  // year printed in "ngày    tháng    năm …" when the date is absent
    std::size_t max_pages = 0;  // fail while laying out past this many pages (0 = no limit)
};

// The header table (NĐ 30 §10 sizing): its two column widths and the date line's text
// and size. Shared by the PDF layout and the DOCX writer so that both put the same text
// in the same columns.
struct HeaderGeometry {
    double left_width = 0;   // ô 2/3 column (points), from the text block's left edge
    double right_width = 0;  // ô 1/4 column
    std::string date_text;   // "Hà Nội, ngày 30 tháng 12 năm 2009"
    double date_size = 14;   // 13 when 14 pt would not fit
};
HeaderGeometry header_geometry(const model::Document& doc, const fonts::FontMetrics& metrics, const Profile& profile,
                               int gap_year);

// Lines of a name block (ô 2, and the tên loại): forced breaks at "\n", then breaks
// before a place word (TỈNH, THÀNH PHỐ, VIỆT NAM, …) where the line is wider than
// `width`, then ordinary wrapping. Public so that the DOCX writer breaks names exactly
// where the PDF does (R3.3: "break at a phrase boundary").
std::vector<std::string> name_lines(const std::string& name, fonts::Style style, double size, double width,
                                    const fonts::FontMetrics& metrics);

// The quyền hạn / chức vụ lines of a signature block (R6) in a column `width` wide, as
// the PDF prints them: upper-case, wrapped evenly and only between phrases
// ("TM. BAN THƯỜNG VỤ" / "THÀNH ĐOÀN"). Shared with the DOCX writer.
std::vector<std::string> signature_title_lines(const model::SignatureBlock& signer, double width,
                                               const fonts::FontMetrics& metrics, const Profile& profile);

// A data table's column widths (points) across `available`: shared by weight, but none
// narrower than its widest word ("STT" never breaks into "ST/T"). Shared with the DOCX
// writer so both outputs wrap cells alike.
std::vector<double> table_column_widths(const model::Table& table, double available, const fonts::FontMetrics& metrics,
                                        const Profile& profile);

// R8.1: the page profile of an appendix (landscape swaps the page, keeps the margins).
// Shared with the DOCX writer, whose appendix sections use the same page.
Profile appendix_profile(const Profile& base, bool landscape);

// Lays the document out: header, Kính gửi, body, signature and Nơi nhận; page numbers
// on pages 2…n (R1.6). The Kính gửi and Nơi nhận lists, the body and table rows flow
// onto further pages; a fixed region (a header cell, a signature block, an appendix's
// title) needing more lines than the profile allows fails with vanban::Error naming
// the field's JSON Pointer (and no file); so does passing `max_pages`.
LaidOutDocument layout_document(const model::Document& doc, const fonts::FontMetrics& metrics,
                                const LayoutOptions& options = {});

}  // namespace vanban::layout
