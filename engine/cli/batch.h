// Batches: many documents through one Engine on several threads; one failing item
// never stops the others.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace vanban::cli {

// One document of a batch: a file, or one line of a JSON Lines file.
struct BatchItem {
    std::string name;               // "a.json", "letters.jsonl:17"
    std::filesystem::path file;     // the file it came from
    std::string json;               // the document's bytes when it came from a .jsonl line; else empty
    std::filesystem::path stem;     // the output name without extension ("a", "letters-17")
};

// Expands the command line's inputs: a directory → its *.json files (sorted); a
// .jsonl file → one item per non-empty line; anything else → itself. Throws
// vanban::Error for an unreadable directory or JSON Lines file.
std::vector<BatchItem> expand_inputs(const std::vector<std::filesystem::path>& inputs);

// Keeps the items of shard `index` of `count` (round-robin, so shards are even).
std::vector<BatchItem> shard(std::vector<BatchItem> items, std::size_t index, std::size_t count);

// Runs work(i) for every i in [0, n) on `jobs` threads, in order of i. Shows a progress
// line on stderr when `progress` is set (a terminal and a long batch).
void run_parallel(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& work, bool progress);

}  // namespace vanban::cli
