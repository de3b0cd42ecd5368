#include "check/analysis.h"

#include "text/text.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace vanban::check {

namespace {

constexpr double kSingle = 1.149;  // natural line height of Times New Roman / Liberation Serif, in em

bool starts(const std::string& s, std::string_view prefix) { return s.starts_with(prefix); }

bool digits_only(const std::string& s) {
    const std::string t = collapse_spaces(s);
    return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<Line> group_lines(const PdfContent& pdf) {
    std::vector<int> order(pdf.texts.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const TextRun &ra = pdf.texts[static_cast<std::size_t>(a)], &rb = pdf.texts[static_cast<std::size_t>(b)];
        if (ra.page != rb.page) return ra.page < rb.page;
        if (std::fabs(ra.baseline - rb.baseline) > 0.5) return ra.baseline < rb.baseline;
        return ra.x < rb.x;
    });
    std::vector<Line> lines;
    for (const int i : order) {
        const TextRun& r = pdf.texts[static_cast<std::size_t>(i)];
        const FontInfo* f = r.font >= 0 ? &pdf.fonts[static_cast<std::size_t>(r.font)] : nullptr;
        const double asc = (f ? f->ascent : 891) / 1000.0 * r.size;
        const double desc = -(f ? f->descent : -216) / 1000.0 * r.size;
        // Runs of one line touch: the engine splits a line only where the style
        // changes. A gap wider than 3 pt is the next column.
        Line* cur = lines.empty() ? nullptr : &lines.back();
        const bool joins = cur && cur->page == r.page && std::fabs(cur->baseline - r.baseline) <= 0.5 &&
                           r.x - cur->end <= 3 && r.x - cur->end >= -3;
        if (!joins) {
            lines.push_back(Line{});
            cur = &lines.back();
            cur->page = r.page;
            cur->baseline = r.baseline;
            cur->x = r.x;
            cur->end = r.end();
            cur->top = r.baseline - asc;
            cur->bottom = r.baseline + desc;
            cur->bold = cur->italic = true;
        }
        cur->end = std::max(cur->end, r.end());
        cur->top = std::min(cur->top, r.baseline - asc);
        cur->bottom = std::max(cur->bottom, r.baseline + desc);
        cur->size = std::max(cur->size, r.size);
        cur->text += r.text;
        cur->runs.push_back(i);
        const bool bold = f && f->bold, italic = f && f->italic;
        cur->bold = cur->bold && bold;
        cur->italic = cur->italic && italic;
        cur->any_bold = cur->any_bold || bold;
        cur->any_italic = cur->any_italic || italic;
    }
    return lines;
}

bool inside(const Line& l, const Frame& f) {
    return l.page == f.page && l.x >= f.x - 1 && l.end <= f.x + f.width + 1 && l.baseline >= f.y &&
           l.baseline <= f.y + f.height + 1;
}

bool contains(const std::vector<const Line*>& v, const Line* l) { return std::find(v.begin(), v.end(), l) != v.end(); }

double advance_of(const Line& l) { return kSingle * l.size; }

// The most common left edge of the lines (0.5 pt bins): the text block's left margin,
// robust against a single line pushed into the margin.
double mode_left(const std::vector<const Line*>& lines) {
    std::map<long, int> bins;
    for (const Line* l : lines) ++bins[std::lround(l->x * 2)];
    long best = 0;
    int count = 0;
    for (const auto& [bin, n] : bins) {
        if (n > count) {
            best = bin;
            count = n;
        }
    }
    return count == 0 ? 0 : static_cast<double>(best) / 2;
}

// The horizontal rule nearest below `y` on `page`, within `max_below` points, whose
// centre lies in [x_min, x_max].
const Segment* rule_below(const PdfContent& pdf, int page, double y, double max_below, double x_min, double x_max) {
    const Segment* best = nullptr;
    for (const auto& s : pdf.segments) {
        if (s.page != page || !s.horizontal() || s.y1 <= y || s.y1 - y > max_below) continue;
        const double c = (s.left() + s.right()) / 2;
        if (c < x_min || c > x_max) continue;
        if (!best || s.y1 < best->y1) best = &s;
    }
    return best;
}

// Vertical extents of tables (the only content with vertical rules), per page.
struct Band {
    int page;
    double top, bottom;
};
std::vector<Band> table_bands(const PdfContent& pdf) {
    std::vector<Band> bands;
    for (const auto& s : pdf.segments) {
        if (std::fabs(s.x1 - s.x2) > 0.05 || std::fabs(s.y1 - s.y2) < 3) continue;
        const double top = std::min(s.y1, s.y2), bottom = std::max(s.y1, s.y2);
        bool merged = false;
        for (auto& b : bands) {
            if (b.page == s.page && top <= b.bottom + 1 && bottom >= b.top - 1) {
                b.top = std::min(b.top, top);
                b.bottom = std::max(b.bottom, bottom);
                merged = true;
                break;
            }
        }
        if (!merged) bands.push_back({s.page, top, bottom});
    }
    return bands;
}

class Analyser {
public:
    explicit Analyser(const PdfContent& pdf) : pdf_(pdf) {}

    Analysis run() {
        a_.lines = group_lines(pdf_);
        classify_margin_lines();
        header();
        text_block_left();
        const std::size_t after_header = first_after(a_.header_bottom);
        std::size_t next = kind_block(after_header);
        next = recipients(next);
        body_and_closing(next);
        return std::move(a_);
    }

private:
    std::vector<const Line*> content(int page) const {
        std::vector<const Line*> out;
        for (const auto& l : a_.lines) {
            if (l.page == page && !contains(a_.page_numbers, &l) && !contains(a_.stamps, &l)) out.push_back(&l);
        }
        return out;
    }

    void classify_margin_lines() {
        for (const auto& l : a_.lines) {
            // R1.6: a bare number above the text block is a page number; R8.7: the small
            // digital-copy stamp at the top right of page 1.
            if (l.baseline < mm(25) && digits_only(l.text)) a_.page_numbers.push_back(&l);
            else if (l.page == 0 && l.baseline < mm(25) && l.size <= 10.5 && l.x > pdf_.pages[0].width / 2) a_.stamps.push_back(&l);
            for (const auto& f : pdf_.frames) {
                if (inside(l, f)) {
                    a_.marks.push_back(&l);
                    break;
                }
            }
        }
        // Appendices start on a new page with "Phụ lục" (R8.1).
        for (int p = 1; p < static_cast<int>(pdf_.pages.size()); ++p) {
            const auto c = content(p);
            if (!c.empty() && (starts(c.front()->text, "Phụ lục") || starts(c.front()->text, "PHỤ LỤC"))) {
                a_.appendix_pages.push_back(p);
            }
        }
    }

    void header() {
        const auto p1 = content(0);
        const double page_centre = pdf_.pages[0].width / 2;
        for (const Line* l : p1) {
            const std::string t = collapse_spaces(l->text);
            if (!a_.national && (starts(t, "CỘNG HÒA") || starts(t, "CỘNG HOÀ"))) a_.national = l;
            if (!a_.motto && (t.find("Độc lập") != std::string::npos || t.find("ĐỘC LẬP") != std::string::npos)) a_.motto = l;
            if (l->baseline > mm(110)) continue;  // the header is in the top third of page 1
            if (!a_.number && (starts(t, "Số:") || starts(t, "Số ")) && l->centre() < page_centre) a_.number = l;
            if (!a_.date && l->centre() > page_centre && (t.find(" ngày") != std::string::npos || starts(t, "ngày"))) {
                a_.date = l;
            }
        }
        if (a_.motto) {
            a_.motto_rule = rule_below(pdf_, 0, a_.motto->baseline, mm(6), a_.motto->x - mm(5), a_.motto->end + mm(5));
        }
        // The right column starts where its lines start; everything left of it is ô 2/3.
        double right_col = page_centre;
        for (const Line* l : {a_.national, a_.motto, a_.date}) {
            if (l) right_col = std::min(right_col, l->x);
        }
        right_col -= 1;
        const double left_limit = a_.number ? a_.number->baseline - 1 : (a_.date ? a_.date->baseline - 1 : mm(80));
        for (const Line* l : p1) {
            if (l->baseline < left_limit && l->end <= right_col + 1 && !contains(a_.marks, l)) a_.issuer.push_back(l);
        }
        // Ô 2: the trailing bold lines are the issuing body; regular lines above them the
        // parent body (R3.3). Without bold lines, all are taken as the issuing body.
        std::size_t first_bold = a_.issuer.size();
        while (first_bold > 0 && a_.issuer[first_bold - 1]->bold) --first_bold;
        if (first_bold < a_.issuer.size()) {
            a_.parent.assign(a_.issuer.begin(), a_.issuer.begin() + static_cast<long>(first_bold));
            a_.issuer.erase(a_.issuer.begin(), a_.issuer.begin() + static_cast<long>(first_bold));
        }
        if (!a_.issuer.empty()) {
            const double limit = a_.number ? a_.number->top - a_.issuer.back()->baseline : mm(10);
            a_.issuer_rule = rule_below(pdf_, 0, a_.issuer.back()->baseline, limit, 0, right_col);
        }
        // Ô 5b: "V/v …" under Số, wrapped lines of the same size under it (R3.7).
        if (a_.number) {
            for (const Line* l : p1) {
                if (l->baseline <= a_.number->baseline + 1 || l->end > right_col + 1 || contains(a_.marks, l)) continue;
                if (a_.subject.empty()) {
                    if (!starts(l->text, "V/v")) break;
                    if (l->baseline - a_.number->baseline > 3 * advance_of(*a_.number)) break;
                    a_.subject.push_back(l);
                } else {
                    const Line* prev = a_.subject.back();
                    if (std::fabs(l->size - prev->size) > 0.1 || l->baseline - prev->baseline > 1.3 * advance_of(*prev)) break;
                    a_.subject.push_back(l);
                }
            }
        }
        a_.letter = !a_.subject.empty();
        // The header table ends under its lowest line, rule or frame.
        double bottom = 0;
        for (const Line* l : p1) {
            if (l->baseline > mm(110)) continue;
            if (l == a_.national || l == a_.motto || l == a_.number || l == a_.date || contains(a_.issuer, l) ||
                contains(a_.parent, l) || contains(a_.subject, l) || contains(a_.marks, l)) {
                bottom = std::max(bottom, l->bottom);
            }
        }
        for (const auto& f : pdf_.frames) {
            if (f.page == 0 && f.y < mm(110)) bottom = std::max(bottom, f.y + f.height);
        }
        for (const Segment* s : {a_.motto_rule, a_.issuer_rule}) {
            if (s) bottom = std::max(bottom, s->y1);
        }
        a_.header_bottom = bottom;
    }

    // Index of the first line of page 1 below `y`.
    std::size_t first_after(double y) const {
        for (std::size_t i = 0; i < a_.lines.size(); ++i) {
            if (a_.lines[i].page > 0 || a_.lines[i].top > y) return i;
        }
        return a_.lines.size();
    }

    bool skipped(const Line& l) const {
        return contains(a_.page_numbers, &l) || contains(a_.stamps, &l) || contains(a_.marks, &l);
    }

    void text_block_left() {
        std::vector<const Line*> candidates;
        for (const auto& l : a_.lines) {
            if (!skipped(l) && (l.page > 0 || l.top > a_.header_bottom)) candidates.push_back(&l);
        }
        a_.text_left = mode_left(candidates);
    }

    // Ô 5a: the tên loại and trích yếu of a document that has a type name: bold lines
    // centred on the text block right under the header (R3.6).
    std::size_t kind_block(std::size_t i) {
        if (a_.letter) return i;
        const double page_centre = pdf_.pages[0].width / 2;
        double centre = page_centre;
        if (a_.national && a_.number) centre = (a_.text_left + a_.national->end) / 2;
        // The block ends at the short rule under it (R3.6): bold centred lines below that
        // rule — a quyết định's thẩm quyền ban hành, "QUYẾT ĐỊNH:" — are the body's.
        for (; i < a_.lines.size() && a_.lines[i].page == 0; ++i) {
            const Line& l = a_.lines[i];
            if (skipped(l)) continue;
            if (!l.bold || std::fabs(l.centre() - centre) > mm(5)) break;
            if (a_.kind_subject.empty() && !has_lower(l.text)) a_.kind.push_back(&l);
            else a_.kind_subject.push_back(&l);
            std::size_t next = i + 1;
            while (next < a_.lines.size() && skipped(a_.lines[next])) ++next;
            const bool next_here = next < a_.lines.size() && a_.lines[next].page == 0;
            const double room = next_here ? std::min(mm(8), a_.lines[next].top - l.baseline) : mm(8);
            a_.kind_rule = rule_below(pdf_, 0, l.baseline, room, centre - mm(10), centre + mm(10));
            if (a_.kind_rule) {
                ++i;
                break;
            }
        }
        return i;
    }

    // Ô 9a: "Kính gửi" and its dash lines (R4).
    std::size_t recipients(std::size_t i) {
        std::size_t k = i;
        while (k < a_.lines.size() && a_.lines[k].page == 0 && skipped(a_.lines[k])) ++k;
        if (k >= a_.lines.size() || a_.lines[k].page != 0 || !starts(a_.lines[k].text, "Kính gửi")) return i;
        const Line* label = &a_.lines[k];
        a_.recipients.push_back(label);
        for (++k; k < a_.lines.size(); ++k) {
            const Line& l = a_.lines[k];
            if (skipped(l)) continue;
            const Line& prev = *a_.recipients.back();
            if (l.page != 0 || l.baseline - prev.baseline > advance_of(prev) + 1 || l.x <= label->x + 1) break;
            a_.recipients.push_back(&l);
        }
        return k;
    }

    bool signature_like(const Line& l) const {
        const double width = a_.text_right > a_.text_left ? a_.text_right - a_.text_left : mm(165);
        // Centred in the right half: a bold upper-case line centred on the whole text
        // block ("QUYẾT ĐỊNH:") is the body's.
        return l.bold && has_upper(l.text) && !has_lower(l.text) && l.x >= a_.text_left + 0.25 * width &&
               l.centre() >= a_.text_left + 0.55 * width;
    }

    void body_and_closing(std::size_t i) {
        const auto bands = table_bands(pdf_);
        const auto in_table = [&](const Line& l) {
            return std::any_of(bands.begin(), bands.end(), [&](const Band& b) {
                return b.page == l.page && l.baseline >= b.top && l.baseline <= b.bottom;
            });
        };
        const int appendix = a_.appendix_pages.empty() ? static_cast<int>(pdf_.pages.size()) : a_.appendix_pages.front();
        // Body lines run up to the first "Nơi nhận" or signature line.
        std::size_t closing = a_.lines.size();
        for (std::size_t k = i; k < a_.lines.size(); ++k) {
            const Line& l = a_.lines[k];
            if (l.page >= appendix) {
                closing = k;
                break;
            }
            if (skipped(l) || in_table(l)) continue;
            if (starts(l.text, "Nơi nhận") || signature_like(l)) {
                closing = k;
                // A signature line shares its baseline with lines left of it (joint blocks).
                while (closing > i && a_.lines[closing - 1].page == l.page &&
                       std::fabs(a_.lines[closing - 1].baseline - l.baseline) <= 0.5) {
                    --closing;
                }
                while (!a_.body.empty() && a_.body.back() >= &a_.lines[closing]) a_.body.pop_back();
                break;
            }
            a_.body.push_back(&l);
        }
        measure_right();
        const Line* title = nullptr;
        std::vector<const Line*> sig;
        for (std::size_t k = closing; k < a_.lines.size(); ++k) {
            const Line& l = a_.lines[k];
            if (l.page >= appendix) break;
            if (skipped(l)) continue;
            if (!title && starts(l.text, "Nơi nhận")) {
                title = &l;
                a_.distribution.push_back(&l);
                continue;
            }
            // Items are flush left under "Nơi nhận:"; wrapped ones hang by "- ".
            if (title && l.page == title->page && l.baseline > title->baseline && l.x - title->x >= -1 &&
                l.x - title->x <= 8) {
                a_.distribution.push_back(&l);
                continue;
            }
            sig.push_back(&l);
        }
        signature_blocks(sig);
    }

    // The right edge of the text block: where most lines that are followed by a
    // continuation line (justified, R5.1) end.
    void measure_right() {
        std::vector<double> ends;
        for (std::size_t k = 0; k + 1 < a_.body.size(); ++k) {
            const Line* l = a_.body[k];
            const Line* n = a_.body[k + 1];
            if (std::fabs(n->x - a_.text_left) <= 0.5 && std::fabs(l->size - n->size) < 0.1) ends.push_back(l->end);
        }
        if (ends.empty()) {
            for (const Line* l : a_.body) a_.text_right = std::max(a_.text_right, l->end);
            return;
        }
        std::sort(ends.begin(), ends.end());
        a_.text_right = ends[ends.size() / 2];
    }

    // Signature lines grouped by the column they are centred in (ô 7), each block
    // split at its signature space into titles and name.
    void signature_blocks(const std::vector<const Line*>& lines) {
        for (const Line* l : lines) {
            auto it = std::find_if(a_.signatures.begin(), a_.signatures.end(), [&](const auto& block) {
                return block.front()->page == l->page && std::fabs(block.front()->centre() - l->centre()) <= mm(4);
            });
            if (it == a_.signatures.end()) a_.signatures.push_back({l});
            else it->push_back(l);
        }
        for (const auto& block : a_.signatures) {
            std::size_t split = block.size();
            double widest = 0;
            for (std::size_t k = 1; k < block.size(); ++k) {
                const double gap = block[k]->baseline - block[k - 1]->baseline;
                if (gap > 2.5 * advance_of(*block[k - 1]) && gap > widest) {
                    widest = gap;
                    split = k;
                }
            }
            a_.signature_split.push_back(split);
        }
    }

    const PdfContent& pdf_;
    Analysis a_;
};

}  // namespace

std::string mm_text(double pt, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f mm", decimals, to_mm(pt));
    return buf;
}

std::string pt_text(double pt, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f pt", decimals, pt);
    return buf;
}

bool has_lower(const std::string& s) {
    const std::u32string u = text::to_u32(s);
    return std::any_of(u.begin(), u.end(), [](char32_t c) { return u_islower(static_cast<UChar32>(c)) != 0; });
}

bool has_upper(const std::string& s) {
    const std::u32string u = text::to_u32(s);
    return std::any_of(u.begin(), u.end(), [](char32_t c) { return u_isupper(static_cast<UChar32>(c)) != 0; });
}

std::string collapse_spaces(const std::string& s) {
    std::string out;
    for (const char c : s) {
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

Analysis analyse(const PdfContent& pdf) { return Analyser(pdf).run(); }

}  // namespace vanban::check
