// §3: the header — Quốc hiệu (R3.1), Tiêu ngữ and its rule (R3.2), the issuing body and
// its rule (R3.3), Số (R3.4), the date (R3.5), tên loại (R3.6) and V/v (R3.7).
#include "check/rules.h"

#include <algorithm>
#include <cmath>

namespace vanban::check {

namespace {

constexpr double kAscent = 0.891, kSingle = 1.149;  // Times New Roman / Liberation Serif, em

std::string style_of(const Line& l) {
    std::string s = size_text(l.size);
    if (l.bold) s += " bold";
    else if (l.any_bold) s += " partly bold";
    if (l.italic) s += " italic";
    else if (l.any_italic) s += " partly italic";
    return s;
}

double widest(const std::vector<const Line*>& lines) {
    double w = 0;
    for (const Line* l : lines) w = std::max(w, l->width());
    return w;
}

const Line* widest_line(const std::vector<const Line*>& lines) {
    const Line* best = nullptr;
    for (const Line* l : lines) {
        if (!best || l->width() > best->width()) best = l;
    }
    return best;
}

void national(const Analysis& a, Findings& out) {
    const Line* l = a.national;
    if (!l) {
        out.fail("R3.1", "Quốc hiệu 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' not found on page 1");
        return;
    }
    const std::string t = collapse_spaces(l->text);
    // [CONFLICT] in R3.1: "HÒA" is rendered, "HOÀ" accepted.
    const bool text_ok = t == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" || t == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    const bool style_ok = l->bold && !l->any_italic && size_in(l->size, 12, 13);
    out.check(text_ok && style_ok, "R3.1",
              "Quốc hiệu " + quote_text(t) + (text_ok ? " on one line" : " is not the full text on one line") + ", " +
                  style_of(*l) + ", " + mm_text(l->width()) + (style_ok ? "" : "; expected bold upright 12–13 pt"));
}

void motto(const PdfContent& pdf, const Analysis& a, Findings& out) {
    const Line* l = a.motto;
    if (!l) {
        out.fail("R3.2", "Tiêu ngữ 'Độc lập - Tự do - Hạnh phúc' not found on page 1");
        return;
    }
    const std::string t = collapse_spaces(l->text);
    std::string problem;
    if (t.find("\u2013") != std::string::npos || t.find("\u2014") != std::string::npos) {
        problem = "; uses an en/em dash, not ' - ' (U+002D with spaces)";
    } else if (t != "Độc lập - Tự do - Hạnh phúc") {
        problem = "; expected 'Độc lập - Tự do - Hạnh phúc'";
    }
    const bool style_ok = l->bold && !l->any_italic && size_in(l->size, 13, 14);
    out.check(problem.empty() && style_ok, "R3.2",
              "Tiêu ngữ " + quote_text(t) + ", " + style_of(*l) + problem + (style_ok ? "" : "; expected bold upright 13–14 pt"));
    if (a.national) {
        // Size pairing 12/13 or 13/14 [PRACTICE].
        const double d = l->size - a.national->size;
        out.check((d > 0.95 && d < 1.05) || (size_in(a.national->size, 12, 12) && size_in(l->size, 14, 14)), "R3.2",
                  "sizes Quốc hiệu " + size_text(a.national->size) + " / Tiêu ngữ " + size_text(l->size) +
                      " (pairs 12/13, 13/14, 12/14)",
                  true);
        const double dc = l->centre() - a.national->centre();
        out.check(std::fabs(dc) <= mm(1.5), "R3.2",
                  "Tiêu ngữ centred under the Quốc hiệu: centres differ by " + mm_text(std::fabs(dc)) + " (±1.5 mm)");
    }
    const Segment* r = a.motto_rule;
    if (!r) {
        out.fail("R3.2", "no rule 0.5–4 mm under the Tiêu ngữ");
        return;
    }
    const double below = r->y1 - l->baseline;
    const double length = r->length();
    const double dc = (r->left() + r->right()) / 2 - l->centre();
    const bool ok = below >= mm(0.5) - 0.01 && below <= mm(4) + 0.01 && std::fabs(length - l->width()) <= mm(1.5) &&
                    std::fabs(dc) <= mm(1);
    out.check(ok, "R3.2",
              "Tiêu ngữ rule " + mm_text(length) + " = text " + mm_text(l->width()) + " (±1.5 mm), " + mm_text(below) +
                  " below the baseline (0.5–4 mm), centre off by " + mm_text(std::fabs(dc)) + " (±1 mm)");
    (void)pdf;
}

void issuer(const Analysis& a, Findings& out) {
    if (a.issuer.empty()) {
        out.fail("R3.3", "tên cơ quan ban hành (bold upper-case lines above 'Số:') not found");
        return;
    }
    for (const Line* l : a.parent) {
        out.check(!l->any_bold && !has_lower(l->text) && size_in(l->size, 12, 13) && !l->any_italic, "R3.3",
                  "cơ quan chủ quản " + quote_text(l->text) + ", " + style_of(*l) + " (upper-case, not bold, 12–13 pt)");
    }
    for (const Line* l : a.issuer) {
        out.check(l->bold && !has_lower(l->text) && size_in(l->size, 12, 13) && !l->any_italic, "R3.3",
                  "cơ quan ban hành " + quote_text(l->text) + ", " + style_of(*l) + " (upper-case, bold, 12–13 pt)");
    }
    const Line* longest = widest_line(a.issuer);
    if (!a.parent.empty()) {
        const double dc = std::fabs(widest_line(a.parent)->centre() - longest->centre());
        out.check(dc <= mm(1.5), "R3.3", "issuing name centred under the parent: centres differ by " + mm_text(dc));
    }
    const Segment* r = a.issuer_rule;
    if (!r) {
        out.fail("R3.3", "no rule under the issuing name");
        return;
    }
    const double w = longest->width();
    const double ratio = r->length() / w;
    const double dc = std::fabs((r->left() + r->right()) / 2 - longest->centre());
    const bool ok = r->length() >= w / 3 - mm(1) && r->length() <= w / 2 + mm(1) && dc <= mm(1);
    out.check(ok, "R3.3",
              "issuer rule " + mm_text(r->length()) + " = " + num(ratio, 2) + " × longest line " + mm_text(w) +
                  " (1/3–1/2, ±1 mm), centre off by " + mm_text(dc) + " (±1 mm)");
}

double centre_of(const std::vector<const Line*>& lines) {
    const Line* l = widest_line(lines);
    return l ? l->centre() : 0;
}

void number(const Analysis& a, Findings& out) {
    const Line* l = a.number;
    if (!l) {
        out.fail("R3.4", "'Số: …' line not found on page 1");
        return;
    }
    const std::string t = l->text;
    // The Check line of R3.4, with the optional space before "/" of §11.
    const bool form = matches("^Số: (0[1-9]|[1-9][0-9]+|\\s{2,})\\s?/[\\p{L}0-9]+(-[\\p{L}0-9]+)*$", t);
    std::string why;
    if (!form) {
        if (matches("^Số: [1-9]\\s?/.*", t)) why = "; a number below 10 is zero-padded ('05')";
        else if (matches("^Số: .*/.*\\s-\\s.*", t) || matches("^Số: .*/.*\\s.*", t)) why = "; spaces inside the ký hiệu";
        else why = "; expected 'Số: <number>/<ký hiệu>'";
    }
    out.check(form, "R3.4", "Số line " + quote_text(t) + why);
    const bool style_ok = size_in(l->size, 13, 13) && !l->any_bold && !l->any_italic;
    out.check(style_ok, "R3.4", "Số line " + style_of(*l) + " (13 pt upright, not bold)");
    if (!a.issuer.empty()) {
        const double dc = std::fabs(l->centre() - centre_of(a.issuer));
        out.check(dc <= mm(1.5), "R3.4", "Số centred under the issuing name: centres differ by " + mm_text(dc) + " (±1.5 mm)");
    }
}

void date(const Analysis& a, Findings& out) {
    const Line* l = a.date;
    if (!l) {
        out.fail("R3.5", "địa danh and date line ('…, ngày … tháng … năm …') not found on page 1");
        return;
    }
    const std::string t = collapse_spaces(l->text);
    const std::string raw = l->text;
    const bool form = matches("^[\\p{Lu}][^,]*, ngày (0[1-9]|[12][0-9]|3[01]) tháng ([3-9]|1[0-2]|0[12]) năm [0-9]{4}$", raw);
    // R3.5 [PRACTICE]: an undated document leaves the clerk's gaps.
    const bool gaps = matches("^[\\p{Lu}][^,]*, ngày\\s{2,}tháng\\s{2,}năm [0-9]{4}$", raw);
    if (gaps) {
        out.warn("R3.5", "date " + quote_text(t) + " not filled in (the clerk's gaps)");
    } else {
        std::string why;
        if (!form) {
            if (matches(".* tháng 0[3-9] .*", raw)) why = "; months 3–12 are not zero-padded";
            else if (matches(".* ngày [1-9] .*", raw)) why = "; a day below 10 is zero-padded";
            else if (matches(".* tháng [12] .*", raw)) why = "; months 1 and 2 are zero-padded";
            else why = "; expected '<Địa danh>, ngày dd tháng m năm yyyy'";
        }
        out.check(form, "R3.5", "date " + quote_text(t) + why);
    }
    const bool style_ok = l->italic && !l->any_bold && size_in(l->size, 13, 14);
    out.check(style_ok, "R3.5", "date line " + style_of(*l) + " (italic, 13–14 pt)");
    if (a.national) {
        const double dc = std::fabs(l->centre() - a.national->centre());
        out.check(dc <= mm(1.5), "R3.5", "date centred under the Quốc hiệu: centres differ by " + mm_text(dc) + " (±1.5 mm)");
    }
    if (a.number) {
        const double db = std::fabs(l->baseline - a.number->baseline);
        out.check(db <= mm(2), "R3.5", "date and Số baselines differ by " + mm_text(db) + " (≤ 2 mm, same row)");
    }
}

void subject(const PdfContent& pdf, const Analysis& a, Findings& out) {
    if (a.subject.empty()) return;
    bool ok = true;
    for (const Line* l : a.subject) ok = ok && size_in(l->size, 12, 13) && !l->any_bold && !l->any_italic;
    out.check(ok, "R3.7", "V/v " + style_of(*a.subject.front()) + ", " + std::to_string(a.subject.size()) +
                              " line(s) (12–13 pt, upright, neither bold nor italic)");
    if (a.number) {
        // 6 pt between the Số line box and the V/v line box (single spacing).
        const Line& n = *a.number;
        const Line& v = *a.subject.front();
        const double space = (v.baseline - kAscent * v.size) - (n.baseline - kAscent * n.size + kSingle * n.size);
        out.check(std::fabs(space - 6) <= 1.5, "R3.7", "space between Số and V/v " + pt_text(space) + " (6 pt)");
        double worst = 0;
        for (const Line* l : a.subject) worst = std::max(worst, std::fabs(l->centre() - n.centre()));
        out.check(worst <= mm(1.5), "R3.7", "V/v centred under Số: centres differ by up to " + mm_text(worst) + " (±1.5 mm)");
    }
    const Line& last = *a.subject.back();
    const bool ruled = std::any_of(pdf.segments.begin(), pdf.segments.end(), [&](const Segment& s) {
        return s.page == 0 && s.horizontal() && s.y1 > last.baseline && s.y1 - last.baseline <= mm(6) &&
               s.right() > last.x && s.left() < last.end;
    });
    out.check(!ruled, "R3.7", ruled ? "a rule is drawn under V/v; there is none" : "no rule under V/v");
}

void kind(const Analysis& a, Findings& out) {
    if (a.letter) return;
    if (a.kind.empty()) {
        out.fail("R3.6", "neither 'V/v …' under Số nor a tên loại under the header");
        return;
    }
    for (const Line* l : a.kind) {
        out.check(l->bold && !l->any_italic && size_in(l->size, 13, 14), "R3.6",
                  "tên loại " + quote_text(l->text) + ", " + style_of(*l) + " (upper-case bold 13–14 pt)");
    }
    for (const Line* l : a.kind_subject) {
        out.check(l->bold && !l->any_italic && size_in(l->size, 13, 14), "R3.6",
                  "trích yếu " + quote_text(l->text) + ", " + style_of(*l) + " (bold 13–14 pt)");
    }
    const auto& ruled = a.kind_subject.empty() ? a.kind : a.kind_subject;
    const Segment* r = a.kind_rule;
    if (!r) {
        out.fail("R3.6", "no rule under the trích yếu");
        return;
    }
    const double w = widest(ruled);
    const double dc = std::fabs((r->left() + r->right()) / 2 - centre_of(ruled));
    out.check(r->length() >= w / 3 - mm(1) && r->length() <= w / 2 + mm(1) && dc <= mm(1), "R3.6",
              "trích yếu rule " + mm_text(r->length()) + " = " + num(r->length() / w, 2) + " × " + mm_text(w) +
                  " (1/3–1/2), centre off by " + mm_text(dc));
}

}  // namespace

void check_header(const PdfContent& pdf, const Analysis& a, Findings& out) {
    national(a, out);
    motto(pdf, a, out);
    issuer(a, out);
    number(a, out);
    date(a, out);
    kind(a, out);
    subject(pdf, a, out);
}

}  // namespace vanban::check
