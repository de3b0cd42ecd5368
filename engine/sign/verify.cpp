#include "sign/verify.h"

#include "sign/verify_cms.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <algorithm>
#include <memory>

namespace vanban::sign {

namespace {

struct Found {
    std::string field;
    QPDFObjectHandle value;  // the signature dictionary
};

void collect_fields(QPDFObjectHandle fields, const std::string& prefix, std::vector<Found>& out, int depth) {
    if (!fields.isArray() || depth > 32) return;
    for (auto f : fields.getArrayAsVector()) {
        if (!f.isDictionary()) continue;
        const std::string t = f.getKey("/T").isString() ? f.getKey("/T").getUTF8Value() : std::string();
        const std::string name = prefix.empty() ? t : prefix + "." + t;
        QPDFObjectHandle v = f.getKey("/V");
        if (f.getKey("/FT").isName() && f.getKey("/FT").getName() == "/Sig" && v.isDictionary()) out.push_back({name, v});
        collect_fields(f.getKey("/Kids"), name, out, depth + 1);
    }
}

std::unique_ptr<QPDF> open(const std::string& bytes, const std::string& name) {
    auto pdf = std::make_unique<QPDF>();
    pdf->setSuppressWarnings(true);
    pdf->processMemoryFile(name.c_str(), bytes.data(), bytes.size());
    return pdf;
}

// An object in PDF syntax, with a stream's data, so two revisions can be compared.
std::string object_text(QPDFObjectHandle o) {
    if (!o.isStream()) return o.unparseResolved();
    std::string s = o.getDict().unparse();
    auto data = o.getRawStreamData();
    s.append(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    return s;
}

// Keys in which `before` and `after` (dictionaries) differ.
std::vector<std::string> changed_keys(QPDFObjectHandle before, QPDFObjectHandle after) {
    std::vector<std::string> out;
    std::set<std::string> keys = before.getKeys();
    for (const auto& k : after.getKeys()) keys.insert(k);
    for (const auto& k : keys) {
        if (before.getKey(k).unparse() != after.getKey(k).unparse()) out.push_back(k);
    }
    return out;
}

bool only(const std::vector<std::string>& keys, std::initializer_list<const char*> allowed) {
    return std::all_of(keys.begin(), keys.end(), [&](const std::string& k) {
        return std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return k == a; });
    });
}

bool is_signature_widget(QPDFObjectHandle o) {
    return o.isDictionary() && o.getKey("/FT").isName() && o.getKey("/FT").getName() == "/Sig";
}

// What the revisions after `signed_bytes` changed; fails when anything but the shape of
// a further signature changed (its dictionary, widget, appearance, AcroForm, the page's
// /Annots, the catalog's /AcroForm, /DSS).
Verdict compare_revisions(QPDF& now, const std::string& signed_bytes, const std::string& name,
                          std::vector<std::string>& changes) {
    std::unique_ptr<QPDF> before;
    try {
        before = open(signed_bytes, name);
    } catch (const std::exception& e) {
        return {false, std::string("the signed revision cannot be read: ") + e.what()};
    }
    const QPDFObjGen root = now.getRoot().getObjGen();
    std::set<QPDFObjGen> pages;
    for (auto& p : QPDFPageDocumentHelper(now).getAllPages()) pages.insert(p.getObjectHandle().getObjGen());
    int added = 0, added_sigs = 0;
    std::vector<std::string> forbidden;
    for (auto o : now.getAllObjects()) {
        QPDFObjectHandle old = before->getObject(o.getObjGen());
        const std::string what = std::to_string(o.getObjectID()) + " " + std::to_string(o.getGeneration());
        if (old.isNull()) {
            ++added;
            if (is_signature_widget(o)) ++added_sigs;
            continue;
        }
        if (object_text(old) == object_text(o)) continue;
        if (o.getObjGen() == root) {
            const auto keys = changed_keys(old, o);
            changes.push_back("catalog: " + [&] { std::string s; for (auto& k : keys) s += k + " "; return s; }());
            if (!only(keys, {"/AcroForm", "/DSS", "/Perms"})) forbidden.push_back("the catalog");
        } else if (pages.count(o.getObjGen())) {
            const auto keys = changed_keys(old, o);
            changes.push_back("page object " + what + ": annotations");
            if (!only(keys, {"/Annots"})) forbidden.push_back("page object " + what + " (beyond /Annots)");
        } else if (is_signature_widget(old) && !old.hasKey("/V") && is_signature_widget(o)) {
            // A pre-placed empty field (render --signature-fields) signed later.
            changes.push_back("empty signature field " + what + " signed");
            if (!only(changed_keys(old, o), {"/V", "/AP", "/Rect", "/F"})) forbidden.push_back("signature field " + what);
        } else if (o.isDictionary() && o.hasKey("/Fields")) {
            changes.push_back("AcroForm: fields");
            if (!only(changed_keys(old, o), {"/Fields", "/SigFlags", "/NeedAppearances", "/DR"})) {
                forbidden.push_back("the AcroForm");
            }
        } else if (o.isArray()) {
            changes.push_back("array " + what + " (annotations or fields) grew");
            auto a = old.isArray() ? old.getArrayAsVector() : std::vector<QPDFObjectHandle>{};
            auto b = o.getArrayAsVector();
            bool prefix = a.size() <= b.size();
            for (std::size_t i = 0; prefix && i < a.size(); ++i) prefix = a[i].unparse() == b[i].unparse();
            for (std::size_t i = a.size(); prefix && i < b.size(); ++i) prefix = is_signature_widget(b[i]);
            if (!prefix) forbidden.push_back("array " + what);
        } else {
            changes.push_back("object " + what + " modified");
            forbidden.push_back("object " + what);
        }
    }
    if (added) {
        changes.insert(changes.begin(), std::to_string(added) + " objects added (" + std::to_string(added_sigs) +
                                            " signature field" + (added_sigs == 1 ? ")" : "s)"));
    }
    if (forbidden.empty()) return {true, changes.empty() ? "nothing" : "signature fields only"};
    std::string s = "changed after signing: ";
    for (std::size_t i = 0; i < forbidden.size(); ++i) s += (i ? ", " : "") + forbidden[i];
    return {false, s};
}

SignatureCheck check_one(QPDF& pdf, const std::string& bytes, const std::string& name, const Found& found,
                         const VerifyOptions& options) {
    SignatureCheck c;
    Found f = found;  // QPDFObjectHandle's getters are not const
    c.field = f.field;
    QPDFObjectHandle sub = f.value.getKey("/SubFilter");
    c.sub_filter = sub.isName() ? sub.getName().substr(1) : "";
    if (f.value.getKey("/M").isString()) c.signing_time = f.value.getKey("/M").getUTF8Value();
    QPDFObjectHandle br = f.value.getKey("/ByteRange");
    for (auto& v : br.isArray() ? br.getArrayAsVector() : std::vector<QPDFObjectHandle>{}) {
        c.byte_range.push_back(v.isInteger() ? v.getIntValue() : -1);
    }
    c.integrity = c.signature = c.chain = c.signing_certificate = {false, "not checked"};
    c.changes_after = {false, "not checked"};
    const auto size = static_cast<long long>(bytes.size());
    const auto& r = c.byte_range;
    if (r.size() != 4 || r[0] != 0 || r[1] < 2 || r[2] <= r[1] || r[3] < 0) {
        c.byte_range_shape = {false, "/ByteRange is not [0 a b c] with a < b"};
        return c;
    }
    if (r[2] + r[3] > size) {
        c.byte_range_shape = {false, "/ByteRange reaches past the end of the file (truncated?)"};
        return c;
    }
    QPDFObjectHandle contents = f.value.getKey("/Contents");
    const std::string der = contents.isString() ? contents.getStringValue() : std::string();
    const std::string_view gap = std::string_view(bytes).substr(static_cast<std::size_t>(r[1]),
                                                                static_cast<std::size_t>(r[2] - r[1]));
    const bool hex_gap = gap.size() == der.size() * 2 + 2 && gap.front() == '<' && gap.back() == '>' &&
                         gap.find_first_not_of("0123456789abcdefABCDEF", 1) == gap.size() - 1;
    if (!hex_gap) {
        c.byte_range_shape = {false, "the /ByteRange gap is not exactly the /Contents hex string"};
        return c;
    }
    c.byte_range_shape = {true, {}};
    const std::string_view all(bytes);
    const CmsChecks m = check_cms(der, all.substr(0, static_cast<std::size_t>(r[1])),
                                  all.substr(static_cast<std::size_t>(r[2]), static_cast<std::size_t>(r[3])), options);
    c.signer = m.signer;
    c.integrity = m.integrity;
    c.signature = m.signature;
    c.chain = m.chain;
    c.signing_certificate = m.signing_certificate;
    c.timestamp = m.timestamp;
    const long long end = r[2] + r[3];
    c.covers_whole_file = end == size;
    if (c.covers_whole_file) c.changes_after = {true, "nothing"};
    else c.changes_after = compare_revisions(pdf, bytes.substr(0, static_cast<std::size_t>(end)), name, c.changes);
    return c;
}

}  // namespace

bool SignatureCheck::valid() const {
    return byte_range_shape.ok && integrity.ok && signature.ok && chain.ok && signing_certificate.ok &&
           (!timestamp || timestamp->ok) && changes_after.ok;
}

bool VerifyReport::valid() const {
    return errors.empty() && !signatures.empty() && signatures.back().covers_whole_file &&
           std::all_of(signatures.begin(), signatures.end(), [](const SignatureCheck& s) { return s.valid(); });
}

VerifyReport verify_pdf(const std::string& bytes, const std::string& name, const VerifyOptions& options) {
    VerifyReport report;
    report.file = name;
    try {
        std::unique_ptr<QPDF> pdf = open(bytes, name);
        std::vector<Found> found;
        QPDFObjectHandle form = pdf->getRoot().getKey("/AcroForm");
        if (form.isDictionary()) collect_fields(form.getKey("/Fields"), "", found, 0);
        if (found.empty()) report.errors.push_back("no signature in the file");
        for (const auto& f : found) report.signatures.push_back(check_one(*pdf, bytes, name, f, options));
        // Signing order: by where each signed revision ends.
        std::stable_sort(report.signatures.begin(), report.signatures.end(),
                         [](const SignatureCheck& a, const SignatureCheck& b) {
                             auto end = [](const SignatureCheck& s) {
                                 return s.byte_range.size() == 4 ? s.byte_range[2] + s.byte_range[3] : 0;
                             };
                             return end(a) < end(b);
                         });
        if (pdf->anyWarnings()) report.errors.push_back("the PDF is damaged (QPDF had to repair it)");
    } catch (const std::exception& e) {
        report.errors.push_back(std::string("not a readable PDF: ") + e.what());
    }
    return report;
}

}  // namespace vanban::sign
