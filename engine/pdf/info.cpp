#include "pdf/info.h"

#include "core/diagnostic.h"
#include "pdf/syntax.h"

#include <hpdf_encrypt.h>

#include <algorithm>
#include <bit>
#include <cstdio>

namespace vanban::pdf {

namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

bool is_ascii(std::string_view s) {
    // Unsigned: a plain char is signed here, and bytes of UTF-8 sequences must not
    // pass as "< 0x7F" (they did, and a non-ASCII Creator came out as Latin-1 mojibake).
    return std::all_of(s.begin(), s.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return c >= 0x20 && c < 0x7F;
    });
}

std::span<const std::uint8_t> bytes_of(const std::string& s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

// Feeds typed values to MD5 in a fixed byte order, so the ID is the same on every
// platform. Strings are length-prefixed so that field boundaries count.
class Hasher {
public:
    Hasher() { HPDF_MD5Init(&ctx_); }
    void u64(std::uint64_t v) {
        std::uint8_t b[8];
        for (int i = 0; i < 8; ++i) b[i] = static_cast<std::uint8_t>(v >> (8 * i));
        HPDF_MD5Update(&ctx_, b, 8);
    }
    void real(double v) { u64(std::bit_cast<std::uint64_t>(v)); }
    void str(std::string_view s) {
        u64(s.size());
        HPDF_MD5Update(&ctx_, reinterpret_cast<const HPDF_BYTE*>(s.data()), static_cast<HPDF_UINT32>(s.size()));
    }
    void color(const layout::Color& c) {
        real(c.r);
        real(c.g);
        real(c.b);
    }
    DocumentId finish() {
        DocumentId id{};
        HPDF_MD5Final(id.data(), &ctx_);
        return id;
    }

private:
    HPDF_MD5_CTX ctx_;
};

}  // namespace

std::string pdf_date(const layout::Date& d) {
    if (d.year < 1 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1 ||
        d.day > days_in_month(d.year, d.month)) {
        fail_at_pointer("", "", "invalid document date " + std::to_string(d.year) + "-" + std::to_string(d.month) +
                                    "-" + std::to_string(d.day));
    }
    char buf[48];
    std::snprintf(buf, sizeof buf, "D:%04d%02d%02d000000Z", d.year, d.month, d.day);
    return buf;
}

void write_info(haru::Document& doc, const layout::DocumentInfo& info) {
    haru::Dict dict = doc.info();
    const auto text = [&](const char* key, const std::string& value) {
        if (value.empty()) return;
        // Always UTF-16BE (§7.9.2.2): no encoder state in libharu is involved.
        dict.binary(key, bytes_of(utf16be_text_string(value, std::string("document ") + key)));
    };
    text("Title", info.title);
    text("Author", info.author);
    text("Subject", info.subject);
    text("Keywords", info.keywords);
    if (is_ascii(info.creator)) {
        if (!info.creator.empty()) dict.string("Creator", info.creator.c_str());
    } else {
        text("Creator", info.creator);
    }
    dict.string("Producer", kProducer);  // replaces libharu's "Haru Free PDF Library 2.3.0"
    if (info.date) {
        const std::string date = pdf_date(*info.date);
        dict.string("CreationDate", date.c_str()).string("ModDate", date.c_str());
    }
}

DocumentId document_id(const layout::LaidOutDocument& doc, bool compress,
                       const std::array<std::uint8_t, 16>* pdfa_profile) {
    Hasher h;
    h.str("vanban-pdf-1");
    h.u64(compress ? 1 : 0);
    if (pdfa_profile) {
        // A PDF/A file differs from the plain one (XMP, OutputIntent), so it gets its
        // own /ID; ISO 19005-1 §6.1.3 only requires that there is one.
        h.str("pdfa-1b");
        h.str(std::string_view(reinterpret_cast<const char*>(pdfa_profile->data()), pdfa_profile->size()));
    }
    h.u64(doc.pages.size());
    for (const auto& page : doc.pages) {
        h.real(page.width);
        h.real(page.height);
        h.u64(page.texts.size());
        for (const auto& t : page.texts) {
            h.real(t.x);
            h.real(t.baseline);
            h.u64(static_cast<std::uint64_t>(t.style));
            h.real(t.size);
            h.str(t.text);
            h.real(t.word_spacing);
            h.real(t.width);
            h.color(t.color);
        }
        h.u64(page.rules.size());
        for (const auto& r : page.rules) {
            for (double v : {r.x1, r.y1, r.x2, r.y2, r.thickness}) h.real(v);
            h.color(r.color);
        }
        h.u64(page.frames.size());
        for (const auto& f : page.frames) {
            for (double v : {f.x, f.y, f.width, f.height, f.thickness}) h.real(v);
            h.color(f.color);
        }
        h.u64(page.anchors.size());  // the outline
        for (const auto& a : page.anchors) {
            h.str(a.title);
            h.u64(static_cast<std::uint64_t>(a.level));
            h.real(a.y);
        }
    }
    const auto& info = doc.info;
    for (const std::string* s : {&info.title, &info.author, &info.subject, &info.keywords, &info.creator}) h.str(*s);
    if (info.date) {
        h.u64(static_cast<std::uint64_t>(info.date->year));
        h.u64(static_cast<std::uint64_t>(info.date->month));
        h.u64(static_cast<std::uint64_t>(info.date->day));
    }
    return h.finish();
}

void write_id(haru::Document& doc, const DocumentId& id) {
    haru::Array pair = doc.array();
    pair.add_binary(id).add_binary(id);
    doc.trailer().put("ID", pair);
}

}  // namespace vanban::pdf
