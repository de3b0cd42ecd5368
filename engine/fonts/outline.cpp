#include "fonts/outline.h"

#include <hb.h>

namespace vanban::fonts {

namespace {

struct Segments {
    unsigned n = 0;
};
void on_move(hb_draw_funcs_t*, void*, hb_draw_state_t*, float, float, void*) {}
void on_line(hb_draw_funcs_t*, void* d, hb_draw_state_t*, float, float, void*) { ++static_cast<Segments*>(d)->n; }
void on_quad(hb_draw_funcs_t*, void* d, hb_draw_state_t*, float, float, float, float, void*) {
    ++static_cast<Segments*>(d)->n;
}
void on_cubic(hb_draw_funcs_t*, void* d, hb_draw_state_t*, float, float, float, float, float, float, void*) {
    ++static_cast<Segments*>(d)->n;
}

hb_draw_funcs_t* counting_funcs() {
    static hb_draw_funcs_t* funcs = [] {
        hb_draw_funcs_t* f = hb_draw_funcs_create();
        hb_draw_funcs_set_move_to_func(f, on_move, nullptr, nullptr);
        hb_draw_funcs_set_line_to_func(f, on_line, nullptr, nullptr);
        hb_draw_funcs_set_quadratic_to_func(f, on_quad, nullptr, nullptr);
        hb_draw_funcs_set_cubic_to_func(f, on_cubic, nullptr, nullptr);
        hb_draw_funcs_make_immutable(f);
        return f;
    }();
    return funcs;
}

}  // namespace

bool has_ink(char32_t c) {
    return !(c <= 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0xAD || (c >= 0x2000 && c <= 0x200F) ||
             (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0xFEFF ||
             (c >= 0xE000 && c <= 0xF8FF) || c >= 0xFFF0);
}

bool glyph_has_outline(hb_font_t* font, unsigned gid) {
    hb_glyph_extents_t ext{};
    if (!hb_font_get_glyph_extents(font, gid, &ext) || ext.width == 0 || ext.height == 0) return false;
    Segments seg;
    hb_font_get_glyph_shape(font, gid, counting_funcs(), &seg);
    return seg.n > 0;
}

}  // namespace vanban::fonts
