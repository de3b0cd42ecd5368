#include "sign/stamp.h"

#include "core/diagnostic.h"
#include "fonts/subset.h"
#include "pdf/cid_parts.h"
#include "pdf/deflate.h"
#include "pdf/syntax.h"

#include <algorithm>
#include <cmath>

namespace vanban::sign {

namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;
constexpr double kSize = 10;             // NĐ 30: cỡ chữ 10
constexpr double kLeading = 1.15;        // single line spacing of Times New Roman (1149/1000 em)
constexpr double kPadding = 2;           // points between the text and the box's edge
// The box sits in the top margin, so it never covers the document's text: its right
// edge on the text column's (NĐ 30 R1.3 right margin, the layout default 15 mm), its
// top 6 mm under the page edge; two lines end about 16 mm down, inside the 20 mm margin.
constexpr double kRightMm = 15;
constexpr double kTopMm = 6;

std::string num(double v) {
    std::string s;
    pdf::append_number(s, v);
    return s;
}

struct Line {
    std::vector<unsigned> gids;  // original glyph ids
    double width = 0;            // points
};

}  // namespace

std::vector<std::string> stamp_lines(const SignOptions& opt) {
    return {opt.number, iso8601_vn(opt.time)};
}

Widget write_stamp(PdfUpdate& up, std::vector<QPDFPageObjectHelper>& pages, const SignOptions& opt) {
    if (opt.number.empty()) {
        throw Error(Diagnostic{up.name(), 0, 0, {}, "a copy or an appendix shows its number and symbol (ô 14): give --number"});
    }
    if (!opt.fonts) throw Error(Diagnostic{up.name(), 0, 0, {}, "internal: ô 14 needs the document fonts"});
    const fonts::Face& face = opt.fonts->face(fonts::Style::regular);

    // Glyphs, nominally mapped as layout measures them; the ToUnicode CMap keeps the text
    // extractable (pdftotext, search).
    std::vector<Line> lines;
    std::vector<unsigned> used;
    std::vector<char32_t> first_cp;
    for (const std::string& text : stamp_lines(opt)) {
        Line line;
        for (std::size_t i = 0; i < text.size();) {
            const auto c = pdf::next_code_point(text, i);
            if (!c) throw Error(Diagnostic{up.name(), 0, 0, {}, "--number is not valid UTF-8"});
            const unsigned gid = face.glyph(*c);
            if (gid == 0) {
                throw Error(Diagnostic{up.name(), 0, 0, {}, "the font " + face.postscript_name() +
                                                                 " has no glyph for a character of --number"});
            }
            line.gids.push_back(gid);
            line.width += face.glyph_advance(gid) * kSize / face.units_per_em();
            used.push_back(gid);
            if (first_cp.size() <= gid) first_cp.resize(gid + 1, 0);
            if (first_cp[gid] == 0) first_cp[gid] = *c;
        }
        lines.push_back(std::move(line));
    }
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    const fonts::SubsetFont subset = fonts::subset_font(face, used);

    // The font: Type 0 / Identity-H over a CIDFontType2 subset, as the PDF writer embeds
    // its fonts (pdf/cid_font.h), written as raw objects because this is an update.
    const std::string name = pdf::subset_tag(face.postscript_name(), used) + "+" + face.postscript_name();
    const double em = 1000.0 / face.units_per_em();
    const auto units = [&](int v) { return std::to_string(static_cast<int>(std::lround(v * em))); };
    const auto box = face.bbox();
    const int program = up.new_object(), cidset = up.new_object(), descriptor = up.new_object();
    const int cid_font = up.new_object(), to_unicode = up.new_object(), type0 = up.new_object();
    up.put_stream(QPDFObjGen(program, 0),
                  "<< /Length1 " + std::to_string(subset.data().size()) + " /Filter /FlateDecode >>",
                  pdf::deflate(subset.data()));
    up.put_stream(QPDFObjGen(cidset, 0), "<< /Filter /FlateDecode >>", pdf::deflate(pdf::cid_set(subset.glyph_count())));
    up.put(descriptor, "<< /Type /FontDescriptor /FontName /" + name + " /Flags " +
                           std::to_string(pdf::descriptor_flags(fonts::Style::regular, face)) + " /FontBBox [" +
                           units(box[0]) + " " + units(box[1]) + " " + units(box[2]) + " " + units(box[3]) +
                           "] /ItalicAngle " + num(face.italic_angle()) + " /Ascent " + units(face.ascender()) +
                           " /Descent " + units(face.descender()) + " /CapHeight " + units(face.cap_height()) +
                           " /StemV " + std::to_string(pdf::stem_v_estimate(face.weight())) + " /FontFile2 " +
                           ref(program) + " /CIDSet " + ref(cidset) + " >>");
    std::string widths = "[";
    for (const auto& [first, advances] : pdf::cid_width_runs(face, subset)) {
        widths += std::to_string(first) + " [";
        for (double a : advances) widths += num(a) + " ";
        widths += "] ";
    }
    widths += "]";
    up.put(cid_font, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /" + name +
                         " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor " +
                         ref(descriptor) + " /W " + widths + " /CIDToGIDMap /Identity >>");
    up.put_stream(QPDFObjGen(to_unicode, 0), "<< /Filter /FlateDecode >>",
                  pdf::deflate(pdf::to_unicode_cmap(subset, first_cp)));
    up.put(type0, "<< /Type /Font /Subtype /Type0 /BaseFont /" + name + " /Encoding /Identity-H /DescendantFonts [" +
                      ref(cid_font) + "] /ToUnicode " + ref(to_unicode) + " >>");

    // The box, right-aligned lines, black (DeviceRGB like the images: PDF/A-1b's sRGB
    // output intent covers it).
    double width = 0;
    for (const Line& l : lines) width = std::max(width, l.width);
    const double line_height = kSize * kLeading;
    const double w = width + 2 * kPadding, h = line_height * static_cast<double>(lines.size()) + 2 * kPadding;
    const double ascent = face.ascender() * kSize / face.units_per_em();
    std::string content = "0 0 0 rg BT /F1 " + num(kSize) + " Tf\n";
    double y = h - kPadding - ascent;
    for (const Line& l : lines) {
        content += "1 0 0 1 " + num(w - kPadding - l.width) + " " + num(y) + " Tm <";
        for (unsigned gid : l.gids) pdf::append_hex16(content, static_cast<std::uint16_t>(subset.new_gid(gid)));
        content += "> Tj\n";
        y -= line_height;
    }
    content += "ET\n";
    const int ap = up.new_object();
    up.put_stream(QPDFObjGen(ap, 0),
                  "<< /Type /XObject /Subtype /Form /BBox [0 0 " + num(w) + " " + num(h) +
                      "] /Resources << /Font << /F1 " + ref(type0) + " >> >> >>",
                  content);

    // Page 1's visible box: its CropBox, which QPDF falls back to the MediaBox for.
    QPDFObjectHandle page_box = pages.front().getCropBox();
    const auto r = page_box.getArrayAsRectangle();
    const double x2 = std::max(r.llx, r.urx) - kRightMm * kPointsPerMm;
    const double y2 = std::max(r.lly, r.ury) - kTopMm * kPointsPerMm;
    Widget out;
    out.appearance = ap;
    out.rect = {0, x2 - w, y2 - h, x2, y2};
    return out;
}

}  // namespace vanban::sign
