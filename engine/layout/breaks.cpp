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
constexpr double kEpsilon = 1e-6;

double cost_of(text::BreakKind k) {
    switch (k) {
        case text::BreakKind::plain: return 0;
        case text::BreakKind::before_head: return kBeforeHead;
        case text::BreakKind::inside_phrase: return kInsidePhrase;
        case text::BreakKind::inside_word: return kInsideWord;
        case text::BreakKind::never: return kNever;
    }
    return 0;
}

// One segment (no "\n") broken by dynamic programming over its word boundaries.
void segment_lines(std::string_view segment, fonts::Style style, double size, double width,
                   const fonts::FontMetrics& m, std::vector<std::string>& out) {
    const auto words = text::split_spaces(segment);
    if (words.empty()) return;
    std::vector<double> w;
    for (const auto& word : words) w.push_back(m.width(style, word, size));
    // As compose measures: the space belongs to the word before it (same style here).
    const double space = m.advance(style, U' ') * size / 1000.0;
    for (const double x : w) {
        if (x > width + kEpsilon) {
            for (const auto& l : compose_balanced(segment, style, width, LineStyle{size, Align::left, 0, 0}, m)) {
                std::string t;
                for (const auto& item : l.items) t += item.text;
                out.push_back(std::move(t));
            }
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
            used += w[i] + (i + 1 < j ? space : 0);
            if (used > width + kEpsilon) break;
            if (best[i] == std::numeric_limits<double>::infinity()) continue;
            const double empty = (width - used) / width;
            const double c = best[i] + kLine + kRagged * empty * empty + (i > 0 ? cost_of(kinds[i]) : 0);
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

}  // namespace

std::vector<std::string> phrase_lines(std::string_view text, fonts::Style style, double size, double width,
                                      const fonts::FontMetrics& metrics) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto nl = text.find('\n', start);
        const auto segment = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        segment_lines(segment, style, size, width, metrics, out);
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return out;
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

}  // namespace vanban::layout
