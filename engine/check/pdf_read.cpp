// read_pdf: QPDF opens the file (repairing what it can, and saying so); we walk the
// pages, their fonts and content, then the metadata PDF/A cares about.
#include "check/pdf_content.h"
#include "check/pdf_model.h"
#include "core/diagnostic.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <cmath>
#include <memory>

namespace vanban::check {

namespace {

std::string stream_text(QPDFObjectHandle stream) {
    const std::shared_ptr<Buffer> data = stream.getStreamData();
    return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

void read_info(QPDF& pdf, PdfContent& out) {
    QPDFObjectHandle trailer = pdf.getTrailer();
    QPDFObjectHandle id = trailer.getKey("/ID");
    out.has_id = id.isArray() && id.getArrayNItems() == 2 && id.getArrayItem(0).isString() &&
                 id.getArrayItem(1).isString();
    QPDFObjectHandle info = trailer.getKey("/Info");
    if (info.isDictionary()) {
        for (auto [key, value] : info.getDictAsMap()) {
            // getUTF8Value decodes both PDFDocEncoding and UTF-16BE text strings (§7.9.2.2).
            if (value.isString()) out.info[key.substr(1)] = value.getUTF8Value();
            else if (value.isName()) out.info[key.substr(1)] = value.getName().substr(1);
        }
    }
    QPDFObjectHandle root = pdf.getRoot();
    QPDFObjectHandle metadata = root.getKey("/Metadata");
    if (metadata.isStream()) {
        try {
            out.xmp = stream_text(metadata);
        } catch (const std::exception& e) {
            out.warnings.push_back(std::string("unreadable XMP metadata: ") + e.what());
        }
    }
    QPDFObjectHandle intents = root.getKey("/OutputIntents");
    if (intents.isArray()) {
        for (auto oi : intents.getArrayAsVector()) {
            if (!oi.isDictionary() || !oi.getKey("/S").isName() || oi.getKey("/S").getName() != "/GTS_PDFA1") continue;
            out.output_intent_pdfa = true;
            if (oi.getKey("/DestOutputProfile").isStream()) out.output_intent_profile = true;
        }
    }
}

// ISO 19005-1 §6.4: no soft masks, no constant alpha below 1, no blend mode but Normal.
bool uses_transparency(QPDFPageObjectHelper page) {
    QPDFObjectHandle group = page.getObjectHandle().getKey("/Group");
    if (group.isDictionary() && group.getKey("/S").isName() && group.getKey("/S").getName() == "/Transparency") {
        return true;
    }
    QPDFObjectHandle res = page.getAttribute("/Resources", false);
    QPDFObjectHandle gs = res.isDictionary() ? res.getKey("/ExtGState") : QPDFObjectHandle();
    if (!gs.isDictionary()) return false;
    for (auto [name, g] : gs.getDictAsMap()) {
        if (!g.isDictionary()) continue;
        for (const char* key : {"/CA", "/ca"}) {
            if (g.getKey(key).isNumber() && g.getKey(key).getNumericValue() < 1) return true;
        }
        QPDFObjectHandle smask = g.getKey("/SMask");
        if (!smask.isNull() && !(smask.isName() && smask.getName() == "/None")) return true;
        QPDFObjectHandle bm = g.getKey("/BM");
        if (bm.isName() && bm.getName() != "/Normal" && bm.getName() != "/Compatible") return true;
    }
    return false;
}

}  // namespace

PdfContent read_pdf(std::string_view bytes, const std::string& name) {
    PdfContent out;
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);  // collected below instead of printed
        pdf.processMemoryFile(name.c_str(), bytes.data(), bytes.size());
        out.version = pdf.getPDFVersion();
        out.encrypted = pdf.isEncrypted();
        FontCache fonts;
        int index = 0;
        for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
            const QPDFObjectHandle::Rectangle box = page.getMediaBox().getArrayAsRectangle();
            PageBox pb{box.urx - box.llx, box.ury - box.lly};
            QPDFObjectHandle rotate = page.getAttribute("/Rotate", false);
            if (rotate.isInteger() && std::abs(rotate.getIntValue()) % 180 == 90) std::swap(pb.width, pb.height);
            out.pages.push_back(pb);
            out.transparency = out.transparency || uses_transparency(page);
            read_page_content(page, index++, box.llx, box.ury, fonts, out);
        }
        out.fonts = fonts.infos();
        read_info(pdf, out);
        for (const QPDFExc& w : pdf.getWarnings()) out.warnings.push_back(w.what());
    } catch (const std::exception& e) {
        fail_at_pointer(name, "", std::string("cannot read the PDF: ") + e.what());
    }
    if (out.pages.empty()) fail_at_pointer(name, "", "the PDF has no pages");
    return out;
}

}  // namespace vanban::check
