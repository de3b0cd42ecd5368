// word/document.xml (ECMA-376 Part 1 §17.2): the văn bản as Word paragraphs and
// tables, component by component, mirroring engine/layout's geometry.
#pragma once

#include "docx/docx_writer.h"

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <vector>

namespace vanban::docx {

// What every component needs: the input, and the page geometry in twips.
struct Sheet {
    const DocxInput& in;
    long text_width = 0;  // between the margins
    long left_col = 0;    // header / signature table columns (HeaderGeometry)
    long right_col = 0;
    long pad = 0;         // cell padding each side (§13: 1.9 mm, Word's default)

    explicit Sheet(const DocxInput& input);
    const layout::Profile& profile() const { return in.profile; }
    const fonts::FontMetrics& metrics() const { return in.metrics; }
    // The layout stage's measures, so that spacing mirrors the PDF's.
    double width(fonts::Style style, std::string_view text, double size) const;
    double advance(double size) const;  // single line height
    double ascent(double size) const;   // line top → baseline
};

// Ô 1–5b, 10: the borderless 2×2 header table; then ô 5a for documents with a type name.
void add_header(pugi::xml_node body, const Sheet& sheet);
// Ô 9a: "Kính gửi".
void add_recipients(pugi::xml_node body, const Sheet& sheet);
// Ô 6: the body blocks. Returns the last element written (a w:p or w:tbl), or an empty node.
pugi::xml_node add_body(pugi::xml_node body, const Sheet& sheet);
// Body blocks of any part (the body, an appendix); `first_before` is the space above the
// first block, when it needs one.
pugi::xml_node add_blocks(pugi::xml_node body, const std::vector<model::Block>& blocks, const Sheet& sheet,
                          std::optional<long> first_before);
// A rule as the PDF draws it: `length` points, centred in `inner` twips, under text of
// `text_size`, `after` points above what follows (a bordered empty paragraph).
void add_rule(pugi::xml_node parent, double length, long inner, double text_size, double after, const Sheet& sheet);
// R8.1: an appendix's heading ("Phụ lục I", its title in capitals, "(Kèm theo …)", a short rule)
// and its body, on a sheet with the appendix's page.
void add_appendix(pugi::xml_node body, const model::Appendix& appendix, const Sheet& sheet);
// Ô 7 and 9b: the signature table(s) and "Nơi nhận".
void add_closing(pugi::xml_node body, const Sheet& sheet);

std::string document_xml(const DocxInput& input);

}  // namespace vanban::docx
