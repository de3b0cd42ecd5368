#include "docx/package.h"

#include "core/diagnostic.h"

#include <zip.h>

#include <cstdio>
#include <memory>

namespace vanban::docx {

namespace {

[[noreturn]] void zip_failed(const std::string& what, const zip_error_t* err) {
    fail_at_pointer("", "", "cannot write the .docx package: " + what + ": " +
                                (err ? zip_error_strerror(const_cast<zip_error_t*>(err)) : "unknown error"));
}

// The DOS date 1980-01-01 (year 0 = 1980, month 1, day 1) and time 00:00:00. Set with
// zip_file_set_dostime, which writes these fields as given; zip_file_set_mtime would
// convert a time_t through localtime() and so differ between time zones.
constexpr zip_uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;
constexpr zip_uint16_t kDosTime = 0;
constexpr zip_uint32_t kDeflateLevel = 6;

struct SourceDeleter {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};

}  // namespace

std::string zip_package(const std::vector<Part>& parts) {
    zip_error_t err;
    zip_error_init(&err);
    // The archive is built in memory: a buffer source that zip_close() fills.
    std::unique_ptr<zip_source_t, SourceDeleter> buffer(zip_source_buffer_create(nullptr, 0, 0, &err));
    if (!buffer) zip_failed("buffer", &err);
    zip_t* z = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &err);
    if (!z) zip_failed("open", &err);
    zip_source_keep(buffer.get());  // zip_close/zip_discard must not free it: we read it after

    auto fail = [&](const std::string& what) {
        const std::string message = std::string(zip_strerror(z));
        zip_discard(z);
        fail_at_pointer("", "", "cannot write the .docx package: " + what + ": " + message);
    };
    for (const auto& part : parts) {
        // zip_source_buffer does not copy: `parts` outlives zip_close below.
        zip_source_t* src = zip_source_buffer(z, part.bytes.data(), part.bytes.size(), 0);
        if (!src) fail(part.name);
        const zip_int64_t index = zip_file_add(z, part.name.c_str(), src, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(src);
            fail(part.name);
        }
        const auto i = static_cast<zip_uint64_t>(index);
        if (zip_set_file_compression(z, i, ZIP_CM_DEFLATE, kDeflateLevel) != 0) fail(part.name);
        if (zip_file_set_dostime(z, i, kDosTime, kDosDate, 0) != 0) fail(part.name);
    }
    if (zip_close(z) != 0) fail("close");

    // Read the finished archive back out of the buffer source.
    if (zip_source_open(buffer.get()) != 0) zip_failed("reopen", zip_source_error(buffer.get()));
    std::string out;
    char chunk[65536];
    for (;;) {
        const zip_int64_t n = zip_source_read(buffer.get(), chunk, sizeof chunk);
        if (n < 0) {
            zip_source_close(buffer.get());
            zip_failed("read", zip_source_error(buffer.get()));
        }
        if (n == 0) break;
        out.append(chunk, static_cast<std::size_t>(n));
    }
    zip_source_close(buffer.get());
    return out;
}

}  // namespace vanban::docx
