// Font subsetting for PDF embedding, on HarfBuzz's hb-subset.
//
// Given a face and the glyphs a document uses, produces a TrueType font holding
// only those glyphs (plus .notdef and the components of composite glyphs, which
// hb-subset adds itself), renumbered densely from 0, without hinting, and with
// only the tables a PDF CIDFontType2 needs: glyf loca head hhea hmtx maxp
// (PDF 32000-1:2008 §9.9; no cmap because the PDF maps CIDs to GIDs itself).
//
// Thread-safe: any number of subsets may run at once on shared faces.
#pragma once

#include "fonts/font_set.h"

#include <span>
#include <string>
#include <utility>
#include <vector>

namespace vanban::fonts {

class SubsetFont {
public:
    // The subset TrueType font program (an sfnt).
    const std::string& data() const { return data_; }

    // Number of glyphs in the subset, new GIDs 0 … glyph_count()−1. Larger than the
    // number of requested glyphs: .notdef and composite components are included.
    unsigned glyph_count() const { return static_cast<unsigned>(new_to_old_.size()); }

    // New GID of a requested original glyph; 0 (.notdef) if it was not requested.
    unsigned new_gid(unsigned old_gid) const;

    // Original GID of a glyph of the subset (new_gid < glyph_count()).
    unsigned old_gid(unsigned new_gid) const { return new_to_old_[new_gid]; }

    // (original, new) for every requested glyph, ascending by original GID.
    const std::vector<std::pair<unsigned, unsigned>>& mapping() const { return old_to_new_; }

private:
    friend class Subsetter;
    std::string data_;
    std::vector<unsigned> new_to_old_;
    std::vector<std::pair<unsigned, unsigned>> old_to_new_;
};

// Whether to use hb_subset_preprocess(). Preprocessing a face costs ~5 ms once and
// then saves ~0.15 ms per subset, so `automatic` preprocesses a face only after it
// has been subset several times in this process (a long-running server gains, a
// one-shot CLI run never pays). The subset bytes are the same either way.
enum class Preprocess { automatic, never, always };

// Subsets `face` to `glyphs` (original GIDs, any order, duplicates allowed; GIDs
// beyond the face's glyph count are an error). Throws vanban::Error on failure.
SubsetFont subset_font(const Face& face, std::span<const unsigned> glyphs,
                       Preprocess preprocess = Preprocess::automatic);

}  // namespace vanban::fonts
