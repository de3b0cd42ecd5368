#include "sign/pdf_update.h"

#include "core/diagnostic.h"

#include <qpdf/QPDFExc.hh>

#include <cstdio>
#include <vector>

namespace vanban::sign {

namespace {

[[noreturn]] void fail(const std::string& file, const std::string& message) {
    throw Error(Diagnostic{file, 0, 0, {}, message});
}

// The number after the last "startxref" near the end of the file.
std::size_t last_startxref(std::string_view pdf, const std::string& name) {
    std::size_t end = pdf.find_last_not_of(" \r\n\t\f");
    if (end == std::string_view::npos || end < 4 || pdf.substr(end - 4, 5) != "%%EOF") {
        fail(name, "the PDF does not end with %%EOF (truncated?)");
    }
    const std::size_t at = pdf.rfind("startxref");
    if (at == std::string_view::npos || pdf.size() - at > 1024) fail(name, "no startxref at the end of the PDF");
    std::size_t i = at + 9;
    while (i < pdf.size() && (pdf[i] == ' ' || pdf[i] == '\r' || pdf[i] == '\n')) ++i;
    std::size_t value = 0;
    const std::size_t start = i;
    for (; i < pdf.size() && pdf[i] >= '0' && pdf[i] <= '9' && i - start < 15; ++i) {
        value = value * 10 + static_cast<std::size_t>(pdf[i] - '0');
    }
    if (i == start || value >= pdf.size()) fail(name, "the startxref offset is outside the PDF");
    return value;
}

}  // namespace

std::string ref(QPDFObjGen id) { return std::to_string(id.getObj()) + " " + std::to_string(id.getGen()) + " R"; }
std::string ref(int num) { return ref(QPDFObjGen(num, 0)); }

PdfUpdate::PdfUpdate(std::string original, std::string name)
    : original_(std::move(original)), name_(std::move(name)), pdf_(std::make_unique<QPDF>()) {
    prev_xref_ = last_startxref(original_, name_);
    if (original_.compare(prev_xref_, 4, "xref") != 0) {
        fail(name_, "the PDF's last cross-reference is a stream; vanban appends classic cross-reference sections only");
    }
    ends_with_eol_ = original_.back() == '\n' || original_.back() == '\r';
    pdf_->setSuppressWarnings(true);
    try {
        pdf_->processMemoryFile(name_.c_str(), original_.data(), original_.size());
        QPDFObjectHandle size = pdf_->getTrailer().getKey("/Size");
        if (!size.isInteger() || size.getIntValue() < 1 || size.getIntValue() > 8'000'000) {
            fail(name_, "the trailer has no valid /Size");
        }
        next_ = static_cast<int>(size.getIntValue());
        if (!pdf_->getTrailer().getKey("/Root").isDictionary()) fail(name_, "the trailer has no /Root catalog");
    } catch (const QPDFExc& e) {
        fail(name_, std::string("not a readable PDF: ") + e.what());
    }
    if (pdf_->anyWarnings()) fail(name_, "the PDF is damaged (QPDF had to repair it); refusing to sign it");
}

int PdfUpdate::new_object() { return next_++; }

void PdfUpdate::put(QPDFObjGen id, std::string body) { objects_[id] = std::move(body); }

void PdfUpdate::put_stream(QPDFObjGen id, std::string dict, std::string_view stream) {
    // dict is "<< … >>": insert /Length before the closing ">>".
    dict.insert(dict.rfind(">>"), "/Length " + std::to_string(stream.size()) + " ");
    dict += "\nstream\n";
    dict += stream;
    dict += "\nendstream";
    objects_[id] = std::move(dict);
}

std::string PdfUpdate::finish() {
    if (pdf_->anyWarnings()) fail(name_, "the PDF is damaged (QPDF had to repair it); refusing to sign it");
    std::string out = std::move(original_);
    if (!ends_with_eol_) out += '\n';
    std::vector<std::pair<QPDFObjGen, std::size_t>> offsets;
    for (const auto& [id, body] : objects_) {
        offsets.emplace_back(id, out.size());
        out += std::to_string(id.getObj()) + " " + std::to_string(id.getGen()) + " obj\n" + body + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n";
    for (std::size_t i = 0; i < offsets.size();) {
        std::size_t j = i + 1;
        while (j < offsets.size() && offsets[j].first.getObj() == offsets[j - 1].first.getObj() + 1) ++j;
        out += std::to_string(offsets[i].first.getObj()) + " " + std::to_string(j - i) + "\n";
        for (std::size_t k = i; k < j; ++k) {
            char entry[32];
            std::snprintf(entry, sizeof entry, "%010zu %05d n\r\n", offsets[k].second, offsets[k].first.getGen());
            out += entry;
        }
        i = j;
    }
    QPDFObjectHandle trailer = pdf_->getTrailer();
    out += "trailer\n<< /Size " + std::to_string(next_) + " /Root " + ref(trailer.getKey("/Root").getObjGen());
    if (trailer.getKey("/Info").isIndirect()) out += " /Info " + ref(trailer.getKey("/Info").getObjGen());
    else if (trailer.getKey("/Info").isDictionary()) out += " /Info " + trailer.getKey("/Info").unparse();
    if (trailer.hasKey("/ID")) out += " /ID " + trailer.getKey("/ID").unparse();
    out += " /Prev " + std::to_string(prev_xref_) + " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
}

std::string dict_text(QPDFObjectHandle dict, const std::map<std::string, std::string>& set) {
    std::string out = "<<";
    for (const auto& key : dict.getKeys()) {
        if (set.count(key)) continue;
        out += " " + QPDFObjectHandle::newName(key).unparse() + " " + dict.getKey(key).unparse();
    }
    for (const auto& [key, value] : set) out += " " + key + " " + value;
    return out + " >>";
}

std::string array_text(QPDFObjectHandle array, const std::string& extra) {
    std::string out = "[";
    if (array.isArray()) {
        for (auto item : array.getArrayAsVector()) out += item.unparse() + " ";
    }
    return out + extra + "]";
}

std::string text_string(const std::string& utf8) {
    bool ascii = true;
    for (unsigned char c : utf8) ascii = ascii && c >= 0x20 && c < 0x7F;
    if (ascii) return QPDFObjectHandle::newString(utf8).unparse();
    return QPDFObjectHandle::newUnicodeString(utf8).unparse();
}

}  // namespace vanban::sign
