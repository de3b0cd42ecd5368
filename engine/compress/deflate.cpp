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

// The bounds guarantee success; 0 would mean libdeflate broke its contract.
void check(std::size_t n) {
    if (n == 0) throw std::bad_alloc();
}

}  // namespace

void zlib_append(std::string& out, std::string_view data, int level) {
    libdeflate_compressor& c = thread_compressor(level);
    const std::size_t start = out.size();
    out.resize(start + libdeflate_zlib_compress_bound(&c, data.size()));
    const std::size_t n = libdeflate_zlib_compress(&c, data.data(), data.size(), out.data() + start, out.size() - start);
    check(n);
    out.resize(start + n);
}

Deflated raw_deflate(std::string_view data, int level) {
    libdeflate_compressor& c = thread_compressor(level);
    Deflated d;
    d.data.resize(libdeflate_deflate_compress_bound(&c, data.size()));
    const std::size_t n = libdeflate_deflate_compress(&c, data.data(), data.size(), d.data.data(), d.data.size());
    check(n);
    d.data.resize(n);
    d.crc32 = libdeflate_crc32(0, data.data(), data.size());
    d.size = data.size();
    return d;
}

}  // namespace vanban::compress
