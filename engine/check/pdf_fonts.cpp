#include "check/pdf_fonts.h"
#include "check/pdf_ink.h"
#include "text/text.h"

#include <qpdf/Buffer.hh>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

namespace vanban::check {

namespace {

// A ToUnicode destination is UTF-16BE (§9.10.3), surrogate pairs included.
std::string utf16be_to_utf8(const std::vector<unsigned char>& b) {
    std::string out;
    for (std::size_t i = 0; i + 1 < b.size(); i += 2) {
        char32_t u = static_cast<char32_t>((b[i] << 8) | b[i + 1]);
        if (u >= 0xD800 && u < 0xDC00 && i + 3 < b.size()) {
            const char32_t lo = static_cast<char32_t>((b[i + 2] << 8) | b[i + 3]);
            if (lo >= 0xDC00 && lo < 0xE000) {
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            }
        }
        out += text::to_utf8(u);
    }
    return out;
}

// The tokens a CMap is made of, as far as bfchar/bfrange need them.
struct Token {
    enum Kind { hex, open, close, word, end } kind = end;
    std::vector<unsigned char> bytes;  // hex
    std::string text;                  // word
};

class CMapLexer {
public:
    explicit CMapLexer(std::string_view s) : s_(s) {}
    Token next() {
        while (i_ < s_.size()) {
            const char c = s_[i_];
            if (std::isspace(static_cast<unsigned char>(c))) {
                ++i_;
            } else if (c == '%') {
                while (i_ < s_.size() && s_[i_] != '\n' && s_[i_] != '\r') ++i_;
            } else {
                break;
            }
        }
        Token t;
        if (i_ >= s_.size()) return t;
        const char c = s_[i_];
        if (c == '<' && i_ + 1 < s_.size() && s_[i_ + 1] != '<') {
            ++i_;
            t.kind = Token::hex;
            int nibble = -1;
            while (i_ < s_.size() && s_[i_] != '>') {
                const int v = hex_value(s_[i_++]);
                if (v < 0) continue;
                if (nibble < 0) {
                    nibble = v;
                } else {
                    t.bytes.push_back(static_cast<unsigned char>(nibble * 16 + v));
                    nibble = -1;
                }
            }
            if (nibble >= 0) t.bytes.push_back(static_cast<unsigned char>(nibble * 16));
            ++i_;
            return t;
        }
        if (c == '[' || c == ']') {
            ++i_;
            t.kind = c == '[' ? Token::open : Token::close;
            return t;
        }
        t.kind = Token::word;
        while (i_ < s_.size() && !std::isspace(static_cast<unsigned char>(s_[i_])) && s_[i_] != '<' &&
               s_[i_] != '[' && s_[i_] != ']') {
            t.text += s_[i_++];
        }
        if (t.text.empty()) t.text = s_[i_++];
        return t;
    }

private:
    static int hex_value(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
    std::string_view s_;
    std::size_t i_ = 0;
};

unsigned code_of(const std::vector<unsigned char>& b) {
    unsigned v = 0;
    for (const unsigned char c : b) v = (v << 8) | c;
    return v;
}

std::string stream_text(QPDFObjectHandle stream) {
    const std::shared_ptr<Buffer> data = stream.getStreamData();
    return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

bool has_font_file(QPDFObjectHandle descriptor) {
    if (!descriptor.isDictionary()) return false;
    for (const char* key : {"/FontFile", "/FontFile2", "/FontFile3"}) {
        QPDFObjectHandle f = descriptor.getKey(key);
        if (f.isStream() && f.getDict().getKey("/Length").isInteger() && f.getDict().getKey("/Length").getIntValue() > 0) {
            return true;
        }
    }
    return false;
}

double number_or(QPDFObjectHandle o, double fallback) { return o.isNumber() ? o.getNumericValue() : fallback; }

// /W (§9.7.4.3): c [w1 w2 …] or c_first c_last w.
void read_cid_widths(QPDFObjectHandle w, std::unordered_map<unsigned, double>& out) {
    if (!w.isArray()) return;
    const int n = w.getArrayNItems();
    for (int i = 0; i < n;) {
        QPDFObjectHandle first = w.getArrayItem(i);
        if (!first.isNumber() || i + 1 >= n) break;
        const auto c = static_cast<unsigned>(first.getNumericValue());
        QPDFObjectHandle second = w.getArrayItem(i + 1);
        if (second.isArray()) {
            for (int k = 0; k < second.getArrayNItems(); ++k) {
                out[c + static_cast<unsigned>(k)] = number_or(second.getArrayItem(k), 0);
            }
            i += 2;
        } else if (second.isNumber() && i + 2 < n) {
            const auto last = static_cast<unsigned>(second.getNumericValue());
            const double width = number_or(w.getArrayItem(i + 2), 0);
            for (unsigned k = c; k <= last && k - c < 65536; ++k) out[k] = width;
            i += 3;
        } else {
            break;
        }
    }
}

// Style from the descriptor, for names that do not say it (§9.8.2: flag 7 Italic,
// flag 19 ForceBold).
void style_from_descriptor(QPDFObjectHandle d, FontInfo& info) {
    if (!d.isDictionary()) return;
    const int flags = d.getKey("/Flags").isInteger() ? static_cast<int>(d.getKey("/Flags").getIntValue()) : 0;
    if ((flags & (1 << 6)) != 0 || number_or(d.getKey("/ItalicAngle"), 0) != 0) info.italic = true;
    if ((flags & (1 << 18)) != 0 || number_or(d.getKey("/FontWeight"), 400) >= 600) info.bold = true;
    info.ascent = number_or(d.getKey("/Ascent"), info.ascent);
    info.descent = number_or(d.getKey("/Descent"), info.descent);
}

bool contains_ci(std::string_view s, std::string_view what) {
    return std::search(s.begin(), s.end(), what.begin(), what.end(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           }) != s.end();
}

}  // namespace

double LoadedFont::width(unsigned code) const {
    const auto it = widths.find(code);
    return it == widths.end() ? default_width : it->second;
}

std::string LoadedFont::text(unsigned code) const {
    const auto it = unicode.find(code);
    if (it != unicode.end()) return it->second;
    if (!two_byte && code >= 0x20 && code < 0x7F) return std::string(1, static_cast<char>(code));
    return "\xEF\xBF\xBD";
}

void describe_font_name(std::string_view base, FontInfo& out) {
    // A subset tag is six upper-case letters and "+" (§9.6.4).
    if (base.size() > 7 && base[6] == '+' &&
        std::all_of(base.begin(), base.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; })) {
        base.remove_prefix(7);
    }
    const auto cut = base.find_first_of("-,");
    std::string family(base.substr(0, cut));
    const std::string_view style = cut == std::string_view::npos ? std::string_view{} : base.substr(cut + 1);
    if (contains_ci(style, "bold") || contains_ci(style, "black") || contains_ci(family, "bold")) out.bold = true;
    if (contains_ci(style, "italic") || contains_ci(style, "oblique") || contains_ci(family, "italic")) out.italic = true;
    // "TimesNewRomanPSMT" → "TimesNewRoman"; then spaces at lower→upper boundaries.
    for (const std::string_view suffix : {"MT", "PS"}) {
        if (family.size() > suffix.size() && family.ends_with(suffix)) family.resize(family.size() - suffix.size());
    }
    std::string spaced;
    for (std::size_t i = 0; i < family.size(); ++i) {
        if (i > 0 && std::isupper(static_cast<unsigned char>(family[i])) &&
            std::islower(static_cast<unsigned char>(family[i - 1]))) {
            spaced += ' ';
        }
        spaced += family[i];
    }
    out.family = spaced;
}

std::unordered_map<unsigned, std::string> parse_to_unicode(std::string_view cmap) {
    std::unordered_map<unsigned, std::string> out;
    CMapLexer lex(cmap);
    enum { none, bfchar, bfrange } section = none;
    std::vector<Token> pending;
    for (Token t = lex.next(); t.kind != Token::end; t = lex.next()) {
        if (t.kind == Token::word) {
            if (t.text == "beginbfchar") section = bfchar;
            else if (t.text == "beginbfrange") section = bfrange;
            else if (t.text == "endbfchar" || t.text == "endbfrange") section = none;
            pending.clear();
            continue;
        }
        if (section == bfchar) {
            if (t.kind != Token::hex) continue;
            pending.push_back(std::move(t));
            if (pending.size() == 2) {
                out[code_of(pending[0].bytes)] = utf16be_to_utf8(pending[1].bytes);
                pending.clear();
            }
        } else if (section == bfrange) {
            if (t.kind == Token::hex && pending.size() < 2) {
                pending.push_back(std::move(t));
                continue;
            }
            if (pending.size() != 2) continue;
            const unsigned lo = code_of(pending[0].bytes), hi = code_of(pending[1].bytes);
            if (hi < lo || hi - lo > 65535) {
                pending.clear();
                continue;
            }
            if (t.kind == Token::hex) {
                // <lo> <hi> <dst>: the last byte of dst is incremented (§9.10.3).
                std::vector<unsigned char> dst = t.bytes;
                for (unsigned c = lo; c <= hi && !dst.empty(); ++c) {
                    out[c] = utf16be_to_utf8(dst);
                    unsigned carry = 1;
                    for (std::size_t k = dst.size(); k-- > 0 && carry;) {
                        const unsigned v = dst[k] + carry;
                        dst[k] = static_cast<unsigned char>(v & 0xFF);
                        carry = v >> 8;
                    }
                }
            } else if (t.kind == Token::open) {
                unsigned c = lo;
                for (Token d = lex.next(); d.kind == Token::hex; d = lex.next()) out[c++] = utf16be_to_utf8(d.bytes);
            }
            pending.clear();
        }
    }
    return out;
}

LoadedFont load_font(QPDFObjectHandle font, std::vector<std::string>& warnings) {
    LoadedFont f;
    if (!font.isDictionary()) {
        warnings.push_back("a font resource is not a dictionary");
        return f;
    }
    QPDFObjectHandle base = font.getKey("/BaseFont");
    f.info.base_font = base.isName() ? base.getName().substr(1) : "";
    describe_font_name(f.info.base_font, f.info);
    f.info.subtype = font.getKey("/Subtype").isName() ? font.getKey("/Subtype").getName() : "";

    QPDFObjectHandle descriptor = font.getKey("/FontDescriptor");
    QPDFObjectHandle cid_font;
    if (f.info.subtype == "/Type0") {
        f.two_byte = true;
        QPDFObjectHandle kids = font.getKey("/DescendantFonts");
        QPDFObjectHandle cid = kids.isArray() && kids.getArrayNItems() > 0 ? kids.getArrayItem(0) : QPDFObjectHandle();
        if (cid.isDictionary()) {
            cid_font = cid;
            descriptor = cid.getKey("/FontDescriptor");
            f.default_width = number_or(cid.getKey("/DW"), 1000);
            read_cid_widths(cid.getKey("/W"), f.widths);
        } else {
            warnings.push_back("font " + f.info.base_font + " has no descendant CIDFont");
        }
        QPDFObjectHandle enc = font.getKey("/Encoding");
        if (!enc.isName() || (enc.getName() != "/Identity-H" && enc.getName() != "/Identity-V")) {
            warnings.push_back("font " + f.info.base_font + ": encoding other than Identity-H read as 2-byte CIDs");
        }
    } else {
        f.default_width = 0;
        QPDFObjectHandle widths = font.getKey("/Widths");
        const double first = number_or(font.getKey("/FirstChar"), 0);
        if (widths.isArray()) {
            for (int i = 0; i < widths.getArrayNItems(); ++i) {
                f.widths[static_cast<unsigned>(first) + static_cast<unsigned>(i)] = number_or(widths.getArrayItem(i), 0);
            }
        }
    }
    f.info.embedded = has_font_file(descriptor);
    style_from_descriptor(descriptor, f.info);

    QPDFObjectHandle tu = font.getKey("/ToUnicode");
    if (tu.isStream()) {
        try {
            f.unicode = parse_to_unicode(stream_text(tu));
            f.info.has_to_unicode = !f.unicode.empty();
        } catch (const std::exception& e) {
            warnings.push_back("font " + f.info.base_font + ": unreadable ToUnicode: " + e.what());
        }
    }
    bool checked = false;
    if (cid_font.isInitialized()) f.blank = blank_codes(cid_font, f.unicode, checked, warnings);
    return f;
}

}  // namespace vanban::check
