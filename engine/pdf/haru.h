// A thin C++ layer over libharu 2.3.0's document and object API (internal to the
// PDF writer).
//
// libharu serialises the file (header, xref, trailer) and owns pages and vector
// graphics; our own objects (fonts, info, /ID) are built with its exported object
// functions (hpdf_objects.h). Typed handles keep the C API's void* plumbing and
// status codes in one place:
//   - every libharu status is checked; the first error throws vanban::Error, because
//     one error poisons the whole HPDF_Doc (platform-facts, libharu Q5);
//   - Dict/Array are non-owning views: libharu frees everything with the document;
//   - streams are pre-deflated by us (see Stream) so libharu never runs zlib.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace vanban::pdf::haru {

class Document;

// A PDF array (PDF 32000-1 §7.3.6). Direct unless made indirect by the document.
class Array {
public:
    Array(Document& doc, HPDF_Array a) : doc_(&doc), a_(a) {}
    Array& add(int value);
    Array& add_real(double value);
    Array& add(class Dict value);
    Array& add(Array value);
    Array& add_binary(std::span<const std::uint8_t> bytes);
    Array& add_name(const char* value);
    HPDF_Array get() const { return a_; }

private:
    Document* doc_;
    HPDF_Array a_;
};

// A PDF dictionary (§7.3.7). Adding an indirect object writes a reference to it;
// a direct one is written inline and may be added to one container only.
class Dict {
public:
    Dict(Document& doc, HPDF_Dict d) : doc_(&doc), d_(d) {}
    Dict& name(const char* key, const char* value);
    Dict& integer(const char* key, int value);
    Dict& real(const char* key, double value);
    Dict& put(const char* key, Dict value);
    Dict& put(const char* key, Array value);
    // A text or byte string written as <hex> (§7.3.4.3), e.g. UTF-16BE with BOM.
    Dict& binary(const char* key, std::span<const std::uint8_t> bytes);
    // A literal string; `value` must be free of NUL bytes (ASCII in practice).
    Dict& string(const char* key, const char* value);
    HPDF_Dict get() const { return d_; }

private:
    Document* doc_;
    HPDF_Dict d_;
};

// An indirect stream object (§7.3.8) whose data we deflate ourselves.
class Stream : public Dict {
public:
    using Dict::Dict;
};

// One libharu document. Not copyable; one per write_pdf call and thread.
class Document {
public:
    explicit Document(bool compress);
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    HPDF_Doc get() const { return pdf_; }
    bool compress() const { return compress_; }

    // Throws vanban::Error if `status` is not HPDF_OK or libharu recorded an error.
    void check(HPDF_STATUS status = HPDF_OK) const;
    // Throws unless `object` is non-null and no error was recorded.
    template <class T>
    T checked(T object) const {
        if (!object) check(HPDF_FAILD_TO_ALLOC_MEM);
        check();
        return object;
    }

    Dict dict();           // direct
    Dict indirect_dict();  // has its own object number
    Array array();         // direct
    // A stream holding `data`, deflated unless compress() is false.
    Stream stream(std::string_view data);
    // A stream holding `bytes` exactly as given, whatever compress() says:
    // `deflated` says whether they are a zlib stream already (then /Filter
    // /FlateDecode is declared) or plain data (no /Filter at all).
    Stream stream_as_is(std::string_view bytes, bool deflated);

    // A byte string object, written as <hex> (§7.3.4.3).
    HPDF_Binary new_binary(std::span<const std::uint8_t> bytes);

    Dict info();
    Dict trailer();
    Dict catalog();  // the document catalog (/Root)

    // Adds a page of `width` × `height` points.
    HPDF_Page add_page(double width, double height);
    // Appends `text_ops` to the page's content stream after what libharu's
    // graphics calls wrote, then replaces the stream by its deflated form.
    void finish_page(HPDF_Page page, std::string_view text_ops);

    // Serialises the document (HPDF_SaveToStream) and returns the bytes.
    std::string save();

private:
    HPDF_Doc pdf_ = nullptr;
    bool compress_;
    // First error reported through the HPDF_Error_Handler (libharu API calls).
    HPDF_STATUS error_no_ = HPDF_OK;
    HPDF_STATUS detail_no_ = HPDF_OK;
    static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* self);

    // Puts `data` (deflated or raw) into a stream dict's buffer and arranges for
    // /Filter /FlateDecode to be written when it is deflated.
    void fill_stream(HPDF_Dict stream_dict, std::string_view data);
    // Puts `bytes` into the buffer as they are; declares /FlateDecode if `deflated`.
    void put_stream_bytes(HPDF_Dict stream_dict, std::string_view bytes, bool deflated);
};

}  // namespace vanban::pdf::haru
