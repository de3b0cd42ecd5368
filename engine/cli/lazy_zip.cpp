// libzip, loaded when the first .docx is zipped (linked into vanban-render only).
//
// libzip brings libcrypto and libbz2 with it: ~3,400 of the render program's symbol
// relocations at every start, for a PDF that never touches them (bench/README.md,
// "Cold"). These definitions of the libzip calls the DOCX writer makes come before
// libzip on the link line, so the linker takes them and (--as-needed) records no
// libzip at all; each one opens libzip.so.4 on first use and calls the real function.
// A libzip call not listed here links to libzip as before: slower start, same output
// (tests/cli/test_front.cpp fails to say so).
//
// The Debian package still depends on libzip4 (vanban-full links it; the package test
// checks Depends).
#include "core/diagnostic.h"

#include <dlfcn.h>
#include <zip.h>

#include <string>

namespace {

void* libzip() {
    // A throwing initialisation is tried again at the next call.
    static void* const handle = [] {
        void* h = ::dlopen("libzip.so.4", RTLD_NOW | RTLD_LOCAL);
        if (!h) {
            const char* why = ::dlerror();
            vanban::fail_at_pointer("", "", std::string("cannot write the .docx package: cannot load libzip: ") +
                                                (why ? why : "unknown error"));
        }
        return h;
    }();
    return handle;
}

void* resolve(const char* name) {
    void* f = ::dlsym(libzip(), name);
    if (!f) vanban::fail_at_pointer("", "", std::string("cannot write the .docx package: libzip has no ") + name);
    return f;
}

}  // namespace

// Same declarations as zip.h's (extern "C" from there); each resolves its function once.
#define VANBAN_LAZY_ZIP(ret, name, params, args)                                        \
    ret name params {                                                                   \
        static const auto real = reinterpret_cast<decltype(&name)>(resolve(#name));     \
        return real args;                                                               \
    }

VANBAN_LAZY_ZIP(void, zip_error_init, (zip_error_t* e), (e))
VANBAN_LAZY_ZIP(void, zip_error_fini, (zip_error_t* e), (e))
VANBAN_LAZY_ZIP(const char*, zip_error_strerror, (zip_error_t* e), (e))
VANBAN_LAZY_ZIP(zip_source_t*, zip_source_buffer_create, (const void* d, zip_uint64_t n, int f, zip_error_t* e),
                (d, n, f, e))
VANBAN_LAZY_ZIP(zip_t*, zip_open_from_source, (zip_source_t* s, int f, zip_error_t* e), (s, f, e))
VANBAN_LAZY_ZIP(void, zip_source_keep, (zip_source_t* s), (s))
VANBAN_LAZY_ZIP(const char*, zip_strerror, (zip_t* z), (z))
VANBAN_LAZY_ZIP(zip_error_t*, zip_get_error, (zip_t* z), (z))
VANBAN_LAZY_ZIP(void, zip_discard, (zip_t* z), (z))
VANBAN_LAZY_ZIP(zip_source_t*, zip_source_buffer, (zip_t* z, const void* d, zip_uint64_t n, int f), (z, d, n, f))
VANBAN_LAZY_ZIP(zip_source_t*, zip_source_function, (zip_t* z, zip_source_callback cb, void* ud), (z, cb, ud))
VANBAN_LAZY_ZIP(zip_source_t*, zip_source_zip,
                (zip_t* z, zip_t* from, zip_uint64_t i, zip_flags_t f, zip_uint64_t start, zip_int64_t len),
                (z, from, i, f, start, len))
VANBAN_LAZY_ZIP(zip_int64_t, zip_file_add, (zip_t* z, const char* name, zip_source_t* s, zip_flags_t f),
                (z, name, s, f))
VANBAN_LAZY_ZIP(void, zip_source_free, (zip_source_t* s), (s))
VANBAN_LAZY_ZIP(int, zip_set_file_compression, (zip_t* z, zip_uint64_t i, zip_int32_t m, zip_uint32_t level),
                (z, i, m, level))
VANBAN_LAZY_ZIP(int, zip_file_set_dostime, (zip_t* z, zip_uint64_t i, zip_uint16_t t, zip_uint16_t d, zip_flags_t f),
                (z, i, t, d, f))
VANBAN_LAZY_ZIP(int, zip_close, (zip_t* z), (z))
VANBAN_LAZY_ZIP(int, zip_source_open, (zip_source_t* s), (s))
VANBAN_LAZY_ZIP(zip_error_t*, zip_source_error, (zip_source_t* s), (s))
VANBAN_LAZY_ZIP(zip_int64_t, zip_source_read, (zip_source_t* s, void* d, zip_uint64_t n), (s, d, n))
VANBAN_LAZY_ZIP(int, zip_source_close, (zip_source_t* s), (s))
