// An incremental update (ISO 32000-1 §7.5.6) appended to an existing PDF: the original
// bytes are never touched, so earlier signatures stay valid. QPDF reads the file (it
// cannot write updates); the new and changed objects, a classic cross-reference
// section and a trailer with /Prev and the unchanged /ID are written here.
#pragma once

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace vanban::sign {

class PdfUpdate {
public:
    // Parses `original` (named `name` in messages). Refuses a damaged file (QPDF had to
    // repair it), a file not ending in %%EOF and one whose last cross-reference is a
    // stream. Throws vanban::Error.
    PdfUpdate(std::string original, std::string name);

    QPDF& pdf() { return *pdf_; }
    const std::string& name() const { return name_; }

    // A fresh object number (from the trailer's /Size on).
    int new_object();
    // Sets an object's body: a dictionary/array in PDF syntax, or a stream's dictionary
    // (without /Length) when `stream` is given.
    void put(QPDFObjGen id, std::string body);
    void put_stream(QPDFObjGen id, std::string dict, std::string_view stream);
    void put(int num, std::string body) { put(QPDFObjGen(num, 0), std::move(body)); }

    // The original bytes followed by the update. `update_offset` is where the update starts.
    std::string finish();
    std::size_t update_offset() const { return original_.size() + (ends_with_eol_ ? 0 : 1); }

private:
    std::string original_;
    std::string name_;
    std::unique_ptr<QPDF> pdf_;
    std::size_t prev_xref_ = 0;
    int next_ = 0;
    bool ends_with_eol_ = true;
    std::map<QPDFObjGen, std::string> objects_;
};

// "N G R".
std::string ref(QPDFObjGen id);
std::string ref(int num);

// `dict` (a dictionary) in PDF syntax with the keys of `set` ("/Annots") replaced or
// added; their values are PDF syntax.
std::string dict_text(QPDFObjectHandle dict, const std::map<std::string, std::string>& set);

// The items of `array` in PDF syntax with `extra` appended: "[1 0 R 2 0 R 9 0 R]".
std::string array_text(QPDFObjectHandle array, const std::string& extra);

// A PDF text string: PDFDocEncoding when ASCII, else UTF-16BE with a BOM (hex).
std::string text_string(const std::string& utf8);

}  // namespace vanban::sign
