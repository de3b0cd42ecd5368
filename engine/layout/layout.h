// The layout stage: a document model → finished A4 pages (NĐ 30/2020, Phụ lục I).
//
// Layout measures text only through fonts::FontMetrics, never through a PDF library,
// so every writer sees the same line breaks.
#pragma once

#include "fonts/font_metrics.h"
#include "layout/page.h"
#include "layout/profile.h"
#include "model/document.h"

namespace vanban::layout {

struct LayoutOptions {
    Profile profile{};
    int gap_year = 0;  // year printed in "ngày    tháng    năm …" when the date is absent
};

// Lays the document out: header, Kính gửi, body, signature and Nơi nhận; page numbers
// on pages 2…n (R1.6). Never fails on a valid model.
LaidOutDocument layout_document(const model::Document& doc, const fonts::FontMetrics& metrics,
                                const LayoutOptions& options = {});

}  // namespace vanban::layout
