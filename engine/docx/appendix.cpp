// Phụ lục (R8.1) in Word terms: each appendix is its own section (a new page, its own
// orientation, page numbers restarting at 1 and hidden on its first page), with the
// heading the PDF prints ("Phụ lục II", the title in capitals, "(Kèm theo …)", a rule)
// and its body written like the main body.
#include "docx/document.h"
#include "docx/parts.h"
#include "docx/wml.h"
#include "layout/breaks.h"
#include "layout/compose.h"
#include "layout/wording.h"
#include "text/text.h"

#include <algorithm>

namespace vanban::docx {

using fonts::Style;

void add_appendix(pugi::xml_node body, const model::Appendix& a, const Sheet& s) {
    const auto& p = s.profile();
    const double text_width = p.text_width();
    // R8.1 line 1: "Phụ lục II" in normal case, 14 pt bold, centred.
    const RunProps at14{false, false, p.kind_size == 14 ? std::nullopt : std::optional<double>(14), {}, {}};
    ParagraphProps label;
    label.style = style::kKind;
    label.keep_next = true;
    add_run(add_paragraph(body, label), layout::appendix_label(s.in.document, a), at14);

    // The title is broken where the PDF breaks it (explicit breaks, breaks.h); the
    // "(Kèm theo …)" line wraps evenly, as the PDF's does: a paragraph the PDF breaks is
    // narrowed to its widest line; one it prints on one line keeps the whole width (a
    // reader measuring a little wider must not wrap it).
    auto side_of = [&](double longest, std::size_t lines) {
        return lines > 1 ? std::max(0L, (s.text_width - twips(longest)) / 2 - 20) : 0L;
    };
    double widest = 0;
    if (!a.title.empty()) {
        const auto lines = layout::phrase_lines(text::upper_vi(a.title), Style::bold, 14, text_width * 0.85, s.metrics());
        for (const auto& l : lines) widest = std::max(widest, s.width(Style::bold, l, 14));
        ParagraphProps title;
        title.style = style::kKindSubject;
        title.keep_next = true;
        title.left = side_of(widest, lines.size());
        title.right = title.left;
        const RunProps title14{false, false, p.kind_subject_size == 14 ? std::nullopt : std::optional<double>(14), {}, {}};
        add_run(add_paragraph(body, title), joined_lines(lines), title14);
    }
    struct Measured {
        double longest = 0;
        long side = 0;  // twips of indent on each side
    };
    auto measure = [&](const std::string& text, Style style, double size, double share) {
        const auto lines = layout::compose_balanced(text, style, text_width * share,
                                                    layout::LineStyle{size, layout::Align::center, 0, 0}, s.metrics());
        Measured m;
        for (const auto& l : lines) m.longest = std::max(m.longest, l.natural_width);
        m.side = side_of(m.longest, lines.size());
        return m;
    };
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
