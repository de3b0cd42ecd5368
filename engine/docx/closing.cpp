// Ô 7 (signature block, R6) and ô 9b (Nơi nhận, R7) as borderless tables whose rows
// never split across pages (§17.4.6 cantSplit), laid out as engine/layout/closing.cpp
// lays them out:
//  - one signer: one row, Nơi nhận in the left column (the header's left width, text
//    flush with the margin), the signature block centred in the right column, both
//    starting on the same line;
//  - several signers (joint documents): blocks side by side, two to a row, names of a
//    row on one line, and Nơi nhận under the table.
#include "docx/document.h"

#include "docx/parts.h"
#include "docx/wml.h"
#include "layout/wording.h"

#include <algorithm>

namespace vanban::docx {

namespace {

// The quyền hạn / acting / chức vụ lines, one paragraph per line of the input and broken
// where the PDF breaks them (layout::signature_title_lines). Returns how many lines.
std::size_t title_lines(pugi::xml_node cell, const model::SignatureBlock& signer, double width,
                        std::optional<long> before, bool keep, const Sheet& s) {
    std::size_t count = 0;
    for (std::string model::SignatureBlock::*field :
         {&model::SignatureBlock::authority, &model::SignatureBlock::acting, &model::SignatureBlock::title}) {
        if ((signer.*field).empty()) continue;
        model::SignatureBlock only;
        only.*field = signer.*field;
        const auto lines = layout::signature_title_lines(only, width, s.metrics(), s.profile());
        std::string text;
        for (const auto& l : lines) text += (text.empty() ? "" : "\n") + l;
        ParagraphProps pp;
        pp.style = style::kSignatureTitle;
        pp.keep_next = keep;
        pp.before = count == 0 ? before : std::nullopt;
        add_run(add_paragraph(cell, pp), text);
        count += lines.size();
    }
    return count;
}

std::size_t count_title_lines(const model::SignatureBlock& signer, double width, const Sheet& s) {
    return layout::signature_title_lines(signer, width, s.metrics(), s.profile()).size();
}

void name_line(pugi::xml_node cell, const model::SignatureBlock& signer, std::optional<long> before, bool keep) {
    ParagraphProps pp;
    pp.style = style::kSignatureName;  // carries the signature space as space before
    pp.before = before;
    pp.keep_next = keep;
    add_run(add_paragraph(cell, pp), signer.name);
}

// "Nơi nhận:" and its "- …;" items (layout::distribution_items), the last ending "."
void distribution(pugi::xml_node parent, const model::DistributionList& list, std::optional<long> before,
                  std::optional<long> right) {
    ParagraphProps title;
    title.style = style::kDistributionTitle;
    title.before = before;
    title.right = right;
    add_run(add_paragraph(parent, title), "Nơi nhận:");
    ParagraphProps item;
    item.style = style::kDistributionItem;
    item.right = right;
    for (const auto& it : layout::distribution_items(list)) add_run(add_paragraph(parent, item), it);
}

}  // namespace

long closing_gap(const Sheet& s) {
    const auto& p = s.profile();
    // §9: one empty line between the end of the body and the signature table.
    return twips(p.before_signature + s.advance(p.body_size) / 2);
}

void add_closing(pugi::xml_node body, const Sheet& s, long before) {
    const auto& doc = s.in.document;
    const auto& p = s.profile();

    if (doc.signers.size() == 1) {
        const auto& signer = doc.signers.front();
        auto table = add_table(body, TableProps{{s.left_col, s.right_col}, s.pad, {}, false});
        auto row = add_row(table, RowProps{true, false});
        // Left: Nơi nhận flush with the margin (no left padding), wrapping `pad` short of
        // the column edge, as the PDF; level with the first signature line (R7).
        auto left = add_cell(row, CellProps{s.left_col, {}, 0, {}, s.pad, {}});
        if (doc.distribution.items.empty()) add_paragraph(left, styled(style::kDistributionItem));
        else distribution(left, doc.distribution, before ? std::optional<long>(before) : std::nullopt, std::nullopt);
        // Right: the block centred on the whole column, as the PDF centres it.
        auto right = add_cell(row, CellProps{s.right_col, {}, 0, {}, 0, {}});
        title_lines(right, signer, s.in.header.right_width, before ? std::optional<long>(before) : std::nullopt, false, s);
        name_line(right, signer, std::nullopt, false);
        return;
    }

    // Joint documents: two blocks per row in halves of the text width; a row's names
    // share one line, so the block with fewer title lines gets more space before its name.
    if (!doc.signers.empty()) {
        const long half = s.text_width / 2;
        const double col = p.text_width() / 2;
        auto table = add_table(body, TableProps{{half, s.text_width - half}, 0, {}, false});
        for (std::size_t i = 0; i < doc.signers.size(); i += 2) {
            const bool last_row = i + 2 >= doc.signers.size();
            const std::size_t n = std::min<std::size_t>(2, doc.signers.size() - i);
            std::size_t most = 0;
            for (std::size_t k = 0; k < n; ++k) most = std::max(most, count_title_lines(doc.signers[i + k], col, s));
            auto row = add_row(table, RowProps{true, false});
            const long row_before = i == 0 ? before : twips(p.paragraph_space);
            for (std::size_t k = 0; k < 2; ++k) {
                auto cell = add_cell(row, CellProps{k == 0 ? half : s.text_width - half, {}, {}, {}, {}, {}});
                if (k >= n) {
                    add_paragraph(cell, styled(style::kSignatureTitle));
                    continue;
                }
                const auto& signer = doc.signers[i + k];
                // Rows stay together (keepNext on every paragraph but the last row's).
                const std::size_t lines = title_lines(cell, signer, col, row_before, !last_row, s);
                const double extra = static_cast<double>(most - lines) * s.advance(p.signature_size);
                name_line(cell, signer, twips(p.signature_space + extra), !last_row);
            }
        }
    }
    if (!doc.distribution.items.empty()) {
        // Under the signatures, in the header's left column width.
        distribution(body, doc.distribution, twips(p.paragraph_space), s.text_width - s.left_col);
    }
}

}  // namespace vanban::docx
