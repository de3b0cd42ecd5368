// DEFLATE on libdeflate: zlib streams for PDF /FlateDecode (PDF 32000-1 §7.4.4) and raw
// deflate entries with their CRC-32 for the DOCX zip.
//
// libharu's and libzip's own paths call deflateInit per stream (a 256 KiB allocation and
// memset each time); one libdeflate compressor per thread and level, reused, is ~2×
// faster on our small streams. The output is byte-identical for the same input, level
// and libdeflate version.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace vanban::compress {

// libdeflate's default level: PDF streams and DOCX parts of 64 KiB and more.
inline constexpr int kDefaultLevel = 6;

// Level 1 below kSmallSize: a document's own streams and parts (a letter's content
// streams and font subsets, 1–10 KB each; document.xml), where level 6 costs more time
// than its few hundred bytes are worth. A short process pays most: level 6's compressor
// is 650 KB of tables whose first touches cost a cold render ~0.6 ms, level 1's 200 KB
// (bench/README.md, "Fifth round"; PDFs grow 2–4 %).
inline constexpr int kFastLevel = 1;
inline constexpr std::size_t kSmallSize = 64 * 1024;
inline constexpr int level_for(std::size_t size) { return size < kSmallSize ? kFastLevel : kDefaultLevel; }
// The `level` that means "level_for the data's size", what every caller gets by default.
inline constexpr int kLevelBySize = 0;

// Appends the zlib stream (RFC 1950) of `data` to `out`. Thread-safe.
void zlib_append(std::string& out, std::string_view data, int level = kLevelBySize);

// A raw DEFLATE stream (RFC 1951, as a zip entry stores it) with what the zip's
// headers need about the uncompressed data.
struct Deflated {
    std::string data;
    std::uint32_t crc32 = 0;
    std::uint64_t size = 0;
};
Deflated raw_deflate(std::string_view data, int level = kLevelBySize);

}  // namespace vanban::compress
