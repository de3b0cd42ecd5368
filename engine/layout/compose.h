// Line composition: inline text → lines of positioned TextItems.
//
// Lines break only at spaces, so "1234/QĐ-UBND", "30/12/2009" and "1.234.567,5"
// never split (ICU's line breaker would break after "/" and "-"); a single word
// wider than the line is cut between characters as a last resort. Justified lines
// are filled by widening the spaces (word_spacing), never by letter-spacing.
#pragma once

#include "fonts/font_metrics.h"
#include "layout/page.h"

#include <string>
#include <vector>

namespace vanban::layout {

struct Run {
    std::string text;
    fonts::Style style = fonts::Style::regular;
};

enum class Align { left, center, right, justify };

struct LineStyle {
    double size = 14;
    Align align = Align::justify;
    double first_indent = 0;  // extra indent of the first line
    double rest_indent = 0;   // indent of every following line (hanging indent)
};

// One composed line. Items have x relative to the column's left edge and baseline 0.
struct Line {
    std::vector<TextItem> items;
    double natural_width = 0;  // width of the text before justification
};

// Breaks `runs` into lines no wider than `width` points.
std::vector<Line> compose(const std::vector<Run>& runs, double width, const LineStyle& style,
                          const fonts::FontMetrics& metrics);

// Like compose, but when the text needs several lines they are made as even as
// possible (the narrowest width giving the same number of lines), so that a centred
// title never leaves one word alone on its last line ("TM. BAN THƯỜNG VỤ / THÀNH ĐOÀN",
// not "TM. BAN THƯỜNG VỤ THÀNH / ĐOÀN"). The lines are then placed in `width`.
std::vector<Line> compose_balanced(std::string_view text, fonts::Style style, double width, const LineStyle& line_style,
                                   const fonts::FontMetrics& metrics);

// No-break spaces (the clerk's gaps, glued words) as plain spaces, for composed text
// that is printed: a no-break space has the advance of a space. (Where names and
// titles may break is breaks.h's business, over text/phrases.h's word list.)
std::string release_phrases(const std::string& text);

// Convenience: one run in one style.
std::vector<Line> compose(std::string_view text, fonts::Style style, double width, const LineStyle& line_style,
                          const fonts::FontMetrics& metrics);

// The natural line advance (baseline to baseline) for `size`: the font's single line
// height, × `spacing`.
double line_advance(const fonts::FontMetrics& metrics, double size, double spacing = 1.0);
// Distance from the top of a line box to its baseline.
double ascent(const fonts::FontMetrics& metrics, double size);

}  // namespace vanban::layout
