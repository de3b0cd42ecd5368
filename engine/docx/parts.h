// The package's parts other than word/document.xml: content types and relationships
// (ECMA-376 Part 2, §10 and §9), core and extended properties (Part 2 §11, Part 1
// §22.2), settings (Part 1 §17.15), the font table (§17.8), styles (§17.7) and the
// page headers (§17.10).
#pragma once

#include "docx/docx_writer.h"

#include <string>

namespace vanban::docx {

// Relationship ids used by word/document.xml (word/_rels/document.xml.rels).
inline constexpr const char* kRelStyles = "rId1";
inline constexpr const char* kRelSettings = "rId2";
inline constexpr const char* kRelFontTable = "rId3";
inline constexpr const char* kRelHeaderFirst = "rId4";    // page 1: empty (R1.6)
inline constexpr const char* kRelHeaderDefault = "rId5";  // pages 2…n: the PAGE field
inline constexpr const char* kRelTheme = "rId6";

// Part names, in package order.
inline constexpr const char* kPartDocument = "word/document.xml";
inline constexpr const char* kPartHeaderFirst = "word/header1.xml";
inline constexpr const char* kPartHeaderDefault = "word/header2.xml";
inline constexpr const char* kPartTheme = "word/theme/theme1.xml";

std::string content_types_xml();
std::string package_rels_xml();
std::string document_rels_xml();
std::string core_xml(const layout::DocumentInfo& info);
std::string app_xml(const layout::DocumentInfo& info);
std::string settings_xml();
std::string font_table_xml();
std::string styles_xml(const DocxInput& input);
// The DrawingML theme: Times New Roman as its major and minor fonts (theme.cpp).
std::string theme_xml();
// The first-page header is empty; the default header centres a PAGE field.
std::string header_xml(bool page_number);

// Style ids (§17.7.4.17 styleId) of the named styles a clerk restyles the letter with.
namespace style {
inline constexpr const char* kIssuerParent = "VanBanIssuerParent";    // ô 2, chủ quản
inline constexpr const char* kIssuer = "VanBanIssuer";                // ô 2, cơ quan ban hành
inline constexpr const char* kNationalTitle = "VanBanNationalTitle";  // ô 1, Quốc hiệu
inline constexpr const char* kMotto = "VanBanMotto";                  // ô 1, Tiêu ngữ
inline constexpr const char* kRule = "VanBanRule";                    // the lines under them
inline constexpr const char* kNumber = "VanBanNumber";                // ô 3, Số, ký hiệu
inline constexpr const char* kDate = "VanBanDate";                    // ô 4
inline constexpr const char* kLetterSubject = "VanBanLetterSubject";  // ô 5b, V/v
inline constexpr const char* kMark = "VanBanMark";                    // ô 10a/10b, DỰ THẢO
inline constexpr const char* kKind = "VanBanKind";                    // ô 5a, tên loại
inline constexpr const char* kKindSubject = "VanBanKindSubject";      // ô 5a, trích yếu
inline constexpr const char* kKindRule = "VanBanKindRule";            // ô 5a, the rule under it
inline constexpr const char* kRecipientItem = "VanBanRecipientItem";  // ô 9a, "- …;"
inline constexpr const char* kAuthority = "VanBanAuthority";          // "ĐOÀN CHỦ TỊCH …" (R5.2)
inline constexpr const char* kBasis = "VanBanBasis";                  // căn cứ (R5.2)
inline constexpr const char* kEnact = "VanBanEnact";                  // "QUYẾT ĐỊNH:" (R5.2)
inline constexpr const char* kArticle = "VanBanArticle";              // "Điều N. Title" (R5.3)
inline constexpr const char* kAppendixReference = "VanBanAppendixReference";  // "(Kèm theo …)" (R8.1)
inline constexpr const char* kRecipients = "VanBanRecipients";        // ô 9a, Kính gửi
inline constexpr const char* kBody = "VanBanBody";                    // ô 6
inline constexpr const char* kHeading1 = "VanBanHeading1";
inline constexpr const char* kHeading2 = "VanBanHeading2";
inline constexpr const char* kHeading3 = "VanBanHeading3";
inline constexpr const char* kList = "VanBanList";
inline constexpr const char* kTableText = "VanBanTableText";
inline constexpr const char* kSignatureTitle = "VanBanSignatureTitle";  // ô 7a
inline constexpr const char* kSignatureName = "VanBanSignatureName";    // ô 7b
inline constexpr const char* kDistributionTitle = "VanBanDistributionTitle";  // ô 9b
inline constexpr const char* kDistributionItem = "VanBanDistributionItem";
inline constexpr const char* kPageHeader = "Header";
}  // namespace style

}  // namespace vanban::docx
