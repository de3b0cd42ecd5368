// The PDF/A-1b shape (ISO 19005-1), checked only when the file claims it through
// pdfaid in its XMP: part 1 level B, an sRGB-style GTS_PDFA1 OutputIntent with a
// profile, a trailer /ID, no encryption, no transparency, fonts embedded, PDF ≤ 1.4,
// and the XMP equal to the Info dictionary (§6.7.3). A validator (Preflight) is the
// real judge; this is the quick look `vanban check` can give without Java.
#include "check/archive.h"
#include "check/rules.h"

#include <pugixml.hpp>

#include <algorithm>
#include <optional>
#include <string>

namespace vanban::check {

namespace {

// The text of an XMP property written as an element (<pdf:Producer>x</…>, or an
// rdf:Alt / rdf:Seq of rdf:li) or as an attribute of rdf:Description.
std::optional<std::string> property(const pugi::xml_document& doc, const char* name) {
    for (const pugi::xpath_node& n : doc.select_nodes("//*")) {
        const pugi::xml_node node = n.node();
        if (const pugi::xml_attribute at = node.attribute(name)) return std::string(at.value());
        if (std::string_view(node.name()) != name) continue;
        if (const pugi::xml_node li = node.select_node(".//*[local-name()='li']").node()) return std::string(li.child_value());
        return std::string(node.child_value());
    }
    return std::nullopt;
}

// D:20091230000000Z → 2009-12-30T00:00:00 (the compared part; zones are not rewritten).
std::string iso_of_pdf_date(std::string d) {
    if (d.starts_with("D:")) d = d.substr(2);
    std::string digits;
    for (const char c : d) {
        if (c < '0' || c > '9') break;
        digits += c;
    }
    if (digits.size() < 14) digits.resize(14, '0');
    return digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6, 2) + "T" + digits.substr(8, 2) + ":" +
           digits.substr(10, 2) + ":" + digits.substr(12, 2);
}

}  // namespace

void check_pdfa(const PdfContent& pdf, Findings& out) {
    if (pdf.xmp.find("pdfaid") == std::string::npos) {
        out.skip("PDF/A", "not claimed (no pdfaid in XMP metadata); PDF/A shape not checked");
        return;
    }
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_buffer(pdf.xmp.data(), pdf.xmp.size());
    if (!parsed) {
        out.fail("PDF/A", std::string("XMP metadata is not well-formed XML: ") + parsed.description());
        return;
    }
    const auto part = property(doc, "pdfaid:part");
    const auto conformance = property(doc, "pdfaid:conformance");
    out.check(part == "1" && conformance == "B", "PDF/A",
              "claims part " + part.value_or("?") + " conformance " + conformance.value_or("?") + " (1, B)");
    out.check(pdf.version <= "1.4", "PDF/A", "PDF version " + pdf.version + " (≤ 1.4 for PDF/A-1)");
    out.check(pdf.output_intent_pdfa && pdf.output_intent_profile, "PDF/A",
              pdf.output_intent_pdfa ? (pdf.output_intent_profile ? "GTS_PDFA1 OutputIntent with an ICC profile"
                                                                  : "GTS_PDFA1 OutputIntent without /DestOutputProfile")
                                     : "no GTS_PDFA1 OutputIntent");
    out.check(pdf.has_id, "PDF/A", pdf.has_id ? "trailer /ID present" : "no trailer /ID");
    out.check(!pdf.encrypted, "PDF/A", pdf.encrypted ? "the file is encrypted" : "not encrypted");
    out.check(!pdf.transparency, "PDF/A", pdf.transparency ? "transparency is used" : "no transparency");
    const bool embedded = std::all_of(pdf.fonts.begin(), pdf.fonts.end(), [](const FontInfo& f) { return f.embedded; });
    out.check(embedded, "PDF/A", embedded ? "every font embedded" : "a font is not embedded");

    // §6.7.3: each Info entry equals its XMP twin.
    struct Pair {
        const char* info;
        const char* xmp;
        bool date;
    };
    static constexpr Pair kPairs[] = {{"Title", "dc:title", false},         {"Author", "dc:creator", false},
                                      {"Subject", "dc:description", false}, {"Keywords", "pdf:Keywords", false},
                                      {"Creator", "xmp:CreatorTool", false}, {"Producer", "pdf:Producer", false},
                                      {"CreationDate", "xmp:CreateDate", true}, {"ModDate", "xmp:ModifyDate", true}};
    int mismatches = 0;
    for (const Pair& p : kPairs) {
        const auto it = pdf.info.find(p.info);
        const auto x = property(doc, p.xmp);
        if (it == pdf.info.end() && !x) continue;
        if (it == pdf.info.end() || !x) {
            out.fail("PDF/A", std::string("Info /") + p.info + (x ? " missing but XMP has " : " present but XMP lacks ") + p.xmp);
            ++mismatches;
            continue;
        }
        const bool equal = p.date ? x->starts_with(iso_of_pdf_date(it->second)) : *x == it->second;
        if (!equal) {
            out.fail("PDF/A", std::string("Info /") + p.info + " " + quote_text(it->second) + " ≠ XMP " + p.xmp + " " + quote_text(*x));
            ++mismatches;
        }
    }
    if (mismatches == 0) out.pass("PDF/A", "XMP metadata equals the Info dictionary");

    // NĐ 30 Phụ lục VI: the archive record, as archive_fields reads it back.
    const auto record = archive_fields(pdf.xmp, "XMP");
    if (record.empty()) {
        out.skip("PL VI", "no archive metadata (vbarc:) in the XMP");
    } else {
        std::string listed;
        for (const char* key : {"TypeName", "CodeNumber", "CodeNotation", "IssuedDate", "OrganId", "PageAmount"}) {
            const auto it = record.find(key);
            if (it == record.end()) continue;
            listed += (listed.empty() ? "" : ", ") + std::string(key) + " " + quote_text(it->second);
        }
        const bool complete = record.count("TypeName") && record.count("CodeNotation") && record.count("Subject") &&
                              record.count("OrganName") && record.count("PageAmount");
        const auto pages = record.find("PageAmount");
        const bool pages_right = pages != record.end() && pages->second == std::to_string(pdf.pages.size());
        out.check(complete && pages_right, "PL VI",
                  "archive metadata (" + std::to_string(record.size()) + " fields): " + listed +
                      (pages_right ? "" : "; PageAmount differs from the file's " + std::to_string(pdf.pages.size()) + " pages"));
    }
}

}  // namespace vanban::check
