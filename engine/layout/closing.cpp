// Ô 7 (signature block) and ô 9b (Nơi nhận), NĐ 30/2020 Phụ lục I, II.7 and II.9.
#include "layout/parts.h"

#include "layout/wording.h"
#include "text/text.h"

#include <algorithm>

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
        const std::string t = keep_phrases_together(text::upper_vi(*line));
        for (auto& l : compose_balanced(t, Style::bold, width, centred, cx.metrics)) {
            // A no-break space has the advance of a space; print plain spaces.
            for (auto& item : l.items) item.text = release_phrases(item.text);
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

double name_offset(const std::vector<const model::SignatureBlock*>& row, double width, const Context& cx) {
    std::size_t lines = 0;
    for (const auto* s : row) lines = std::max(lines, title_lines(*s, width, cx).size());
    return static_cast<double>(lines) * cx.advance(cx.profile.signature_size) + cx.profile.signature_space;
}

// "Nơi nhận:" with its "- …;" items, the last ending in "." (R7), flush left at `x`.
double distribution_list(Box& box, const model::DistributionList& d, double x, double width, double y0,
                         const Context& cx) {
    const auto& p = cx.profile;
    if (d.items.empty()) return 0;
    double y = y0;
    const double ts = p.distribution_title_size;
    y = box.add_lines(compose("Nơi nhận:", Style::bold_italic, width, LineStyle{ts, Align::left, 0, 0}, cx.metrics), x,
                      y, cx.advance(ts), cx.ascent_of(ts));
    const double is = p.distribution_item_size;
    const double hang = cx.width(Style::regular, "- ", is);
    for (const auto& item : distribution_items(d)) {
        y = box.add_lines(compose(item, Style::regular, width, LineStyle{is, Align::left, 0, hang}, cx.metrics), x, y,
                          cx.advance(is), cx.ascent_of(is));
    }
    return y - y0;
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
        // line; the signature block centred in the right column.
        const double pad = p.cell_padding;
        const double h1 = distribution_list(box, doc.distribution, p.text_left(), columns.left_width - pad, 0, cx);
        const auto& s = doc.signers.front();
        const double h2 = signature_block(box, s, 0, p.text_left() + columns.left_width, columns.right_width, 0,
                                          name_offset({&s}, columns.right_width, cx), cx);
        box.height = std::max(h1, h2);
        out.push_back(std::move(box));
        return out;
    }

    // Joint documents: signature blocks side by side, two to a row, and Nơi nhận under them.
    const double col = p.text_width() / 2;
    double y = 0;
    for (std::size_t i = 0; i < doc.signers.size(); i += 2) {
        // The names of a row share one line.
        std::vector<const model::SignatureBlock*> row;
        for (std::size_t k = i; k < std::min(i + 2, doc.signers.size()); ++k) row.push_back(&doc.signers[k]);
        const double name_y = y + name_offset(row, col, cx);
        double bottom = y;
        for (std::size_t k = 0; k < row.size(); ++k) {
            bottom = std::max(bottom, signature_block(box, *row[k], i + k, p.text_left() + col * static_cast<double>(k), col,
                                                      y, name_y, cx));
        }
        y = bottom + p.paragraph_space;
    }
    box.height = y;
    out.push_back(std::move(box));
    if (!doc.distribution.items.empty()) {
        Box list;
        list.space_before = p.paragraph_space;
        list.height = distribution_list(list, doc.distribution, p.text_left(), columns.left_width, 0, cx);
        out.push_back(std::move(list));
    }
    return out;
}

}  // namespace vanban::layout
