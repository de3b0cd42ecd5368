// The page profile: every size and distance layout uses, with the rule it comes from
// (Nghị định 30/2020/NĐ-CP, Phụ lục I; rule ids refer to the project's format rules).
#pragma once

namespace vanban::layout {

constexpr double mm(double v) { return v * 72.0 / 25.4; }

struct Profile {
    // R1.1 A4 portrait.
    double page_width = mm(210);
    double page_height = mm(297);
    // R1.3 margins: top 20–25, bottom 20–25, left 30–35, right 15–20 mm. The widest text
    // block the ranges allow, so the two-column header fits.
    double margin_top = mm(20);
    double margin_bottom = mm(20);
    double margin_left = mm(30);
    double margin_right = mm(15);

    // §10/§13: header table columns 66 | 99 mm, widened on the right when the date or
    // the Quốc hiệu needs it; 1.9 mm cell padding (Word's default).
    double header_left_width = mm(66);
    double cell_padding = mm(1.9);

    // R3.1–R3.5, R3.7 sizes.
    double national_title_size = 12;  // Quốc hiệu, bold
    double motto_size = 13;           // Tiêu ngữ, bold
    double issuer_size = 12;          // tên cơ quan (parent regular, issuer bold)
    double number_size = 13;          // "Số: …"
    double subject_letter_size = 12;  // "V/v …" of a công văn
    double date_size = 14;            // địa danh + ngày, italic (13 when it does not fit)
    double rule_thickness = 0.5;      // R3.2: 0.5–1 pt
    double rule_gap = 2.5;            // rule this far below the descender of the line above
    double issuer_rule_ratio = 0.4;   // R3.3: 1/3–1/2 of the longest issuing line
    double number_to_subject = 6;     // R3.7: 6 pt between Số and V/v

    // R3.6 tên loại + trích yếu of documents with a type name.
    double kind_size = 14;
    double kind_subject_size = 14;

    // R4 Kính gửi: 14 pt regular, 35 mm into the text block (Mẫu 1.5).
    double recipients_size = 14;
    double recipients_indent = mm(35);

    // R5.1 body: 14 pt, justified, first-line indent 1.27 cm, ≥ 6 pt between paragraphs,
    // single line spacing (the font's natural line height).
    double body_size = 14;
    double first_line_indent = mm(12.7);
    double paragraph_space = 6;
    double line_spacing = 1.0;  // × the font's natural line height; NĐ 30 allows 1.0–1.5

    // R5.5 [PRACTICE] tables: 13 pt cells, single spacing, 0.5 pt borders, header bold
    // and centred, numbers right-aligned.
    double table_size = 13;
    double table_padding_x = mm(1.5);
    double table_padding_y = 2;
    double table_rule = 0.5;

    // §9: one empty line plus about 12 pt between the header table and what follows.
    double after_header = 12;
    // §9: one empty line between the end of the body and the signature table.
    double before_signature = 6;

    // R6 signature block: 14 pt bold lines, about 25 mm of signature space.
    double signature_size = 14;
    double signature_space = mm(25);
    // R7 Nơi nhận: 12 pt bold italic heading, 11 pt items.
    double distribution_title_size = 12;
    double distribution_item_size = 11;

    // R1.6 page numbers: 14 pt, centred in the top margin, none on page 1.
    double page_number_size = 14;
    double page_number_baseline = mm(12);

    // R8.2 urgency marks: 13 pt bold in a frame 8 mm high (red ink).
    double mark_size = 13;
    double mark_height = mm(8);

    // Issue 11: the most lines each fixed region may take. These regions do not flow
    // onto another page (the header cells of page 1, a signature block, an appendix's
    // title block); text needing more lines fails the render, naming the field, instead
    // of running off the page. README "Limits" states them.
    int max_issuer_parent_lines = 3;     // tên cơ quan chủ quản, 12 pt in the left header column
    int max_issuer_name_lines = 5;       // tên cơ quan ban hành
    int max_letter_subject_lines = 8;    // "V/v …" of a công văn under Số
    int max_kind_lines = 2;              // tên loại
    int max_subject_lines = 8;           // trích yếu under the tên loại
    int max_signature_lines = 3;         // each of quyền hạn, acting line and chức vụ
    int max_signer_name_lines = 2;       // họ tên of a signer
    int max_appendix_title_lines = 2;    // "PHỤ LỤC I"
    int max_appendix_subtitle_lines = 8; // an appendix's own title

    double text_left() const { return margin_left; }
    double text_right() const { return page_width - margin_right; }
    double text_width() const { return text_right() - text_left(); }
    double text_top() const { return margin_top; }
    double text_bottom() const { return page_height - margin_bottom; }
};

}  // namespace vanban::layout
