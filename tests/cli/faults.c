/* Fault injection for the CLI tests, loaded with LD_PRELOAD into build/vanban.
 *
 * Every fault applies only to files whose path contains $VANBAN_FAULT_PATH:
 *   VANBAN_FAULT_READ_EIO_AFTER=N  read()/pread() fail with EIO once N bytes were read
 *   VANBAN_FAULT_WRITE_ENOSPC=1    write() fails with ENOSPC (a full disk)
 *   VANBAN_FAULT_FSYNC_EIO=1       fsync() fails with EIO (the disk lost the data)
 *   VANBAN_FAULT_READDIR_EIO=1     readdir() fails with EIO (a bad directory block)
 *   VANBAN_FAULT_FDOPEN_LIMIT=N    a stdio stream from fdopen() holds only N bytes, then
 *                                  its writes fail: libxlsxwriter's scratch files in a
 *                                  full temporary directory.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static int matches_fd(int fd) {
    const char* want = getenv("VANBAN_FAULT_PATH");
    if (!want || !*want || fd < 0) return 0;
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n <= 0) return 0;
    path[n] = 0;
    return strstr(path, want) != NULL;
}

static long env_long(const char* name) {
    const char* v = getenv(name);
    return v && *v ? atol(v) : -1;
}

#define REAL(ret, name, ...) \
    static ret (*real_##name)(__VA_ARGS__); \
    if (!real_##name) real_##name = (ret(*)(__VA_ARGS__))dlsym(RTLD_NEXT, #name)

static long read_so_far[65536];

/* 1 when reads on fd count towards the fault (a matching file), else 0. */
static int read_fault(int fd, size_t* count, int* counted) {
    long after = env_long("VANBAN_FAULT_READ_EIO_AFTER");
    *counted = 0;
    if (after < 0 || fd >= 65536 || !matches_fd(fd)) return 0;
    *counted = 1;
    if (read_so_far[fd] >= after) {
        errno = EIO;
        return 1;
    }
    if ((long)*count > after - read_so_far[fd]) *count = (size_t)(after - read_so_far[fd]);
    return 0;
}

ssize_t read(int fd, void* buf, size_t count) {
    REAL(ssize_t, read, int, void*, size_t);
    int counted;
    if (read_fault(fd, &count, &counted)) return -1;
    ssize_t n = real_read(fd, buf, count);
    if (n > 0 && counted) read_so_far[fd] += n;
    return n;
}

ssize_t pread(int fd, void* buf, size_t count, off_t off) {
    REAL(ssize_t, pread, int, void*, size_t, off_t);
    int counted;
    if (read_fault(fd, &count, &counted)) return -1;
    ssize_t n = real_pread(fd, buf, count, off);
    if (n > 0 && counted) read_so_far[fd] += n;
    return n;
}

ssize_t pread64(int fd, void* buf, size_t count, off_t off) { return pread(fd, buf, count, off); }

int close(int fd) {
    REAL(int, close, int);
    if (fd >= 0 && fd < 65536) read_so_far[fd] = 0;
    return real_close(fd);
}

ssize_t write(int fd, const void* buf, size_t count) {
    REAL(ssize_t, write, int, const void*, size_t);
    if (env_long("VANBAN_FAULT_WRITE_ENOSPC") == 1 && matches_fd(fd)) {
        errno = ENOSPC;
        return -1;
    }
    return real_write(fd, buf, count);
}

int fsync(int fd) {
    REAL(int, fsync, int);
    if (env_long("VANBAN_FAULT_FSYNC_EIO") == 1 && matches_fd(fd)) {
        errno = EIO;
        return -1;
    }
    return real_fsync(fd);
}

struct dirent* readdir(DIR* d) {
    REAL(struct dirent*, readdir, DIR*);
    if (env_long("VANBAN_FAULT_READDIR_EIO") == 1 && matches_fd(dirfd(d))) {
        errno = EIO;
        return NULL;
    }
    return real_readdir(d);
}

struct dirent64* readdir64(DIR* d) {
    REAL(struct dirent64*, readdir64, DIR*);
    if (env_long("VANBAN_FAULT_READDIR_EIO") == 1 && matches_fd(dirfd(d))) {
        errno = EIO;
        return NULL;
    }
    return real_readdir64(d);
}

/* A stream on a bounded memory buffer: what fits is kept and read back. */
struct bounded {
    char* data;
    size_t size, cap, pos, limit;
};

static ssize_t b_read(void* c, char* buf, size_t n) {
    struct bounded* b = c;
    if (b->pos >= b->size) return 0;
    if (n > b->size - b->pos) n = b->size - b->pos;
    memcpy(buf, b->data + b->pos, n);
    b->pos += n;
    return (ssize_t)n;
}

static ssize_t b_write(void* c, const char* buf, size_t n) {
    struct bounded* b = c;
    if (b->pos >= b->limit) {
        errno = ENOSPC;
        return -1;
    }
    if (n > b->limit - b->pos) n = b->limit - b->pos;
    if (b->pos + n > b->cap) {
        b->cap = (b->pos + n) * 2;
        b->data = realloc(b->data, b->cap);
    }
    memcpy(b->data + b->pos, buf, n);
    b->pos += n;
    if (b->pos > b->size) b->size = b->pos;
    return (ssize_t)n;
}

static int b_seek(void* c, off64_t* off, int whence) {
    struct bounded* b = c;
    long base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? (long)b->pos : (long)b->size;
    if (base + *off < 0) return -1;
    b->pos = (size_t)(base + *off);
    *off = (off64_t)b->pos;
    return 0;
}

static int b_close(void* c) {
    struct bounded* b = c;
    free(b->data);
    free(b);
    return 0;
}

FILE* fdopen(int fd, const char* mode) {
    REAL(FILE*, fdopen, int, const char*);
    long limit = env_long("VANBAN_FAULT_FDOPEN_LIMIT");
    if (limit < 0 || !matches_fd(fd)) return real_fdopen(fd, mode);
    struct bounded* b = calloc(1, sizeof *b);
    b->limit = (size_t)limit;
    cookie_io_functions_t io = {b_read, b_write, b_seek, b_close};
    close(fd);
    return fopencookie(b, "w+", io);
}
