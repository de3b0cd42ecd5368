// Ô 9a "Kính gửi" (R4) and ô 6, the body (R5).
#include "layout/parts.h"

#include "text/text.h"

#include <algorithm>

namespace vanban::layout {

namespace {

using fonts::Style;

// Item text without the punctuation the engine adds itself.
std::string strip_end_punctuation(std::string s) {
    while (!s.empty() && (s.back() == ';' || s.back() == '.' || s.back() == ',' || s.back() == ' ')) s.pop_back();
    return s;
}

std::vector<Run> runs_of(const model::InlineText& t, Style base = Style::regular) {
    std::vector<Run> out;
    for (const auto& s : t) {
        out.push_back(Run{s.text, fonts::style_of(s.bold || fonts::is_bold(base), s.italic || fonts::is_italic(base))});
    }
    return out;
}

// "1." → "1.", "2." …; "a)" → Vietnamese alphabet (no f j w z); "I." → Roman numerals.
std::string marker_for(const std::string& pattern, std::size_t index) {
    static constexpr const char* kLetters[] = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                               "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
    if (pattern == "1.") return std::to_string(index + 1) + ".";
    if (pattern == "a)") {
        constexpr std::size_t n = std::size(kLetters);
        std::string s = kLetters[index % n];
        if (index >= n) s += std::to_string(index / n + 1);
        return s + ")";
    }
    if (pattern == "I.") {
        static constexpr std::pair<int, const char*> kRoman[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"},
                                                                 {100, "C"},  {90, "XC"},  {50, "L"},  {40, "XL"},
                                                                 {10, "X"},   {9, "IX"},   {5, "V"},   {4, "IV"},
                                                                 {1, "I"}};
        int v = static_cast<int>(index) + 1;
        std::string s;
        for (const auto& [n, r] : kRoman) {
            while (v >= n) {
                s += r;
                v -= n;
            }
        }
        return s + ".";
    }
    return pattern;  // "-" and "+"
}

// R5.5: the body ends with "./." unless it already does.
void append_end_mark(model::InlineText& t) {
    std::string plain = model::plain_text(t);
    while (!plain.empty() && plain.back() == ' ') plain.pop_back();
    if (plain.ends_with("./.")) return;
    if (t.empty()) return;
    auto& last = t.back().text;
    while (!last.empty() && last.back() == ' ') last.pop_back();
    last += last.ends_with(".") ? "/." : "./.";
}

}  // namespace

std::vector<Box> recipient_boxes(const std::vector<std::string>& recipients, const Context& cx) {
    const auto& p = cx.profile;
    const double size = p.recipients_size;
    const double adv = cx.advance(size);
    const double asc = cx.ascent_of(size);
    const std::string label = "Kính gửi:";
    const double label_w = cx.width(Style::regular, label, size);
    const double space_w = cx.width(Style::regular, " ", size);
    Box box;
    box.space_before = cx.advance(p.body_size) + p.after_header;
    box.keep_with_next = true;

    if (recipients.size() == 1) {
        // One recipient: inline, "Kính gửi: Bộ Nội vụ" 35 mm in, or further left when it
        // would not fit there; a long name wraps under itself.
        const std::string line = label + " " + strip_end_punctuation(recipients.front()) + ".";
        const double w = cx.width(Style::regular, line, size);
        double x = p.text_left() + p.recipients_indent;
        if (x + w > p.text_right()) x = std::max(p.text_left(), p.text_left() + (p.text_width() - w) / 2);
        const double hang = label_w + space_w;
        const auto lines = compose(line, Style::regular, p.text_right() - x,
                                   LineStyle{size, Align::left, 0, hang}, cx.metrics);
        box.add_lines(lines, x, 0, adv, asc);
        return {std::move(box)};
    }

    // Several: "Kính gửi:" alone, then "- …;" lines with the dashes aligned one space
    // after the colon; the last ends with "." (R4).
    std::vector<std::string> items;
    for (std::size_t i = 0; i < recipients.size(); ++i) {
        items.push_back("- " + strip_end_punctuation(recipients[i]) + (i + 1 == recipients.size() ? "." : ";"));
    }
    double widest = 0;
    for (const auto& it : items) widest = std::max(widest, cx.width(Style::regular, it, size));
    double x = p.text_left() + p.recipients_indent;
    // Move the block left when the longest item would cross the right margin.
    x = std::max(p.text_left(), std::min(x, p.text_right() - widest - label_w - space_w));
    const double dash_x = x + label_w + space_w;
    double y = box.add_lines({Line{{TextItem{0, 0, Style::regular, size, label, 0, label_w, {}}}, label_w}}, x, 0, adv, asc);
    const double dash_w = cx.width(Style::regular, "- ", size);
    for (const auto& it : items) {
        const auto lines = compose(it, Style::regular, p.text_right() - dash_x, LineStyle{size, Align::left, 0, dash_w},
                                   cx.metrics);
        y = box.add_lines(lines, dash_x, y, adv, asc);
    }
    return {std::move(box)};
}

std::vector<Box> body_boxes(const std::vector<model::Block>& body, bool end_mark, const Context& cx) {
    const auto& p = cx.profile;
    const double size = p.body_size;
    const double adv = cx.advance(size, p.line_spacing);
    const double asc = cx.ascent_of(size);
    const LineStyle para{size, Align::justify, p.first_line_indent, 0};

    // Find the last text-bearing block for "./.".
    std::vector<model::Block> blocks = body;
    if (end_mark) {
        for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) {
            if (auto* para_block = std::get_if<model::Paragraph>(&*it)) {
                append_end_mark(para_block->text);
                break;
            }
            if (auto* list = std::get_if<model::List>(&*it)) {
                append_end_mark(list->items.back());
                break;
            }
            if (std::holds_alternative<model::Heading>(*it)) break;
        }
    }

    std::vector<Box> out;
    bool page_break = false;
    auto append = [&](std::vector<Box> boxes) {
        if (!boxes.empty() && page_break) {
            boxes.front().page_break_before = true;
            page_break = false;
        }
        for (auto& b : boxes) out.push_back(std::move(b));
    };
    for (const auto& block : blocks) {
        if (const auto* para_block = std::get_if<model::Paragraph>(&block)) {
            append(line_boxes(compose(runs_of(para_block->text), p.text_width(), para, cx.metrics), p.text_left(), adv,
                              asc, p.paragraph_space));
        } else if (const auto* h = std::get_if<model::Heading>(&block)) {
            // R5.4: level 1 "I. TITLE" upper-case bold; level 2 bold; level 3 plain.
            model::InlineText t = h->text;
            if (h->level == 1) {
                for (auto& s : t) s.text = text::upper_vi(s.text);
            }
            const Style base = h->level <= 2 ? Style::bold : Style::regular;
            auto boxes = line_boxes(compose(runs_of(t, base), p.text_width(),
                                            LineStyle{size, Align::left, p.first_line_indent, 0}, cx.metrics),
                                    p.text_left(), adv, asc, p.paragraph_space);
            for (auto& b : boxes) b.keep_with_next = true;  // a heading stays with what follows
            append(std::move(boxes));
        } else if (const auto* list = std::get_if<model::List>(&block)) {
            // Each item is a paragraph that starts with its marker at the first-line indent.
            for (std::size_t i = 0; i < list->items.size(); ++i) {
                std::vector<Run> runs{Run{marker_for(list->marker, i) + " ", Style::regular}};
                for (auto& r : runs_of(list->items[i])) runs.push_back(std::move(r));
                append(line_boxes(compose(runs, p.text_width(), para, cx.metrics), p.text_left(), adv, asc,
                                  p.paragraph_space));
            }
        } else if (std::holds_alternative<model::PageBreak>(block)) {
            page_break = true;
        }
    }
    return out;
}

}  // namespace vanban::layout
