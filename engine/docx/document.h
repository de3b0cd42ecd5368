// word/document.xml (ECMA-376 Part 1 §17.2): the văn bản as Word paragraphs and
// tables, component by component, mirroring engine/layout's geometry.
#pragma once

#include "docx/docx_writer.h"
#include "docx/wml.h"
#include "layout/wording.h"

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

// Positions that follow from this document's text (the indents of Kính gửi, of the
// trích yếu, of the rules under the issuer and the trích yếu), computed once: the
// styles carry them (styles.xml) and the paragraphs only name their style, so a clerk
// who moves one moves them all (Styles pane) and Enter keeps them.
struct Positions {
    ParagraphProps issuer_rule;     // style::kRule
    ParagraphProps kind_rule;       // style::kKindRule
    ParagraphProps kind_subject;    // style::kKindSubject
    ParagraphProps letter_subject;  // style::kLetterSubject
    ParagraphProps recipients;      // style::kRecipients: one recipient, or "Kính gửi:"
    ParagraphProps recipient_item;  // style::kRecipientItem: "- …;"
};
Positions positions(const Sheet& sheet);
void header_positions(const Sheet& sheet, Positions& out);     // header.cpp
void recipient_positions(const Sheet& sheet, Positions& out);  // body.cpp

// Ô 1–5b, 10: the borderless 2×2 header table; then ô 5a for documents with a type name.
void add_header(pugi::xml_node body, const Sheet& sheet);
// Ô 9a: "Kính gửi".
void add_recipients(pugi::xml_node body, const Sheet& sheet);
// Ô 6: the body blocks. Returns the last element written (a w:p or w:tbl), or an empty node.
pugi::xml_node add_body(pugi::xml_node body, const Sheet& sheet);
// Body blocks of any part (the body, an appendix); `first_before` is the space above the
// first block, when it needs one.
pugi::xml_node add_blocks(pugi::xml_node body, const layout::EndMarked& blocks, const Sheet& sheet,
                          std::optional<long> first_before);
// A rule as the PDF draws it: `length` points, centred in `inner` twips, under text of
// `text_size`, `after` points above what follows (a bordered empty paragraph).
void add_rule(pugi::xml_node parent, double length, long inner, double text_size, double after, const Sheet& sheet);
// R8.1: an appendix's heading ("Phụ lục I", its title in capitals, "(Kèm theo …)", a short rule)
// and its body, on a sheet with the appendix's page.
void add_appendix(pugi::xml_node body, const model::Appendix& appendix, const Sheet& sheet);
// The props of a rule as the PDF draws it (see add_rule), with style::kRule.
ParagraphProps rule_props(double length, long inner, double text_size, double after, const Sheet& sheet);
// Ô 7 and 9b: the signature table(s) and "Nơi nhận". `before` is the space above their
// first lines (twips); 0 when a paragraph before the table already carries the gap.
void add_closing(pugi::xml_node body, const Sheet& sheet, long before);
// The space (twips) between the body and the signature table (§9: one empty line).
long closing_gap(const Sheet& sheet);

std::string document_xml(const DocxInput& input);

}  // namespace vanban::docx
