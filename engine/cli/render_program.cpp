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

// The heap glibc grew before prefault_heap() below, taken whole so that no small block is cut
// from its pages. Volatile: a malloc whose result is never read may be left out by the compiler.
void* volatile g_start_up_heap = nullptr;

// A render is one short process, and on a virtual machine each page it touches for the first
// time costs ~11 µs (bench/README.md, "Fifth round"): 41 % of its page faults were glibc's
// heap growing page by page. So before any C++ constructor of this program (the server,
// vanban-full, does none of this), the heap moves to a fresh 2 MiB-aligned stretch that the
// kernel may back with one transparent huge page — one fault for the whole render — and the
// first 1 MiB is populated at once (without huge pages, 256 small pages, as before).
//
// How: the break is moved just below a 2 MiB boundary (glibc handles a "foreign sbrk": its
// next growth starts there), then one block of 2 MiB + 8 KiB is taken from the heap so that
// glibc's own headers land on the pages either side and none inside [boundary, +2 MiB)
// before the madvise — a page touched there first would keep the range in small pages.
// The block is freed into the top chunk, which the render then allocates from. Every step
// is checked; if one fails, the heap is left as glibc made it.
__attribute__((constructor(101))) void prefault_heap() {
#if !defined(__SANITIZE_ADDRESS__)  // the sanitizer's allocator does not use the break
    constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
    constexpr std::uintptr_t kPage = 4096;
    const auto now = reinterpret_cast<std::uintptr_t>(::sbrk(0));
    const std::uintptr_t boundary = (now + kPage + kHuge - 1) & ~(kHuge - 1);  // at least a page above
    // The block must come from the heap (not mmap); the heap is kept, not trimmed, and
    // grows 1 MiB at a time after it.
    if (::mallopt(M_MMAP_THRESHOLD, static_cast<int>(4 * kHuge)) != 1 || ::mallopt(M_TOP_PAD, 1 << 20) != 1 ||
        ::mallopt(M_TRIM_THRESHOLD, static_cast<int>(4 * kHuge)) != 1) {
        return;
    }
    // The rest of the heap glibc grew before this (the loader's and the libraries' start-up
    // allocations, ~100 KB) would go back to the free lists when the break moves, and the
    // render's small blocks would be cut from it first, page by page: ~10 faults. It is taken
    // once and never touched; g_start_up_heap keeps it reachable.
    if (const std::size_t top = ::mallinfo2().keepcost; top > 4 * kPage) g_start_up_heap = std::malloc(top - 64);
    if (::sbrk(static_cast<std::intptr_t>(boundary - kPage - now)) != reinterpret_cast<void*>(-1)) {
        void* const block = std::malloc(kHuge + 2 * kPage);
        const auto at = reinterpret_cast<std::uintptr_t>(block);
        if (block && at < boundary && at + kHuge + 2 * kPage > boundary + kHuge) {
            // Refused where the kernel has no transparent huge pages: then small pages.
            (void)::madvise(reinterpret_cast<void*>(boundary), kHuge, MADV_HUGEPAGE);
#ifdef MADV_POPULATE_WRITE
            // Linux ≥ 5.14; on an older kernel it fails and the pages fault in as they are used.
            (void)::madvise(reinterpret_cast<void*>(boundary), kHuge / 2, MADV_POPULATE_WRITE);
#endif
        }
        std::free(block);
    }
    // Blocks up to 512 KiB come from that heap too: the deflate compressor's 200 KB of tables
    // were ~34 more faults in a mapping of their own.
    (void)::mallopt(M_MMAP_THRESHOLD, 512 * 1024);
#endif
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
