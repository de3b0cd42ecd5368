// word/styles.xml (ECMA-376 Part 1 §17.7): one named paragraph style per component of
// the văn bản, carrying the NĐ 30 sizes and styles from the profile, so that a clerk
// restyles the letter in Word's Styles pane instead of paragraph by paragraph.
// document.xml only adds what is specific to one paragraph (indents computed from the
// header columns, the spacing that mirrors the PDF's layout).
#include "docx/parts.h"

#include "docx/wml.h"

#include <cmath>

namespace vanban::docx {

namespace {

struct StyleDef {
    StyleDef(const char* id_, const char* name_, ParagraphProps paragraph_, RunProps run_,
             const char* based_on_ = "Normal")
        : id(id_), name(name_), paragraph(std::move(paragraph_)), run(std::move(run_)), based_on(based_on_) {}
    const char* id;
    const char* name;  // shown in Word's Styles pane
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
    s.append_child("w:next").append_attribute("w:val") = d.id;
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

std::string styles_xml(const layout::Profile& p, const fonts::FontMetrics& metrics) {
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
    const RunProps bold{true, false, {}, {}};
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

    const StyleDef defs[] = {
        {style::kIssuerParent, "VB Cơ quan chủ quản", centred(), sized({}, p.issuer_size)},         // R3.3
        {style::kIssuer, "VB Cơ quan ban hành", centred(), sized(bold, p.issuer_size)},             // R3.3
        {style::kNationalTitle, "VB Quốc hiệu", centred(), sized(bold, p.national_title_size)},     // R3.1
        {style::kMotto, "VB Tiêu ngữ", centred(), sized(bold, p.motto_size)},                       // R3.2
        {style::kRule, "VB Đường kẻ", rule, sized({}, 2)},                                                    // R3.2, R3.3
        {style::kNumber, "VB Số, ký hiệu", centred(), sized({}, p.number_size)},                    // R3.4
        {style::kDate, "VB Địa danh, ngày tháng", centred(), sized({false, true, {}, {}}, p.date_size)},  // R3.5
        {style::kLetterSubject, "VB Trích yếu công văn", letter_subject, sized({}, p.subject_letter_size)},     // R3.7
        {style::kMark, "VB Dấu độ mật, độ khẩn", centred(), sized(bold, p.mark_size)},                   // R8.2–R8.5
        {style::kKind, "VB Tên loại", centred(), sized(bold, p.kind_size)},                         // R3.6
        {style::kKindSubject, "VB Trích yếu", centred(), sized(bold, p.kind_subject_size)},         // R3.6
        {style::kRecipients, "VB Kính gửi", {}, sized({}, p.recipients_size)},                      // R4
        {style::kBody, "VB Nội dung", body, sized({}, p.body_size)},                                // R5.1
        {style::kHeading1, "VB Đề mục 1", heading(1), sized(bold, p.body_size), style::kBody},      // R5.4 mục
        {style::kHeading2, "VB Đề mục 2", heading(2), sized(bold, p.body_size), style::kBody},      // R5.4 khoản
        {style::kHeading3, "VB Đề mục 3", heading(3), sized({}, p.body_size), style::kBody},        // R5.4 điểm
        {style::kList, "VB Danh sách", body, sized({}, p.body_size), style::kBody},                 // list items
        {style::kTableText, "VB Bảng", {}, sized({}, p.table_size)},                                // R5.5 tables
        {style::kSignatureTitle, "VB Quyền hạn, chức vụ", centred(), sized(bold, p.signature_size)},  // R6
        {style::kSignatureName, "VB Họ tên người ký", name, sized(bold, p.signature_size)},          // R6
        {style::kDistributionTitle, "VB Nơi nhận", {}, sized({true, true, {}, {}}, p.distribution_title_size)},  // R7
        {style::kDistributionItem, "VB Nơi nhận, mục", item, sized({}, p.distribution_item_size)},             // R7
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
    write_rpr(header, RunProps{false, false, p.page_number_size, {}});
    return serialize(doc);
}

}  // namespace vanban::docx
