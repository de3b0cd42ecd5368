#include "layout/wording.h"

#include "text/roman.h"
#include "text/text.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace vanban::layout {

std::string strip_end_punctuation(std::string s) {
    while (!s.empty() && (s.back() == ';' || s.back() == '.' || s.back() == ',' || s.back() == ' ')) s.pop_back();
    return s;
}

std::string number_line(const model::Document& doc) {
    const std::string number = text::document_number(doc.number);
    return "Số: " + (number.empty() ? std::string("      ") : number) + "/" + doc.symbol;
}

std::vector<std::string> recipient_items(const std::vector<std::string>& recipients) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < recipients.size(); ++i) {
        out.push_back("- " + strip_end_punctuation(recipients[i]) + (i + 1 == recipients.size() ? "." : ";"));
    }
    return out;
}

std::string single_recipient_line(const std::string& recipient) {
    return "Kính gửi: " + strip_end_punctuation(recipient) + ".";
}

std::vector<std::string> distribution_items(const model::DistributionList& list) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < list.items.size(); ++i) {
        out.push_back("- " + strip_end_punctuation(list.items[i]) + (i + 1 == list.items.size() ? "." : ";"));
    }
    return out;
}

std::string list_marker(const std::string& pattern, std::size_t index) {
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

namespace {

void append_end_mark(model::InlineText& t) {
    if (t.empty()) return;
    std::string plain = model::plain_text(t);
    while (!plain.empty() && plain.back() == ' ') plain.pop_back();
    if (plain.ends_with("./.")) return;
    auto& last = t.back().text;
    while (!last.empty() && last.back() == ' ') last.pop_back();
    last += last.ends_with(".") ? "/." : "./.";
}

}  // namespace

std::string kind_phrase(const model::Document& doc) {
    if (doc.is_letter) return "Công văn";
    const auto lower = text::to_u32(text::lower_vi(doc.kind));
    if (lower.empty()) return "Văn bản";
    const auto first = text::upper_vi(text::to_utf8(lower.front()));
    return first + text::to_utf8(std::u32string_view(lower).substr(1));
}

HeadingText heading_text(const model::Heading& heading) {
    HeadingText out{heading.text, heading.level <= 2 ? fonts::Style::bold : fonts::Style::regular, {}};
    if (heading.level == 1) {
        for (auto& s : out.text) s.text = text::upper_vi(s.text);
    }
    for (const auto& s : out.text) {
        const auto style = fonts::style_of(s.bold || fonts::is_bold(out.base), s.italic || fonts::is_italic(out.base));
        if (!out.uniform) {
            out.uniform = style;
        } else if (*out.uniform != style) {
            out.uniform.reset();
            break;
        }
    }
    return out;
}

std::string appendix_label(const model::Document& doc, const model::Appendix& appendix) {
    if (!appendix.label.empty()) return "Phụ lục " + appendix.label;
    const auto& all = doc.appendices;
    if (all.size() < 2) return "Phụ lục";
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (&all[i] != &appendix) continue;
        return "Phụ lục " + text::roman_numeral(static_cast<long long>(i) + 1).value_or(std::to_string(i + 1));
    }
    return "Phụ lục";
}

std::string appendix_reference_line(const model::Document& doc, int gap_year) {
    const std::string gap = "\u00A0\u00A0\u00A0\u00A0";  // four no-break spaces
    const std::string number = text::document_number(doc.number);
    std::string date;
    if (doc.date_line.date) {
        date = text::date_phrase(text::Date{doc.date_line.date->year, doc.date_line.date->month, doc.date_line.date->day});
    } else {
        date = "ngày" + gap + "tháng" + gap + "năm " + std::to_string(gap_year);
    }
    std::string issuer = doc.issuer.name;
    std::replace(issuer.begin(), issuer.end(), '\n', ' ');
    // The clerk's gaps are no-break spaces, so that line composition keeps them as wide
    // as the header's ("số      /BC-TLĐ ngày    tháng    năm"); writers print them as spaces.
    return "(Kèm theo " + kind_phrase(doc) + " số" + (number.empty() ? gap + "\u00A0\u00A0" : " " + number) + "/" +
           doc.symbol + " " + date + " của " + issuer + ")";
}


std::vector<model::InlineText> basis_lines(std::vector<model::InlineText> bases) {
    for (std::size_t i = 0; i < bases.size(); ++i) {
        auto& t = bases[i];
        // Strip from the last span(s) only: emphasis earlier in the line stays as written.
        while (!t.empty()) {
            t.back().text = strip_end_punctuation(std::move(t.back().text));
            if (!t.back().text.empty()) break;
            t.pop_back();
        }
        if (t.empty()) t.push_back(model::Span{});
        t.back().text += i + 1 == bases.size() ? "." : ";";
    }
    return bases;
}

std::string article_label(const model::Article& a) { return "Điều " + std::to_string(a.number) + "."; }

EndMarked::EndMarked(const std::vector<model::Block>& body, bool end_mark) : body_(&body) {
    if (!end_mark) return;
    for (std::size_t i = body.size(); i-- > 0;) {
        const model::Block& b = body[i];
        if (std::holds_alternative<model::PageBreak>(b)) continue;
        // A body that ends with a table ends after it: the mark gets a line of its own
        // there, not on the sentence that announces the table.
        if (std::holds_alternative<model::Table>(b)) {
            block_ = std::make_shared<model::Block>(model::Paragraph{{model::Span{"./.", false, false}}, {}});
            changed_ = body.size();
            appended_ = true;
            return;
        }
        if (std::holds_alternative<model::Heading>(b)) return;
        auto copy = std::make_shared<model::Block>(b);
        if (auto* p = std::get_if<model::Paragraph>(copy.get())) {
            append_end_mark(p->text);
        } else if (auto* list = std::get_if<model::List>(copy.get())) {
            if (!list->items.empty()) append_end_mark(list->items.back());
        } else if (auto* article = std::get_if<model::Article>(copy.get())) {
            if (!article->text.empty()) append_end_mark(article->text);
        } else {
            continue;  // a preamble: the mark goes on what comes before it
        }
        block_ = std::move(copy);
        changed_ = i;
        return;
    }
}

std::vector<model::Block> with_end_mark(std::vector<model::Block> body) {
    const EndMarked marked(body, true);
    std::vector<model::Block> out;
    for (const model::Block& b : marked) out.push_back(b);
    return out;
}

}  // namespace vanban::layout
