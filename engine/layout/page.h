// What layout hands to the writers: finished pages of positioned items.
//
// Coordinates are PDF points (1/72 in) with the origin at the top-left corner of
// the page and y growing downwards; the PDF writer flips them. Nothing here knows
// about templates, markup or the document model.
#pragma once

#include "fonts/font_metrics.h"

#include <optional>
#include <string>
#include <vector>

namespace vanban::layout {

struct Color {
    double r = 0, g = 0, b = 0;  // 0..1; all text and rules are black (R1.5) except urgency marks
    bool operator==(const Color&) const = default;
};

// One line (or fragment of a line) of text in one style.
struct TextItem {
    double x = 0;         // left edge of the first glyph's advance box
    double baseline = 0;  // y of the baseline
    fonts::Style style = fonts::Style::regular;
    double size = 14;     // points
    std::string text;     // NFC UTF-8, no control characters; spaces are U+0020
    // Justification: extra points added after every U+0020 in `text`. Writers add it
    // to the natural space advance (PDF: a TJ adjustment after the space glyph), so
    // that text extraction still sees single spaces.
    double word_spacing = 0;
    double width = 0;     // natural width + word_spacing × number of spaces
    Color color{};
};

// A straight rule (the lines under the Tiêu ngữ and the issuing body, table borders).
struct RuleItem {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double thickness = 0.5;  // points
    Color color{};
};

// An unfilled rectangle (the frame of an urgency mark, "DỰ THẢO").
struct FrameItem {
    double x = 0, y = 0, width = 0, height = 0;  // (x, y) is the top-left corner
    double thickness = 0.75;
    Color color{};
};

// Ô 7c: where a signer's signature image goes — between the title lines and the name,
// across the signer's column. Nothing is drawn; `vanban sign --input` puts the image
// there (and the seal, ô 8, over its left third).
struct SignatureArea {
    double x = 0, y = 0, width = 0, height = 0;  // (x, y) is the top-left corner
    std::size_t signer = 0;                      // index into the document's signers
};

// Where a heading or an appendix starts: a target of the PDF's outline (bookmarks).
struct Anchor {
    std::string title;  // the heading as printed; an appendix's label and title
    int level = 1;      // 0 = appendix, 1–3 = heading levels (R5.4)
    double y = 0;       // top of the heading's first line
};

struct Page {
    double width = 595.276;   // A4 portrait, 210 × 297 mm
    double height = 841.890;
    std::vector<TextItem> texts;
    std::vector<RuleItem> rules;
    std::vector<FrameItem> frames;
    std::vector<SignatureArea> signature_areas;
    std::vector<Anchor> anchors;  // in reading order
};

// Frees a page's texts, rules and frames once a writer has them: what stays (size,
// signature areas, anchors) is what callers read after a render.
inline void drop_items(Page& page) {
    std::vector<TextItem>().swap(page.texts);
    std::vector<RuleItem>().swap(page.rules);
    std::vector<FrameItem>().swap(page.frames);
}

struct Date {
    int year = 0, month = 0, day = 0;
};

// Document information for the PDF Info dictionary / DOCX core properties.
// The record NĐ 30/2020 Phụ lục VI keeps of an outgoing electronic document (the
// archive's metadata); written into the PDF/A's XMP under the vbarc: schema. Fields
// left empty are left out.
struct ArchiveRecord {
    std::string organ_id, file_catalog, file_notation;
    std::string type_name;       // "Công văn", "Báo cáo"
    std::string code_number;     // "05"
    std::string code_notation;   // "LĐLĐ-TG"
    std::string issued_date;     // "2026-02-05"
    std::string organ_name;      // the issuing body, one line
    std::string subject;         // trích yếu
    std::string language = "vi";
    std::string page_amount;     // pages of the whole file
    std::string signer_position; // chức vụ (several signers: "; " between)
    std::string signer_name;     // họ tên
    std::string to;              // Kính gửi, "; " between
    std::string priority;        // 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc
    std::string issued_amount;
    std::string description;
};

struct DocumentInfo {
    std::string title;     // "Công văn số 05/LĐLĐ-TG V/v …", "Báo cáo số 15/BC-TLĐ Sơ kết …"
    std::string author;    // the issuing body
    std::string subject;   // the subject (trích yếu)
    std::string keywords;  // the số, ký hiệu: "05/LĐLĐ-TG"
    std::string creator = "vanban";
    std::optional<Date> date;  // the document's own date; never the wall clock
    ArchiveRecord archive;
};

struct LaidOutDocument {
    std::vector<Page> pages;
    DocumentInfo info;
    // Points left free under the last ink of the document's last page, then of each
    // appendix's: the DOCX writer keeps its closing paragraphs small only when full.
    std::vector<double> end_room;
};

}  // namespace vanban::layout
