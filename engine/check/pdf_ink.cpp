#include "check/pdf_ink.h"

#include <qpdf/Buffer.hh>

#include <hb.h>

#include <memory>

namespace vanban::check {

namespace {

struct Segments {
    unsigned n = 0;
};
void on_move(hb_draw_funcs_t*, void*, hb_draw_state_t*, float, float, void*) {}
void on_line(hb_draw_funcs_t*, void* d, hb_draw_state_t*, float, float, void*) { ++static_cast<Segments*>(d)->n; }
void on_quad(hb_draw_funcs_t*, void* d, hb_draw_state_t*, float, float, float, float, void*) { ++static_cast<Segments*>(d)->n; }
void on_cubic(hb_draw_funcs_t*, void* d, hb_draw_state_t*, float, float, float, float, float, float, void*) {
    ++static_cast<Segments*>(d)->n;
}

char32_t first_code_point(const std::string& s) {
    if (s.empty()) return 0;
    const auto b = static_cast<unsigned char>(s[0]);
    int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : 4;
    char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < len && static_cast<std::size_t>(k) < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[static_cast<std::size_t>(k)]) & 0x3F);
    return c;
}

}  // namespace

bool has_ink(char32_t c) {
    return !(c <= 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0xAD || (c >= 0x2000 && c <= 0x200F) ||
             (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0xFEFF ||
             (c >= 0xE000 && c <= 0xF8FF) || c == 0xFFFD || c >= 0xFFF0);
}

std::unordered_set<unsigned> blank_codes(QPDFObjectHandle cid, const std::unordered_map<unsigned, std::string>& unicode,
                                         bool& checked, std::vector<std::string>& warnings) {
    std::unordered_set<unsigned> out;
    checked = false;
    if (!cid.isDictionary() || !cid.getKey("/Subtype").isName() || cid.getKey("/Subtype").getName() != "/CIDFontType2") {
        return out;
    }
    QPDFObjectHandle descriptor = cid.getKey("/FontDescriptor");
    QPDFObjectHandle program = descriptor.isDictionary() ? descriptor.getKey("/FontFile2") : QPDFObjectHandle();
    if (!program.isStream()) return out;
    std::shared_ptr<Buffer> bytes, map;
    try {
        bytes = program.getStreamData();
        QPDFObjectHandle m = cid.getKey("/CIDToGIDMap");
        if (m.isStream()) map = m.getStreamData();
    } catch (const std::exception& e) {
        warnings.push_back(std::string("an embedded font program cannot be read: ") + e.what());
        return out;
    }
    hb_blob_t* blob = hb_blob_create(reinterpret_cast<const char*>(bytes->getBuffer()), static_cast<unsigned>(bytes->getSize()),
                                     HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_font_t* font = hb_font_create(face);
    hb_draw_funcs_t* funcs = hb_draw_funcs_create();
    hb_draw_funcs_set_move_to_func(funcs, on_move, nullptr, nullptr);
    hb_draw_funcs_set_line_to_func(funcs, on_line, nullptr, nullptr);
    hb_draw_funcs_set_quadratic_to_func(funcs, on_quad, nullptr, nullptr);
    hb_draw_funcs_set_cubic_to_func(funcs, on_cubic, nullptr, nullptr);
    const unsigned glyphs = hb_face_get_glyph_count(face);
    for (const auto& [code, text] : unicode) {
        if (!has_ink(first_code_point(text))) continue;
        unsigned gid = code;  // /CIDToGIDMap /Identity (the default)
        if (map) {
            const std::size_t at = std::size_t{code} * 2;
            gid = at + 1 < map->getSize() ? (map->getBuffer()[at] << 8) | map->getBuffer()[at + 1] : 0;
        }
        hb_glyph_extents_t ext{};
        Segments seg;
        bool ok = gid < glyphs && hb_font_get_glyph_extents(font, gid, &ext) && ext.width != 0 && ext.height != 0;
        if (ok) {
            hb_font_get_glyph_shape(font, gid, funcs, &seg);
            ok = seg.n > 0;
        }
        if (!ok) out.insert(code);
    }
    checked = true;
    hb_draw_funcs_destroy(funcs);
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return out;
}

}  // namespace vanban::check
