// Download names for a rendered document, from its number, symbol and subject:
// "1996-TLĐ Sơ kết 2 năm thực hiện NQ 20.pdf", and the Content-Disposition header
// that carries it both as an ASCII-safe `filename=` (for old clients) and as an
// RFC 5987 `filename*=UTF-8''…` (RFC 6266).
#pragma once

#include <string>
#include <string_view>

namespace vanban::server {

// The UTF-8 file name (without characters a file system or a header refuses) and an
// ASCII fallback ("1996-tld-so-ket-2-nam-thuc-hien-nq-20.pdf"). Never empty: a
// document with nothing to name it by is "van-ban.<ext>".
struct DownloadName {
    std::string utf8;
    std::string ascii;
};
DownloadName download_name(std::string_view number, std::string_view symbol, std::string_view subject,
                           std::string_view extension);

// attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded utf8>
std::string content_disposition(const DownloadName& name);

// RFC 5987 attr-char percent-encoding of UTF-8 bytes.
std::string percent_encode_rfc5987(std::string_view utf8);

}  // namespace vanban::server
