// Ô 7 (signature block) and ô 9b (Nơi nhận), NĐ 30/2020 Phụ lục I, II.7 and II.9.
#include "layout/parts.h"

#include "layout/breaks.h"
#include "layout/wording.h"
#include "text/text.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace vanban::layout {

namespace {

using fonts::Style;

// The quyền hạn / chức vụ lines of a signature block: upper-case bold (R6), wrapped
// evenly and only between phrases ("TM. BAN THƯỜNG VỤ / THÀNH ĐOÀN").
std::vector<Line> title_lines(const model::SignatureBlock& s, double width, const Context& cx) {
    const LineStyle centred{cx.profile.signature_size, Align::center, 0, 0};
    std::vector<Line> out;
    for (const std::string* line : {&s.authority, &s.acting, &s.title}) {
        if (line->empty()) continue;
        for (auto& l : compose_phrases(text::upper_vi(*line), Style::bold, width, centred, cx.metrics)) {
            out.push_back(std::move(l));
        }
    }
    return out;
}

// One signature block centred in a column starting at `x` of `width`: its title lines
// from `y0`, the name (bold, as written) from `name_y`, after the signature space (ô 7c,
// recorded as the signer's SignatureArea). Returns the bottom of the block.
double signature_block(Box& box, const model::SignatureBlock& s, std::size_t signer, double x, double width, double y0,
                       double name_y, const Context& cx) {
    const double size = cx.profile.signature_size;
    const double adv = cx.advance(size);
    const double asc = cx.ascent_of(size);
    const double titles_end = box.add_lines(title_lines(s, width, cx), x, y0, adv, asc);
    box.signature_areas.push_back({x, titles_end, width, name_y - titles_end, signer});
    return box.add_lines(compose(s.name, Style::bold, width, LineStyle{size, Align::center, 0, 0}, cx.metrics), x,
                         name_y, adv, asc);
}

// A signature block never splits across pages (R6): each of its lines has a maximum
// (Profile::max_signature_lines, max_signer_name_lines), so that it always fits a page.
void check_signer(const model::SignatureBlock& s, std::size_t index, double width, const Context& cx) {
    const auto& p = cx.profile;
    const LineStyle centred{p.signature_size, Align::center, 0, 0};
    const std::string at = "/signers/" + std::to_string(index) + "/";
    const std::pair<const std::string*, const char*> fields[] = {
        {&s.authority, "authority"}, {&s.acting, "acting"}, {&s.title, "title"}};
    for (const auto& [line, field] : fields) {
        if (line->empty()) continue;
        // Counted as title_lines breaks them, so the limit is on what is printed.
        const auto n = compose_phrases(text::upper_vi(*line), Style::bold, width, centred, cx.metrics).size();
        check_lines(n, p.max_signature_lines, at + field, std::string("the signer's ") + field + " line",
                    "in the signature block");
    }
    check_lines(compose(s.name, Style::bold, width, centred, cx.metrics).size(), p.max_signer_name_lines,
                at + "name", "the signer's name", "in the signature block");
}

double name_offset(const std::vector<const model::SignatureBlock*>& row, double width, const Context& cx) {
    std::size_t lines = 0;
    for (const auto* s : row) lines = std::max(lines, title_lines(*s, width, cx).size());
    return static_cast<double>(lines) * cx.advance(cx.profile.signature_size) + cx.profile.signature_space;
}

// "Nơi nhận:" with its "- …;" items, the last ending in "." (R7), flush left at `x`:
// one box per line, so that a long list continues on the next page (issue 11). The
// heading stays with the first item; an item of two or three lines stays whole.
std::vector<Box> distribution_list(const model::DistributionList& d, double x, double width, const Context& cx) {
    const auto& p = cx.profile;
    std::vector<Box> out;
    if (d.items.empty()) return out;
    const double ts = p.distribution_title_size;
    out = line_boxes(compose("Nơi nhận:", Style::bold_italic, width, LineStyle{ts, Align::left, 0, 0}, cx.metrics), x,
                     cx.advance(ts), cx.ascent_of(ts), 0);
    out.back().keep_with_next = true;
    const double is = p.distribution_item_size;
    const double hang = cx.width(Style::regular, "- ", is);
    for (const auto& item : distribution_items(d)) {
        for (auto& b : line_boxes(compose(item, Style::regular, width, LineStyle{is, Align::left, 0, hang}, cx.metrics),
                                  x, cx.advance(is), cx.ascent_of(is), 0)) {
            out.push_back(std::move(b));
        }
    }
    return out;
}

// Moves the first lines of `lines` into `box` (from its top) while they end above
// `room`; the rest keep flowing after it, from where they would have been.
std::vector<Box> beside(Box& box, std::vector<Box> lines, double room) {
    double y = 0;
    std::size_t k = 0;
    for (; k < lines.size() && y + lines[k].height <= room + 1e-6; ++k) {
        for (auto t : lines[k].texts) {
            t.baseline += y;
            box.texts.push_back(std::move(t));
        }
        y += lines[k].height;
    }
    std::vector<Box> rest(std::make_move_iterator(lines.begin() + static_cast<std::ptrdiff_t>(k)),
                          std::make_move_iterator(lines.end()));
    // Level with the lines beside the signature when on the same page (a negative
    // space is dropped at the top of a new page, as every space is).
    if (!rest.empty()) rest.front().space_before = y - room;
    return rest;
}

}  // namespace

std::vector<std::string> signature_title_lines(const model::SignatureBlock& signer, double width,
                                               const fonts::FontMetrics& metrics, const Profile& profile) {
    const Context cx{profile, metrics};
    std::vector<std::string> out;
    for (const auto& line : title_lines(signer, width, cx)) {
        std::string t;
        for (const auto& item : line.items) t += item.text;
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<Box> closing_boxes(const model::Document& doc, const Columns& columns, const Context& cx) {
    const auto& p = cx.profile;
    std::vector<Box> out;
    Box box;
    box.space_before = p.before_signature + cx.advance(p.body_size) / 2;

    if (doc.signers.size() == 1) {
        // A borderless two-column table: Nơi nhận left, level with the first signature
        // line; the signature block centred in the right column. What of Nơi nhận is
        // longer than the signature block continues under it, onto the next page if need be.
        const double pad = p.cell_padding;
        const auto& s = doc.signers.front();
        check_signer(s, 0, columns.right_width, cx);
        const double h2 = signature_block(box, s, 0, p.text_left() + columns.left_width, columns.right_width, 0,
                                          name_offset({&s}, columns.right_width, cx), cx);
        box.height = h2;
        auto rest = beside(box, distribution_list(doc.distribution, p.text_left(), columns.left_width - pad, cx), h2);
        out.push_back(std::move(box));
        for (auto& b : rest) out.push_back(std::move(b));
        return out;
    }

    // Joint documents: signature blocks side by side, two to a row (one box each: a
    // row never splits, rows may go to the next page), and Nơi nhận under them.
    const double col = p.text_width() / 2;
    for (std::size_t i = 0; i < doc.signers.size(); i += 2) {
        // The names of a row share one line.
        std::vector<const model::SignatureBlock*> row;
        for (std::size_t k = i; k < std::min(i + 2, doc.signers.size()); ++k) {
            check_signer(doc.signers[k], k, col, cx);
            row.push_back(&doc.signers[k]);
        }
        const double name_y = name_offset(row, col, cx);
        double bottom = 0;
        for (std::size_t k = 0; k < row.size(); ++k) {
            bottom = std::max(bottom, signature_block(box, *row[k], i + k, p.text_left() + col * static_cast<double>(k), col,
                                                      0, name_y, cx));
        }
        box.height = bottom + p.paragraph_space;
        out.push_back(std::move(box));
        box = Box{};
    }
    auto list = distribution_list(doc.distribution, p.text_left(), columns.left_width, cx);
    if (!list.empty()) list.front().space_before = p.paragraph_space;
    for (auto& b : list) out.push_back(std::move(b));
    return out;
}

}  // namespace vanban::layout
