// §4 "Kính gửi" (R4) and §5 the body: size, justification, first-line indent, line and
// paragraph spacing (R5.1), the closing "./." (R5.5).
#include "check/rules.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace vanban::check {

namespace {

constexpr double kSingle = 1.149;  // single line spacing, em (format rules §0)

// Lines of the recipients block grouped into "- …" items (a wrapped item continues
// on lines that do not start with the dash).
std::vector<std::vector<const Line*>> items_of(const std::vector<const Line*>& lines, std::size_t from) {
    std::vector<std::vector<const Line*>> items;
    for (std::size_t i = from; i < lines.size(); ++i) {
        if (lines[i]->text.starts_with("- ") || items.empty()) items.push_back({lines[i]});
        else items.back().push_back(lines[i]);
    }
    return items;
}

std::string trimmed(const std::string& s) { return collapse_spaces(s); }

void recipients(const Analysis& a, Findings& out) {
    if (a.recipients.empty()) {
        if (a.letter) out.fail("R4", "a công văn without 'Kính gửi:'");
        else out.skip("R4", "no 'Kính gửi' (not every document type has one)");
        return;
    }
    bool style_ok = true;
    for (const Line* l : a.recipients) style_ok = style_ok && !l->any_bold && size_in(l->size, 13, 14);
    out.check(style_ok, "R4", "Kính gửi " + size_text(a.recipients.front()->size) +
                                  (style_ok ? ", not bold" : "; expected 13–14 pt, not bold"));
    const Line& label = *a.recipients.front();
    const std::string first = trimmed(label.text);
    if (!first.starts_with("Kính gửi:")) {
        out.fail("R4", "'Kính gửi' is not followed by a colon: " + quote_text(first));
        return;
    }
    if (first != "Kính gửi:") {
        // One recipient inline: "Kính gửi: Bộ Nội vụ." (wrapped lines hang under it).
        const std::string last = trimmed(a.recipients.back()->text);
        out.check(last.ends_with("."), "R4", "single recipient " + quote_text(first) + (last.ends_with(".") ? " ends with '.'" : " does not end with '.'"));
        return;
    }
    const auto items = items_of(a.recipients, 1);
    if (items.empty()) {
        out.fail("R4", "'Kính gửi:' stands alone but no '- …' recipient lines follow");
        return;
    }
    if (items.size() == 1) out.warn("R4", "a dash list for a single recipient; write it inline after 'Kính gửi:'");
    bool punct = true, dashes = true;
    const double dash_x = items.front().front()->x;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string head = trimmed(items[i].front()->text);
        const std::string tail = trimmed(items[i].back()->text);
        const bool last = i + 1 == items.size();
        if (!head.starts_with("- ")) {
            out.fail("R4", "recipient " + quote_text(head) + " does not start with '- '");
            punct = false;
        } else if (!tail.ends_with(last ? "." : ";")) {
            out.fail("R4", "recipient " + quote_text(tail) + (last ? " (the last) does not end with '.'" : " does not end with ';'"));
            punct = false;
        }
        if (std::fabs(items[i].front()->x - dash_x) > mm(0.5)) {
            out.fail("R4", "dash of " + quote_text(head) + " at " + mm_text(items[i].front()->x) + ", first dash at " +
                               mm_text(dash_x) + " (aligned ±0.5 mm)");
            dashes = false;
        }
    }
    if (punct) out.pass("R4", std::to_string(items.size()) + " recipients as '- …;' lines, the last ending with '.'");
    if (dashes) {
        out.check(dash_x > label.x, "R4",
                  "dashes aligned at " + mm_text(dash_x) + ", right of 'Kính gửi:' at " + mm_text(label.x));
    }
}

struct Paragraph {
    std::vector<const Line*> lines;
    bool heading = true;  // every line bold: an R5.4 heading, left-aligned, not justified
};

// Body lines → paragraphs: a line indented from the text block's left edge starts a
// paragraph; a line at the edge continues the one above (also across a page break).
std::vector<Paragraph> paragraphs(const Analysis& a) {
    std::vector<Paragraph> out;
    const double tol = 0.5;
    const Line* prev = nullptr;
    for (const Line* l : a.body) {
        if (l->x < a.text_left - tol) continue;  // pushed into the margin: R1.3 reports it
        const bool at_edge = l->x <= a.text_left + tol;
        const bool follows = prev && (l->page != prev->page ||
                                      l->baseline - prev->baseline <= 1.5 * kSingle * prev->size * 1.02 + 0.5);
        if (!at_edge || !follows || out.empty()) out.push_back({});
        out.back().lines.push_back(l);
        out.back().heading = out.back().heading && l->bold;
        prev = l;
    }
    return out;
}

void body(const Analysis& a, Findings& out) {
    if (a.body.empty()) {
        out.fail("R5.1", "no body text found between the header and the signature");
        return;
    }
    const auto paras = paragraphs(a);
    int bad = 0;
    const auto fail = [&](const std::string& msg) {
        if (++bad <= 8) out.fail("R5.1", msg);
    };
    const auto where = [](const Line& l) { return "page " + std::to_string(l.page + 1) + " " + quote_text(l.text); };

    // Size 13–14 pt.
    std::map<long, int> sizes;
    for (const Line* l : a.body) {
        ++sizes[std::lround(l->size * 10)];
        if (!size_in(l->size, 13, 14)) fail("body line " + where(*l) + " is " + size_text(l->size) + " (13–14 pt)");
    }
    // First-line indent 10 or 12.7 mm (±0.3).
    std::map<long, int> indents;
    for (const auto& p : paras) {
        const Line& f = *p.lines.front();
        const double indent = f.x - a.text_left;
        if (p.heading && indent < mm(0.3)) continue;  // R5.4 [UNSURE]: a heading may be flush left
        // Bold lines centred on the text block: a quyết định's thẩm quyền ban hành and
        // "QUYẾT ĐỊNH:" (NĐ30 mẫu 1.4), or a Chương title; no first-line indent.
        const double mid = (a.text_left + a.text_right) / 2;
        if (p.heading && std::all_of(p.lines.begin(), p.lines.end(),
                                     [&](const Line* l) { return std::fabs(l->centre() - mid) <= mm(1.5); })) {
            continue;
        }
        ++indents[std::lround(to_mm(indent) * 10)];
        if (std::fabs(indent - mm(10)) > mm(0.3) && std::fabs(indent - mm(12.7)) > mm(0.3)) {
            fail("first-line indent " + mm_text(indent) + " at " + where(f) + " (10 or 12.7 mm ±0.3)");
        }
    }
    // Justified: every line but the last of a paragraph ends at the right edge.
    for (const auto& p : paras) {
        if (p.heading) continue;
        for (std::size_t i = 0; i + 1 < p.lines.size(); ++i) {
            const Line& l = *p.lines[i];
            if (std::fabs(l.end - a.text_right) > mm(0.5)) {
                fail("line " + where(l) + " ends at " + mm_text(l.end) + ", not at the right edge " +
                     mm_text(a.text_right) + " (justified, ±0.5 mm)");
            }
        }
    }
    // Line advance single to 1.5 (±2 %); the gap between paragraphs ≥ 6 pt (−0.2).
    std::vector<double> advances;
    for (const auto& p : paras) {
        for (std::size_t i = 1; i < p.lines.size(); ++i) {
            const Line &u = *p.lines[i - 1], &l = *p.lines[i];
            if (l.page != u.page) continue;
            const double ratio = (l.baseline - u.baseline) / (kSingle * u.size);
            advances.push_back(l.baseline - u.baseline);
            if (ratio < 0.98 || ratio > 1.53) {
                fail("line spacing " + num(ratio, 2) + " × single at " + where(l) + " (1.0–1.5)");
            }
        }
    }
    double advance = 0;
    if (!advances.empty()) {
        std::sort(advances.begin(), advances.end());
        advance = advances[advances.size() / 2];
    }
    double smallest_gap = 1e9;
    for (std::size_t k = 1; k < paras.size(); ++k) {
        const Line& u = *paras[k - 1].lines.back();
        const Line& l = *paras[k].lines.front();
        if (l.page != u.page) continue;
        const double adv = advance > 0 ? advance : kSingle * u.size;
        const double gap = l.baseline - u.baseline - adv;
        smallest_gap = std::min(smallest_gap, gap);
        if (gap < 6 - 0.2) fail("paragraph gap " + pt_text(gap) + " before " + where(l) + " (≥ 6 pt)");
    }
    if (bad > 8) out.fail("R5.1", std::to_string(bad - 8) + " more body problem(s)");
    if (bad == 0) {
        long size = 0;
        int most = 0;
        for (const auto& [s, n] : sizes) {
            if (n > most) {
                size = s;
                most = n;
            }
        }
        std::string msg = "body " + size_text(static_cast<double>(size) / 10) + ", " + std::to_string(paras.size()) +
                          " paragraph(s), justified to " + mm_text(a.text_right);
        if (!indents.empty()) msg += ", indent " + num(static_cast<double>(indents.begin()->first) / 10) + " mm";
        if (smallest_gap < 1e9) msg += ", paragraph gaps ≥ " + pt_text(smallest_gap);
        out.pass("R5.1", msg);
    }
    if (indents.size() > 1) out.warn("R5.1", "more than one first-line indent in the body; choose one (§0)");
}

void end_mark(const Analysis& a, Findings& out) {
    if (a.body.empty()) return;
    const std::string last = trimmed(a.body.back()->text);
    out.check(last.ends_with("./."), "R5.5",
              last.ends_with("./.") ? "the body ends with './.'" : "the body does not end with './.': " + quote_text(last), true);
}

}  // namespace

void check_body(const PdfContent&, const Analysis& a, Findings& out) {
    recipients(a, out);
    body(a, out);
    end_mark(a, out);
}

}  // namespace vanban::check
