// Inline **bold** / *italic* markers; the rule is spelled out in text.h.
#include "text/text.h"

#include <algorithm>
#include <array>

namespace vanban::text {

namespace {

// A maximal run of '*'.
struct Run {
    std::size_t pos = 0;
    std::size_t len = 0;
    bool opens = false;
    bool closes = false;
    std::size_t end() const { return pos + len; }
};

bool ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// U+00A0 is C2 A0 in UTF-8.
bool space_at(std::string_view s, std::size_t i) {
    return ascii_space(s[i]) || (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0');
}

bool space_before(std::string_view s, std::size_t i) {
    return ascii_space(s[i - 1]) || (i >= 2 && s[i - 2] == '\xC2' && s[i - 1] == '\xA0');
}

bool opening_bracket(char c) {
    return c == '(' || c == '[' || c == '{';
}

bool closing_bracket(char c) {
    return c == ')' || c == ']' || c == '}';
}

std::vector<Run> find_runs(std::string_view s) {
    std::vector<Run> runs;
    for (std::size_t i = s.find('*'); i != std::string_view::npos; i = s.find('*', i)) {
        Run r{i, 0, false, false};
        while (i < s.size() && s[i] == '*') ++i;
        r.len = i - r.pos;
        if (r.len <= 3) {
            r.opens = r.end() < s.size() && !space_at(s, r.end()) && !closing_bracket(s[r.end()]);
            r.closes = r.pos > 0 && !space_before(s, r.pos) && !opening_bracket(s[r.pos - 1]);
        }
        runs.push_back(r);
    }
    return runs;
}

class Parser {
public:
    explicit Parser(std::string_view s) : s_(s), runs_(find_runs(s)) {
        for (std::size_t k = 0; k < runs_.size(); ++k) {
            if (runs_[k].closes) closers_[runs_[k].len].push_back(k);
        }
    }

    std::vector<Span> parse() {
        parse(0, s_.size(), 0, false, false);
        return std::move(out_);
    }

private:
    // Parses s_[lo, hi), whose first run is runs_[k]. Runs are maximal, so none can
    // straddle `hi` (the enclosing closer starts there).
    void parse(std::size_t lo, std::size_t hi, std::size_t k, bool bold, bool italic) {
        std::size_t literal = lo;
        while (k < runs_.size() && runs_[k].pos < hi) {
            const Run& r = runs_[k];
            const auto closer = r.opens ? closer_of(k, hi) : std::nullopt;
            if (!closer) {
                ++k;
                continue;
            }
            emit(literal, r.pos, bold, italic);
            parse(r.end(), runs_[*closer].pos, k + 1, bold || r.len >= 2, italic || r.len != 2);
            literal = runs_[*closer].end();
            k = *closer + 1;
        }
        emit(literal, hi, bold, italic);
    }

    // The nearest run after runs_[k], before `hi`, that can close it. A binary search
    // keeps marker-heavy text (a footnote "*" in every line) linear-logarithmic.
    std::optional<std::size_t> closer_of(std::size_t k, std::size_t hi) const {
        const auto& candidates = closers_[runs_[k].len];
        const auto it = std::upper_bound(candidates.begin(), candidates.end(), k);
        if (it == candidates.end() || runs_[*it].pos >= hi) return std::nullopt;
        return *it;
    }

    void emit(std::size_t from, std::size_t to, bool bold, bool italic) {
        if (from >= to) return;
        const auto text = s_.substr(from, to - from);
        if (!out_.empty() && out_.back().bold == bold && out_.back().italic == italic) {
            out_.back().text += text;
        } else {
            out_.push_back(Span{std::string(text), bold, italic});
        }
    }

    std::string_view s_;
    std::vector<Run> runs_;
    std::array<std::vector<std::size_t>, 4> closers_;  // run indices by run length 1–3
    std::vector<Span> out_;
};

}  // namespace

std::vector<Span> parse_emphasis(std::string_view s) {
    if (s.find('*') == std::string_view::npos) {
        if (s.empty()) return {};
        return {Span{std::string(s), false, false}};
    }
    return Parser(s).parse();
}

}  // namespace vanban::text
