// The engine's font-metrics interface. Layout measures through this and nothing
// else, so the PDF font backend can change without touching layout, and the PDF
// and DOCX writers agree on every line break.
#pragma once

#include <string_view>

namespace vanban::fonts {

enum class Style { regular = 0, bold = 1, italic = 2, bold_italic = 3 };

constexpr Style style_of(bool bold, bool italic) {
    return static_cast<Style>((bold ? 1 : 0) | (italic ? 2 : 0));
}
constexpr bool is_bold(Style s) { return (static_cast<int>(s) & 1) != 0; }
constexpr bool is_italic(Style s) { return (static_cast<int>(s) & 2) != 0; }

class FontMetrics {
public:
    virtual ~FontMetrics() = default;

    // Whether the face for `style` has a glyph for `c` (a missing glyph is an error
    // upstream, never a blank box). The cmap only: whether the glyph draws is checked
    // when `c` is measured or printed in that style.
    virtual bool has_glyph(Style style, char32_t c) const = 0;

    // Advance width of `c` in thousandths of an em (no kerning, like Word's default).
    virtual double advance(Style style, char32_t c) const = 0;

    // Ascender (positive) and descender (negative) in thousandths of an em, and the
    // natural ("single") line height in thousandths of an em: 1149 for Times New
    // Roman and Liberation Serif.
    virtual double ascent(Style style) const = 0;
    virtual double descent(Style style) const = 0;
    virtual double line_height(Style style) const = 0;

    // Width in points of UTF-8 text set at `size` points.
    double width(Style style, std::string_view utf8, double size) const;
};

}  // namespace vanban::fonts
