// The DOCX writer: assembles the package from its parts (see parts.h, document.h) and
// zips it (package.h).
#include "docx/docx_writer.h"

#include "docx/document.h"
#include "docx/package.h"
#include "docx/parts.h"

namespace vanban::docx {

std::string write_docx(const DocxInput& input) {
    // A fixed part order, [Content_Types].xml first (ECMA-376 Part 2 §10.1.2), so that
    // the bytes depend on the input only.
    const std::vector<Part> parts = {
        {"[Content_Types].xml", content_types_xml()},
        {"_rels/.rels", package_rels_xml()},
        {kPartDocument, document_xml(input)},
        {"word/_rels/document.xml.rels", document_rels_xml()},
        {"word/styles.xml", styles_xml(input)},
        {"word/settings.xml", settings_xml()},
        {"word/fontTable.xml", font_table_xml()},
        {kPartHeaderFirst, header_xml(false)},
        {kPartHeaderDefault, header_xml(true)},
        {kPartTheme, theme_xml()},
        {"docProps/core.xml", core_xml(input.info)},
        {"docProps/app.xml", app_xml(input.info)},
    };
    return zip_package(parts);
}

}  // namespace vanban::docx
