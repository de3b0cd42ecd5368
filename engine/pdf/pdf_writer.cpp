// write_pdf: the order of work matters (font-path note, pitfall 1). Content codes
// are the renumbered subset GIDs, known only after subsetting, so:
//   1. collect the glyphs of all pages, per style;
//   2. subset each used style and build its font objects;
//   3. per page: graphics through libharu, then our text object, then deflate;
//   4. the outline (bookmarks), Info, with PDF/A its XMP twin and the OutputIntent,
//      and /ID; serialise.
#include "pdf/pdf_writer.h"

#include "core/diagnostic.h"
#include "fonts/subset.h"
#include "pdf/cid_font.h"
#include "pdf/content.h"
#include "pdf/glyphs.h"
#include "pdf/graphics.h"
#include "pdf/haru.h"
#include "pdf/info.h"
#include "pdf/outline.h"
#include "pdf/pdfa.h"

#include <array>

namespace vanban::pdf {

namespace {

constexpr std::array<fonts::Style, 4> kStyles = {fonts::Style::regular, fonts::Style::bold, fonts::Style::italic,
                                                 fonts::Style::bold_italic};

std::size_t index(fonts::Style s) { return static_cast<std::size_t>(s); }

// The fonts of one page, registered in its /Resources /Font on first use.
std::array<PageFont, 4> page_fonts(haru::Document& doc, HPDF_Page page, const layout::Page& items,
                                   const fonts::FontSet& fonts, const std::array<EmbeddedFont, 4>& embedded) {
    std::array<PageFont, 4> out{};
    for (const auto& item : items.texts) {
        PageFont& pf = out[index(item.style)];
        if (pf.resource || item.text.empty()) continue;
        const EmbeddedFont& ef = embedded[index(item.style)];
        // Accepts any font dict: it only adds it under the next free name "Fn".
        pf.resource = doc.checked(HPDF_Page_GetLocalFontName(page, ef.type0));
        pf.face = &fonts.face(item.style);
        pf.code_of = ef.code_of;
    }
    return out;
}

}  // namespace

namespace {

// `page_written(i)` runs once page i's content stream is made: the draining writer
// frees the page's items there.
template <class PageWritten>
std::string write(const layout::LaidOutDocument& doc, const fonts::FontSet& fonts, const PdfOptions& options,
                  PageWritten page_written) {
    // A page tree without pages is legal syntax, but readers reject it ("Invalid
    // page count 0"); it can only come from a bug upstream.
    if (doc.pages.empty()) fail_at_pointer("", "", "cannot write a PDF without pages");
    // Before any work: a missing ICC profile is an installation problem, reported
    // the same way for every document.
    const IccProfile* profile = options.pdfa ? &srgb_profile() : nullptr;
    const GlyphUsage usage = collect_glyphs(doc, fonts);
    // Hashes every item, so before any page is written (and drained).
    const DocumentId id = document_id(doc, options.compress, profile ? &profile->md5 : nullptr);

    haru::Document pdf(options.compress);
    std::array<EmbeddedFont, 4> embedded{};
    for (const fonts::Style style : kStyles) {
        if (!usage.uses(style)) continue;  // only styles that are drawn are embedded
        const fonts::Face& face = fonts.face(style);
        const StyleGlyphs& glyphs = usage.styles[index(style)];
        const auto program = font_program(face, glyphs.used, pdf.compress());
        embedded[index(style)] = embed_cid_font(pdf, style, face, *program, glyphs);
    }

    std::vector<HPDF_Page> pages;
    pages.reserve(doc.pages.size());
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        const layout::Page& page = doc.pages[i];
        HPDF_Page hp = pdf.add_page(page.width, page.height);
        draw_graphics(pdf, hp, page);
        pdf.finish_page(hp, text_object(page, page_fonts(pdf, hp, page, fonts, embedded)));
        pages.push_back(hp);
        page_written(i);
    }

    write_outline(pdf, pages, doc);  // reads only the pages' sizes and anchors
    write_info(pdf, doc.info);
    if (profile) write_pdfa(pdf, doc.info, *profile);
    write_id(pdf, id);
    return pdf.save();
}

}  // namespace

std::string write_pdf(const layout::LaidOutDocument& doc, const fonts::FontSet& fonts, const PdfOptions& options) {
    return write(doc, fonts, options, [](std::size_t) {});
}

std::string write_pdf_draining(layout::LaidOutDocument& doc, const fonts::FontSet& fonts, const PdfOptions& options) {
    return write(doc, fonts, options, [&doc](std::size_t i) { layout::drop_items(doc.pages[i]); });
}

}  // namespace vanban::pdf
