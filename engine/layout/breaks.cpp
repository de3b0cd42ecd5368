#include "layout/breaks.h"

#include "text/phrases.h"

#include <limits>

namespace vanban::layout {

namespace {

// Costs (a line = 100): see breaks.h. A break inside a word costs four lines, so up to
// three extra lines are preferred to one; a break inside a phrase costs a little more
// than a line; a head's bonus is less than a line.
constexpr double kLine = 100;
constexpr double kInsideWord = 400;
constexpr double kInsidePhrase = 120;
constexpr double kBeforeHead = -40;
constexpr double kNever = 100000;
constexpr double kRagged = 50;  // × (empty share of the line)²
// A left-aligned heading's lines should look filled: there the phrase costs count a
// quarter (a break moves back to a phrase head when that empties less than about an
// eighth of the line, out of a phrase less than a fifth), a word's full cost.
constexpr double kRaggedFill = 600;
constexpr double kPhraseWeightFill = 0.25;
constexpr double kEpsilon = 1e-6;

double cost_of(text::BreakKind k, double phrase_weight) {
    switch (k) {
        case text::BreakKind::plain: return 0;
        case text::BreakKind::before_head: return kBeforeHead * phrase_weight;
        case text::BreakKind::inside_phrase: return kInsidePhrase * phrase_weight;
        case text::BreakKind::inside_word: return kInsideWord;
        case text::BreakKind::never: return kNever;
    }
    return 0;
}

// How a text's lines are shaped: centred names and titles come out balanced (every
// line's emptiness costs); a left-aligned heading fills its lines (the last line's
// emptiness is free) and its first line may start further in.
struct Shape {
    double width = 0;
    double first_indent = 0;  // the first line of the text (not of each segment) is narrower
    bool last_line_free = false;
    double ragged = kRagged;     // × (empty share of a line)²
    double phrase_weight = 1;    // × the costs of phrase heads and phrases
};

// The lines of `segment` when one of its words is wider than the line: cut as compose
// cuts (balanced for centred text, greedy for headings).
void cut_lines(std::string_view segment, fonts::Style style, double size, const Shape& shape, bool first_segment,
               const fonts::FontMetrics& m, std::vector<std::string>& out) {
    const LineStyle st{size, Align::left, first_segment ? shape.first_indent : 0, 0};
    const auto lines = shape.last_line_free ? compose(segment, style, shape.width, st, m)
                                            : compose_balanced(segment, style, shape.width, st, m);
    for (const auto& l : lines) {
        std::string t;
        for (const auto& item : l.items) t += item.text;
        out.push_back(std::move(t));
    }
}

// One segment (no "\n") broken by dynamic programming over its word boundaries.
void segment_lines(std::string_view segment, fonts::Style style, double size, const Shape& shape, bool first_segment,
                   const fonts::FontMetrics& m, std::vector<std::string>& out) {
    const auto words = text::split_spaces(segment);
    if (words.empty()) return;
    const double first_width = shape.width - (first_segment ? shape.first_indent : 0);
    std::vector<double> w;
    for (const auto& word : words) w.push_back(m.width(style, word, size));
    // As compose measures: the space belongs to the word before it (same style here).
    const double space = m.advance(style, U' ') * size / 1000.0;
    for (std::size_t k = 0; k < w.size(); ++k) {
        if (w[k] > (k == 0 ? first_width : shape.width) + kEpsilon) {
            cut_lines(segment, style, size, shape, first_segment, m, out);
            return;
        }
    }
    const auto kinds = text::break_kinds(words);
    const std::size_t n = words.size();
    std::vector<double> best(n + 1, std::numeric_limits<double>::infinity());
    std::vector<std::size_t> from(n + 1, 0);
    best[0] = 0;
    for (std::size_t j = 1; j <= n; ++j) {
        double used = 0;
        for (std::size_t i = j; i-- > 0;) {  // the line holds words i … j-1
            const double width = i == 0 ? first_width : shape.width;
            used += w[i] + (i + 1 < j ? space : 0);
            if (used > width + kEpsilon) {
                if (i == 0) continue;  // only the first line is narrower: a longer line may still fit
                break;
            }
            if (best[i] == std::numeric_limits<double>::infinity()) continue;
            const double empty = (j == n && shape.last_line_free) ? 0 : (width - used) / width;
            const double c = best[i] + kLine + shape.ragged * empty * empty + (i > 0 ? cost_of(kinds[i], shape.phrase_weight) : 0);
            if (c < best[j]) {
                best[j] = c;
                from[j] = i;
            }
        }
    }
    std::vector<std::size_t> starts;
    for (std::size_t j = n; j > 0; j = from[j]) starts.push_back(from[j]);
    std::size_t end = n;
    std::vector<std::string> lines;
    for (const std::size_t start : starts) {  // last line first
        std::string t;
        for (std::size_t k = start; k < end; ++k) t += (k > start ? " " : "") + words[k];
        lines.push_back(std::move(t));
        end = start;
    }
    out.insert(out.end(), lines.rbegin(), lines.rend());
}

// "\n" always breaks; each segment between is broken by segment_lines.
std::vector<std::string> shaped_lines(std::string_view text, fonts::Style style, double size, const Shape& shape,
                                      const fonts::FontMetrics& metrics) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto nl = text.find('\n', start);
        const auto segment = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        segment_lines(segment, style, size, shape, start == 0, metrics, out);
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return out;
}

}  // namespace

std::vector<std::string> phrase_lines(std::string_view text, fonts::Style style, double size, double width,
                                      const fonts::FontMetrics& metrics) {
    return shaped_lines(text, style, size, Shape{width, 0, false}, metrics);
}

std::vector<std::string> heading_lines(std::string_view text, fonts::Style style, double size, double width,
                                       double first_indent, const fonts::FontMetrics& metrics) {
    return shaped_lines(text, style, size, Shape{width, first_indent, true, kRaggedFill, kPhraseWeightFill}, metrics);
}

std::vector<Line> compose_phrases(std::string_view text, fonts::Style style, double width, const LineStyle& st,
                                  const fonts::FontMetrics& metrics) {
    std::vector<Line> out;
    for (const auto& line : phrase_lines(text, style, st.size, width, metrics)) {
        // Each line fits, so compose keeps it whole and only places it.
        for (auto& l : compose(line, style, width, st, metrics)) out.push_back(std::move(l));
    }
    return out;
}

std::vector<Line> compose_heading(std::string_view text, fonts::Style style, double width, const LineStyle& st,
                                  const fonts::FontMetrics& metrics) {
    std::vector<Line> out;
    LineStyle line_style = st;
    for (const auto& line : heading_lines(text, style, st.size, width, st.first_indent, metrics)) {
        for (auto& l : compose(line, style, width, line_style, metrics)) out.push_back(std::move(l));
        line_style.first_indent = 0;
    }
    return out;
}

}  // namespace vanban::layout
