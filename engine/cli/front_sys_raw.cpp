// cli/front_sys.h on bare Linux x86-64 system calls, for a front linked with -nostdlib
// -static: no C library, so nothing runs before run() but the four lines of _start.
// Compiled freestanding (engine/cli/CMakeLists.txt): no calls the compiler might add to
// memcpy or __stack_chk_fail, no exceptions, no static constructors.
#include "cli/front_sys.h"

#include <errno.h>  // the E* numbers only (macros)

namespace {

// The x86-64 Linux system call numbers (arch/x86/entry/syscalls/syscall_64.tbl).
constexpr long kWrite = 1;
constexpr long kExecve = 59;
constexpr long kReadlink = 89;
constexpr long kExitGroup = 231;

// The kernel returns −errno in rax on failure; it clobbers rcx and r11.
long system_call(long number, long a, long b, long c) {
    long result;
    asm volatile("syscall" : "=a"(result) : "a"(number), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
    return result;
}

}  // namespace

namespace vanban::front {

long write_some(int fd, const char* data, unsigned long size) {
    return system_call(kWrite, fd, reinterpret_cast<long>(data), static_cast<long>(size));
}

long read_link(const char* path, char* buffer, unsigned long size) {
    return system_call(kReadlink, reinterpret_cast<long>(path), reinterpret_cast<long>(buffer), static_cast<long>(size));
}

long execute(const char* path, char* const* argv, char* const* envp) {
    return system_call(kExecve, reinterpret_cast<long>(path), reinterpret_cast<long>(argv), reinterpret_cast<long>(envp));
}

void exit_process(int code) {
    system_call(kExitGroup, code, 0, 0);
    __builtin_unreachable();
}

// glibc's words for the errors write, readlink and execve can give (tests compare them).
const char* error_text(int err) {
    switch (err) {
        case EPERM: return "Operation not permitted";
        case ENOENT: return "No such file or directory";
        case EIO: return "Input/output error";
        case E2BIG: return "Argument list too long";
        case ENOEXEC: return "Exec format error";
        case EBADF: return "Bad file descriptor";
        case EAGAIN: return "Resource temporarily unavailable";
        case ENOMEM: return "Cannot allocate memory";
        case EACCES: return "Permission denied";
        case EFAULT: return "Bad address";
        case ENOTDIR: return "Not a directory";
        case EISDIR: return "Is a directory";
        case EINVAL: return "Invalid argument";
        case EMFILE: return "Too many open files";
        case ETXTBSY: return "Text file busy";
        case EFBIG: return "File too large";
        case ENOSPC: return "No space left on device";
        case EPIPE: return "Broken pipe";
        case ENAMETOOLONG: return "File name too long";
        case ELOOP: return "Too many levels of symbolic links";
        case EDQUOT: return "Disk quota exceeded";
        default: return "Unknown error";
    }
}

}  // namespace vanban::front

// The process's entry: the kernel leaves argc, then argv's pointers and a null, then the
// environment's and a null, on the stack; rsp is 16-byte aligned there (System V ABI).
extern "C" [[noreturn]] void vanban_front_start(long* stack) {
    const int argc = static_cast<int>(stack[0]);
    char** const argv = reinterpret_cast<char**>(stack + 1);
    vanban::front::exit_process(vanban::front::run(argc, argv, argv + argc + 1));
}

asm(".text\n"
    ".globl _start\n"
    ".type _start, @function\n"
    "_start:\n"
    "  xor %ebp, %ebp\n"
    "  mov %rsp, %rdi\n"
    "  and $-16, %rsp\n"
    "  call vanban_front_start\n"
    "  hlt\n");
