// Allocator settings for a process that renders many documents.
#pragma once

namespace vanban {

// glibc returns the top of the heap to the kernel as soon as 128 KB of it are free, and
// moves its mmap threshold about. A DOCX writes each part through its own zlib stream
// (inside libzip), which allocates ~270 KB and frees it, so every part faulted its pages
// in again: 270 page faults per seed letter, two thirds of a warm DOCX render on a VM
// (bench/README.md). Keeping 4 MB of free heap and mmapping only blocks of 1 MB or more
// ends that, for +0.5 MB peak RSS on the 10,000-row table. Idempotent, process-wide.
void keep_freed_heap();

}  // namespace vanban
