// zlib-wrapped DEFLATE for /FlateDecode streams (PDF 32000-1 §7.4.4): the shared
// compressors of compress/deflate.h, at the level compress::level_for the stream's size (their default).
#pragma once

#include "compress/deflate.h"

#include <string>
#include <string_view>

namespace vanban::pdf {

// Appends the zlib stream (RFC 1950) of `data` to `out`. Thread-safe.
inline void deflate_append(std::string& out, std::string_view data) { compress::zlib_append(out, data); }

inline std::string deflate(std::string_view data) {
    std::string out;
    deflate_append(out, data);
    return out;
}

}  // namespace vanban::pdf
