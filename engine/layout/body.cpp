// Ô 9a "Kính gửi" (R4) and ô 6, the body (R5).
#include "layout/parts.h"

#include "layout/breaks.h"
#include "layout/wording.h"
#include "text/text.h"

#include <algorithm>

namespace vanban::layout {

namespace {

using fonts::Style;

std::vector<Run> runs_of(const model::InlineText& t, Style base = Style::regular) {
    std::vector<Run> out;
    for (const auto& s : t) {
        out.push_back(Run{s.text, fonts::style_of(s.bold || fonts::is_bold(base), s.italic || fonts::is_italic(base))});
    }
    return out;
}

}  // namespace

std::vector<Box> preamble_boxes(const model::Preamble& pre, const Context& cx) {
    const auto& p = cx.profile;
    const double size = p.body_size;
    const double adv = cx.advance(size, p.line_spacing);
    const double asc = cx.ascent_of(size);
    std::vector<Box> out;
    auto centred = [&](const std::string& text) {
        // "ĐOÀN CHỦ TỊCH …", "QUYẾT ĐỊNH:": in hoa, đứng, đậm, căn giữa (NĐ30 mẫu 1.4).
        auto boxes = line_boxes(compose(text::upper_vi(text), Style::bold, p.text_width(),
                                        LineStyle{size, Align::center, 0, 0}, cx.metrics),
                                p.text_left(), adv, asc, p.paragraph_space);
        for (auto& b : boxes) b.keep_with_next = true;
        for (auto& b : boxes) out.push_back(std::move(b));
    };
    if (!pre.authority.empty()) centred(pre.authority);
    // R5.2: each căn cứ on its own line, italic, the body's size and indent.
    for (const auto& line : basis_lines(pre.bases)) {
        auto boxes = line_boxes(compose(runs_of(line, Style::italic), p.text_width(),
                                        LineStyle{size, Align::justify, p.first_line_indent, 0}, cx.metrics),
                                p.text_left(), adv, asc, p.paragraph_space);
        for (auto& b : boxes) out.push_back(std::move(b));
    }
    if (!pre.enact.empty()) centred(pre.enact);
    return out;
}

std::vector<Box> recipient_boxes(const std::vector<std::string>& recipients, const Context& cx) {
    const auto& p = cx.profile;
    const double size = p.recipients_size;
    const double adv = cx.advance(size);
    const double asc = cx.ascent_of(size);
    const std::string label = "Kính gửi:";
    const double label_w = cx.width(Style::regular, label, size);
    const double space_w = cx.width(Style::regular, " ", size);
    const double space_before = cx.advance(p.body_size) + p.after_header;
    // One box per line, so that a long list flows onto the next page (issue 11); an
    // item of two or three lines stays whole, and "Kính gửi:" stays with the first.
    std::vector<Box> out;

    if (recipients.size() == 1) {
        // One recipient: inline, "Kính gửi: Bộ Nội vụ" 35 mm in, or further left when it
        // would not fit there; a long name wraps under itself.
        const std::string line = single_recipient_line(recipients.front());
        const double w = cx.width(Style::regular, line, size);
        double x = p.text_left() + p.recipients_indent;
        if (x + w > p.text_right()) x = std::max(p.text_left(), p.text_left() + (p.text_width() - w) / 2);
        const double hang = label_w + space_w;
        const auto lines = compose(line, Style::regular, p.text_right() - x,
                                   LineStyle{size, Align::left, 0, hang}, cx.metrics);
        out = line_boxes(lines, x, adv, asc, space_before);
        out.back().keep_with_next = true;
        return out;
    }

    // Several: "Kính gửi:" alone, then "- …;" lines with the dashes aligned one space
    // after the colon; the last ends with "." (R4).
    const std::vector<std::string> items = recipient_items(recipients);
    double widest = 0;
    for (const auto& it : items) widest = std::max(widest, cx.width(Style::regular, it, size));
    double x = p.text_left() + p.recipients_indent;
    // Move the block left when the longest item would cross the right margin.
    x = std::max(p.text_left(), std::min(x, p.text_right() - widest - label_w - space_w));
    const double dash_x = x + label_w + space_w;
    Box head;
    head.space_before = space_before;
    head.keep_with_next = true;
    head.add_lines({Line{{TextItem{0, 0, Style::regular, size, label, 0, label_w, {}}}, label_w}}, x, 0, adv, asc);
    out.push_back(std::move(head));
    const double dash_w = cx.width(Style::regular, "- ", size);
    for (const auto& it : items) {
        const auto lines = compose(it, Style::regular, p.text_right() - dash_x, LineStyle{size, Align::left, 0, dash_w},
                                   cx.metrics);
        for (auto& b : line_boxes(lines, dash_x, adv, asc, 0)) out.push_back(std::move(b));
    }
    // The last recipient stays with what follows (the body's first lines).
    out.back().keep_with_next = true;
    return out;
}

std::vector<Box> body_boxes(const std::vector<model::Block>& body, bool end_mark, const Context& cx) {
    const auto& p = cx.profile;
    const double size = p.body_size;
    const double adv = cx.advance(size, p.line_spacing);
    const double asc = cx.ascent_of(size);
    const LineStyle para{size, Align::justify, p.first_line_indent, 0};

    const EndMarked blocks(body, end_mark);

    std::vector<std::vector<Box>> parts;
    bool page_break = false;
    auto append = [&](std::vector<Box> boxes) {
        if (!boxes.empty() && page_break) {
            boxes.front().page_break_before = true;
            page_break = false;
        }
        parts.push_back(std::move(boxes));
    };
    // The input's index of each block, for errors: a template's preamble is not one.
    std::size_t index = 0;
    for (const auto& block : blocks) {
        const std::size_t at = index;
        if (!std::holds_alternative<model::Preamble>(block)) ++index;
        if (const auto* para_block = std::get_if<model::Paragraph>(&block)) {
            append(line_boxes(compose(runs_of(para_block->text), p.text_width(), para, cx.metrics), p.text_left(), adv,
                              asc, p.paragraph_space));
        } else if (const auto* h = std::get_if<model::Heading>(&block)) {
            // R5.4: level 1 "I. TITLE" upper-case bold; level 2 bold; level 3 plain; broken
            // between words and phrases when its spans share one style (wording.h).
            const HeadingText t = heading_text(*h);
            const LineStyle st{size, Align::left, p.first_line_indent, 0};
            auto boxes = line_boxes(t.uniform ? compose_heading(model::plain_text(t.text), *t.uniform, p.text_width(), st,
                                                                cx.metrics)
                                              : compose(runs_of(t.text, t.base), p.text_width(), st, cx.metrics),
                                    p.text_left(), adv, asc, p.paragraph_space);
            for (auto& b : boxes) b.keep_with_next = true;  // a heading stays with what follows
            if (!boxes.empty()) boxes.front().anchors.push_back(Anchor{model::plain_text(t.text), h->level, 0});
            append(std::move(boxes));
        } else if (const auto* list = std::get_if<model::List>(&block)) {
            // Each item is a paragraph that starts with its marker at the first-line indent.
            for (std::size_t i = 0; i < list->items.size(); ++i) {
                std::vector<Run> runs{Run{list_marker(list->marker, i) + " ", Style::regular}};
                for (auto& r : runs_of(list->items[i])) runs.push_back(std::move(r));
                append(line_boxes(compose(runs, p.text_width(), para, cx.metrics), p.text_left(), adv, asc,
                                  p.paragraph_space));
            }
        } else if (const auto* table = std::get_if<model::Table>(&block)) {
            append(table_boxes(*table, cx.base + "/body/" + std::to_string(at), cx));
        } else if (const auto* pre = std::get_if<model::Preamble>(&block)) {
            append(preamble_boxes(*pre, cx));
        } else if (const auto* article = std::get_if<model::Article>(&block)) {
            // R5.3: "Điều 1. Title" bold at the first-line indent; an untitled article's
            // text follows its label on the same line, regular.
            const LineStyle indented{size, Align::justify, p.first_line_indent, 0};
            std::vector<Run> head{Run{article_label(*article), Style::bold}};
            if (!article->title.empty()) {
                head.front().text += " ";
                for (auto& r : runs_of(article->title, Style::bold)) head.push_back(std::move(r));
                auto boxes = line_boxes(compose(head, p.text_width(), LineStyle{size, Align::left, p.first_line_indent, 0},
                                                cx.metrics),
                                        p.text_left(), adv, asc, p.paragraph_space);
                if (!article->text.empty()) {
                    for (auto& b : boxes) b.keep_with_next = true;
                }
                append(std::move(boxes));
                if (!article->text.empty()) {
                    append(line_boxes(compose(runs_of(article->text), p.text_width(), indented, cx.metrics), p.text_left(),
                                      adv, asc, p.paragraph_space));
                }
            } else {
                head.front().text += " ";
                for (auto& r : runs_of(article->text)) head.push_back(std::move(r));
                append(line_boxes(compose(head, p.text_width(), indented, cx.metrics), p.text_left(), adv, asc,
                                  p.paragraph_space));
            }
        } else if (std::holds_alternative<model::PageBreak>(block)) {
            page_break = true;
        }
    }
    return concat(std::move(parts));
}

}  // namespace vanban::layout
