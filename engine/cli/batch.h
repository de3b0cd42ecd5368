// Batches: many documents through one Engine on several threads; one failing item
// never stops the others.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace vanban::cli {

// One document of a batch: a file, or one line of a JSON Lines file.
struct BatchItem {
    std::string name;               // "a.json", "letters.jsonl:17"
    std::filesystem::path file;     // the file it came from
    std::filesystem::path stem;     // the output name without extension ("a", "letters-17")
    std::size_t line = 0;           // a .jsonl line: its number (1-based); 0 for a whole file
    std::uint64_t offset = 0;       // … and where its bytes are, so that a 1 GiB file is
    std::uint64_t length = 0;       //     never held in memory at once
};

// Expands the command line's inputs: a directory → its *.json files (sorted); a
// .jsonl file → one item per non-blank line (read line by line, not whole); anything
// else → itself. Throws vanban::Error naming the input for an unlistable directory, a
// directory without .json files, or a read error in a JSON Lines file.
std::vector<BatchItem> expand_inputs(const std::vector<std::filesystem::path>& inputs);

// The item's JSON: the whole file, or its line. Throws vanban::Error naming the item
// when it is larger than `max_bytes` (without reading it) or cannot be read.
std::string read_item(const BatchItem& item, std::size_t max_bytes);

// Fails (vanban::Error) when two items would write the same file — a/cv.json and
// b/cv.json into one -o directory, x-1.json and line 1 of x.jsonl — naming both, before
// anything is rendered. targets[i] are item i's output paths.
void refuse_collisions(const std::vector<BatchItem>& items, const std::vector<std::vector<std::filesystem::path>>& targets);

// Fails when an output path is also an input (any spelling, a link included).
void refuse_overwriting_inputs(const std::vector<std::filesystem::path>& outputs,
                               const std::vector<std::filesystem::path>& inputs);

// Fails naming `option` when one of `dirs` is not an existing directory (--fonts,
// --templates), instead of silently searching elsewhere.
void require_directories(const std::string& option, const std::vector<std::filesystem::path>& dirs);

// Keeps the items of shard `index` of `count` (round-robin, so shards are even).
std::vector<BatchItem> shard(std::vector<BatchItem> items, std::size_t index, std::size_t count);

// Runs work(i) for every i in [0, n) on `jobs` threads, in order of i. Shows a progress
// line on stderr when `progress` is set (a terminal and a long batch). Once the process
// is interrupted (core/output_set.h: interrupted()), no new item is started.
void run_parallel(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& work, bool progress);

}  // namespace vanban::cli
