// The DOCX writer: the document model → a WordprocessingML package (.docx bytes).
//
// Fed by the same model as the PDF writer, with the header geometry layout computed,
// so Word and LibreOffice show the same header columns, rules and text as the PDF.
// Knows nothing of templates or Mustache. Same input → byte-identical package.
#pragma once

#include "fonts/font_metrics.h"
#include "layout/layout.h"
#include "layout/page.h"
#include "model/document.h"

#include <string>
#include <vector>

namespace vanban::docx {

struct DocxInput {
    const model::Document& document;
    const layout::HeaderGeometry& header;  // column widths and date line, as in the PDF
    const layout::Profile& profile;        // page size, margins, sizes
    const layout::DocumentInfo& info;      // core properties (title, creator, subject, date)
    const fonts::FontMetrics& metrics;     // the PDF's font metrics: rule lengths, indents, line breaks
    int gap_year = 0;                      // the year in the clerk's gaps of an undated document
    // The PDF's room under the letter's last line, then under each appendix's
    // (LaidOutDocument::end_room): the paragraph Word needs after a closing table is
    // kept small only where that room is too short for it. Empty = room everywhere.
    std::vector<double> end_room = {};
};

// Returns the .docx file as bytes. Throws vanban::Error on a libzip failure.
std::string write_docx(const DocxInput& input);

struct Part;  // package.h
// The package's parts, uncompressed, in package order: what write_docx zips (tests
// compare the archive's entries with them).
std::vector<Part> docx_parts(const DocxInput& input);

}  // namespace vanban::docx
