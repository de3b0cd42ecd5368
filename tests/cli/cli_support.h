// Helpers for the CLI fault tests: the shim's environment, sample documents, files.
#pragma once

#include "support.h"

#include <string>
#include <vector>

namespace cli {

namespace fs = std::filesystem;

// "LD_PRELOAD=<shim> VANBAN_FAULT_PATH='<path>' <vars> " to put before a command.
std::string faults(const std::string& path, const std::string& vars);

std::string vanban();             // quoted build/vanban
fs::path sample();                // samples/cong-van-1996.json
std::string sample_line();        // the same document on one line (for .jsonl)
void write(const fs::path& p, const std::string& bytes);
// Every hidden temporary ".NAME.XXXXXX" or "*.tmp-*" left under `dir`.
std::vector<std::string> temporaries(const fs::path& dir);
unsigned mode_of(const fs::path& p);  // permission bits
// A directory with the four Liberation Serif faces under the Times New Roman names
// (times.ttf …); empty path when the system has no Liberation Serif.
fs::path font_copy(const std::string& name);

}  // namespace cli
