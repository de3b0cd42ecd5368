#include "sign/sign.h"

#include "core/diagnostic.h"
#include "sign/appearance.h"
#include "sign/pdf_update.h"
#include "sign/ssl.h"

#include <qpdf/QPDFPageDocumentHelper.hh>

#include <cstdio>

namespace vanban::sign {

namespace {

constexpr std::size_t kByteRangeWidth = 48;  // "0 1234567890 1234567890 1234567890" fits with room
constexpr const char* kByteRangeMark = "/ByteRange [";

// Room for the DER SignedData: the certificates, the signature, the attributes, and an
// RFC 3161 token when asked for (measured: 4.2 KB with an RSA-3072 chain, 8.5 KB with a
// timestamp).
std::size_t contents_room(const Credentials& who, bool timestamp) {
    std::size_t n = ssl::der(who.cert.get()).size() + 2048 + static_cast<std::size_t>(EVP_PKEY_get_size(who.key.get()));
    for (const auto& c : who.chain) n += ssl::der(c.get()).size();
    if (timestamp) n += 12 * 1024;
    return n;
}

// Adds `widget` to the page's /Annots and to the AcroForm's /Fields (creating the
// AcroForm), with /SigFlags 3 (SignaturesExist | AppendOnly).
void attach_field(PdfUpdate& up, QPDFObjectHandle page, int widget) {
    QPDFObjectHandle annots = page.getKey("/Annots");
    if (annots.isIndirect() && annots.isArray()) up.put(annots.getObjGen(), array_text(annots, ref(widget)));
    else up.put(page.getObjGen(), dict_text(page, {{"/Annots", array_text(annots, ref(widget))}}));

    QPDFObjectHandle catalog = up.pdf().getRoot();
    QPDFObjectHandle form = catalog.getKey("/AcroForm");
    if (!form.isDictionary()) {
        const int id = up.new_object();
        up.put(id, "<< /Fields [" + ref(widget) + "] /SigFlags 3 >>");
        up.put(catalog.getObjGen(), dict_text(catalog, {{"/AcroForm", ref(id)}}));
        return;
    }
    QPDFObjectHandle fields = form.getKey("/Fields");
    std::map<std::string, std::string> set{{"/SigFlags", "3"}};
    if (fields.isIndirect() && fields.isArray()) up.put(fields.getObjGen(), array_text(fields, ref(widget)));
    else set["/Fields"] = array_text(fields, ref(widget));
    // PDF/A-1 (ISO 19005-1 §6.9) forbids NeedAppearances true.
    if (form.hasKey("/NeedAppearances")) set["/NeedAppearances"] = "false";
    if (form.isIndirect()) up.put(form.getObjGen(), dict_text(form, set));
    else up.put(catalog.getObjGen(), dict_text(catalog, {{"/AcroForm", dict_text(form, set)}}));
}

int count_signature_fields(QPDF& pdf) {
    QPDFObjectHandle form = pdf.getRoot().getKey("/AcroForm");
    QPDFObjectHandle fields = form.isDictionary() ? form.getKey("/Fields") : QPDFObjectHandle();
    int n = 0;
    if (!fields.isArray()) return 0;
    for (auto f : fields.getArrayAsVector()) {
        if (f.isDictionary() && f.getKey("/FT").isName() && f.getKey("/FT").getName() == "/Sig") ++n;
    }
    return n;
}

std::string hex(std::string_view bytes) {
    static const char* kDigits = "0123456789ABCDEF";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out += kDigits[c >> 4];
        out += kDigits[c & 15];
    }
    return out;
}

}  // namespace

std::string pdf_date(std::time_t t) {
    const std::time_t local = t + 7 * 3600;
    std::tm tm{};
    gmtime_r(&local, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "D:%Y%m%d%H%M%S+07'00'", &tm);
    return buf;
}

std::string iso8601_vn(std::time_t t) {
    const std::time_t local = t + 7 * 3600;
    std::tm tm{};
    gmtime_r(&local, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+07:00", &tm);
    return buf;
}

std::string sign_pdf(std::string pdf, const std::string& name, const Credentials& who, const SignOptions& options) {
    SignOptions opt = options;
    if (opt.time == 0) opt.time = std::time(nullptr);
    PdfUpdate up(std::move(pdf), name);
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(up.pdf()).getAllPages();
    if (pages.empty()) throw Error(Diagnostic{name, 0, 0, {}, "the PDF has no page"});
    if (opt.expected_pages && static_cast<int>(pages.size()) != opt.expected_pages) {
        throw Error(Diagnostic{name, 0, 0, {}, "the PDF has " + std::to_string(pages.size()) + " pages, its input lays out to " +
                                                   std::to_string(opt.expected_pages) + ": is it the same document?"});
    }

    const std::size_t room = contents_room(who, static_cast<bool>(opt.timestamper));
    const int sig = up.new_object();
    std::string sig_dict = "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /M " +
                           QPDFObjectHandle::newString(pdf_date(opt.time)).unparse();
    if (!opt.reason.empty()) sig_dict += " /Reason " + text_string(opt.reason);
    if (!opt.location.empty()) sig_dict += " /Location " + text_string(opt.location);
    sig_dict += std::string(" ") + kByteRangeMark + std::string(kByteRangeWidth, ' ') + "] /Contents <" +
                std::string(room * 2, '0') + "> >>";
    up.put(sig, sig_dict);

    const Widget w = write_appearance(up, pages, opt);
    const int widget = up.new_object();
    const std::string field_name = "Signature" + std::to_string(count_signature_fields(up.pdf()) + 1);
    char rect[160];
    std::snprintf(rect, sizeof rect, "[%.2f %.2f %.2f %.2f]", w.rect.x1, w.rect.y1, w.rect.x2, w.rect.y2);
    QPDFObjectHandle page = pages[static_cast<std::size_t>(w.rect.page)].getObjectHandle();
    // /F 132 = Print | Locked: PDF/A-1 (6.5.3) wants printable annotations.
    up.put(widget, "<< /Type /Annot /Subtype /Widget /FT /Sig /T " + text_string(field_name) + " /V " + ref(sig) +
                       " /F 132 /Rect " + rect + " /P " + ref(page.getObjGen()) + " /AP << /N " + ref(w.appearance) +
                       " >> >>");
    attach_field(up, page, widget);

    const std::size_t from = up.update_offset();
    std::string out = up.finish();

    // The signature dictionary is the first object of the update (lowest new number).
    const std::size_t mark = out.find(kByteRangeMark, from);
    const std::size_t gap = out.find("/Contents <", mark) + 10;  // at '<'
    const std::size_t gap_end = gap + room * 2 + 2;               // after '>'
    if (mark == std::string::npos || out[gap_end - 1] != '>') {
        throw Error(Diagnostic{name, 0, 0, {}, "internal: the signature placeholder was not found"});
    }
    char range[kByteRangeWidth + 1];
    const int n = std::snprintf(range, sizeof range, "0 %zu %zu %zu", gap, gap_end, out.size() - gap_end);
    if (n <= 0 || static_cast<std::size_t>(n) > kByteRangeWidth) {
        throw Error(Diagnostic{name, 0, 0, {}, "the PDF is too large to sign"});
    }
    out.replace(mark + std::string_view(kByteRangeMark).size(), static_cast<std::size_t>(n), range);

    std::string signed_bytes = out.substr(0, gap);
    signed_bytes.append(out, gap_end, std::string::npos);
    const std::string cms = signed_data(who, ssl::sha256(signed_bytes), opt.timestamper);
    if (cms.size() > room) {
        throw Error(Diagnostic{name, 0, 0, {}, "internal: the CMS signature (" + std::to_string(cms.size()) +
                                                   " bytes) is larger than its placeholder"});
    }
    const std::string h = hex(cms);
    out.replace(gap + 1, h.size(), h);
    return out;
}

}  // namespace vanban::sign
