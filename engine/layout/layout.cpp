#include "layout/layout.h"

#include "layout/parts.h"
#include "text/casing.h"
#include "layout/wording.h"
#include "text/text.h"

#include <algorithm>
#include <cstdio>

namespace vanban::layout {

// R1.6: Arabic page numbers centred in the top margin, none on page 1; R1.7: each
// appendix counts its own pages from 1 and hides its first number too.
void number_pages(std::vector<Page>& pages, const Context& cx) {
    const auto& p = cx.profile;
    for (std::size_t i = 1; i < pages.size(); ++i) {
        const std::string n = std::to_string(i + 1);
        const double w = cx.width(fonts::Style::regular, n, p.page_number_size);
        const double centre = p.text_left() + p.text_width() / 2;
        // Exactly one more: paginate left the vector full, and a doubling here held
        // twice the page's items (a third of a 10,000-row table's peak; issue 18).
        auto& texts = pages[i].texts;
        if (texts.size() == texts.capacity()) texts.reserve(texts.size() + 1);
        texts.push_back(
            TextItem{centre - w / 2, p.page_number_baseline, fonts::Style::regular, p.page_number_size, n, 0, w, {}});
    }
}

namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : "; ") + s;
    return out;
}

// Phụ lục VI: what the document says of itself, plus the fields only the input gives.
ArchiveRecord archive_record(const model::Document& doc, const std::string& organ_name) {
    ArchiveRecord a;
    a.organ_id = doc.archive.organ_id;
    a.file_catalog = doc.archive.file_catalog;
    a.file_notation = doc.archive.file_notation;
    a.type_name = doc.is_letter ? "Công văn" : text::capitalize_first_vi(text::lower_vi(doc.kind));
    a.code_number = text::document_number(doc.number);
    a.code_notation = doc.symbol;
    if (doc.date_line.date) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", doc.date_line.date->year, doc.date_line.date->month,
                      doc.date_line.date->day);
        a.issued_date = buf;
    }
    a.organ_name = organ_name;
    a.subject = doc.subject;
    std::vector<std::string> positions, names;
    for (const auto& s : doc.signers) {
        positions.push_back(s.title);
        names.push_back(s.name);
    }
    a.signer_position = joined(positions);
    a.signer_name = joined(names);
    a.to = joined(doc.recipients);
    static constexpr const char* kPriority[] = {"0", "1", "2", "3"};
    a.priority = !doc.archive.priority.empty() ? doc.archive.priority : kPriority[static_cast<int>(doc.urgency)];
    a.issued_amount = doc.archive.issued_amount;
    a.description = doc.archive.description;
    return a;
}

// The document as a register names it: "Công văn số 05/LĐLĐ-TG V/v …" (title) and its
// số, ký hiệu "05/LĐLĐ-TG" (keywords); without a number, the ký hiệu alone.
DocumentInfo info_of(const model::Document& doc) {
    DocumentInfo info;
    const auto number = text::document_number(doc.number);
    const std::string symbol = number.empty() ? doc.symbol : number + "/" + doc.symbol;
    info.title = kind_phrase(doc) + (number.empty() ? "" : " số " + symbol) + (doc.is_letter ? " V/v " : " ") + doc.subject;
    std::string issuer = doc.issuer.name;
    for (auto& c : issuer) if (c == '\n') c = ' ';
    info.author = text::upper_vi(issuer);
    info.subject = doc.subject;
    info.keywords = symbol;
    if (doc.date_line.date) info.date = Date{doc.date_line.date->year, doc.date_line.date->month, doc.date_line.date->day};
    info.archive = archive_record(doc, info.author);
    return info;
}

// Points between the lowest ink of `page` and the bottom margin.
double room_below(const Page& page, const Context& cx) {
    double bottom = cx.profile.text_top();
    for (const auto& t : page.texts) bottom = std::max(bottom, t.baseline + cx.descent_of(t.size));
    for (const auto& r : page.rules) bottom = std::max(bottom, std::max(r.y1, r.y2));
    for (const auto& f : page.frames) bottom = std::max(bottom, f.y + f.height);
    return cx.profile.text_bottom() - bottom;
}

}  // namespace

LaidOutDocument layout_document(const model::Document& doc, const fonts::FontMetrics& metrics,
                                const LayoutOptions& options) {
    const Context cx{options.profile, metrics, options.gap_year};
    Columns columns;

    // The recipe: each part becomes boxes; pagination places them; pages get numbers.
    std::vector<std::vector<Box>> parts;
    parts.push_back(header_boxes(doc, cx, columns));
    if (!doc.recipients.empty()) parts.push_back(recipient_boxes(doc.recipients, cx));
    auto body = body_boxes(doc.body, doc.end_mark, cx);
    // §9: without a Kính gửi, the body keeps the header's distance (one empty line + ~12 pt).
    if (doc.recipients.empty() && !body.empty()) {
        body.front().space_before = std::max(body.front().space_before, cx.advance(options.profile.body_size) + options.profile.after_header / 2);
    }
    // The signature block is never alone on a page: the body's last line goes with it.
    if (!body.empty()) body.back().keep_with_next = true;
    parts.push_back(std::move(body));
    parts.push_back(closing_boxes(doc, columns, cx));

    LaidOutDocument out;
    out.pages = paginate(concat(std::move(parts)), options.profile, options.max_pages);
    number_pages(out.pages, cx);
    out.end_room.push_back(room_below(out.pages.back(), cx));
    for (std::size_t i = 0; i < doc.appendices.size(); ++i) {
        const auto& a = doc.appendices[i];
        const Profile ap = appendix_profile(options.profile, a.landscape);
        const Context acx{ap, metrics, options.gap_year, "/appendices/" + std::to_string(i)};
        auto pages = paginate(appendix_boxes(doc, a, acx), ap, options.max_pages, out.pages.size());
        number_pages(pages, acx);
        out.end_room.push_back(room_below(pages.back(), acx));
        for (auto& pg : pages) out.pages.push_back(std::move(pg));
    }
    out.info = info_of(doc);
    out.info.archive.page_amount = std::to_string(out.pages.size());
    return out;
}

}  // namespace vanban::layout
