#include "pdf/glyphs.h"

#include "core/diagnostic.h"

#include <hb.h>

#include <algorithm>
#include <cstdio>

namespace vanban::pdf {

namespace {

std::string u_plus(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

[[noreturn]] void fail_item(std::size_t page, std::size_t item, const std::string& message) {
    fail_at_pointer("", "", "page " + std::to_string(page + 1) + ", text " + std::to_string(item + 1) + ": " + message);
}

}  // namespace

GlyphUsage collect_glyphs(const layout::LaidOutDocument& doc, const fonts::FontSet& fonts) {
    GlyphUsage usage;
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        const auto& texts = doc.pages[p].texts;
        for (std::size_t t = 0; t < texts.size(); ++t) {
            const layout::TextItem& item = texts[t];
            if (item.text.empty()) continue;
            const fonts::Face& face = fonts.face(item.style);
            StyleGlyphs& sg = usage.styles[static_cast<std::size_t>(item.style)];
            if (sg.first_cp.empty()) sg.first_cp.assign(hb_face_get_glyph_count(face.hb_face()), 0);
            for (std::size_t i = 0; i < item.text.size();) {
                const std::size_t at = i;
                const auto c = next_code_point(item.text, i);
                if (!c) fail_item(p, t, "invalid UTF-8 at byte " + std::to_string(at));
                const unsigned gid = face.glyph(*c);
                if (gid == 0 || gid >= sg.first_cp.size()) {
                    fail_item(p, t, "the font " + face.postscript_name() + " has no glyph for " + u_plus(*c));
                }
                if (sg.first_cp[gid] == 0) {
                    sg.first_cp[gid] = *c;
                    sg.used.push_back(gid);
                }
            }
        }
    }
    for (auto& sg : usage.styles) std::sort(sg.used.begin(), sg.used.end());
    return usage;
}

}  // namespace vanban::pdf
