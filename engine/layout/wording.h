// The words the engine adds to what the user wrote — the same in every writer (PDF,
// DOCX), so they live here and not in a writer.
#pragma once

#include "fonts/font_metrics.h"
#include "model/document.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vanban::layout {

// "Số: 1996/TLĐ", "Số: 05/LĐLĐ"; without a number, the clerk's gap "Số:       /TLĐ" (R3.4).
std::string number_line(const model::Document& doc);

// Kính gửi (R4): several recipients as "- X;" … "- Z." (the user's own trailing
// punctuation replaced); one recipient as "Kính gửi: X.".
std::vector<std::string> recipient_items(const std::vector<std::string>& recipients);
std::string single_recipient_line(const std::string& recipient);

// Nơi nhận (R7): "- Như trên;" … "- Lưu: VT, TG.".
std::vector<std::string> distribution_items(const model::DistributionList& list);

// The marker of item `index` (0-based) of a list: "1." → "3.", "a)" → "đ)" (Vietnamese
// alphabet: no f, j, w, z), "I." → "IV.", "-" and "+" unchanged.
std::string list_marker(const std::string& pattern, std::size_t index);

// "Công văn" for a letter, else the tên loại in sentence case ("BÁO CÁO" → "Báo cáo").
std::string kind_phrase(const model::Document& doc);

// R5.5: the body with "./." appended to its last paragraph or list item, unless the
// text already ends that way (or the last block is a heading); after a final table,
// "./." is a paragraph of its own.
//
// A view of the body, not a copy: only the block that gets the mark is copied, so a
// 10,000-row table is not duplicated for three characters (issue 18). It refers to
// `body`, which must outlive it; from a plain vector (no mark) it is the vector itself.
class EndMarked {
public:
    EndMarked(const std::vector<model::Block>& body, bool end_mark = false);  // NOLINT: implicit on purpose
    std::size_t size() const { return body_->size() + (appended_ ? 1 : 0); }
    const model::Block& operator[](std::size_t i) const { return i == changed_ ? *block_ : (*body_)[i]; }

    class iterator {
    public:
        iterator(const EndMarked* v, std::size_t i) : v_(v), i_(i) {}
        const model::Block& operator*() const { return (*v_)[i_]; }
        iterator& operator++() { ++i_; return *this; }
        bool operator==(const iterator& o) const { return i_ == o.i_; }
    private:
        const EndMarked* v_;
        std::size_t i_;
    };
    iterator begin() const { return {this, 0}; }
    iterator end() const { return {this, size()}; }

private:
    const std::vector<model::Block>* body_;
    std::size_t changed_ = static_cast<std::size_t>(-1);  // the index of *block_, if any
    bool appended_ = false;                               // *block_ comes after the body
    std::shared_ptr<const model::Block> block_;
};

// The same, copied (for tests).
std::vector<model::Block> with_end_mark(std::vector<model::Block> body);

// R5.4: a heading as printed — level 1 in capitals, levels 1–2 bold, level 3 plain —
// and, when all its spans share one style, that style: such a heading is broken
// between words and phrases (breaks.h heading_lines) in every writer; one that mixes
// styles is broken as a paragraph is.
struct HeadingText {
    model::InlineText text;
    fonts::Style base = fonts::Style::regular;  // the level's style, under the spans' own
    std::optional<fonts::Style> uniform;        // the one style of every span, if so
};
HeadingText heading_text(const model::Heading& heading);

// R8.1, line 1 of an appendix, in normal case: "Phụ lục" when the document has one
// appendix, "Phụ lục I", "Phụ lục II", … by position when it has several; an appendix's
// own label wins ("Phụ lục 2a"). `appendix` must be an element of doc.appendices.
std::string appendix_label(const model::Document& doc, const model::Appendix& appendix);

// R8.1: "(Kèm theo Báo cáo số 15/BC-TLĐ ngày 20 tháng 01 năm 2010 của TỔNG LIÊN ĐOÀN
// LAO ĐỘNG VIỆT NAM)" under an appendix's title; the clerk's gaps (no-break spaces) when
// it has no number or no date.
std::string appendix_reference_line(const model::Document& doc, int gap_year);

// Căn cứ (R5.2): each line ends with ";", the last with "." (the user's own trailing
// punctuation replaced).
std::vector<model::InlineText> basis_lines(std::vector<model::InlineText> bases);

// Điều (R5.3): "Điều 3." — the bold part before the article's title or text.
std::string article_label(const model::Article& a);

// Removes trailing ";", ".", "," and spaces: the engine adds list punctuation itself.
std::string strip_end_punctuation(std::string s);

}  // namespace vanban::layout
