// The OPC package (ECMA-376 Part 2): the parts of a .docx zipped with libzip, byte
// for byte the same for the same parts.
#pragma once

#include "compress/deflate.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::docx {

struct Part {
    std::string name;   // "word/document.xml" (no leading slash)
    std::string bytes;
};

// A part already deflated (compress::raw_deflate): libzip copies it into the archive as
// it is, so a part that is the same in every document is compressed once per process.
struct PackedPart {
    std::string name;
    std::shared_ptr<const compress::Deflated> body;
};

// Deflates a part's bytes for zip_package, by default at compress::level_for its size
// (level 1 for the per-document parts: document.xml, properties, small styles); a part
// packed once per process passes its level.
std::shared_ptr<const compress::Deflated> pack(std::string_view bytes, int level = compress::kLevelBySize);

// Zips `parts` in the order given ([Content_Types].xml must come first: Part 2 §10.1.2
// recommends it and some readers sniff it), each stored as deflated by pack() and
// stamped 1980-01-01 00:00 in DOS time, so the archive depends on nothing but the parts
// (not on the clock, the time zone or the umask). Throws vanban::Error on a libzip failure.
std::string zip_package(const std::vector<PackedPart>& parts);
// The same with each part packed here.
std::string zip_package(const std::vector<Part>& parts);

}  // namespace vanban::docx
