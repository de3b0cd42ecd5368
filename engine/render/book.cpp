#include "render/book.h"

#include "core/diagnostic.h"
#include "fonts/font_set.h"
#include "layout/book.h"
#include "pdf/pdf_writer.h"
#include "render/engine.h"
#include "text/text.h"

namespace vanban {

namespace {

// Documents are checked for glyphs at input; a book's text comes from a store, so it
// is checked here — a character the fonts lack would print as an empty box.
void check_glyphs(const layout::LaidOutDocument& laid, const fonts::FontSet& fonts) {
    for (std::size_t p = 0; p < laid.pages.size(); ++p)
        for (const auto& t : laid.pages[p].texts)
            for (const char32_t c : text::to_u32(t.text))
                if (c != U' ' && !fonts.has_glyph(t.style, c))
                    fail_at_pointer("", "", "the fonts have no glyph for " + text::describe(c) + " in \"" + t.text +
                                                "\" (page " + std::to_string(p + 1) + ")");
}

}  // namespace

std::string render_book_pdf(const Engine& engine, const model::Book& book, const BookRequest& request) {
    layout::LayoutOptions lo;
    lo.max_pages = engine.options().limits.max_pages;
    lo.profile.table_size = request.table_size;
    const auto laid = layout::layout_book(book, engine.fonts(), lo);
    check_glyphs(laid, engine.fonts());
    pdf::PdfOptions po;
    po.pdfa = request.pdfa;
    return pdf::write_pdf(laid, engine.fonts(), po);
}

}  // namespace vanban
