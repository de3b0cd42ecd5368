// §6 the signature block (R6) and §7 "Nơi nhận" (R7).
#include "check/rules.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace vanban::check {

namespace {

std::string joined(const std::vector<const Line*>& lines, std::size_t from, std::size_t to) {
    std::string s;
    for (std::size_t i = from; i < to; ++i) s += (s.empty() ? "" : " ") + collapse_spaces(lines[i]->text);
    return s;
}

void signatures(const Analysis& a, Findings& out) {
    if (a.signatures.empty()) {
        out.fail("R6", "no signature block (bold upper-case lines in the right half after the body)");
        return;
    }
    const double centre = (a.text_left + (a.text_right > 0 ? a.text_right : a.text_left + mm(165))) / 2;
    for (std::size_t b = 0; b < a.signatures.size(); ++b) {
        const auto& block = a.signatures[b];
        const std::size_t split = a.signature_split[b];
        const std::string who = "signature block " + std::to_string(b + 1);
        if (split >= block.size()) {
            out.fail("R6", who + " " + quote_text(joined(block, 0, block.size())) + ": no name under a signature space");
        }
        bool ok = true;
        for (std::size_t i = 0; i < split; ++i) {
            const Line& l = *block[i];
            const std::string t = collapse_spaces(l.text);
            if (!l.bold || l.any_italic || has_lower(t) || !size_in(l.size, 13, 14)) {
                out.fail("R6", who + ": quyền hạn/chức vụ " + quote_text(t) + " is " + size_text(l.size) +
                                   (l.bold ? " bold" : " not bold") + (has_lower(t) ? ", not upper-case" : "") +
                                   " (upper-case bold upright 13–14 pt)");
                ok = false;
            }
            // "TM." / "KT." / "TL." / "TUQ." / "Q." carry their dot (common error 9).
            for (const char* p : {"TM ", "KT ", "TL ", "TUQ ", "Q "}) {
                if (t.starts_with(p)) {
                    out.fail("R6", who + ": " + quote_text(t) + " lacks the dot after " + std::string(p, std::strlen(p) - 1));
                    ok = false;
                }
            }
        }
        for (std::size_t i = split; i < block.size(); ++i) {
            const Line& l = *block[i];
            const std::string t = collapse_spaces(l.text);
            if (!l.bold || l.any_italic || !has_lower(t) || !size_in(l.size, 13, 14)) {
                out.fail("R6", who + ": name " + quote_text(t) + " is " + size_text(l.size) + (l.bold ? " bold" : " not bold") +
                                   (has_lower(t) ? "" : ", upper-cased") + " (as written, bold upright 13–14 pt)");
                ok = false;
            }
        }
        double off = 0;
        for (const Line* l : block) off = std::max(off, std::fabs(l->centre() - block.front()->centre()));
        if (off > mm(1.5)) {
            out.fail("R6", who + ": lines not centred on one another (off by " + mm_text(off) + ")");
            ok = false;
        }
        if (a.signatures.size() == 1 && block.front()->centre() <= centre) {
            out.fail("R6", who + " centred at " + mm_text(block.front()->centre()) + ", not in the right half");
            ok = false;
        }
        if (ok && split < block.size()) {
            out.pass("R6", who + ": " + quote_text(joined(block, 0, split)) + " upper-case bold, name " +
                               quote_text(joined(block, split, block.size())) + " bold" +
                               (a.signatures.size() == 1 ? ", in the right half" : ""));
        }
        if (split > 0 && split < block.size()) {
            const double space = block[split]->top - block[split - 1]->bottom;
            out.check(space >= mm(20) && space <= mm(30), "R6",
                      who + ": signature space " + mm_text(space) + " (20–30 mm)", true);
        }
    }
}

// Lines of Nơi nhận after the title, grouped into items (a wrapped item hangs).
std::vector<std::vector<const Line*>> items_of(const std::vector<const Line*>& lines) {
    std::vector<std::vector<const Line*>> items;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        if (lines[i]->text.starts_with("- ") || items.empty()) items.push_back({lines[i]});
        else items.back().push_back(lines[i]);
    }
    return items;
}

void distribution(const Analysis& a, Findings& out) {
    if (a.distribution.empty()) {
        out.fail("R7", "'Nơi nhận:' not found");
        return;
    }
    const Line& title = *a.distribution.front();
    const std::string t = collapse_spaces(title.text);
    out.check(t == "Nơi nhận:" && title.bold && title.italic && size_in(title.size, 12, 12), "R7",
              quote_text(t) + " " + size_text(title.size) + (title.bold ? " bold" : "") + (title.italic ? " italic" : "") +
                  " (12 pt bold italic, with a colon)");
    out.check(std::fabs(title.x - a.text_left) <= mm(0.5), "R7",
              "'Nơi nhận:' at " + mm_text(title.x) + ", text block edge " + mm_text(a.text_left) + " (flush left)");
    const auto items = items_of(a.distribution);
    if (items.empty()) {
        out.fail("R7", "'Nơi nhận:' has no items");
    } else {
        bool ok = true;
        for (std::size_t i = 0; i < items.size(); ++i) {
            for (const Line* l : items[i]) {
                if (!size_in(l->size, 11, 11) || l->any_bold) {
                    out.fail("R7", "item line " + quote_text(l->text) + " is " + size_text(l->size) +
                                       (l->any_bold ? " bold" : "") + " (11 pt, not bold)");
                    ok = false;
                }
            }
            std::string item = joined(items[i], 0, items[i].size());
            const bool last = i + 1 == items.size();
            if (last ? !matches("^- Lưu: VT(, .+)?\\.$", item) : !(item.starts_with("- ") && item.ends_with(";"))) {
                out.fail("R7", "item " + quote_text(item) +
                                   (last ? " is not '- Lưu: VT, ….' (the last item)" : " is not '- …;'"));
                ok = false;
            }
        }
        if (ok) out.pass("R7", std::to_string(items.size()) + " item(s) 11 pt '- …;', the last '- Lưu: VT….'");
    }
    // Level with the first line of the signature block (ô 9b beside ô 7a).
    const Line* first = nullptr;
    const Line* lowest = nullptr;
    for (const auto& block : a.signatures) {
        if (!first || block.front()->top < first->top) first = block.front();
        if (!lowest || block.back()->bottom > lowest->bottom) lowest = block.back();
    }
    if (!first) return;
    if (a.signatures.size() > 1 && title.top > lowest->bottom) {
        out.warn("R7", "'Nơi nhận' stands under the side-by-side signature blocks (joint document), not beside them");
        return;
    }
    const double d = std::fabs(title.top - first->top);
    out.check(title.page == first->page && d <= mm(2), "R7",
              "top of 'Nơi nhận:' and of the first signature line differ by " + mm_text(d) + " (≤ 2 mm)");
}

}  // namespace

void check_closing(const PdfContent&, const Analysis& a, Findings& out) {
    signatures(a, out);
    distribution(a, out);
}

}  // namespace vanban::check
