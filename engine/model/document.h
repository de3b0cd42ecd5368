// The document model: what a văn bản says, in plain C++ types.
//
// Built by the markup stage, read by layout (and later by the DOCX writer). It knows
// nothing of PDF, DOCX, templates or fonts. All text is NFC UTF-8 without control
// characters; display rules that belong to NĐ 30 (upper-casing the issuing body,
// zero-padding the number, the date line) are applied by layout, so the model keeps
// what the user wrote.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace vanban::model {

// Where a model element came from, for late errors (markup line, input pointer).
struct SourceRef {
    int line = 0;
    int column = 0;
};

// A run of inline text with its emphasis.
struct Span {
    std::string text;
    bool bold = false;
    bool italic = false;
    bool operator==(const Span&) const = default;
};
using InlineText = std::vector<Span>;

std::string plain_text(const InlineText& t);

struct Paragraph {
    InlineText text;
    SourceRef source;
};

// Headings of structure B (R5.4): level 1 "I. KẾT QUẢ", level 2 "1. Title", level 3 "a) text".
struct Heading {
    int level = 1;
    InlineText text;
    SourceRef source;
};

// A list with a marker pattern: "-", "+", "1." (1. 2. 3.), "a)" (a) b) c) …, Vietnamese
// alphabet), "I." (Roman).
struct List {
    std::string marker = "-";
    std::vector<InlineText> items;
    SourceRef source;
};

struct PageBreak {
    SourceRef source;
};

enum class Align { left, center, right };

struct TableColumn {
    InlineText title;
    double width = 1;  // relative weight; columns share the text width in proportion
    Align align = Align::left;
};

struct TableCell {
    InlineText text;
    bool number = false;  // a number as the user wrote it ("1234567.5"); printed the Vietnamese way, right-aligned
};

// A data table (R5.5 [PRACTICE]): the column titles are the first header row; the first
// `header_rows - 1` rows of `rows` are further header rows. Header rows repeat on every
// page the table spans; a row splits across pages only when it is taller than a page.
struct Table {
    std::vector<TableColumn> columns;
    std::vector<std::vector<TableCell>> rows;
    int header_rows = 1;
    bool total_row = false;       // the last row is "Tổng cộng", in bold
    bool column_numbers = false;  // a row "(1) (2) (3)…" under the header
    SourceRef source;
};

// The opening of a quyết định (R5.2, NĐ30 mẫu 1.4): the thẩm quyền ban hành line
// ("ĐOÀN CHỦ TỊCH TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM"), the căn cứ, one per line, and the
// enacting word ("QUYẾT ĐỊNH:"). Each part may be empty. Layout adds the căn cứ
// punctuation (";" after each, "." after the last).
struct Preamble {
    std::string authority;
    std::vector<InlineText> bases;
    std::string enact;
    SourceRef source;
};

// Điều (R5.3, structure A): "Điều 1. Title" in bold; the text after it regular — on the
// same line when the article has no title, as its own paragraph when it has one.
struct Article {
    int number = 1;
    InlineText title;
    InlineText text;
    SourceRef source;
};

using Block = std::variant<Paragraph, Heading, List, Table, PageBreak, Preamble, Article>;

// Tên cơ quan chủ quản + tên cơ quan ban hành (ô 2). Lines are as written; "\n"
// inside a name forces a break there.
struct IssuingBody {
    std::string parent;  // may be empty
    std::string name;
};

struct Date {
    int year = 0, month = 0, day = 0;
};

// Địa danh + thời gian (ô 4). Without a date the clerk's gaps are printed.
struct DateLine {
    std::string place;
    std::optional<Date> date;
    int gap_year = 0;  // the year printed when the date is absent
};

// Ô 7a–7c: quyền hạn (TM./KT./TL./TUQ./Q.), acting line, chức vụ, họ tên.
struct SignatureBlock {
    std::string authority;  // "TM. ĐOÀN CHỦ TỊCH"; may be empty
    std::string acting;     // "KT. CHỦ TỊCH"; may be empty
    std::string title;      // "PHÓ CHỦ TỊCH"
    std::string name;       // "Nguyễn Văn A" (printed as written)
};

// "Nơi nhận" (ô 9b): items as written, without the "- " and the final ";" / ".",
// which layout adds.
struct DistributionList {
    std::vector<std::string> items;
};

// Phụ lục (R8.1): after the signature, each on new pages with its own page numbers.
struct Appendix {
    std::string label;  // "II" in "Phụ lục II"; "" = numbered by position (layout::appendix_label)
    std::string title;  // its own title, printed upper-case ("" = none); "\n" forces a break
    bool landscape = false;
    std::vector<Block> body;
};

// Archive fields of NĐ 30 Phụ lục VI that the document itself does not say; all
// optional ("" when not given). The rest of the record is derived by layout.
struct ArchiveFields {
    std::string organ_id;       // OrganId: mã định danh, "000.00.00.I02"
    std::string file_catalog;   // FileCatalog
    std::string file_notation;  // FileNotation
    std::string priority;       // Priority; empty = from the urgency
    std::string issued_amount;  // IssuedAmount: số lượng bản
    std::string description;    // Description
};

enum class Urgency { none, khan, thuong_khan, hoa_toc };
enum class Confidentiality { none, mat, toi_mat, tuyet_mat };

struct Document {
    std::string template_name;  // "cong-van", …
    bool is_letter = true;      // công văn: "V/v" under Số; otherwise tên loại centred
    IssuingBody issuer;
    std::string number;         // digits or empty (gap)
    std::string symbol;         // ký hiệu, printed exactly as given
    DateLine date_line;
    std::string kind;           // tên loại ("BÁO CÁO"); empty for a công văn
    std::string subject;        // trích yếu
    std::vector<std::string> recipients;  // Kính gửi
    std::vector<Block> body;
    bool end_mark = true;       // append "./." to the last body paragraph (R5.5)
    std::vector<SignatureBlock> signers;
    DistributionList distribution;
    Urgency urgency = Urgency::none;
    Confidentiality confidentiality = Confidentiality::none;
    bool draft = false;
    std::vector<Appendix> appendices;
    ArchiveFields archive;
};

}  // namespace vanban::model
