#include "pdf/deflate.h"

#include <libdeflate.h>

#include <memory>
#include <new>

namespace vanban::pdf {

namespace {

constexpr int kLevel = 6;

struct CompressorFree {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

// One compressor per thread: libdeflate compressors are not thread-safe, and
// allocating one (~1 MiB of tables at level 6) per stream would cost more than
// compressing. Freed when the thread exits.
libdeflate_compressor& thread_compressor() {
    thread_local std::unique_ptr<libdeflate_compressor, CompressorFree> compressor(
        libdeflate_alloc_compressor(kLevel));
    if (!compressor) throw std::bad_alloc();
    return *compressor;
}

}  // namespace

void deflate_append(std::string& out, std::string_view data) {
    libdeflate_compressor& c = thread_compressor();
    const std::size_t start = out.size();
    out.resize(start + libdeflate_zlib_compress_bound(&c, data.size()));
    const std::size_t n = libdeflate_zlib_compress(&c, data.data(), data.size(), out.data() + start, out.size() - start);
    // The bound guarantees success; 0 would mean libdeflate broke its contract.
    if (n == 0) throw std::bad_alloc();
    out.resize(start + n);
}

}  // namespace vanban::pdf
