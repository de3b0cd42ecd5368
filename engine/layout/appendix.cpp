// Phụ lục (R8.1): each appendix starts a new page after the signature, may be
// landscape inside a portrait document, and numbers its pages from 1 again. Its head:
// "Phụ lục II" (normal case, 14 pt bold), the title in capitals, "(Kèm theo …)", a rule.
#include "layout/parts.h"

#include "layout/breaks.h"
#include "layout/wording.h"
#include "text/text.h"

#include <algorithm>

namespace vanban::layout {

namespace {

using fonts::Style;

}  // namespace

Profile appendix_profile(const Profile& base, bool landscape) {
    Profile p = base;
    // NĐ 30 gives no landscape margins; the portrait ranges apply to the landscape
    // page's own edges (format rules R1.3 note).
    if (landscape) std::swap(p.page_width, p.page_height);
    return p;
}

std::vector<Box> appendix_boxes(const model::Document& doc, const model::Appendix& a, const Context& cx) {
    const auto& p = cx.profile;
    const double centre = p.text_left() + p.text_width() / 2;
    const LineStyle centred14{14, Align::center, 0, 0};
    Box head;
    // Line 1 in normal case, 14 pt bold ("Phụ lục II"); the title under it in capitals,
    // broken between words and phrases (breaks.h).
    double y = head.add_lines(compose(appendix_label(doc, a), Style::bold, p.text_width(), centred14, cx.metrics),
                              p.text_left(), 0, cx.advance(14), cx.ascent_of(14));
    double widest = 0;
    if (!a.title.empty()) {
        const auto lines = compose_phrases(text::upper_vi(a.title), Style::bold, p.text_width() * 0.85, centred14,
                                           cx.metrics);
        check_lines(lines.size(), p.max_appendix_subtitle_lines, cx.base + "/title", "the appendix title",
                    "under its label");
        for (const auto& l : lines) widest = std::max(widest, l.natural_width);
        y = head.add_lines(lines, p.text_left() + p.text_width() * 0.075, y, cx.advance(14), cx.ascent_of(14));
    }
    auto ref = compose_balanced(appendix_reference_line(doc, cx.gap_year), Style::italic, p.text_width() * 0.9,
                                LineStyle{13, Align::center, 0, 0}, cx.metrics);
    for (auto& l : ref)
        for (auto& item : l.items) item.text = release_phrases(item.text);  // the gaps print as spaces
    if (widest == 0) for (const auto& l : ref) widest = std::max(widest, l.natural_width);
    y = head.add_lines(ref, p.text_left() + p.text_width() * 0.05, y, cx.advance(13), cx.ascent_of(13));
    const double rule_y = y + p.rule_gap;
    const double len = std::max(mm(20), widest * 0.35);
    head.rules.push_back(RuleItem{centre - len / 2, rule_y, centre + len / 2, rule_y, p.rule_thickness, {}});
    head.height = rule_y + p.paragraph_space;
    head.keep_with_next = true;
    const std::string label = appendix_label(doc, a);
    head.anchors.push_back(Anchor{a.title.empty() ? label : label + ": " + a.title, 0, 0});

    std::vector<Box> out{std::move(head)};
    for (auto& b : body_boxes(a.body, false, cx)) out.push_back(std::move(b));
    return out;
}

}  // namespace vanban::layout
