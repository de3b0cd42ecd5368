// word/styles.xml (ECMA-376 Part 1 §17.7): one named paragraph style per component of
// the văn bản, carrying the NĐ 30 sizes and styles from the profile and the positions
// computed for this document (Positions: the indents of Kính gửi, the trích yếu and the
// rules), so that a clerk restyles the letter in Word's Styles pane instead of paragraph
// by paragraph. Each style names the one that follows it (w:next): Enter after a heading
// gives body text, after "Nơi nhận:" an item. document.xml only adds what is specific
// to one paragraph (the spacing that mirrors the PDF's layout).
#include "docx/parts.h"

#include "docx/document.h"
#include "docx/wml.h"

#include <cmath>

namespace vanban::docx {

namespace {

struct StyleDef {
    StyleDef(const char* id_, const char* name_, const char* next_, ParagraphProps paragraph_, RunProps run_,
             const char* based_on_ = "Normal")
        : id(id_), name(name_), next(next_), paragraph(std::move(paragraph_)), run(std::move(run_)), based_on(based_on_) {}
    const char* id;
    const char* name;  // shown in Word's Styles pane
    const char* next;  // the style of the paragraph Enter makes after this one
    ParagraphProps paragraph;
    RunProps run;
    const char* based_on;
};

void add_style(pugi::xml_node styles, const StyleDef& d) {
    auto s = styles.append_child("w:style");
    s.append_attribute("w:type") = "paragraph";
    s.append_attribute("w:customStyle") = "1";
    s.append_attribute("w:styleId") = d.id;
    // CT_Style sequence: name, basedOn, next, …, uiPriority, …, qFormat, …, pPr, rPr.
    s.append_child("w:name").append_attribute("w:val") = d.name;
    s.append_child("w:basedOn").append_attribute("w:val") = d.based_on;
    s.append_child("w:next").append_attribute("w:val") = d.next;
    s.append_child("w:qFormat");
    write_ppr(s, d.paragraph);
    write_rpr(s, d.run);
}

// docDefaults (§17.7.5): Times New Roman for every script slot (R1.4), the body size,
// Vietnamese as the proofing language, single spacing with nothing after, widow and
// orphan control as the PDF's paginator applies it.
void doc_defaults(pugi::xml_node styles, const layout::Profile& p) {
    auto defaults = styles.append_child("w:docDefaults");
    auto rpr = defaults.append_child("w:rPrDefault").append_child("w:rPr");
    auto fonts = rpr.append_child("w:rFonts");
    for (const char* slot : {"w:ascii", "w:eastAsia", "w:hAnsi", "w:cs"}) fonts.append_attribute(slot) = "Times New Roman";
    rpr.append_child("w:sz").append_attribute("w:val") = static_cast<long long>(half_points(p.body_size));
    rpr.append_child("w:szCs").append_attribute("w:val") = static_cast<long long>(half_points(p.body_size));
    auto lang = rpr.append_child("w:lang");
    lang.append_attribute("w:val") = "vi-VN";
    lang.append_attribute("w:eastAsia") = "vi-VN";
    lang.append_attribute("w:bidi") = "ar-SA";
    ParagraphProps pp;
    pp.widow_control = true;
    pp.after = 0;
    pp.auto_line = 240;  // "single": the font's own line height, as the PDF (§0 of the rules)
    write_ppr(defaults.append_child("w:pPrDefault"), pp);
}

// The built-in defaults Word expects to find (§17.7.4.17 w:default).
void builtin_defaults(pugi::xml_node styles) {
    auto normal = styles.append_child("w:style");
    normal.append_attribute("w:type") = "paragraph";
    normal.append_attribute("w:default") = "1";
    normal.append_attribute("w:styleId") = "Normal";
    normal.append_child("w:name").append_attribute("w:val") = "Normal";
    normal.append_child("w:next").append_attribute("w:val") = "Normal";
    normal.append_child("w:qFormat");

    auto font = styles.append_child("w:style");
    font.append_attribute("w:type") = "character";
    font.append_attribute("w:default") = "1";
    font.append_attribute("w:styleId") = "DefaultParagraphFont";
    font.append_child("w:name").append_attribute("w:val") = "Default Paragraph Font";
    font.append_child("w:uiPriority").append_attribute("w:val") = "1";
    font.append_child("w:semiHidden");
    font.append_child("w:unhideWhenUsed");

    auto table = styles.append_child("w:style");
    table.append_attribute("w:type") = "table";
    table.append_attribute("w:default") = "1";
    table.append_attribute("w:styleId") = "TableNormal";
    table.append_child("w:name").append_attribute("w:val") = "Normal Table";
    table.append_child("w:uiPriority").append_attribute("w:val") = "99";
    table.append_child("w:semiHidden");
    table.append_child("w:unhideWhenUsed");
    auto tpr = table.append_child("w:tblPr");
    auto ind = tpr.append_child("w:tblInd");
    ind.append_attribute("w:w") = "0";
    ind.append_attribute("w:type") = "dxa";
    auto mar = tpr.append_child("w:tblCellMar");
    for (const auto& [side, w] : {std::pair{"w:top", "0"}, {"w:left", "108"}, {"w:bottom", "0"}, {"w:right", "108"}}) {
        auto m = mar.append_child(side);
        m.append_attribute("w:w") = w;
        m.append_attribute("w:type") = "dxa";
    }
}

}  // namespace

std::string styles_xml(const DocxInput& input) {
    const layout::Profile& p = input.profile;
    const fonts::FontMetrics& metrics = input.metrics;
    const Sheet sheet(input);
    const Positions at = positions(sheet);
    // A style's own props with this document's positions (indents, spacing) merged in.
    const auto placed = [](ParagraphProps pp, const ParagraphProps& pos) {
        for (auto field : {&ParagraphProps::before, &ParagraphProps::after, &ParagraphProps::exact_line,
                            &ParagraphProps::left, &ParagraphProps::right, &ParagraphProps::first_line,
                            &ParagraphProps::hanging}) {
            if (pos.*field) pp.*field = pos.*field;
        }
        pp.keep_next = pp.keep_next || pos.keep_next;
        return pp;
    };
    pugi::xml_document doc;
    auto root = start_part(doc, "w:styles");
    root.append_attribute("xmlns:w") = kNsW;
    root.append_attribute("xmlns:r") = kNsR;
    doc_defaults(root, p);
    builtin_defaults(root);

    const auto centred = [](ParagraphProps pp = {}) {
        pp.jc = "center";
        return pp;
    };
    // Header lines: single spacing, 0 before / 0 after (§9).
    const RunProps bold{true, false, {}, {}, {}};
    const RunProps italic{false, true, {}, {}, {}};
    auto sized = [](RunProps r, double size) {
        r.size = size;
        return r;
    };
    // Empty paragraphs that only carry a bottom border: a short exact line, so the rule
    // sits just under the text above (§10: "paragraph bottom border with indents").
    ParagraphProps rule;
    rule.exact_line = 40;
    rule.bottom = Border{p.rule_thickness, 0, "auto"};

    ParagraphProps body;
    body.jc = "both";                                  // R5.1 canh đều hai lề
    body.first_line = twips(p.first_line_indent);     // R5.1: 1.27 cm = 720 twips
    body.before = twips(p.paragraph_space);            // R5.1: ≥ 6 pt between paragraphs
    body.auto_line = std::lround(240 * p.line_spacing);  // R5.1: single … 1.5 lines

    auto heading = [&](int level) {
        ParagraphProps h = body;  // R5.4: at the body's first-line indent, left aligned
        h.jc = "left";
        h.keep_next = true;       // a heading never ends a page
        h.outline_level = level - 1;
        return h;
    };

    ParagraphProps item;  // R7: "- …;" with wrapped lines under the text after "- "
    const double hang = metrics.width(fonts::Style::regular, "- ", p.distribution_item_size);
    item.left = twips(hang);
    item.hanging = twips(hang);

    ParagraphProps name = centred();  // R6: the name after the signature space
    name.before = twips(p.signature_space);

    ParagraphProps letter_subject = centred();  // R3.7: 6 pt between Số and V/v
    letter_subject.before = twips(p.number_to_subject);

    ParagraphProps kept = centred();  // the trích yếu and its rule stay with the body
    kept.keep_next = true;

    // "ĐOÀN CHỦ TỊCH …", "QUYẾT ĐỊNH:" (R5.2, Mẫu 1.4): in hoa, bold, centred, kept with
    // what follows; "Điều N. Title" (R5.3): bold, left, kept with its text.
    ParagraphProps preamble = body;
    preamble.jc = "center";
    preamble.first_line = 0;
    preamble.keep_next = true;
    ParagraphProps article = body;
    article.jc = "left";
    article.keep_next = true;

    using namespace style;
    const StyleDef defs[] = {
        {kIssuerParent, "VB Cơ quan chủ quản", kIssuer, centred(), sized({}, p.issuer_size)},           // R3.3
        {kIssuer, "VB Cơ quan ban hành", kRule, centred(), sized(bold, p.issuer_size)},                 // R3.3
        {kNationalTitle, "VB Quốc hiệu", kMotto, centred(), sized(bold, p.national_title_size)},        // R3.1
        {kMotto, "VB Tiêu ngữ", kBody, centred(), sized(bold, p.motto_size)},                           // R3.2
        {kRule, "VB Đường kẻ", kBody, placed(rule, at.issuer_rule), sized({}, 2)},                      // R3.3
        {kNumber, "VB Số, ký hiệu", kLetterSubject, centred(), sized({}, p.number_size)},               // R3.4
        {kDate, "VB Địa danh, ngày tháng", kBody, centred(), sized(italic, p.date_size)},                // R3.5
        {kLetterSubject, "VB Trích yếu công văn", kMark, placed(letter_subject, at.letter_subject),
         sized({}, p.subject_letter_size)},                                                               // R3.7
        {kMark, "VB Dấu độ mật, độ khẩn", kMark, centred(), sized(bold, p.mark_size)},                  // R8.2–R8.5
        {kKind, "VB Tên loại", kKindSubject, centred(), sized(bold, p.kind_size)},                      // R3.6
        {kKindSubject, "VB Trích yếu", kKindRule, placed(kept, at.kind_subject), sized(bold, p.kind_subject_size)},
        {kKindRule, "VB Đường kẻ trích yếu", kBody, placed(rule, at.kind_rule), sized({}, 2)},          // R3.6
        {kRecipients, "VB Kính gửi", kRecipientItem, placed({}, at.recipients), sized({}, p.recipients_size)},  // R4
        {kRecipientItem, "VB Kính gửi, mục", kRecipientItem, placed({}, at.recipient_item),
         sized({}, p.recipients_size)},                                                                   // R4
        {kBody, "VB Nội dung", kBody, body, sized({}, p.body_size)},                                     // R5.1
        {kHeading1, "VB Đề mục 1", kBody, heading(1), sized(bold, p.body_size), kBody},                  // R5.4 mục
        {kHeading2, "VB Đề mục 2", kBody, heading(2), sized(bold, p.body_size), kBody},                  // R5.4 khoản
        {kHeading3, "VB Đề mục 3", kBody, heading(3), sized({}, p.body_size), kBody},                    // R5.4 điểm
        {kList, "VB Danh sách", kList, body, sized({}, p.body_size), kBody},                             // list items
        {kAuthority, "VB Thẩm quyền ban hành", kBasis, preamble, sized(bold, p.body_size), kBody},       // R5.2
        {kBasis, "VB Căn cứ", kBasis, body, sized(italic, p.body_size), kBody},                          // R5.2
        {kEnact, "VB Quyết định", kArticle, preamble, sized(bold, p.body_size), kBody},                  // R5.2
        {kArticle, "VB Điều", kBody, article, sized(bold, p.body_size), kBody},                          // R5.3
        {kTableText, "VB Bảng", kTableText, {}, sized({}, p.table_size)},                                // R5.5 tables
        {kSignatureTitle, "VB Quyền hạn, chức vụ", kSignatureName, centred(), sized(bold, p.signature_size)},  // R6
        {kSignatureName, "VB Họ tên người ký", kBody, name, sized(bold, p.signature_size)},             // R6
        {kDistributionTitle, "VB Nơi nhận", kDistributionItem, {},
         sized({true, true, {}, {}, {}}, p.distribution_title_size)},                                     // R7
        {kDistributionItem, "VB Nơi nhận, mục", kDistributionItem, item, sized({}, p.distribution_item_size)},  // R7
        // R8.1: "(Kèm theo …)" italic, not bold, centred, 13 pt (Mẫu 2.1–2.2), kept with the rule.
        {kAppendixReference, "VB Kèm theo", kRule, kept, sized(italic, 13)},
    };
    for (const auto& d : defs) add_style(root, d);

    // The page header paragraph (R1.6: 13–14 pt, centred): Word's built-in "header".
    auto header = root.append_child("w:style");
    header.append_attribute("w:type") = "paragraph";
    header.append_attribute("w:styleId") = style::kPageHeader;
    header.append_child("w:name").append_attribute("w:val") = "header";
    header.append_child("w:basedOn").append_attribute("w:val") = "Normal";
    header.append_child("w:uiPriority").append_attribute("w:val") = "99";
    header.append_child("w:unhideWhenUsed");
    write_ppr(header, centred());
    write_rpr(header, RunProps{false, false, p.page_number_size, {}, {}});
    header.insert_child_after("w:next", header.child("w:basedOn")).append_attribute("w:val") = style::kPageHeader;
    return serialize(doc);
}

}  // namespace vanban::docx
