#include "pdf/haru.h"

#include "core/diagnostic.h"
#include "pdf/deflate.h"

#include <cstdio>
#include <stdexcept>

namespace vanban::pdf::haru {

namespace {

// No memory pool (block size 0): libharu's pool does not align what it hands out
// (Debian builds it without HPDF_ALINMENT_SIZ), so after an odd-sized string the next
// dictionary sits at an odd address and every access to it is undefined behaviour
// (UBSan: "misaligned address … for type struct _HPDF_Dict_Rec"). Without a pool each
// object is malloc'd, and HPDF_Free still frees them all.
constexpr HPDF_UINT kMemPoolBlock = 0;

extern "C" HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) {
    // Called from HPDF_Dict_Write after the dictionary's own entries. The dict's
    // filter is NONE (so libharu neither deflates again nor writes /Filter itself),
    // yet the data is deflated: declare it here (§7.4.4, Table 5).
    return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

// Concatenates the buffers of a libharu memory stream.
std::string read_mem_stream(HPDF_Stream s) {
    std::string out;
    out.reserve(s->size);
    const HPDF_UINT n = HPDF_MemStream_GetBufCount(s);
    for (HPDF_UINT i = 0; i < n && out.size() < s->size; ++i) {
        HPDF_UINT len = 0;
        const HPDF_BYTE* p = HPDF_MemStream_GetBufPtr(s, i, &len);
        if (!p) break;
        out.append(reinterpret_cast<const char*>(p), len);
    }
    return out;
}

}  // namespace

// --- Document ------------------------------------------------------------------

Document::Document(bool compress) : compress_(compress) {
    pdf_ = HPDF_NewEx(&Document::on_error, nullptr, nullptr, kMemPoolBlock, this);
    if (!pdf_) throw std::bad_alloc();
    // PDF 1.4: the base of PDF/A-1, and new enough for everything we write
    // (CIDFontType2, ToUnicode, /CIDSet). 2.3.0 has no setter for it.
    pdf_->pdf_version = HPDF_VER_14;
}

Document::~Document() {
    if (pdf_) HPDF_Free(pdf_);
}

void Document::on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* self) {
    // Runs inside libharu (C frames): record only; check() throws afterwards.
    auto* doc = static_cast<Document*>(self);
    if (doc->error_no_ == HPDF_OK) {
        doc->error_no_ = error_no;
        doc->detail_no_ = detail_no;
    }
}

void Document::check(HPDF_STATUS status) const {
    HPDF_STATUS err = error_no_, detail = detail_no_;
    if (err == HPDF_OK && pdf_->error.error_no != HPDF_NOERROR) {
        // Errors of the object API are recorded without calling the handler.
        err = pdf_->error.error_no;
        detail = pdf_->error.detail_no;
    }
    if (err == HPDF_OK) err = status;
    if (err == HPDF_OK) return;
    char msg[96];
    std::snprintf(msg, sizeof msg, "PDF library (libharu) error 0x%04X, detail %u", static_cast<unsigned>(err),
                  static_cast<unsigned>(detail));
    fail_at_pointer("", "", msg);
}

Dict Document::dict() { return Dict(*this, checked(HPDF_Dict_New(pdf_->mmgr))); }

Dict Document::indirect_dict() {
    HPDF_Dict d = checked(HPDF_Dict_New(pdf_->mmgr));
    check(HPDF_Xref_Add(pdf_->xref, d));  // before any container sees it, or it becomes direct
    return Dict(*this, d);
}

Array Document::array() { return Array(*this, checked(HPDF_Array_New(pdf_->mmgr))); }

Stream Document::stream(std::string_view data) {
    // HPDF_DictStream_New adds the stream and its indirect /Length to the xref.
    HPDF_Dict d = checked(HPDF_DictStream_New(pdf_->mmgr, pdf_->xref));
    fill_stream(d, data);
    return Stream(*this, d);
}

Stream Document::stream_as_is(std::string_view bytes, bool deflated) {
    HPDF_Dict d = checked(HPDF_DictStream_New(pdf_->mmgr, pdf_->xref));
    put_stream_bytes(d, bytes, deflated);
    return Stream(*this, d);
}

void Document::fill_stream(HPDF_Dict d, std::string_view data) {
    if (compress_) {
        put_stream_bytes(d, deflate(data), true);
    } else {
        put_stream_bytes(d, data, false);
    }
}

void Document::put_stream_bytes(HPDF_Dict d, std::string_view bytes, bool deflated) {
    d->filter = HPDF_STREAM_FILTER_NONE;  // libharu must neither deflate nor write /Filter itself
    check(HPDF_Stream_Write(d->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                            static_cast<HPDF_UINT>(bytes.size())));
    d->write_fn = deflated ? write_flate_filter : nullptr;
}

HPDF_Binary Document::new_binary(std::span<const std::uint8_t> bytes) {
    // HPDF_Binary_New copies the bytes; its parameter is merely not const-qualified.
    return checked(HPDF_Binary_New(pdf_->mmgr, const_cast<HPDF_BYTE*>(bytes.data()),
                                   static_cast<HPDF_UINT>(bytes.size())));
}

Dict Document::info() {
    // HPDF_NewDoc already created it (it sets /Producer).
    return Dict(*this, checked(pdf_->info));
}

Dict Document::trailer() { return Dict(*this, checked(pdf_->trailer)); }

Dict Document::catalog() { return Dict(*this, checked(pdf_->catalog)); }

HPDF_Page Document::add_page(double width, double height) {
    HPDF_Page page = checked(HPDF_AddPage(pdf_));
    check(HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(width)));
    check(HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(height)));
    return page;
}

void Document::finish_page(HPDF_Page page, std::string_view text_ops) {
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    // Page_BeforeWrite would append EndPath/EndText/GRestore operators at save time,
    // after our deflated data: the graphics must leave the page in its base state.
    if (attr->gmode != HPDF_GMODE_PAGE_DESCRIPTION || (attr->gstate && attr->gstate->prev) ||
        attr->stream != attr->contents->stream) {
        throw std::logic_error("pdf: page graphics left open before finishing the content stream");
    }
    std::string content = read_mem_stream(attr->stream);
    content.append(text_ops);
    HPDF_MemStream_FreeData(attr->stream);
    fill_stream(attr->contents, content);
    check();
}

std::string Document::save() {
    check(HPDF_SaveToStream(pdf_));
    std::string out = read_mem_stream(pdf_->stream);
    if (out.size() != pdf_->stream->size) check(HPDF_STREAM_EOF);
    return out;
}

// --- Dict / Array ----------------------------------------------------------------

Dict& Dict::name(const char* key, const char* value) {
    doc_->check(HPDF_Dict_AddName(d_, key, value));
    return *this;
}

Dict& Dict::integer(const char* key, int value) {
    doc_->check(HPDF_Dict_AddNumber(d_, key, value));
    return *this;
}

Dict& Dict::real(const char* key, double value) {
    doc_->check(HPDF_Dict_AddReal(d_, key, static_cast<HPDF_REAL>(value)));
    return *this;
}

Dict& Dict::put(const char* key, Dict value) {
    doc_->check(HPDF_Dict_Add(d_, key, value.get()));
    return *this;
}

Dict& Dict::put(const char* key, Array value) {
    doc_->check(HPDF_Dict_Add(d_, key, value.get()));
    return *this;
}

Dict& Dict::binary(const char* key, std::span<const std::uint8_t> bytes) {
    doc_->check(HPDF_Dict_Add(d_, key, doc_->new_binary(bytes)));
    return *this;
}

Dict& Dict::string(const char* key, const char* value) {
    HPDF_String s = doc_->checked(HPDF_String_New(doc_->get()->mmgr, value, nullptr));
    doc_->check(HPDF_Dict_Add(d_, key, s));
    return *this;
}

Array& Array::add(int value) {
    doc_->check(HPDF_Array_AddNumber(a_, value));
    return *this;
}

Array& Array::add_real(double value) {
    doc_->check(HPDF_Array_AddReal(a_, static_cast<HPDF_REAL>(value)));
    return *this;
}

Array& Array::add(Dict value) {
    doc_->check(HPDF_Array_Add(a_, value.get()));
    return *this;
}

Array& Array::add(Array value) {
    doc_->check(HPDF_Array_Add(a_, value.get()));
    return *this;
}

Array& Array::add_name(const char* value) {
    doc_->check(HPDF_Array_AddName(a_, value));
    return *this;
}

Array& Array::add_binary(std::span<const std::uint8_t> bytes) {
    doc_->check(HPDF_Array_Add(a_, doc_->new_binary(bytes)));
    return *this;
}

}  // namespace vanban::pdf::haru
