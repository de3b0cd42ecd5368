// zlib-wrapped DEFLATE for /FlateDecode streams (PDF 32000-1 §7.4.4), on libdeflate.
//
// libharu's own path calls deflateInit per stream (a 256 KiB allocation and memset
// each time, ~13 times per letter); one libdeflate compressor per thread, reused,
// is ~2× faster on our small streams. Level 6: libdeflate's default, and the
// output is byte-identical for the same libdeflate version.
#pragma once

#include <string>
#include <string_view>

namespace vanban::pdf {

// Appends the zlib stream (RFC 1950) of `data` to `out`. Thread-safe.
void deflate_append(std::string& out, std::string_view data);

inline std::string deflate(std::string_view data) {
    std::string out;
    deflate_append(out, data);
    return out;
}

}  // namespace vanban::pdf
