#include "layout/compose.h"

#include <algorithm>

namespace vanban::layout {

namespace {

struct Piece {
    std::string text;
    fonts::Style style;
    double width;
};

// A word: the pieces between two spaces (one piece per style change inside it).
struct Word {
    std::vector<Piece> pieces;
    double width = 0;
};

constexpr double kEpsilon = 1e-6;

std::size_t utf8_len(unsigned char b) {
    if (b < 0x80) return 1;
    if ((b >> 5) == 0x6) return 2;
    if ((b >> 4) == 0xE) return 3;
    return 4;
}

std::vector<Word> split_words(const std::vector<Run>& runs, double size, const fonts::FontMetrics& m) {
    std::vector<Word> words;
    Word cur;
    auto flush = [&] {
        if (!cur.pieces.empty()) words.push_back(std::move(cur));
        cur = Word{};
    };
    for (const auto& run : runs) {
        std::size_t i = 0;
        while (i < run.text.size()) {
            if (run.text[i] == ' ') {
                flush();
                ++i;
                continue;
            }
            const auto end = std::min(run.text.find(' ', i), run.text.size());
            Piece p{run.text.substr(i, end - i), run.style, 0};
            p.width = m.width(run.style, p.text, size);
            cur.width += p.width;
            if (!cur.pieces.empty() && cur.pieces.back().style == p.style) {
                cur.pieces.back().text += p.text;
                cur.pieces.back().width += p.width;
            } else {
                cur.pieces.push_back(std::move(p));
            }
            i = end;
        }
    }
    flush();
    return words;
}

// Cuts a word wider than `width` into pieces that fit (a last resort for URLs and
// the like; the cut falls between characters).
std::vector<Word> cut_word(const Word& w, double width, double size, const fonts::FontMetrics& m) {
    std::vector<Word> out;
    Word cur;
    for (const auto& piece : w.pieces) {
        std::size_t i = 0;
        while (i < piece.text.size()) {
            const auto n = utf8_len(static_cast<unsigned char>(piece.text[i]));
            const std::string ch = piece.text.substr(i, n);
            const double cw = m.width(piece.style, ch, size);
            if (cur.width + cw > width + kEpsilon && !cur.pieces.empty()) {
                out.push_back(std::move(cur));
                cur = Word{};
            }
            if (!cur.pieces.empty() && cur.pieces.back().style == piece.style) {
                cur.pieces.back().text += ch;
                cur.pieces.back().width += cw;
            } else {
                cur.pieces.push_back({ch, piece.style, cw});
            }
            cur.width += cw;
            i += n;
        }
    }
    if (!cur.pieces.empty()) out.push_back(std::move(cur));
    return out;
}

double space_width(fonts::Style s, double size, const fonts::FontMetrics& m) {
    return m.advance(s, U' ') * size / 1000.0;
}

Line build_line(const std::vector<Word>& words, std::size_t from, std::size_t to, double indent, double avail,
                bool last, const LineStyle& st, const fonts::FontMetrics& m) {
    Line line;
    double natural = 0;
    for (std::size_t i = from; i < to; ++i) {
        natural += words[i].width;
        if (i + 1 < to) natural += space_width(words[i].pieces.back().style, st.size, m);
    }
    line.natural_width = natural;
    const std::size_t spaces = to - from - 1;
    double extra = 0;
    double x = indent;
    switch (st.align) {
        case Align::justify:
            if (!last && spaces > 0) extra = std::max(0.0, (avail - natural) / static_cast<double>(spaces));
            break;
        case Align::center: x += (avail - natural) / 2; break;
        case Align::right: x += avail - natural; break;
        case Align::left: break;
    }

    TextItem* item = nullptr;
    auto start_item = [&](fonts::Style style) {
        line.items.push_back(TextItem{x, 0, style, st.size, {}, extra, 0, {}});
        item = &line.items.back();
    };
    for (std::size_t i = from; i < to; ++i) {
        for (const auto& p : words[i].pieces) {
            if (!item || item->style != p.style) start_item(p.style);
            item->text += p.text;
            item->width += p.width;
            x += p.width;
        }
        if (i + 1 < to) {
            // The space belongs to the preceding word's style.
            const double sw = space_width(item->style, st.size, m) + extra;
            item->text += ' ';
            item->width += sw;
            x += sw;
        }
    }
    for (auto& it : line.items) {
        if (it.text.find(' ') == std::string::npos) it.word_spacing = 0;
    }
    return line;
}

}  // namespace

namespace {
constexpr std::string_view kNbsp = "\u00A0";
}  // namespace

std::string release_phrases(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (s.compare(i, kNbsp.size(), kNbsp) == 0) {
            out += ' ';
            i += kNbsp.size();
        } else {
            out += s[i++];
        }
    }
    return out;
}

double line_advance(const fonts::FontMetrics& metrics, double size, double spacing) {
    return metrics.line_height(fonts::Style::regular) * size / 1000.0 * spacing;
}

double ascent(const fonts::FontMetrics& metrics, double size) {
    return metrics.ascent(fonts::Style::regular) * size / 1000.0;
}

std::vector<Line> compose(const std::vector<Run>& runs, double width, const LineStyle& st,
                          const fonts::FontMetrics& m) {
    std::vector<Word> words;
    for (auto& w : split_words(runs, st.size, m)) {
        const double avail = width - std::max(st.first_indent, st.rest_indent);
        if (w.width > avail + kEpsilon && avail > 0) {
            for (auto& part : cut_word(w, avail, st.size, m)) words.push_back(std::move(part));
        } else {
            words.push_back(std::move(w));
        }
    }

    std::vector<Line> lines;
    std::size_t i = 0;
    while (i < words.size()) {
        const double indent = lines.empty() ? st.first_indent : st.rest_indent;
        const double avail = width - indent;
        double used = words[i].width;
        std::size_t j = i + 1;
        while (j < words.size()) {
            const double add = space_width(words[j - 1].pieces.back().style, st.size, m) + words[j].width;
            if (used + add > avail + kEpsilon) break;
            used += add;
            ++j;
        }
        lines.push_back(build_line(words, i, j, indent, avail, j == words.size(), st, m));
        i = j;
    }
    return lines;
}

std::vector<Line> compose(std::string_view text, fonts::Style style, double width, const LineStyle& line_style,
                          const fonts::FontMetrics& metrics) {
    return compose(std::vector<Run>{Run{std::string(text), style}}, width, line_style, metrics);
}

std::vector<Line> compose_balanced(std::string_view text, fonts::Style style, double width, const LineStyle& st,
                                   const fonts::FontMetrics& metrics) {
    auto lines = compose(text, style, width, st, metrics);
    if (lines.size() < 2) return lines;
    double lo = 0, hi = width;
    for (int i = 0; i < 14; ++i) {  // 2^-14 of the width is far below a point
        const double mid = (lo + hi) / 2;
        if (compose(text, style, mid, st, metrics).size() == lines.size()) hi = mid; else lo = mid;
    }
    auto even = compose(text, style, hi, st, metrics);
    // Re-centre (or re-align) the lines in the full width.
    const double shift = st.align == Align::center ? (width - hi) / 2 : st.align == Align::right ? width - hi : 0;
    for (auto& l : even)
        for (auto& item : l.items) item.x += shift;
    return even;
}

}  // namespace vanban::layout
