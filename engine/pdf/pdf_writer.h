// The PDF writer: finished pages → PDF bytes.
//
// libharu owns the document, pages and graphics; the fonts are embedded by the
// engine itself as CIDFontType2 subsets made with HarfBuzz's hb-subset (only the
// glyphs used, Identity CIDToGIDMap, a /W array for the used glyphs, a bfchar
// ToUnicode, /CIDSet, /CapHeight). Same input → byte-identical output.
#pragma once

#include "fonts/font_set.h"
#include "layout/page.h"

#include <string>

namespace vanban::pdf {

struct PdfOptions {
    bool compress = true;  // deflate content and font streams (libdeflate)
    // PDF/A-1b (ISO 19005-1, level B; pdf/pdfa.h): XMP metadata equal to the Info
    // dictionary, an sRGB OutputIntent, a content-derived /ID, PDF 1.4. Dates come
    // from the document, never the clock. Needs Debian's icc-profiles-free
    // (/usr/share/color/icc/sRGB.icc); write_pdf throws vanban::Error without it.
    bool pdfa = false;
};

// Returns the PDF file as bytes. Throws vanban::Error if libharu reports an error.
// Thread-safe: any number of documents may be written at once (the FontSet is shared,
// every other object is per call).
std::string write_pdf(const layout::LaidOutDocument& doc, const fonts::FontSet& fonts,
                      const PdfOptions& options = {});

// The same bytes, but each page's texts, rules and frames are freed as soon as its
// content stream is made, so that a 100,000-row table is never held both as laid-out
// items and as PDF objects (issue 18). The pages stay, with their size, anchors and
// signature areas: what callers read after a render (the page count, where to sign).
std::string write_pdf_draining(layout::LaidOutDocument& doc, const fonts::FontSet& fonts,
                               const PdfOptions& options = {});

}  // namespace vanban::pdf
