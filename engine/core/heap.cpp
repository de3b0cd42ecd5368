#include "core/heap.h"

#include <malloc.h>

namespace vanban {

void keep_freed_heap() {
    // Fixed values also switch off glibc's sliding thresholds, so behaviour does not
    // depend on what the process freed before.
    static const bool done = [] {
        ::mallopt(M_TRIM_THRESHOLD, 4 << 20);
        ::mallopt(M_MMAP_THRESHOLD, 1 << 20);
        return true;
    }();
    (void)done;
}

}  // namespace vanban
