// The four faces of the document font (Times New Roman, or the metric-compatible
// Liberation Serif), found on a search path and loaded lazily, once per process.
#pragma once

#include "fonts/bmp_cache.h"
#include "fonts/font_metrics.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

struct hb_face_t;
struct hb_font_t;
struct hb_blob_t;

namespace vanban::fonts {

// One loaded face. Immutable after construction, so it is shared between threads.
class Face {
public:
    explicit Face(const std::filesystem::path& file);  // throws vanban::Error
    ~Face();
    Face(const Face&) = delete;
    Face& operator=(const Face&) = delete;

    const std::filesystem::path& file() const { return file_; }
    // Unique among the faces of this process, unlike the address: for caches keyed by face.
    std::uint64_t serial() const { return serial_; }
    const std::string& postscript_name() const { return postscript_name_; }
    unsigned units_per_em() const { return upem_; }

    // Glyph id for a BMP or astral code point; 0 when the face lacks it. Throws
    // vanban::Error when the glyph of a character with ink does not draw (damaged font).
    // Inline: layout asks this for every character it measures, many times per line.
    unsigned glyph(char32_t c) const {
        if (c < 0x10000) {
            const unsigned entry = bmp_.load(c);
            if (entry == kLacks) return 0;
            const unsigned gid = entry - 1;
            if (entry != kUnknown && gid < glyph_count_ && outline_ok_[gid].load(std::memory_order_relaxed)) return gid;
        }
        return glyph_checked(c);
    }
    // Whether the cmap maps `c` (glyph() != 0), without checking that the glyph draws:
    // the input's coverage check asks this in three styles for every character, most of
    // which a letter never prints (checking outlines there was 1.2 M instructions).
    bool maps(char32_t c) const {
        if (c < 0x10000) {
            const unsigned entry = bmp_.load(c);
            if (entry != kUnknown) return entry != kLacks;
        }
        return lookup(c) != 0;
    }
    // A code point whose glyph() is `gid`, found by an earlier glyph() call; 0 when none
    // was asked for yet. hb-subset plans a subset given by code points far faster than
    // one given by glyph ids (it then maps the face's whole cmap).
    char32_t code_point_of(unsigned gid) const {
        return gid < glyph_count_ ? cp_of_[gid].load(std::memory_order_relaxed) : 0;
    }
    // Advance of a glyph in font units.
    int glyph_advance(unsigned gid) const;

    // Descriptor metrics in font units.
    int ascender() const { return ascender_; }
    int descender() const { return descender_; }
    int line_gap() const { return line_gap_; }
    int cap_height() const { return cap_height_; }
    std::array<int, 4> bbox() const { return bbox_; }  // xMin yMin xMax yMax
    double italic_angle() const { return italic_angle_; }
    int weight() const { return weight_; }

    hb_face_t* hb_face() const { return face_; }

private:
    void read_style();     // italic_angle_, weight_
    void validate_cmap();  // throws vanban::Error for a face whose cmap was lost
    void validate_outline(char32_t c, unsigned gid) const;  // throws for a glyph that does not draw
    unsigned glyph_checked(char32_t c) const;  // glyph() for astral code points and first uses
    unsigned lookup(char32_t c) const;         // the cmap, through bmp_; no outline check
    std::filesystem::path file_;
    std::uint64_t serial_;
    hb_blob_t* blob_ = nullptr;
    hb_face_t* face_ = nullptr;
    hb_font_t* font_ = nullptr;
    std::string postscript_name_;
    unsigned upem_ = 1000;
    int ascender_ = 0, descender_ = 0, line_gap_ = 0, cap_height_ = 0;
    std::array<int, 4> bbox_{};
    double italic_angle_ = 0;
    int weight_ = 400;
    // By glyph id: advance + 1, or 0 until asked (a letter asks for ~200 of ~2,600;
    // reading them all at load was 0.37 M instructions of every cold render).
    std::unique_ptr<std::atomic<int>[]> advances_;
    // BMP cmap cache, filled on first lookup of each code point: kUnknown, kLacks, or glyph
    // id + 1. Filling it for the whole cmap at load cost ~0.6 M instructions per face at
    // every cold start, for the few hundred characters a letter uses.
    static constexpr unsigned kUnknown = 0, kLacks = 1;
    BmpCache bmp_;
    // By glyph id: a code point mapped to it by an earlier lookup (0: none yet).
    std::unique_ptr<std::atomic<char32_t>[]> cp_of_;
    // By glyph id: 1 once its outline was found to draw. Checked on first use rather than
    // for all ~2,600 glyphs at load, which cost ~4 ms per face at every cold start.
    std::unique_ptr<std::atomic<std::uint8_t>[]> outline_ok_;
    unsigned glyph_count_ = 0;
};

// Where the four style files were found.
struct FontFiles {
    std::array<std::filesystem::path, 4> paths;  // indexed by Style
    std::string family;                          // "Times New Roman" or "Liberation Serif"
};

// Looks for Times New Roman (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf, any case)
// and then Liberation Serif in each directory of `search_dirs` in order, then in the
// system font directories. Throws vanban::Error naming the directories searched when a
// style is found nowhere. A family is taken whole from one directory.
FontFiles find_font_files(const std::vector<std::filesystem::path>& search_dirs);

class FontSet final : public FontMetrics {
public:
    explicit FontSet(FontFiles files);
    ~FontSet() override;

    // The face for a style, loaded on first use (thread-safe).
    const Face& face(Style style) const {
        const Face* f = loaded_[static_cast<std::size_t>(style)].load(std::memory_order_acquire);
        return f ? *f : load(style);
    }
    const FontFiles& files() const { return files_; }

    bool has_glyph(Style style, char32_t c) const override;
    double advance(Style style, char32_t c) const override;
    double ascent(Style style) const override;
    double descent(Style style) const override;
    double line_height(Style style) const override;

private:
    FontFiles files_;
    mutable std::array<std::unique_ptr<Face>, 4> faces_;
    mutable std::array<std::once_flag, 4> once_;
    // Set once a face is loaded: face() then costs one load instead of a call_once.
    mutable std::array<std::atomic<const Face*>, 4> loaded_{};
    const Face& load(Style style) const;
};

// A process-wide cache: one FontSet per distinct search path.
std::shared_ptr<const FontSet> shared_font_set(const std::vector<std::filesystem::path>& search_dirs);

}  // namespace vanban::fonts
