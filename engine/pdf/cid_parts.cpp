#include "pdf/cid_parts.h"

#include "pdf/syntax.h"

#include <hb.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace vanban::pdf {

std::string subset_tag(std::string_view postscript_name, std::span<const unsigned> glyphs) {
    // FNV-1a (64 bit) over the name and the glyph ids; then base 26.
    std::uint64_t h = 0xcbf29ce484222325ull;
    const auto mix = [&](std::uint8_t b) {
        h ^= b;
        h *= 0x100000001b3ull;
    };
    for (char c : postscript_name) mix(static_cast<std::uint8_t>(c));
    for (unsigned g : glyphs) {
        for (int shift = 0; shift < 32; shift += 8) mix(static_cast<std::uint8_t>(g >> shift));
    }
    std::string tag(6, 'A');
    for (char& c : tag) {
        c = static_cast<char>('A' + h % 26);
        h /= 26;
    }
    return tag;
}

std::string to_unicode_cmap(const fonts::SubsetFont& subset, std::span<const char32_t> first_cp) {
    struct Entry {
        unsigned cid;
        char32_t cp;
    };
    std::vector<Entry> entries;
    for (unsigned cid = 0; cid < subset.glyph_count(); ++cid) {
        const unsigned old = subset.old_gid(cid);
        if (old < first_cp.size() && first_cp[old] != 0) entries.push_back({cid, first_cp[old]});
    }

    std::string out =
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    constexpr std::size_t kPerBlock = 100;  // the CMap limit for one bfchar block
    for (std::size_t i = 0; i < entries.size(); i += kPerBlock) {
        const std::size_t n = std::min(kPerBlock, entries.size() - i);
        out += std::to_string(n) + " beginbfchar\n";
        for (std::size_t k = i; k < i + n; ++k) {
            out += '<';
            append_hex16(out, static_cast<std::uint16_t>(entries[k].cid));
            out += "> <";
            std::string utf16;
            append_utf16be(utf16, entries[k].cp);
            append_hex(out, {reinterpret_cast<const std::uint8_t*>(utf16.data()), utf16.size()});
            out += ">\n";
        }
        out += "endbfchar\n";
    }
    out +=
        "endcmap\n"
        "CMapName currentdict /CMap defineresource pop\n"
        "end\n"
        "end\n";
    return out;
}

std::string cid_set(unsigned glyph_count) {
    std::string bits((glyph_count + 7) / 8, '\xFF');
    if (const unsigned rest = glyph_count % 8; rest != 0) {
        bits.back() = static_cast<char>(0xFF << (8 - rest));  // unused low bits stay 0
    }
    return bits;
}

int stem_v_estimate(int weight) {
    const double w = std::clamp(weight, 50, 950);
    const double t = (w - 50) / 900;
    return static_cast<int>(std::lround(10 + 220 * t * t));
}

bool has_serifs(const fonts::Face& face) {
    hb_blob_t* os2 = hb_face_reference_table(face.hb_face(), HB_TAG('O', 'S', '/', '2'));
    unsigned len = 0;
    const auto* d = reinterpret_cast<const std::uint8_t*>(hb_blob_get_data(os2, &len));
    bool serif = false;
    if (len >= 34) {
        const int family_class = d[30];  // sFamilyClass, high byte = class ID
        const int serif_style = d[33];   // panose[1] = bSerifStyle
        if (family_class != 0) {
            serif = (family_class >= 1 && family_class <= 5) || family_class == 7;
        } else {
            serif = (serif_style >= 2 && serif_style <= 10) || serif_style == 14 || serif_style == 15;
        }
    }
    hb_blob_destroy(os2);
    return serif;
}

int descriptor_flags(fonts::Style style, const fonts::Face& face) {
    constexpr int kSerif = 1 << 1, kSymbolic = 1 << 2, kItalic = 1 << 6;
    const bool italic = fonts::is_italic(style) || face.italic_angle() != 0;
    return kSymbolic | (has_serifs(face) ? kSerif : 0) | (italic ? kItalic : 0);
}

std::vector<std::pair<unsigned, std::vector<double>>> cid_width_runs(const fonts::Face& face,
                                                                      const fonts::SubsetFont& subset) {
    std::vector<std::pair<unsigned, unsigned>> by_cid;  // (cid, original gid)
    by_cid.reserve(subset.mapping().size());
    for (const auto& [old_gid, cid] : subset.mapping()) by_cid.emplace_back(cid, old_gid);
    std::sort(by_cid.begin(), by_cid.end());
    const double scale = 1000.0 / face.units_per_em();
    std::vector<std::pair<unsigned, std::vector<double>>> runs;
    for (std::size_t i = 0; i < by_cid.size(); ++i) {
        if (runs.empty() || by_cid[i].first != by_cid[i - 1].first + 1) runs.push_back({by_cid[i].first, {}});
        runs.back().second.push_back(face.glyph_advance(by_cid[i].second) * scale);
    }
    return runs;
}

}  // namespace vanban::pdf
