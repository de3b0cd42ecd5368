// word/theme/theme1.xml (ECMA-376 Part 1 §20.1.6, DrawingML theme): without a theme
// part Word falls back to Office's, so a clerk who applies Word's own "Heading 1" or
// "Title" gets Calibri Light. This theme's major (headings) and minor (body) fonts are
// Times New Roman (R1.4); its colours are Office's, black text on white. Fixed text:
// every .docx carries the same theme.
#include "docx/parts.h"

#include "docx/wml.h"

#include <utility>

namespace vanban::docx {

namespace {

constexpr const char* kNsA = "http://schemas.openxmlformats.org/drawingml/2006/main";

void srgb(pugi::xml_node parent, const char* name, const char* rgb) {
    parent.append_child(name).append_child("a:srgbClr").append_attribute("val") = rgb;
}

void solid(pugi::xml_node parent) {
    parent.append_child("a:solidFill").append_child("a:schemeClr").append_attribute("val") = "phClr";
}

void font_collection(pugi::xml_node scheme, const char* name) {
    auto f = scheme.append_child(name);
    // CT_FontCollection: latin, ea, cs (all required).
    f.append_child("a:latin").append_attribute("typeface") = "Times New Roman";
    f.append_child("a:ea").append_attribute("typeface") = "";
    f.append_child("a:cs").append_attribute("typeface") = "Times New Roman";
}

}  // namespace

std::string theme_xml() {
    pugi::xml_document doc;
    auto theme = start_part(doc, "a:theme");
    theme.append_attribute("xmlns:a") = kNsA;
    theme.append_attribute("name") = "vanban";
    auto elements = theme.append_child("a:themeElements");

    // CT_ColorScheme: dk1, lt1, dk2, lt2, accent1–6, hlink, folHlink (Office's values).
    auto colors = elements.append_child("a:clrScheme");
    colors.append_attribute("name") = "vanban";
    auto sys = [&](const char* name, const char* val, const char* last) {
        auto c = colors.append_child(name).append_child("a:sysClr");
        c.append_attribute("val") = val;
        c.append_attribute("lastClr") = last;
    };
    sys("a:dk1", "windowText", "000000");
    sys("a:lt1", "window", "FFFFFF");
    const std::pair<const char*, const char*> rgbs[] = {
        {"a:dk2", "44546A"},     {"a:lt2", "E7E6E6"},     {"a:accent1", "4472C4"}, {"a:accent2", "ED7D31"},
        {"a:accent3", "A5A5A5"}, {"a:accent4", "FFC000"}, {"a:accent5", "5B9BD5"}, {"a:accent6", "70AD47"},
        {"a:hlink", "0563C1"},   {"a:folHlink", "954F72"}};
    for (const auto& [name, rgb] : rgbs) srgb(colors, name, rgb);

    // CT_FontScheme: the fonts Word's built-in styles refer to (+Headings, +Body).
    auto fonts = elements.append_child("a:fontScheme");
    fonts.append_attribute("name") = "vanban";
    font_collection(fonts, "a:majorFont");
    font_collection(fonts, "a:minorFont");

    // CT_StyleMatrix: three of each, the least the schema allows, all plain.
    auto fmt = elements.append_child("a:fmtScheme");
    fmt.append_attribute("name") = "vanban";
    auto fills = fmt.append_child("a:fillStyleLst");
    for (int i = 0; i < 3; ++i) solid(fills);
    auto lines = fmt.append_child("a:lnStyleLst");
    for (const char* w : {"6350", "12700", "19050"}) {
        auto ln = lines.append_child("a:ln");
        ln.append_attribute("w") = w;
        solid(ln);
    }
    auto effects = fmt.append_child("a:effectStyleLst");
    for (int i = 0; i < 3; ++i) effects.append_child("a:effectStyle").append_child("a:effectLst");
    auto backgrounds = fmt.append_child("a:bgFillStyleLst");
    for (int i = 0; i < 3; ++i) solid(backgrounds);
    theme.append_child("a:objectDefaults");
    theme.append_child("a:extraClrSchemeLst");
    return serialize(doc);
}

}  // namespace vanban::docx
