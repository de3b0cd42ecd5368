#include "sign/sign.h"

#include "core/diagnostic.h"
#include "sign/appearance.h"
#include "sign/fields.h"
#include "sign/pdf_update.h"
#include "sign/ssl.h"
#include "sign/stamp.h"

#include <qpdf/QPDFPageDocumentHelper.hh>

#include <cstdio>
#include <map>
#include <optional>

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

// "05/LĐLĐ-TG" from the Info dictionary's /Keywords when it has the number-slash-symbol
// form; "" when the document has no number yet (the keywords are then the symbol alone).
std::string keywords_number(QPDF& pdf) {
    QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
    if (!info.isDictionary() || !info.getKey("/Keywords").isString()) return {};
    const std::string k = info.getKey("/Keywords").getUTF8Value();
    const std::size_t slash = k.find('/');
    if (slash == 0 || slash == std::string::npos || k.size() > 100) return {};
    for (std::size_t i = 0; i < slash; ++i) if (k[i] < '0' || k[i] > '9') return {};
    return k;
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

    const bool box = opt.role == Role::copy || opt.role == Role::appendix;
    if (box && (!opt.signature_png.empty() || !opt.seal_png.empty())) {
        throw Error(Diagnostic{name, 0, 0, {}, "a copy or an appendix shows no signature or seal image (NĐ 30 ô 14)"});
    }
    // A pre-placed empty field (render --signature-fields) is filled where it is: its
    // /Rect is ô 7c (or, for the seal alone, ô 8) unless the caller says otherwise.
    const std::optional<EmptyField> field = field_to_fill(up.pdf(), pages, opt.role, opt.field, name);
    if (field && !opt.area && !box) {
        opt.area = field->rect;
        opt.seal_centred = opt.signature_png.empty();
    }
    // A separate-file appendix carries its document's number (the PDF writer puts "số/ký
    // hiệu" in /Keywords); a copy has its own (số bản sao), so it must be given.
    if (opt.role == Role::appendix && opt.number.empty()) opt.number = keywords_number(up.pdf());
    Widget w = box ? write_stamp(up, pages, opt) : write_appearance(up, pages, opt);
    if (field && !box && opt.signature_png.empty() && opt.seal_png.empty()) {
        // Invisible into a pre-placed field: the field keeps its place, its appearance stays empty.
        w.rect = field->rect;
        char bbox[80];
        std::snprintf(bbox, sizeof bbox, "[0 0 %.2f %.2f]", w.rect.x2 - w.rect.x1, w.rect.y2 - w.rect.y1);
        up.put_stream(QPDFObjGen(w.appearance, 0), std::string("<< /Type /XObject /Subtype /Form /BBox ") + bbox + " >>", "");
    }
    char rect[160];
    std::snprintf(rect, sizeof rect, "[%.2f %.2f %.2f %.2f]", w.rect.x1, w.rect.y1, w.rect.x2, w.rect.y2);
    QPDFObjectHandle page = pages[static_cast<std::size_t>(w.rect.page)].getObjectHandle();
    // /F 132 = Print | Locked: PDF/A-1 (6.5.3) wants printable annotations.
    std::map<std::string, std::string> keys{
        {"/V", ref(sig)}, {"/F", "132"}, {"/Rect", rect}, {"/AP", "<< /N " + ref(w.appearance) + " >>"}};
    if (field) {
        if (w.rect.page != field->rect.page) {
            throw Error(Diagnostic{name, 0, 0, {}, "the signature field " + field->name + " is on page " +
                                                       std::to_string(field->rect.page + 1) + ", the signature on page " +
                                                       std::to_string(w.rect.page + 1)});
        }
        up.put(field->field.getObjGen(), dict_text(field->field, keys));
        mark_signed(up);
    } else {
        const int widget = up.new_object();
        up.put(widget, "<< /Type /Annot /Subtype /Widget /FT /Sig /T " +
                           text_string(unused_field_name(up.pdf(), "Signature")) + " /V " + keys["/V"] + " /F 132 /Rect " +
                           rect + " /P " + ref(page.getObjGen()) + " /AP " + keys["/AP"] + " >>");
        attach_fields(up, {{page, widget}}, true);
    }

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
