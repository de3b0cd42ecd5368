// The OPC package (ECMA-376 Part 2): the parts of a .docx zipped with libzip, byte
// for byte the same for the same parts.
#pragma once

#include <string>
#include <vector>

namespace vanban::docx {

struct Part {
    std::string name;   // "word/document.xml" (no leading slash)
    std::string bytes;
};

// Zips `parts` in the order given ([Content_Types].xml must come first: Part 2 §10.1.2
// recommends it and some readers sniff it), each deflated at a fixed level and stamped
// 1980-01-01 00:00 in DOS time, so the archive depends on nothing but the parts (not on
// the clock, the time zone or the umask). Throws vanban::Error on a libzip failure.
std::string zip_package(const std::vector<Part>& parts);

}  // namespace vanban::docx
