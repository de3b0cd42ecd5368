// Phụ lục (R8.1) in Word terms: each appendix is its own section (a new page, its own
// orientation, page numbers restarting at 1 and hidden on its first page), with the
// title block the PDF prints and its body written like the main body.
#include "docx/document.h"
#include "docx/parts.h"
#include "docx/wml.h"
#include "layout/compose.h"
#include "layout/wording.h"
#include "text/text.h"

#include <algorithm>

namespace vanban::docx {

using fonts::Style;

void add_appendix(pugi::xml_node body, const model::Appendix& a, const Sheet& s) {
    const auto& p = s.profile();
    const double text_width = p.text_width();
    ParagraphProps title;
    title.style = style::kKind;
    title.keep_next = true;
    add_run(add_paragraph(body, title), a.title);

    // The title and the "(Kèm theo …)" line wrap evenly, as the PDF's do: a paragraph the
    // PDF breaks is narrowed to its widest line; one it prints on one line keeps the whole
    // width (a reader measuring a little wider must not wrap it).
    struct Measured {
        double longest = 0;
        long side = 0;  // twips of indent on each side
    };
    auto measure = [&](const std::string& text, Style style, double size, double share) {
        const auto lines = layout::compose_balanced(text, style, text_width * share,
                                                    layout::LineStyle{size, layout::Align::center, 0, 0}, s.metrics());
        Measured m;
        for (const auto& l : lines) m.longest = std::max(m.longest, l.natural_width);
        if (lines.size() > 1) m.side = std::max(0L, (s.text_width - twips(m.longest)) / 2 - 20);
        return m;
    };
    double widest = 0;
    if (!a.subtitle.empty()) {
        const std::string upper = text::upper_vi(a.subtitle);
        const Measured m = measure(upper, Style::bold, 14, 0.85);
        widest = m.longest;
        ParagraphProps sub;
        sub.style = style::kKindSubject;
        sub.keep_next = true;
        sub.left = m.side;
        sub.right = m.side;
        add_run(add_paragraph(body, sub), upper);
    }
    const std::string ref = layout::appendix_reference_line(s.in.document, s.in.gap_year);
    const Measured m = measure(ref, Style::italic, 13, 0.9);
    if (widest == 0) widest = m.longest;
    ParagraphProps reference;
    reference.style = style::kAppendixReference;  // italic, not bold: as the PDF prints it
    reference.left = m.side;
    reference.right = m.side;
    add_run(add_paragraph(body, reference), ref);
    add_rule(body, std::max(layout::mm(20), widest * 0.35), s.text_width, 13, p.paragraph_space, s);
    keep_with_next(body.last_child());
    add_blocks(body, a.body, s, std::nullopt);
}

}  // namespace vanban::docx
