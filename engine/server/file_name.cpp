#include "server/file_name.h"

#include "text/collation.h"
#include "text/text.h"

namespace vanban::server {

namespace {

constexpr std::size_t kMaxSubjectChars = 80;  // code points of the subject kept in the name

// Spaces collapsed, characters that file systems or headers refuse replaced.
std::u32string tidy(std::u32string_view s) {
    std::u32string out;
    for (char32_t c : s) {
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == U'\u2028' || c == U'\u2029') c = U' ';
        if (c == U'/' || c == U'\\' || c == U':' || c == U'*' || c == U'?' || c == U'"' || c == U'<' ||
            c == U'>' || c == U'|') {
            c = U'-';
        }
        if (c == U' ' || c == U'\u00A0' || c == U'\t') {
            if (out.empty() || out.back() == U' ') continue;
            c = U' ';
        }
        out.push_back(c);
    }
    while (!out.empty() && (out.back() == U' ' || out.back() == U'.' || out.back() == U'-')) out.pop_back();
    return out;
}

// The first `max` code points, cut at the last space when there is one in the second half.
std::u32string shorten(std::u32string s, std::size_t max) {
    if (s.size() <= max) return s;
    s.resize(max);
    const auto space = s.rfind(U' ');
    if (space != std::u32string::npos && space > max / 2) s.resize(space);
    return tidy(s);
}

}  // namespace

DownloadName download_name(std::string_view number, std::string_view symbol, std::string_view subject,
                           std::string_view extension) {
    std::u32string stem = tidy(text::to_u32(number));
    const std::u32string sym = tidy(text::to_u32(symbol));
    if (!sym.empty()) stem += (stem.empty() ? U"" : U"-") + sym;
    const std::u32string subj = shorten(tidy(text::to_u32(subject)), kMaxSubjectChars);
    if (!subj.empty()) stem += (stem.empty() ? U"" : U" ") + subj;
    stem = tidy(stem);

    DownloadName name;
    std::string ascii;
    for (char c : text::search_key(text::to_utf8(stem))) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) ascii.push_back(c);
        else if (!ascii.empty() && ascii.back() != '-') ascii.push_back('-');
    }
    while (!ascii.empty() && ascii.back() == '-') ascii.pop_back();
    if (stem.empty()) stem = U"van-ban";
    if (ascii.empty()) ascii = "van-ban";
    name.utf8 = text::to_utf8(stem) + "." + std::string(extension);
    name.ascii = ascii + "." + std::string(extension);
    return name;
}

std::string percent_encode_rfc5987(std::string_view utf8) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : utf8) {
        const bool attr_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                               c == '!' || c == '#' || c == '$' || c == '&' || c == '+' || c == '-' || c == '.' ||
                               c == '^' || c == '_' || c == '`' || c == '|' || c == '~';
        if (attr_char) {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

std::string content_disposition(const DownloadName& name) {
    return "attachment; filename=\"" + name.ascii + "\"; filename*=UTF-8''" + percent_encode_rfc5987(name.utf8);
}

}  // namespace vanban::server
