#include "pdf/cid_font.h"

#include "pdf/cid_parts.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace vanban::pdf {

namespace {

// /W (§9.7.4.3) in the form  c [w1 w2 …]  per run of consecutive CIDs. Widths are not
// rounded to integers (libharu writes 5 decimals): integer widths drift by up to
// 0.5/1000 em per glyph, 0.01–0.05 pt per line in the tests.
haru::Array widths(haru::Document& doc, const fonts::Face& face, const fonts::SubsetFont& subset) {
    haru::Array w = doc.array();
    for (const auto& [first, advances] : cid_width_runs(face, subset)) {
        haru::Array run = doc.array();
        for (double a : advances) run.add_real(a);
        w.add(static_cast<int>(first)).add(run);
    }
    return w;
}

haru::Dict descriptor(haru::Document& doc, fonts::Style style, const fonts::Face& face,
                      const FontProgram& font_program, const std::string& name) {
    const fonts::SubsetFont& subset = font_program.subset;
    const double scale = 1000.0 / face.units_per_em();
    const auto em = [&](int v) { return static_cast<int>(std::lround(v * scale)); };

    // FontFile2 (§9.9, Table 127): /Length1 is the length of the decoded program.
    // The same bytes doc.stream(subset.data()) would write, deflated once per program.
    haru::Stream program = doc.compress() ? doc.stream_as_is(font_program.deflated, true)
                                          : doc.stream_as_is(subset.data(), false);
    program.integer("Length1", static_cast<int>(subset.data().size()));

    const int flags = descriptor_flags(style, face);
    const auto box = face.bbox();

    haru::Dict d = doc.indirect_dict();
    d.name("Type", "FontDescriptor")
        .name("FontName", name.c_str())
        .integer("Flags", flags)
        .put("FontBBox", doc.array().add(em(box[0])).add(em(box[1])).add(em(box[2])).add(em(box[3])))
        .real("ItalicAngle", face.italic_angle())
        .integer("Ascent", em(face.ascender()))
        .integer("Descent", em(face.descender()))
        // Required for all but Type 3 fonts (§9.8.1, Table 122); libharu 2.3.0 omits it.
        .integer("CapHeight", em(face.cap_height()))
        .integer("StemV", stem_v_estimate(face.weight()))
        .put("FontFile2", program)
        // Optional in PDF 1.x but required for subsets by PDF/A-1 (ISO 19005-1 §6.3.5).
        .put("CIDSet", doc.stream(cid_set(subset.glyph_count())));
    return d;
}

}  // namespace

EmbeddedFont embed_cid_font(haru::Document& doc, fonts::Style style, const fonts::Face& face,
                            const FontProgram& program, const StyleGlyphs& glyphs) {
    const fonts::SubsetFont& subset = program.subset;
    // BaseFont of a subset carries a tag (§9.6.4); the Type 0 font repeats the
    // CIDFontType2's name (§9.7.6.1, Table 121).
    const std::string name = subset_tag(face.postscript_name(), glyphs.used) + "+" + face.postscript_name();

    haru::Dict cid_font = doc.indirect_dict();
    cid_font.name("Type", "Font")
        .name("Subtype", "CIDFontType2")
        .name("BaseFont", name.c_str())
        .put("CIDSystemInfo", doc.dict().string("Registry", "Adobe").string("Ordering", "Identity").integer("Supplement", 0))
        .put("FontDescriptor", descriptor(doc, style, face, program, name))
        .put("W", widths(doc, face, subset))
        // Codes are renumbered GIDs, so CID = GID (§9.7.4.2, Table 117).
        .name("CIDToGIDMap", "Identity");

    haru::Dict type0 = doc.indirect_dict();
    type0.name("Type", "Font")
        .name("Subtype", "Type0")
        .name("BaseFont", name.c_str())
        .name("Encoding", "Identity-H")
        .put("DescendantFonts", doc.array().add(cid_font))
        .put("ToUnicode", doc.stream(to_unicode_cmap(subset, glyphs.first_cp)));

    EmbeddedFont out;
    out.type0 = type0.get();
    out.code_of.assign(glyphs.first_cp.size(), 0);
    for (const auto& [old_gid, cid] : subset.mapping()) out.code_of[old_gid] = static_cast<std::uint16_t>(cid);
    return out;
}

}  // namespace vanban::pdf
