#include "docx/document.h"

#include "docx/parts.h"
#include "docx/wml.h"
#include "layout/compose.h"
#include "layout/layout.h"

#include <algorithm>
#include <memory>
#include <vector>

namespace vanban::docx {

Sheet::Sheet(const DocxInput& input) : in(input) {
    const auto& p = input.profile;
    // The text block exactly as Word computes it from pgSz and pgMar.
    text_width = twips(p.page_width) - twips(p.margin_left) - twips(p.margin_right);
    left_col = twips(input.header.left_width);
    right_col = text_width - left_col;  // rounding goes to the right column: the date never wraps
    pad = twips(p.cell_padding);
}

double Sheet::width(fonts::Style style, std::string_view text, double size) const {
    return in.metrics.width(style, text, size);
}
double Sheet::advance(double size) const { return layout::line_advance(in.metrics, size); }
double Sheet::ascent(double size) const { return layout::ascent(in.metrics, size); }

namespace {

// §17.6.17 sectPr: A4 with the profile's margins (R1.1, R1.3), portrait, or landscape for
// an appendix; page 1 of each section uses the empty first-page header (w:titlePg) so
// it shows no number (R1.6, R1.7); an appendix numbers its pages from 1 again.
void section(pugi::xml_node parent, const Sheet& s, bool restart) {
    const auto& p = s.profile();
    auto sect = parent.append_child("w:sectPr");
    // Children in CT_SectPr order: headerReference…, pgSz, pgMar, cols, titlePg.
    auto ref = [&](const char* type, const char* id) {
        auto h = sect.append_child("w:headerReference");
        h.append_attribute("w:type") = type;
        h.append_attribute("r:id") = id;
    };
    ref("default", kRelHeaderDefault);
    ref("first", kRelHeaderFirst);
    auto size = sect.append_child("w:pgSz");
    size.append_attribute("w:w") = static_cast<long long>(twips(p.page_width));
    size.append_attribute("w:h") = static_cast<long long>(twips(p.page_height));
    if (p.page_width > p.page_height) size.append_attribute("w:orient") = "landscape";
    auto mar = sect.append_child("w:pgMar");
    // The header paragraph's top sits where its baseline lands on the PDF's page-number
    // baseline (12 mm from the top edge).
    const double header_top = std::max(0.0, p.page_number_baseline - s.ascent(p.page_number_size));
    const std::pair<const char*, long> margins[] = {
        {"w:top", twips(p.margin_top)},   {"w:right", twips(p.margin_right)},
        {"w:bottom", twips(p.margin_bottom)}, {"w:left", twips(p.margin_left)},
        {"w:header", twips(header_top)},  {"w:footer", twips(p.margin_bottom / 2)},
        {"w:gutter", 0}};
    for (const auto& [name, v] : margins) mar.append_attribute(name) = static_cast<long long>(v);
    if (restart) sect.append_child("w:pgNumType").append_attribute("w:start") = 1;
    sect.append_child("w:cols").append_attribute("w:space") = "720";
    sect.append_child("w:titlePg");
}

// The paragraph after a closing table (Word ends a document, and a section, with a
// paragraph): an ordinary empty body paragraph a clerk can type into (Ctrl+End), unless
// the PDF's page has no room for one more line there — then it is one point high, so
// that it cannot push an empty page out.
pugi::xml_node end_paragraph(pugi::xml_node body, const Sheet& s, std::size_t part) {
    const auto& p = s.profile();
    ParagraphProps end = styled(style::kBody);
    end.before = 0;
    const auto& room = s.in.end_room;
    if (part < room.size() && room[part] < s.advance(p.body_size) + p.paragraph_space) {
        end.exact_line = 20;
        end.mark_size = 1;
    }
    return add_paragraph(body, end);
}

// The paragraph that carries the section break before an appendix (§17.6.18): the
// body's last paragraph when it ends with one (a visible one, so the break is not
// deleted by accident), else a new one after the table.
pugi::xml_node section_carrier(pugi::xml_node body, const Sheet& s, std::size_t part) {
    if (std::string(body.last_child().name()) == "w:p") return body.last_child();
    return end_paragraph(body, s, part);
}

}  // namespace

Positions positions(const Sheet& sheet) {
    Positions out;
    header_positions(sheet, out);
    recipient_positions(sheet, out);
    return out;
}

std::string document_xml(const DocxInput& input) {
    const Sheet sheet(input);
    pugi::xml_document doc;
    auto root = start_part(doc, "w:document");
    root.append_attribute("xmlns:w") = kNsW;
    root.append_attribute("xmlns:r") = kNsR;
    auto body = root.append_child("w:body");

    add_header(body, sheet);
    add_recipients(body, sheet);
    const auto last = add_body(body, sheet);
    const bool closing = !input.document.signers.empty() || !input.document.distribution.items.empty();
    // §10: the last body paragraph stays on the page of the signature table.
    if (last && closing) keep_with_next(last);
    long before = closing_gap(sheet);
    if (closing && std::string(body.last_child().name()) == "w:tbl") {
        // Two tables in a row fuse (item 1 of issue 15): a paragraph carries the gap
        // between the body's table and the signature table instead of their cells.
        ParagraphProps gap = styled(style::kBody);
        gap.keep_next = true;
        gap.before = 0;
        gap.exact_line = before;
        add_paragraph(body, gap);
        before = 0;
    }
    add_closing(body, sheet, before);

    // Word always ends a document with a paragraph: when the closing is a table, give
    // it one (with appendices, the one that carries the section break).
    if (input.document.appendices.empty() && std::string(body.last_child().name()) == "w:tbl") {
        end_paragraph(body, sheet, 0);
    }
    // Each appendix opens a section: the section before it ends with a paragraph whose
    // properties carry that section's sectPr (§17.6.18); the last one is the body's.
    const auto& appendices = input.document.appendices;
    std::vector<layout::Profile> profiles;
    for (const auto& a : appendices) profiles.push_back(layout::appendix_profile(input.profile, a.landscape));
    const Sheet* previous = &sheet;
    std::vector<std::unique_ptr<DocxInput>> inputs;
    std::vector<std::unique_ptr<Sheet>> sheets;
    for (std::size_t i = 0; i < appendices.size(); ++i) {
        auto carrier = section_carrier(body, *previous, i);
        auto ppr = carrier.child("w:pPr");
        if (!ppr) ppr = carrier.prepend_child("w:pPr");
        // CT_PPr ends with rPr (the paragraph mark), then sectPr, then pPrChange.
        section(ppr, *previous, i > 0);
        inputs.push_back(std::make_unique<DocxInput>(DocxInput{input.document, input.header, profiles[i], input.info,
                                                               input.metrics, input.gap_year, input.end_room}));
        sheets.push_back(std::make_unique<Sheet>(*inputs.back()));
        add_appendix(body, appendices[i], *sheets.back());
        previous = sheets.back().get();
    }
    // The last section's sectPr is the body's own, after a paragraph (Word ends a body so).
    if (!appendices.empty() && std::string(body.last_child().name()) == "w:tbl") {
        end_paragraph(body, *previous, appendices.size());
    }
    section(body, *previous, !appendices.empty());
    return serialize(doc);
}

}  // namespace vanban::docx
