#include "pdf/pdfa.h"

#include "core/diagnostic.h"
#include "pdf/deflate.h"
#include "pdf/info.h"
#include "pdf/syntax.h"

#include <hpdf_encrypt.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <system_error>

namespace vanban::pdf {

namespace {

namespace fs = std::filesystem;

// Appends `value` as XML character data (XML 1.0 §2.4). '&' and '<' must be
// escaped; '>' is too, so "]]>" cannot appear. A raw CR would reach the XMP
// reader as LF (XML 1.0 §2.11 end-of-line handling) and make the value differ
// from its Info twin, which ISO 19005-1 §6.7.3 forbids, so it goes as &#13;.
// Characters outside XML 1.0's Char production cannot be written at all.
void append_xml_text(std::string& out, std::string_view value, std::string_view what) {
    for (std::size_t i = 0; i < value.size();) {
        const std::size_t at = i;
        const auto c = next_code_point(value, i);
        if (!c) fail_at_pointer("", "", std::string(what) + ": invalid UTF-8 at byte " + std::to_string(at));
        switch (*c) {
            case '&': out += "&amp;"; continue;
            case '<': out += "&lt;"; continue;
            case '>': out += "&gt;"; continue;
            case '\r': out += "&#13;"; continue;
            default: break;
        }
        if ((*c < 0x20 && *c != '\t' && *c != '\n') || *c == 0xFFFE || *c == 0xFFFF) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(*c));
            fail_at_pointer("", "", std::string(what) + ": " + buf +
                                        " cannot be written in PDF/A metadata (XML 1.0 does not allow it)");
        }
        out.append(value.substr(at, i - at));
    }
}

// One rdf:Description per schema; each property on its own line. rdf:about=""
// in every one: they all describe this file (XMP Specification Part 1, RDF serialisation).
class XmpWriter {
public:
    explicit XmpWriter(std::string& out) : out_(out) {}

    void begin(const char* prefix, const char* uri) {
        out_ += "  <rdf:Description rdf:about=\"\" xmlns:";
        out_ += prefix;
        out_ += "=\"";
        out_ += uri;
        out_ += "\">\n";
    }
    void end() { out_ += "  </rdf:Description>\n"; }

    // A simple property; left out when empty, as write_info leaves out the key.
    void simple(const char* name, std::string_view value, std::string_view what) {
        if (value.empty()) return;
        open(name);
        append_xml_text(out_, value, what);
        close(name);
    }
    // A language alternative holding only the x-default item (dc:title and
    // dc:description are Lang Alt in Dublin Core's XMP schema; validators compare
    // the Info value with the x-default item under ISO 19005-1 §6.7.3).
    void alt(const char* name, std::string_view value, std::string_view what) {
        if (value.empty()) return;
        open(name);
        out_ += "<rdf:Alt><rdf:li xml:lang=\"x-default\">";
        append_xml_text(out_, value, what);
        out_ += "</rdf:li></rdf:Alt>";
        close(name);
    }
    // An ordered array of one item (dc:creator; Info /Author is one string).
    void seq(const char* name, std::string_view value, std::string_view what) {
        if (value.empty()) return;
        open(name);
        out_ += "<rdf:Seq><rdf:li>";
        append_xml_text(out_, value, what);
        out_ += "</rdf:li></rdf:Seq>";
        close(name);
    }

private:
    std::string& out_;
    void open(const char* name) {
        out_ += "   <";
        out_ += name;
        out_ += '>';
    }
    void close(const char* name) {
        out_ += "</";
        out_ += name;
        out_ += ">\n";
    }
};

std::string_view icc_tag(const std::string& data, std::size_t at) { return std::string_view(data).substr(at, 4); }

// Why `data` cannot be the PDF/A-1 output profile, or empty when it can. The
// header layout is ICC.1:1998-09 §6.1: size (0), version (8), device class (12),
// colour space (16), signature "acsp" (36).
std::string icc_problem(const std::string& data) {
    if (data.size() < 128 || icc_tag(data, 36) != "acsp") return "not an ICC profile";
    const auto byte = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(data[i])); };
    const std::uint32_t declared = byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3);
    if (declared != data.size()) return "truncated ICC profile";
    // An output intent's profile must describe the (RGB) colours the page uses
    // and be an output or monitor profile (ISO 19005-1 §6.2.2).
    if (icc_tag(data, 16) != "RGB ") return "not an RGB profile";
    if (icc_tag(data, 12) != "mntr" && icc_tag(data, 12) != "prtr") return "not a display or output profile";
    // PDF 1.4 reads ICC version 2 profiles (PDF Reference 1.4 §4.5.4); a v4
    // profile makes the file unreadable by the PDF version PDF/A-1 is based on.
    if (byte(8) != 2) return "ICC version " + std::to_string(byte(8)) + " (PDF/A-1 needs version 2)";
    return {};
}

// The profile file, or nullopt when it does not exist. Profiles are a few KB;
// anything over 4 MiB is not the sRGB profile we look for.
std::optional<std::string> read_small_file(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return std::nullopt;
    const auto size = fs::file_size(path, ec);
    if (ec || size > 4 * 1024 * 1024) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string data{std::istreambuf_iterator<char>(in), {}};
    if (in.bad()) return std::nullopt;
    return data;
}

// NĐ 30/2020 Phụ lục VI, Phần II.I: the fields of an outgoing electronic document,
// named as the national exchange format (edXML) names them. SignerInfo {Position,
// FullName} is flattened into two Text properties so that PDF/A-1's extension schema
// needs no structured value type.
struct ArchiveProperty {
    const char* name;
    std::string layout::ArchiveRecord::*field;
    const char* description;
};

constexpr ArchiveProperty kArchiveProperties[] = {
    {"OrganId", &layout::ArchiveRecord::organ_id, "Mã định danh"},
    {"FileCatalog", &layout::ArchiveRecord::file_catalog, "Mục lục số"},
    {"FileNotation", &layout::ArchiveRecord::file_notation, "Ký hiệu hồ sơ"},
    {"TypeName", &layout::ArchiveRecord::type_name, "Tên loại"},
    {"CodeNumber", &layout::ArchiveRecord::code_number, "Số"},
    {"CodeNotation", &layout::ArchiveRecord::code_notation, "Ký hiệu"},
    {"IssuedDate", &layout::ArchiveRecord::issued_date, "Ngày văn bản"},
    {"OrganName", &layout::ArchiveRecord::organ_name, "Cơ quan ban hành"},
    {"Subject", &layout::ArchiveRecord::subject, "Trích yếu"},
    {"Language", &layout::ArchiveRecord::language, "Ngôn ngữ"},
    {"PageAmount", &layout::ArchiveRecord::page_amount, "Số trang"},
    {"SignerInfoPosition", &layout::ArchiveRecord::signer_position, "Chức vụ người ký"},
    {"SignerInfoFullName", &layout::ArchiveRecord::signer_name, "Họ tên người ký"},
    {"To", &layout::ArchiveRecord::to, "Nơi nhận"},
    {"Priority", &layout::ArchiveRecord::priority, "Độ khẩn"},
    {"IssuedAmount", &layout::ArchiveRecord::issued_amount, "Số bản"},
    {"Description", &layout::ArchiveRecord::description, "Ghi chú"},
};

// ISO 19005-1 §6.7.8: properties outside the predefined XMP schemas are allowed only
// when the packet declares them (pdfaExtension); PDFBox Preflight reports 7.1.1 otherwise.
void append_archive_schema(std::string& out, const layout::ArchiveRecord& record) {
    out += "  <rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" "
           "xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" "
           "xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
           "   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
           "    <pdfaSchema:schema>vanban archive metadata (NĐ 30/2020 Phụ lục VI)</pdfaSchema:schema>\n"
           "    <pdfaSchema:namespaceURI>";
    out += kArchiveNamespace;
    out += "</pdfaSchema:namespaceURI>\n    <pdfaSchema:prefix>vbarc</pdfaSchema:prefix>\n"
           "    <pdfaSchema:property><rdf:Seq>\n";
    for (const auto& p : kArchiveProperties) {
        if ((record.*p.field).empty()) continue;  // declared only when written: the packet is unfiltered
        out += "     <rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>";
        out += p.name;
        out += "</pdfaProperty:name><pdfaProperty:valueType>Text</pdfaProperty:valueType>"
               "<pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>";
        out += p.description;
        out += "</pdfaProperty:description></rdf:li>\n";
    }
    out += "    </rdf:Seq></pdfaSchema:property>\n   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n  </rdf:Description>\n";
}

}  // namespace

std::string xmp_date(const layout::Date& d) {
    pdf_date(d);  // the same validation, the same error
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT00:00:00Z", d.year, d.month, d.day);
    return buf;
}

std::string xmp_packet(const layout::DocumentInfo& info) {
    std::string out;
    out.reserve(1024 + info.title.size() + info.author.size() + info.subject.size() + info.keywords.size());
    // The packet wrapper (XMP Specification Part 1). ISO 19005-1 §6.7.5: no "bytes" and no
    // "encoding" attribute in the header; begin="" holds the UTF-8 byte order mark.
    out += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
    out += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
    out += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
    XmpWriter w(out);

    // ISO 19005-1 §6.7.11: the version and conformance level identification.
    w.begin("pdfaid", "http://www.aiim.org/pdfa/ns/id/");
    w.simple("pdfaid:part", "1", "");
    w.simple("pdfaid:conformance", "B", "");
    w.end();

    // Dublin Core, PDF, XMP basic: predefined schemas (§6.7.8); vbarc: below is declared.
    w.begin("dc", "http://purl.org/dc/elements/1.1/");
    w.simple("dc:format", "application/pdf", "");
    w.alt("dc:title", info.title, "document Title");
    w.seq("dc:creator", info.author, "document Author");
    w.alt("dc:description", info.subject, "document Subject");
    w.end();

    w.begin("pdf", "http://ns.adobe.com/pdf/1.3/");
    w.simple("pdf:Producer", kProducer, "");
    w.simple("pdf:Keywords", info.keywords, "document Keywords");
    w.end();

    w.begin("xmp", "http://ns.adobe.com/xap/1.0/");
    w.simple("xmp:CreatorTool", info.creator, "document Creator");
    if (info.date) {
        const std::string date = xmp_date(*info.date);
        w.simple("xmp:CreateDate", date, "");
        w.simple("xmp:ModifyDate", date, "");
    }
    w.end();

    append_archive_schema(out, info.archive);
    w.begin("vbarc", kArchiveNamespace);
    for (const auto& prop : kArchiveProperties) {
        const std::string name = std::string("vbarc:") + prop.name;
        w.simple(name.c_str(), info.archive.*prop.field, prop.name);
    }
    w.end();

    out += " </rdf:RDF>\n";
    out += "</x:xmpmeta>\n";
    // Read-only: the file is issued, not edited in place, so no padding follows.
    out += "<?xpacket end=\"r\"?>";
    return out;
}

IccProfile load_icc_profile(std::span<const fs::path> candidates) {
    std::string tried;
    for (const fs::path& path : candidates) {
        if (!tried.empty()) tried += ", ";
        tried += path.string();
        auto data = read_small_file(path);
        if (!data) continue;
        if (const std::string problem = icc_problem(*data); !problem.empty()) {
            tried += " (" + problem + ")";
            continue;
        }
        IccProfile p;
        p.path = path;
        p.data = std::move(*data);
        p.deflated = deflate(p.data);
        HPDF_MD5_CTX md5;
        HPDF_MD5Init(&md5);
        HPDF_MD5Update(&md5, reinterpret_cast<const HPDF_BYTE*>(p.data.data()),
                       static_cast<HPDF_UINT32>(p.data.size()));
        HPDF_MD5Final(p.md5.data(), &md5);
        return p;
    }
    fail_at_pointer("", "",
                    "PDF/A needs an sRGB ICC profile and none was found (tried " + tried +
                        "); install the Debian package icc-profiles-free");
}

const IccProfile& srgb_profile() {
    // Debian's icc-profiles-free first (the package install-deps.sh installs; the
    // profile every test and size figure assumes), then a local install, then
    // colord's sRGB as a last resort (used only if it passes icc_problem). A
    // different profile gives different bytes and, through IccProfile::md5, a
    // different /ID.
    static const fs::path kCandidates[] = {
        "/usr/share/color/icc/sRGB.icc",
        "/usr/local/share/color/icc/sRGB.icc",
        "/usr/share/color/icc/colord/sRGB.icc",
    };
    // A function-local static is initialised once, thread-safely (C++ [stmt.dcl]/4);
    // if loading throws, the next call tries again.
    static const IccProfile profile = load_icc_profile(kCandidates);
    return profile;
}

void write_pdfa(haru::Document& doc, const layout::DocumentInfo& info, const IccProfile& profile) {
    haru::Dict catalog = doc.catalog();

    // ISO 19005-1 §6.7.2: the catalog's /Metadata stream, and it shall not carry
    // a /Filter, so that the XMP stays readable by tools that know nothing of PDF.
    haru::Stream xmp = doc.stream_as_is(xmp_packet(info), false);
    xmp.name("Type", "Metadata").name("Subtype", "XML");
    catalog.put("Metadata", xmp);

    // ISO 19005-1 §6.2.2: one OutputIntent of subtype GTS_PDFA1 whose
    // DestOutputProfile is an embedded ICC profile. §6.2.3.3 then allows the
    // DeviceRGB and DeviceGray colours the pages use. The profile was deflated
    // once per process (it is the same for every document).
    const bool z = doc.compress();
    haru::Stream icc = doc.stream_as_is(z ? profile.deflated : profile.data, z);
    icc.integer("N", 3).name("Alternate", "DeviceRGB");
    haru::Dict intent = doc.dict();
    intent.name("Type", "OutputIntent")
        .name("S", "GTS_PDFA1")
        .string("OutputConditionIdentifier", "sRGB IEC61966-2.1")
        .string("RegistryName", "http://www.color.org")
        .string("Info", "sRGB IEC61966-2.1")
        .put("DestOutputProfile", icc);
    catalog.put("OutputIntents", doc.array().add(intent));
}

}  // namespace vanban::pdf
