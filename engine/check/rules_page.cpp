// §1: page size (R1.1, R1.2), margins (R1.3), fonts (R1.4), colour (R1.5), page
// numbers (R1.6, R1.7).
#include "check/rules.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace vanban::check {

namespace {

constexpr double kA4W = 595.276, kA4H = 841.890;

bool near(double a, double b, double tol) { return std::fabs(a - b) <= tol; }

bool is_appendix_start(const Analysis& a, int page) {
    return std::find(a.appendix_pages.begin(), a.appendix_pages.end(), page) != a.appendix_pages.end();
}

void page_size(const PdfContent& pdf, const Analysis& a, Findings& out) {
    bool all_a4 = true;
    for (std::size_t p = 0; p < pdf.pages.size(); ++p) {
        const PageBox& b = pdf.pages[p];
        const bool portrait = near(b.width, kA4W, 1) && near(b.height, kA4H, 1);
        const bool landscape = near(b.width, kA4H, 1) && near(b.height, kA4W, 1);
        const std::string where = "page " + std::to_string(p + 1) + " is " + mm_text(b.width) + " × " + mm_text(b.height);
        if (!portrait && !landscape) {
            out.fail("R1.1", where + ", not A4 210 × 297 mm");
            all_a4 = false;
        } else if (landscape) {
            // R1.2: landscape only for a page of tables or charts; the engine makes
            // landscape pages only for appendices.
            const bool in_appendix = !a.appendix_pages.empty() && static_cast<int>(p) >= a.appendix_pages.front();
            out.check(in_appendix, "R1.2", where + " (landscape)" + (in_appendix ? " in an appendix" : " outside an appendix"),
                      true);
        }
    }
    if (all_a4) {
        out.pass("R1.1", "A4 210.0 × 297.0 mm, " + std::to_string(pdf.pages.size()) + " page(s)");
    }
}

// R1.3: no ink outside the largest text block the margin ranges allow (left ≥ 30,
// right ≥ 15, top ≥ 20, bottom ≥ 20 mm, ±0.5 mm), except page numbers and the ô 14
// stamp; then the margins the text block actually has, each inside its range.
void margins(const PdfContent& pdf, const Analysis& a, Findings& out) {
    const double tol = mm(0.5);
    int outside = 0;
    const auto report = [&](int page, const std::string& what, double x1, double y1, double x2, double y2) {
        const PageBox& b = pdf.pages[static_cast<std::size_t>(page)];
        const double l = mm(30), r = b.width - mm(15), t = mm(20), bo = b.height - mm(20);
        if (x1 >= l - tol && x2 <= r + tol && y1 >= t - tol && y2 <= bo + tol) return;
        if (++outside > 5) return;
        out.fail("R1.3", "page " + std::to_string(page + 1) + ": " + what + " spans x " + mm_text(x1) + "–" +
                             mm_text(x2) + ", y " + mm_text(y1) + "–" + mm_text(y2) + ", outside the text block " +
                             mm_text(l) + "–" + mm_text(r) + " × " + mm_text(t) + "–" + mm_text(bo));
    };
    for (const auto& l : a.lines) {
        if (std::find(a.page_numbers.begin(), a.page_numbers.end(), &l) != a.page_numbers.end()) continue;
        if (std::find(a.stamps.begin(), a.stamps.end(), &l) != a.stamps.end()) continue;
        report(l.page, "text " + quote_text(l.text), l.x, l.top, l.end, l.bottom);
    }
    for (const auto& s : pdf.segments) {
        const double h = s.width / 2;
        const bool horiz = s.horizontal();
        report(s.page, "a rule", s.left() - (horiz ? 0 : h), std::min(s.y1, s.y2) - (horiz ? h : 0),
               s.right() + (horiz ? 0 : h), std::max(s.y1, s.y2) + (horiz ? h : 0));
    }
    for (const auto& f : pdf.frames) {
        const double h = f.line_width / 2;
        report(f.page, "a frame", f.x - h, f.y - h, f.x + f.width + h, f.y + f.height + h);
    }
    if (outside > 5) out.fail("R1.3", std::to_string(outside - 5) + " more item(s) outside the text block");
    if (outside == 0) out.pass("R1.3", "all ink inside the text block 30–195 × 20–277 mm (page numbers aside)");

    // The text block's own edges, measured.
    double top = 1e9;
    for (const auto& l : a.lines) {
        if (std::find(a.page_numbers.begin(), a.page_numbers.end(), &l) != a.page_numbers.end()) continue;
        if (std::find(a.stamps.begin(), a.stamps.end(), &l) != a.stamps.end()) continue;
        top = std::min(top, l.top);
    }
    const double w = pdf.pages.front().width;
    std::string msg = "margins: left " + mm_text(a.text_left);
    bool ok = a.text_left >= mm(30) - tol && a.text_left <= mm(35) + tol;
    if (a.text_right > 0) {
        msg += ", right " + mm_text(w - a.text_right);
        ok = ok && w - a.text_right >= mm(15) - tol && w - a.text_right <= mm(20) + tol;
    }
    if (top < 1e9) {
        msg += ", top " + mm_text(top);
        ok = ok && top >= mm(20) - tol && top <= mm(25) + tol;
    }
    out.check(ok, "R1.3", msg + " (ranges: left 30–35, right 15–20, top 20–25 mm)");
}

// R1.4: every font embedded, and Times New Roman or Liberation Serif.
void fonts(const PdfContent& pdf, Findings& out) {
    if (pdf.fonts.empty()) {
        out.fail("R1.4", "no fonts");
        return;
    }
    bool ok = true;
    std::set<std::string> names;
    for (const auto& f : pdf.fonts) {
        names.insert(f.base_font);
        if (!f.embedded) {
            out.fail("R1.4", "font " + f.base_font + " is not embedded");
            ok = false;
        }
        if (f.family != "Times New Roman" && f.family != "Liberation Serif") {
            out.fail("R1.4", "font " + f.base_font + " is " + f.family + ", not Times New Roman or Liberation Serif");
            ok = false;
        }
        if (!f.has_to_unicode) out.warn("R1.4", "font " + f.base_font + " has no ToUnicode: its text cannot be read back");
    }
    if (ok) {
        std::string list;
        for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
        out.pass("R1.4", std::to_string(pdf.fonts.size()) + " font(s), all embedded: " + list);
    }
}

// R1.5: black text and rules; red only for the framed urgency / confidentiality marks.
void colours(const PdfContent& pdf, const Analysis& a, Findings& out) {
    int red_marks = 0, bad = 0;
    for (const auto& l : a.lines) {
        const bool mark = std::find(a.marks.begin(), a.marks.end(), &l) != a.marks.end();
        for (const int i : l.runs) {
            const Rgb& c = pdf.texts[static_cast<std::size_t>(i)].color;
            if (c.black()) continue;
            if (mark && c.red()) {
                ++red_marks;
                continue;
            }
            if (++bad <= 5) {
                out.fail("R1.5", "page " + std::to_string(l.page + 1) + ": text " + quote_text(l.text) + " is coloured (" + num(c.r, 2) +
                                     ", " + num(c.g, 2) + ", " + num(c.b, 2) + ")");
            }
        }
    }
    for (const auto& s : pdf.segments) {
        if (!s.color.black() && ++bad <= 5) out.fail("R1.5", "page " + std::to_string(s.page + 1) + ": a rule is not black");
    }
    for (const auto& f : pdf.frames) {
        if (f.color.black()) continue;
        const bool holds_mark = std::any_of(a.marks.begin(), a.marks.end(), [&](const Line* l) {
            return l->page == f.page && l->x >= f.x && l->end <= f.x + f.width;
        });
        if (!(holds_mark && f.color.red()) && ++bad <= 5) {
            out.fail("R1.5", "page " + std::to_string(f.page + 1) + ": a frame is coloured but holds no urgency mark");
        }
    }
    if (bad == 0) {
        out.pass("R1.5", "all text and rules black" +
                             (red_marks > 0 ? std::string(", urgency/confidentiality marks red") : std::string()));
    }
}

// R1.6 / R1.7: none on page 1 (nor on an appendix's first page); 2, 3, … on the
// others, centred on the text block (±2 mm) in the top margin, 13–14 pt upright.
void page_numbers(const PdfContent& pdf, const Analysis& a, Findings& out) {
    bool ok = true;
    const double right = a.text_right > 0 ? a.text_right : pdf.pages.front().width - mm(15);
    const double centre = (a.text_left + right) / 2;
    int expected = 1;
    for (int p = 0; p < static_cast<int>(pdf.pages.size()); ++p) {
        std::vector<const Line*> here;
        for (const Line* l : a.page_numbers) {
            if (l->page == p) here.push_back(l);
        }
        const bool first = p == 0 || is_appendix_start(a, p);
        if (first) expected = 1;
        const std::string page = "page " + std::to_string(p + 1);
        if (first) {
            if (!here.empty()) {
                out.fail(p == 0 ? "R1.6" : "R1.7", page + " shows page number " + quote_text(here.front()->text) +
                                                       (p == 0 ? "; page 1 has none" : "; an appendix's first page has none"));
                ok = false;
            }
        } else if (here.size() != 1) {
            out.fail("R1.6", page + (here.empty() ? " has no page number in the top margin" : " has several page numbers"));
            ok = false;
        } else {
            const Line& n = *here.front();
            const std::string shown = collapse_spaces(n.text);
            if (shown != std::to_string(expected)) {
                out.fail("R1.6", page + " is numbered " + shown + ", expected " + std::to_string(expected));
                ok = false;
            }
            if (std::fabs(n.centre() - centre) > mm(2)) {
                out.fail("R1.6", page + ": number centred at " + mm_text(n.centre()) + ", text block centre " +
                                     mm_text(centre) + " (±2 mm)");
                ok = false;
            }
            if (n.bottom > mm(20) + mm(0.5)) {
                out.fail("R1.6", page + ": number reaches " + mm_text(n.bottom) + ", below the top margin");
                ok = false;
            }
            if (!size_in(n.size, 13, 14) || n.any_bold || n.any_italic) {
                out.fail("R1.6", page + ": number is " + size_text(n.size) + (n.any_bold ? " bold" : "") +
                                     (n.any_italic ? " italic" : "") + "; 13–14 pt upright");
                ok = false;
            }
        }
        ++expected;
    }
    if (ok) {
        out.pass("R1.6", pdf.pages.size() == 1 ? "one page, no page number"
                                               : "no number on page 1; pages 2–" + std::to_string(pdf.pages.size()) +
                                                     " numbered in order, centred in the top margin");
    }
}

}  // namespace

// TEXT-INK: the text a page shows must draw. A damaged embedded font keeps its widths
// and ToUnicode map — pdftotext still reads the words — while the glyphs print nothing.
void text_ink(const PdfContent& pdf, Findings& out) {
    std::vector<int> inked(pdf.pages.size()), blank(pdf.pages.size());
    for (const auto& t : pdf.texts) {
        if (t.page < 0 || static_cast<std::size_t>(t.page) >= pdf.pages.size()) continue;
        inked[static_cast<std::size_t>(t.page)] += t.inked;
        blank[static_cast<std::size_t>(t.page)] += t.blank;
    }
    bool all = true;
    for (std::size_t p = 0; p < pdf.pages.size(); ++p) {
        if (blank[p] == 0) continue;
        all = false;
        out.fail("TEXT-INK", "page " + std::to_string(p + 1) + ": " + std::to_string(blank[p]) + " of " +
                                 std::to_string(inked[p]) + " characters draw nothing (their glyphs in the embedded " +
                                 "font have no outline: a damaged font)" + (blank[p] == inked[p] ? "; the page's text is blank" : ""));
    }
    if (all) out.pass("TEXT-INK", "every character shown has an outline in its embedded font");
}

void check_page(const PdfContent& pdf, const Analysis& a, Findings& out) {
    page_size(pdf, a, out);
    text_ink(pdf, out);
    margins(pdf, a, out);
    fonts(pdf, out);
    colours(pdf, a, out);
    page_numbers(pdf, a, out);
}

}  // namespace vanban::check
