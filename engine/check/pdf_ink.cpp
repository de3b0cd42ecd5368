#include "check/pdf_ink.h"

#include "fonts/outline.h"
#include "text/text.h"

#include <qpdf/Buffer.hh>

#include <hb.h>

#include <memory>

namespace vanban::check {

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
    const unsigned glyphs = hb_face_get_glyph_count(face);
    for (const auto& [code, text] : unicode) {
        const std::u32string chars = text::to_u32(text);
        if (chars.empty() || !fonts::has_ink(chars[0])) continue;
        unsigned gid = code;  // /CIDToGIDMap /Identity (the default)
        if (map) {
            const std::size_t at = std::size_t{code} * 2;
            gid = at + 1 < map->getSize() ? (map->getBuffer()[at] << 8) | map->getBuffer()[at + 1] : 0;
        }
        if (gid >= glyphs || !fonts::glyph_has_outline(font, gid)) out.insert(code);
    }
    checked = true;
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return out;
}

}  // namespace vanban::check
