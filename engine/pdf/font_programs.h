// The embedded font programs of recent documents, kept for the next ones.
//
// Subsetting a face and deflating the subset are a fifth to a third of a warm letter's
// PDF time (bench/README.md), and a batch or a server meets the same glyph sets again
// and again: the bold header and signature of one office, the italic place and date
// line, whole letters of a mail merge. Both steps are pure functions of (face, glyphs),
// so reusing a result writes the same bytes as computing it again.
#pragma once

#include "fonts/subset.h"

#include <memory>
#include <string>
#include <vector>

namespace vanban::pdf {

struct FontProgram {
    fonts::SubsetFont subset;
    std::string deflated;  // the subset as a zlib stream; empty when not compressing
};

// The subset of `face` to the original glyph ids `used` (ascending, unique), and its
// zlib stream when `compress`. Thread-safe; holds the 32 most recently used programs.
std::shared_ptr<const FontProgram> font_program(const fonts::Face& face, const std::vector<unsigned>& used,
                                                bool compress);

}  // namespace vanban::pdf
