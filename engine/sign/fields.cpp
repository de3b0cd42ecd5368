#include "sign/fields.h"

#include "core/diagnostic.h"

#include <qpdf/QPDFPageDocumentHelper.hh>

#include <algorithm>
#include <cstdio>
#include <map>

namespace vanban::sign {

namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

std::string rect_text(const PageRect& r) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "[%.2f %.2f %.2f %.2f]", r.x1, r.y1, r.x2, r.y2);
    return buf;
}

bool is_sig_field(QPDFObjectHandle f) {
    return f.isDictionary() && f.getKey("/FT").isName() && f.getKey("/FT").getName() == "/Sig";
}

std::string field_name(QPDFObjectHandle f) { return f.getKey("/T").isString() ? f.getKey("/T").getUTF8Value() : ""; }

std::vector<QPDFObjectHandle> top_fields(QPDF& pdf) {
    QPDFObjectHandle form = pdf.getRoot().getKey("/AcroForm");
    QPDFObjectHandle fields = form.isDictionary() ? form.getKey("/Fields") : QPDFObjectHandle();
    return fields.isArray() ? fields.getArrayAsVector() : std::vector<QPDFObjectHandle>{};
}

}  // namespace

void attach_fields(PdfUpdate& up, const std::vector<std::pair<QPDFObjectHandle, int>>& widgets, bool signed_) {
    // Per page, all its new widgets at once: each put() replaces the object's body.
    std::map<QPDFObjGen, std::pair<QPDFObjectHandle, std::string>> per_page;
    std::string all;
    for (const auto& [page, widget] : widgets) {
        auto& entry = per_page[page.getObjGen()];
        entry.first = page;
        entry.second += (entry.second.empty() ? "" : " ") + ref(widget);
        all += (all.empty() ? "" : " ") + ref(widget);
    }
    for (const auto& [id, entry] : per_page) {
        QPDFObjectHandle page = entry.first, annots = page.getKey("/Annots");
        if (annots.isIndirect() && annots.isArray()) up.put(annots.getObjGen(), array_text(annots, entry.second));
        else up.put(id, dict_text(page, {{"/Annots", array_text(annots, entry.second)}}));
    }
    const std::string flags = signed_ ? "3" : "1";
    QPDFObjectHandle catalog = up.pdf().getRoot();
    QPDFObjectHandle form = catalog.getKey("/AcroForm");
    if (!form.isDictionary()) {
        const int id = up.new_object();
        up.put(id, "<< /Fields [" + all + "] /SigFlags " + flags + " >>");
        up.put(catalog.getObjGen(), dict_text(catalog, {{"/AcroForm", ref(id)}}));
        return;
    }
    QPDFObjectHandle fields = form.getKey("/Fields");
    std::map<std::string, std::string> set;
    const bool had_signed = form.getKey("/SigFlags").isInteger() && (form.getKey("/SigFlags").getIntValue() & 2);
    set["/SigFlags"] = had_signed ? "3" : flags;
    if (fields.isIndirect() && fields.isArray()) up.put(fields.getObjGen(), array_text(fields, all));
    else set["/Fields"] = array_text(fields, all);
    // PDF/A-1 (ISO 19005-1 §6.9) forbids NeedAppearances true.
    if (form.hasKey("/NeedAppearances")) set["/NeedAppearances"] = "false";
    if (form.isIndirect()) up.put(form.getObjGen(), dict_text(form, set));
    else up.put(catalog.getObjGen(), dict_text(catalog, {{"/AcroForm", dict_text(form, set)}}));
}

void mark_signed(PdfUpdate& up) {
    QPDFObjectHandle catalog = up.pdf().getRoot();
    QPDFObjectHandle form = catalog.getKey("/AcroForm");
    std::map<std::string, std::string> set{{"/SigFlags", "3"}};
    if (form.hasKey("/NeedAppearances")) set["/NeedAppearances"] = "false";
    if (form.isIndirect()) up.put(form.getObjGen(), dict_text(form, set));
    else up.put(catalog.getObjGen(), dict_text(catalog, {{"/AcroForm", dict_text(form, set)}}));
}

std::string unused_field_name(QPDF& pdf, const std::string& prefix) {
    const auto fields = top_fields(pdf);
    for (int n = 1;; ++n) {
        const std::string name = prefix + std::to_string(n);
        bool taken = false;
        for (auto f : fields) taken = taken || (f.isDictionary() && field_name(f) == name);
        if (!taken) return name;
    }
}

std::optional<EmptyField> field_to_fill(QPDF& pdf, std::vector<QPDFPageObjectHelper>& pages, Role role,
                                        const std::string& wanted, const std::string& file) {
    const std::string prefix = role == Role::approve ? "Signature" : role == Role::issue ? "Seal" : "";
    for (auto f : top_fields(pdf)) {
        if (!is_sig_field(f)) continue;
        const std::string name = field_name(f);
        if (!wanted.empty() ? name != wanted : prefix.empty() || name.rfind(prefix, 0) != 0) continue;
        if (f.hasKey("/V")) {
            if (!wanted.empty()) throw Error(Diagnostic{file, 0, 0, {}, "the field " + wanted + " is already signed"});
            continue;
        }
        int page = -1;
        for (std::size_t p = 0; p < pages.size() && page < 0; ++p) {
            QPDFObjectHandle annots = pages[p].getObjectHandle().getKey("/Annots");
            if (!annots.isArray()) continue;
            for (auto a : annots.getArrayAsVector()) {
                if (a.getObjGen() == f.getObjGen()) page = static_cast<int>(p);
            }
        }
        if (page < 0 || !f.getKey("/Rect").isRectangle()) {
            throw Error(Diagnostic{file, 0, 0, {}, "the empty signature field " + name +
                                                       " is not a widget on a page; vanban fills only such fields"});
        }
        const auto r = f.getKey("/Rect").getArrayAsRectangle();
        return EmptyField{f, {page, std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx),
                              std::max(r.lly, r.ury)}, name};
    }
    if (!wanted.empty()) throw Error(Diagnostic{file, 0, 0, {}, "the PDF has no signature field named " + wanted});
    return std::nullopt;
}

std::vector<FieldPlace> signer_fields(const PageRect& area, int n, double seal_mm) {
    const double s = seal_mm * kPointsPerMm;
    // The signature image is centred in ô 7c at its height; signature images are about
    // twice as wide as high, so its left third ends a sixth of that width left of centre.
    const double image = std::min(area.x2 - area.x1, 2 * (area.y2 - area.y1));
    const double right = (area.x1 + area.x2) / 2 - image / 6, middle = (area.y1 + area.y2) / 2;
    return {{"Signature" + std::to_string(n), area},
            {"Seal" + std::to_string(n), {area.page, right - s, middle - s / 2, right, middle + s / 2}}};
}

std::string add_signature_fields(std::string pdf, const std::string& name, const std::vector<FieldPlace>& places) {
    PdfUpdate up(std::move(pdf), name);
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(up.pdf()).getAllPages();
    std::vector<std::pair<QPDFObjectHandle, int>> widgets;
    for (const auto& place : places) {
        if (place.rect.page < 0 || static_cast<std::size_t>(place.rect.page) >= pages.size()) {
            throw Error(Diagnostic{name, 0, 0, {}, "internal: a signature field on a page the PDF does not have"});
        }
        QPDFObjectHandle page = pages[static_cast<std::size_t>(place.rect.page)].getObjectHandle();
        const int ap = up.new_object(), widget = up.new_object();
        char bbox[80];
        std::snprintf(bbox, sizeof bbox, "[0 0 %.2f %.2f]", place.rect.x2 - place.rect.x1, place.rect.y2 - place.rect.y1);
        // An empty appearance: PDF/A-1 wants one for every printable widget.
        up.put_stream(QPDFObjGen(ap, 0), std::string("<< /Type /XObject /Subtype /Form /BBox ") + bbox + " >>", "");
        up.put(widget, "<< /Type /Annot /Subtype /Widget /FT /Sig /T " + text_string(place.name) + " /F 4 /Rect " +
                           rect_text(place.rect) + " /P " + ref(page.getObjGen()) + " /AP << /N " + ref(ap) + " >> >>");
        widgets.emplace_back(page, widget);
    }
    attach_fields(up, widgets, false);
    return up.finish();
}

}  // namespace vanban::sign
