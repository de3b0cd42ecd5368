// Package plumbing: [Content_Types].xml, relationships, properties, settings, fonts,
// headers. Everything here is fixed text except the core properties, so every .docx
// of the engine has the same skeleton.
#include "docx/parts.h"

#include "docx/wml.h"

#include <cstdio>

namespace vanban::docx {

namespace {

constexpr const char* kNsContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
constexpr const char* kNsPackageRels = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kRelType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr const char* kWml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

void relationship(pugi::xml_node root, const char* id, const std::string& type, const char* target) {
    auto r = root.append_child("Relationship");
    r.append_attribute("Id") = id;
    r.append_attribute("Type") = type.c_str();
    r.append_attribute("Target") = target;
}

void text_child(pugi::xml_node parent, const char* name, const std::string& value) {
    parent.append_child(name).text().set(value.c_str());
}

pugi::xml_node wml_root(pugi::xml_document& doc, const char* root) {
    auto r = start_part(doc, root);
    r.append_attribute("xmlns:w") = kNsW;
    r.append_attribute("xmlns:r") = kNsR;
    return r;
}

}  // namespace

std::string content_types_xml() {
    // Part 2 §10.1.2: a Default per extension, an Override per part whose type differs.
    pugi::xml_document doc;
    auto types = start_part(doc, "Types");
    types.append_attribute("xmlns") = kNsContentTypes;
    auto def = [&](const char* ext, const char* type) {
        auto d = types.append_child("Default");
        d.append_attribute("Extension") = ext;
        d.append_attribute("ContentType") = type;
    };
    def("rels", "application/vnd.openxmlformats-package.relationships+xml");
    def("xml", "application/xml");
    auto over = [&](const char* part, const std::string& type) {
        auto o = types.append_child("Override");
        o.append_attribute("PartName") = part;
        o.append_attribute("ContentType") = type.c_str();
    };
    const std::string wml = kWml;
    over("/word/document.xml", wml + "document.main+xml");
    over("/word/styles.xml", wml + "styles+xml");
    over("/word/settings.xml", wml + "settings+xml");
    over("/word/fontTable.xml", wml + "fontTable+xml");
    over("/word/header1.xml", wml + "header+xml");
    over("/word/header2.xml", wml + "header+xml");
    over("/word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml");
    over("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
    over("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
    return serialize(doc);
}

std::string package_rels_xml() {
    pugi::xml_document doc;
    auto root = start_part(doc, "Relationships");
    root.append_attribute("xmlns") = kNsPackageRels;
    const std::string t = kRelType;
    relationship(root, "rId1", t + "officeDocument", "word/document.xml");
    relationship(root, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                 "docProps/core.xml");
    relationship(root, "rId3", t + "extended-properties", "docProps/app.xml");
    return serialize(doc);
}

std::string document_rels_xml() {
    pugi::xml_document doc;
    auto root = start_part(doc, "Relationships");
    root.append_attribute("xmlns") = kNsPackageRels;
    const std::string t = kRelType;
    relationship(root, kRelStyles, t + "styles", "styles.xml");
    relationship(root, kRelSettings, t + "settings", "settings.xml");
    relationship(root, kRelFontTable, t + "fontTable", "fontTable.xml");
    relationship(root, kRelHeaderFirst, t + "header", "header1.xml");
    relationship(root, kRelHeaderDefault, t + "header", "header2.xml");
    relationship(root, kRelTheme, t + "theme", "theme/theme1.xml");
    return serialize(doc);
}

std::string core_xml(const layout::DocumentInfo& info) {
    // Part 2 §11: Dublin Core terms. created/modified are the document's own date
    // (never the clock), so the same input gives the same bytes; without a date they
    // are left out.
    pugi::xml_document doc;
    auto root = start_part(doc, "cp:coreProperties");
    root.append_attribute("xmlns:cp") = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    root.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
    root.append_attribute("xmlns:dcterms") = "http://purl.org/dc/terms/";
    root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
    text_child(root, "dc:title", info.title);
    text_child(root, "dc:subject", info.subject);
    text_child(root, "dc:creator", info.author);  // the issuing body
    text_child(root, "cp:keywords", info.keywords);
    text_child(root, "dc:language", "vi-VN");
    if (info.date) {
        char w3cdtf[32];
        std::snprintf(w3cdtf, sizeof w3cdtf, "%04d-%02d-%02dT00:00:00Z", info.date->year, info.date->month,
                      info.date->day);
        for (const char* name : {"dcterms:created", "dcterms:modified"}) {
            auto d = root.append_child(name);
            d.append_attribute("xsi:type") = "dcterms:W3CDTF";
            d.text().set(w3cdtf);
        }
    }
    return serialize(doc);
}

std::string app_xml(const layout::DocumentInfo& info) {
    pugi::xml_document doc;
    auto root = start_part(doc, "Properties");
    root.append_attribute("xmlns") = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
    root.append_attribute("xmlns:vt") = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
    text_child(root, "Application", info.creator);
    text_child(root, "DocSecurity", "0");
    text_child(root, "Company", info.author);
    return serialize(doc);
}

std::string settings_xml() {
    pugi::xml_document doc;
    auto root = wml_root(doc, "w:settings");
    // CT_Settings sequence: zoom, defaultTabStop, characterSpacingControl, compat, themeFontLang.
    root.append_child("w:zoom").append_attribute("w:percent") = "100";
    root.append_child("w:defaultTabStop").append_attribute("w:val") = "720";  // 1.27 cm
    root.append_child("w:characterSpacingControl").append_attribute("w:val") = "doNotCompress";
    // compatibilityMode 15 (Word 2013+): no "compatibility mode" banner, and table
    // indents measured to the table edge, so the header table's columns start on the
    // margin exactly as the PDF's do (LibreOffice honours the same setting).
    auto compat = root.append_child("w:compat");
    auto setting = [&](const char* name, const char* value) {
        auto s = compat.append_child("w:compatSetting");
        s.append_attribute("w:name") = name;
        s.append_attribute("w:uri") = "http://schemas.microsoft.com/office/word";
        s.append_attribute("w:val") = value;
    };
    setting("compatibilityMode", "15");
    setting("overrideTableStyleFontSizeAndJustification", "1");
    setting("enableOpenTypeFeatures", "1");
    setting("doNotFlipMirrorIndents", "1");
    root.append_child("w:themeFontLang").append_attribute("w:val") = "vi-VN";
    return serialize(doc);
}

std::string font_table_xml() {
    // R1.4: Times New Roman. The panose/family entries let a reader without the font
    // pick a metric-compatible serif (LibreOffice maps it to Liberation Serif).
    pugi::xml_document doc;
    auto root = wml_root(doc, "w:fonts");
    auto font = root.append_child("w:font");
    font.append_attribute("w:name") = "Times New Roman";
    font.append_child("w:panose1").append_attribute("w:val") = "02020603050405020304";
    font.append_child("w:charset").append_attribute("w:val") = "00";
    font.append_child("w:family").append_attribute("w:val") = "roman";
    font.append_child("w:pitch").append_attribute("w:val") = "variable";
    return serialize(doc);
}

std::string header_xml(bool page_number) {
    pugi::xml_document doc;
    auto root = wml_root(doc, "w:hdr");
    auto p = add_paragraph(root, styled(style::kPageHeader));
    if (page_number) {
        // R1.6: the page number is a PAGE field (§17.16.5.43), so it stays right when a
        // clerk adds a paragraph; a complex field (fldChar begin/separate/end) with a
        // cached result, which every reader shows even without updating fields.
        auto field_char = [&](const char* type) {
            p.append_child("w:r").append_child("w:fldChar").append_attribute("w:fldCharType") = type;
        };
        field_char("begin");
        auto instr = p.append_child("w:r").append_child("w:instrText");
        instr.append_attribute("xml:space") = "preserve";
        instr.text().set(" PAGE ");
        field_char("separate");
        add_run(p, "2");
        field_char("end");
    }
    return serialize(doc);
}

}  // namespace vanban::docx
