// vanban-render's half of cli/hand_off.h: find vanban-full and exec it.
#include "cli/hand_off.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <string>

#ifndef VANBAN_FULL_FROM_BIN
#define VANBAN_FULL_FROM_BIN "../libexec/vanban"
#endif

namespace vanban::cli {

namespace {

// A render is one short process: 41 % of its ~560 page faults were glibc's heap growing page by
// page (perf record -e page-faults -d). Growing the heap once by 1 MB and populating it in one
// madvise costs less than ~180 separate faults (bench/README.md, "Cold": 546 → 364 faults,
// 14.0 → 13.1 ms). Before every C++ constructor of this program; the server (vanban-full) does not.
__attribute__((constructor(101))) void prefault_heap() {
    constexpr int kPad = 1 << 20;
    if (::mallopt(M_TOP_PAD, kPad) != 1 || ::mallopt(M_TRIM_THRESHOLD, 4 * kPad) != 1) return;
    // The libraries' constructors have started the heap already: take blocks under the mmap
    // threshold until one makes it grow (by the block + kPad), then populate what is free.
    void* blocks[4] = {};
    const void* before = ::sbrk(0);
    int n = 0;
    while (n < 4 && (blocks[n] = std::malloc(96 * 1024)) != nullptr && ::sbrk(0) == before) ++n;
    const bool grew = n < 4 && blocks[n] != nullptr;
    if (grew) ++n;
    const auto start = reinterpret_cast<std::uintptr_t>(blocks[0]) & ~std::uintptr_t{4095};
    const auto end = reinterpret_cast<std::uintptr_t>(::sbrk(0));
    // Only glibc's own heap, just grown (under a sanitizer's allocator the blocks are elsewhere).
    if (grew && end > start && end - start <= 4u * kPad) {
#ifdef MADV_POPULATE_WRITE
        // Linux ≥ 5.14; on an older kernel it fails and the pages fault in one by one as before.
        (void)::madvise(reinterpret_cast<void*>(start), end - start, MADV_POPULATE_WRITE);
#endif
    }
    for (int i = 0; i < n; ++i) std::free(blocks[i]);
}

std::string own_directory() {
    char buf[4096];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return {};
    const std::string exe(buf, static_cast<std::size_t>(n));
    const auto slash = exe.rfind('/');
    return slash == std::string::npos ? std::string{} : exe.substr(0, slash);
}

}  // namespace

void run_in_full_program() {
    const std::string dir = own_directory();
    // vanban-full sits next to vanban-render, in build/ and in libexec/vanban; the second
    // path is for a vanban-render run from bin/ (the path between them is fixed at configure time).
    const std::string candidates[] = {dir + "/vanban-full", dir + "/" VANBAN_FULL_FROM_BIN "/vanban-full"};
    int err = ENOENT;
    for (const auto& path : candidates) {
        if (dir.empty()) break;
        ::execv(path.c_str(), command_line());
        err = errno;
        if (err != ENOENT) {
            std::fprintf(stderr, "error: cannot run %s: %s\n", path.c_str(), std::strerror(err));
            std::exit(1);
        }
    }
    std::fprintf(stderr, "error: cannot run %s: %s (vanban runs this command there; is vanban installed whole?)\n",
                 candidates[1].c_str(), std::strerror(err));
    std::exit(1);
}

void end_process(int code) {
    // Standard output is written with write(2) where it matters (core/files.h); this is for
    // anything still in a stream buffer, and a failure here is an I/O error like any other.
    if (!std::cout.flush() || std::fflush(nullptr) != 0) {
        std::fprintf(stderr, "error: standard output: cannot write: %s\n", std::strerror(errno));
        code = code == 0 ? 1 : code;
    }
#if defined(__SANITIZE_ADDRESS__)
    std::exit(code);
#else
    ::_exit(code);
#endif
}

}  // namespace vanban::cli
