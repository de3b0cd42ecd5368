#include "pdf/graphics.h"

#include <algorithm>

namespace vanban::pdf {

namespace {

HPDF_REAL real(double v) { return static_cast<HPDF_REAL>(v); }
HPDF_REAL unit(double v) { return real(std::clamp(v, 0.0, 1.0)); }  // libharu rejects out-of-range colours

// Stroke state already in effect on the page, so that w / G / RG are written
// only when they change. Initial values are PDF's defaults (§8.4.1, Table 52):
// line width 1, black, butt caps — the cap rules want, so J is never written.
class Pen {
public:
    Pen(haru::Document& doc, HPDF_Page page) : doc_(doc), page_(page) {}

    void set(double width, const layout::Color& c) {
        if (width != width_) {
            doc_.check(HPDF_Page_SetLineWidth(page_, real(width)));
            width_ = width;
        }
        if (!(c == color_)) {
            doc_.check(c.r == c.g && c.g == c.b ? HPDF_Page_SetGrayStroke(page_, unit(c.r))
                                                : HPDF_Page_SetRGBStroke(page_, unit(c.r), unit(c.g), unit(c.b)));
            color_ = c;
        }
    }

private:
    haru::Document& doc_;
    HPDF_Page page_;
    double width_ = 1;
    layout::Color color_{};
};

}  // namespace

void draw_graphics(haru::Document& doc, HPDF_Page page, const layout::Page& items) {
    Pen pen(doc, page);
    const double h = items.height;
    for (const auto& r : items.rules) {
        pen.set(r.thickness, r.color);
        doc.check(HPDF_Page_MoveTo(page, real(r.x1), real(h - r.y1)));
        doc.check(HPDF_Page_LineTo(page, real(r.x2), real(h - r.y2)));
        doc.check(HPDF_Page_Stroke(page));
    }
    for (const auto& f : items.frames) {
        pen.set(f.thickness, f.color);
        // (x, y) is the top-left corner; "re" takes the lower-left one (§8.5.2.1).
        doc.check(HPDF_Page_Rectangle(page, real(f.x), real(h - f.y - f.height), real(f.width), real(f.height)));
        doc.check(HPDF_Page_Stroke(page));
    }
}

}  // namespace vanban::pdf
