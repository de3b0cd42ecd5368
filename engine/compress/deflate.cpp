#include "compress/deflate.h"

#include <libdeflate.h>

#include <memory>
#include <new>

namespace vanban::compress {

namespace {

struct CompressorFree {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

// One compressor per thread and level (1…12): libdeflate compressors are not
// thread-safe, and allocating one (~1 MiB of tables at level 6) per stream would cost
// more than compressing. Freed when the thread exits.
libdeflate_compressor& thread_compressor(int level) {
    thread_local std::unique_ptr<libdeflate_compressor, CompressorFree> compressors[13];
    if (level < 1 || level > 12) level = kDefaultLevel;
    auto& c = compressors[level];
    if (!c) c.reset(libdeflate_alloc_compressor(level));
    if (!c) throw std::bad_alloc();
    return *c;
}

// Compresses into a buffer of the bound's size that is never zero-filled, so that only
// the pages libdeflate writes become resident: the 11 MB document.xml of a 10,000-row
// table had an 11 MB bound zeroed next to it (issue 18). The bounds guarantee success;
// 0 would mean libdeflate broke its contract.
template <class Compress>
void append_compressed(std::string& out, std::size_t bound, Compress compress) {
    const auto buffer = std::make_unique_for_overwrite<char[]>(bound);
    const std::size_t n = compress(buffer.get(), bound);
    if (n == 0) throw std::bad_alloc();
    out.append(buffer.get(), n);
}

}  // namespace

void zlib_append(std::string& out, std::string_view data, int level) {
    libdeflate_compressor& c = thread_compressor(level == kLevelBySize ? level_for(data.size()) : level);
    append_compressed(out, libdeflate_zlib_compress_bound(&c, data.size()), [&](char* to, std::size_t room) {
        return libdeflate_zlib_compress(&c, data.data(), data.size(), to, room);
    });
}

Deflated raw_deflate(std::string_view data, int level) {
    libdeflate_compressor& c = thread_compressor(level == kLevelBySize ? level_for(data.size()) : level);
    Deflated d;
    append_compressed(d.data, libdeflate_deflate_compress_bound(&c, data.size()), [&](char* to, std::size_t room) {
        return libdeflate_deflate_compress(&c, data.data(), data.size(), to, room);
    });
    d.crc32 = libdeflate_crc32(0, data.data(), data.size());
    d.size = data.size();
    return d;
}

}  // namespace vanban::compress
