#include "docx/package.h"

#include "core/diagnostic.h"

#include <zip.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
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

struct SourceDeleter {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};

// A libzip source that hands out a part's deflated bytes and says so in its stat
// (method, sizes, CRC): zip_close then copies them instead of compressing the part
// again (libzip recompresses only when the entry's method differs from the source's).
struct PackedSource {
    const compress::Deflated* body;
    std::uint64_t read = 0;
};

zip_int64_t packed_source(void* state, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    auto& s = *static_cast<PackedSource*>(state);
    switch (cmd) {
        case ZIP_SOURCE_OPEN:
            s.read = 0;
            return 0;
        case ZIP_SOURCE_READ: {
            const std::uint64_t n = std::min<std::uint64_t>(len, s.body->data.size() - s.read);
            std::memcpy(data, s.body->data.data() + s.read, n);
            s.read += n;
            return static_cast<zip_int64_t>(n);
        }
        case ZIP_SOURCE_CLOSE:
            return 0;
        case ZIP_SOURCE_STAT: {
            auto* st = static_cast<zip_stat_t*>(data);
            st->valid |= ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
            st->size = s.body->size;
            st->comp_size = s.body->data.size();
            st->comp_method = ZIP_CM_DEFLATE;
            st->crc = s.body->crc32;
            return sizeof(zip_stat_t);
        }
        case ZIP_SOURCE_ERROR: {
            // Never fails: no libzip error and no system error.
            auto* codes = static_cast<int*>(data);
            codes[0] = ZIP_ER_OK;
            codes[1] = 0;
            return 2 * sizeof(int);
        }
        case ZIP_SOURCE_FREE:
            delete &s;
            return 0;
        case ZIP_SOURCE_SUPPORTS:
            return ZIP_SOURCE_SUPPORTS_READABLE;
        default:
            return -1;
    }
}

}  // namespace

std::shared_ptr<const compress::Deflated> pack(std::string_view bytes, int level) {
    return std::make_shared<const compress::Deflated>(compress::raw_deflate(bytes, level));
}

std::string zip_package(const std::vector<Part>& parts) {
    std::vector<PackedPart> packed;
    packed.reserve(parts.size());
    for (const auto& part : parts) packed.push_back({part.name, pack(part.bytes)});
    return zip_package(packed);
}

std::string zip_package(const std::vector<PackedPart>& parts) {
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
        // The source does not copy: `parts` outlives zip_close below. libzip frees the
        // state (ZIP_SOURCE_FREE) with the source.
        auto* state = new PackedSource{part.body.get()};
        zip_source_t* src = zip_source_function(z, packed_source, state);
        if (!src) {
            delete state;
            fail(part.name);
        }
        const zip_int64_t index = zip_file_add(z, part.name.c_str(), src, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(src);
            fail(part.name);
        }
        const auto i = static_cast<zip_uint64_t>(index);
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
