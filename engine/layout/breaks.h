// Line breaks for centred names and titles: the issuing body and its parent (R3.3), the
// tên loại and trích yếu (R3.6, R3.7), signature titles (R6), appendix titles (R8.1),
// and the body's left-aligned headings (R5.4).
//
// An explicit "\n" always breaks. Otherwise the text takes the breaks with the lowest
// cost: a line costs, a break inside a Vietnamese word ("GIAO / THÔNG") costs four
// lines, a break inside an organ's name ("LIÊN ĐOÀN / LAO ĐỘNG") or between a number
// and its noun a little more than one line, a break before a phrase head ("… LAO ĐỘNG /
// TỈNH QUẢNG NGÃI", §10 step 3) earns a bonus, and uneven lines cost (the lines come
// out balanced, as compose_balanced's do). The word list is text::break_kinds's.
// Public so that the DOCX writer puts its line breaks exactly where the PDF has them.
#pragma once

#include "fonts/font_metrics.h"
#include "layout/compose.h"

#include <string>
#include <string_view>
#include <vector>

namespace vanban::layout {

// The lines of `text` in `width` points, as strings. A single word wider than
// `width` falls back to compose_balanced (which cuts it).
std::vector<std::string> phrase_lines(std::string_view text, fonts::Style style, double size, double width,
                                      const fonts::FontMetrics& metrics);

// The same lines composed and placed in `width` as `line_style` says (for Box::add_lines).
std::vector<Line> compose_phrases(std::string_view text, fonts::Style style, double width, const LineStyle& line_style,
                                  const fonts::FontMetrics& metrics);

// A left-aligned heading (R5.4): its lines filled as far as they go (the last is free),
// the first `first_indent` narrower, but a break inside a word or a phrase moves to a
// word boundary before it when that costs less than a line ("… THỰC / HIỆN" does not).
std::vector<std::string> heading_lines(std::string_view text, fonts::Style style, double size, double width,
                                       double first_indent, const fonts::FontMetrics& metrics);

// The same lines composed: the first at line_style.first_indent, the others at 0.
std::vector<Line> compose_heading(std::string_view text, fonts::Style style, double width, const LineStyle& line_style,
                                  const fonts::FontMetrics& metrics);

}  // namespace vanban::layout
