#include "fonts/font_set.h"

#include "core/diagnostic.h"
#include "fonts/outline.h"

#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <new>
#include <optional>
#include <string_view>

namespace vanban::fonts {

namespace fs = std::filesystem;

double FontMetrics::width(Style style, std::string_view utf8, double size) const {
    // Decode inline: this is the hottest loop of layout.
    double units = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto b = static_cast<unsigned char>(utf8[i]);
        char32_t c;
        int len;
        if (b < 0x80) { c = b; len = 1; }
        else if ((b >> 5) == 0x6) { c = b & 0x1F; len = 2; }
        else if ((b >> 4) == 0xE) { c = b & 0x0F; len = 3; }
        else { c = b & 0x07; len = 4; }
        for (int k = 1; k < len && i + k < utf8.size(); ++k)
            c = (c << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        i += len;
        units += advance(style, c);
    }
    return units * size / 1000.0;
}

// --- Face ---------------------------------------------------------------------

namespace {
std::atomic<std::uint64_t> g_face_serial{0};
}  // namespace

Face::Face(const fs::path& file) : file_(file), serial_(++g_face_serial) {
    blob_ = hb_blob_create_from_file_or_fail(file.c_str());
    if (!blob_) {
        fail_at_pointer(file.string(), "", "cannot read font file");
    }
    face_ = hb_face_create(blob_, 0);
    if (hb_face_get_glyph_count(face_) == 0) {
        hb_face_destroy(face_);
        hb_blob_destroy(blob_);
        face_ = nullptr;
        blob_ = nullptr;
        fail_at_pointer(file.string(), "", "not a TrueType/OpenType font (no glyphs)");
    }
    font_ = hb_font_create(face_);
    upem_ = hb_face_get_upem(face_);
    hb_font_set_scale(font_, static_cast<int>(upem_), static_cast<int>(upem_));

    const unsigned n = hb_face_get_glyph_count(face_);
    advances_.reset(new std::atomic<int>[n]());

    outline_ok_.reset(new std::atomic<std::uint8_t>[n]());
    cp_of_.reset(new std::atomic<char32_t>[n]());
    glyph_count_ = n;
    validate_cmap();

    // "Single" line spacing comes from hhea (Word and LibreOffice agree: 1.149 em for
    // Times New Roman / Liberation Serif).
    hb_position_t v = 0;
    hb_ot_metrics_get_position_with_fallback(font_, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v);
    ascender_ = v;
    hb_ot_metrics_get_position_with_fallback(font_, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v);
    descender_ = v;
    hb_ot_metrics_get_position_with_fallback(font_, HB_OT_METRICS_TAG_HORIZONTAL_LINE_GAP, &v);
    line_gap_ = v;
    hb_ot_metrics_get_position_with_fallback(font_, HB_OT_METRICS_TAG_CAP_HEIGHT, &v);
    cap_height_ = v;

    // FontBBox from 'head' (big-endian int16 at offsets 36..43).
    hb_blob_t* head = hb_face_reference_table(face_, HB_TAG('h', 'e', 'a', 'd'));
    unsigned len = 0;
    const char* d = hb_blob_get_data(head, &len);
    if (len >= 44) {
        auto s16 = [&](unsigned off) {
            return static_cast<int>(static_cast<int16_t>((static_cast<uint8_t>(d[off]) << 8) | static_cast<uint8_t>(d[off + 1])));
        };
        bbox_ = {s16(36), s16(38), s16(40), s16(42)};
    }
    hb_blob_destroy(head);

    read_style();

    char name[256];
    unsigned name_len = sizeof name;
    if (hb_ot_name_get_utf8(face_, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &name_len, name) > 0) {
        postscript_name_.assign(name, name_len);
    } else {
        postscript_name_ = file.stem().string();
    }
}

namespace {

// A table's bytes (empty when absent); the blob must outlive the view.
struct Table {
    hb_blob_t* blob;
    std::string_view bytes;
    Table(hb_face_t* face, hb_tag_t tag) : blob(hb_face_reference_table(face, tag)) {
        unsigned len = 0;
        const char* d = hb_blob_get_data(blob, &len);
        bytes = std::string_view(d ? d : "", d ? len : 0);
    }
    ~Table() { hb_blob_destroy(blob); }
    Table(const Table&) = delete;
    Table& operator=(const Table&) = delete;
    std::uint32_t u32(std::size_t at) const {
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
        return v;
    }
};

}  // namespace

// ItalicAngle and weight, as hb_style_get_value() gives them for a face without
// variations or a STAT table: post.italicAngle (16.16, to float) and OS/2.usWeightClass.
// Read directly because HarfBuzz answers the angle through its 'post' accelerator,
// which indexes every glyph name first (0.25 M instructions and 49 KB per cold face).
void Face::read_style() {
    const Table post(face_, HB_TAG('p', 'o', 's', 't')), os2(face_, HB_TAG('O', 'S', '/', '2'));
    const Table fvar(face_, HB_TAG('f', 'v', 'a', 'r')), stat(face_, HB_TAG('S', 'T', 'A', 'T'));
    if (!fvar.bytes.empty() || !stat.bytes.empty() || post.bytes.size() < 8 || os2.bytes.size() < 6) {
        italic_angle_ = hb_style_get_value(font_, HB_STYLE_TAG_SLANT_ANGLE);
        weight_ = static_cast<int>(std::lround(hb_style_get_value(font_, HB_STYLE_TAG_WEIGHT)));
        return;
    }
    italic_angle_ = static_cast<float>(static_cast<std::int32_t>(post.u32(4))) / 65536.0f;
    weight_ = static_cast<int>(os2.u32(4) >> 16);
}

// A cut-short file may lose its cmap: a document font maps every ASCII letter and digit.
void Face::validate_cmap() {
    std::size_t unmapped = 0;
    for (char32_t c = '0'; c <= 'z'; ++c) unmapped += std::isalnum(static_cast<int>(c)) && lookup(c) == 0 ? 1 : 0;
    if (unmapped == 0) return;
    hb_font_destroy(font_);
    hb_face_destroy(face_);
    hb_blob_destroy(blob_);
    font_ = nullptr;
    face_ = nullptr;
    blob_ = nullptr;
    fail_at_pointer(file_.string(), "", "damaged font: the letters and digits are not mapped; replace the file");
}

// A damaged font (random bytes in 'glyf', a truncated file) still has a cmap and
// advances, so it lays out — and prints blank or garbage. Every character with ink that
// is laid out or printed must have an outline that draws, with a bounding box inside the
// font's own. Every glyph goes through glyph(), so none prints unchecked.
void Face::validate_outline(char32_t c, unsigned gid) const {
    if (!has_ink(c)) return;  // spaces and format characters rightly draw nothing
    const int slack = static_cast<int>(upem_) / 10;
    hb_glyph_extents_t ext{};
    // Random bytes in 'glyf' give glyph boxes far outside the font's own.
    const bool ok = glyph_has_outline(font_, gid) && hb_font_get_glyph_extents(font_, gid, &ext) &&
                    ext.x_bearing >= bbox_[0] - slack && ext.x_bearing + ext.width <= bbox_[2] + slack &&
                    ext.y_bearing <= bbox_[3] + slack && ext.y_bearing + ext.height >= bbox_[1] - slack;
    if (!ok) {
        char hex[16];
        std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c));
        fail_at_pointer(file_.string(), "", std::string("damaged font: the character ") + hex +
                                               " has ink but no usable outline; replace the file");
    }
    if (gid < glyph_count_) outline_ok_[gid].store(1, std::memory_order_relaxed);  // idempotent: races agree
}

Face::~Face() {
    if (font_) hb_font_destroy(font_);
    if (face_) hb_face_destroy(face_);
    if (blob_) hb_blob_destroy(blob_);
}

unsigned Face::lookup(char32_t c) const {
    if (c < 0x10000) {
        const unsigned entry = bmp_.load(c);
        if (entry != kUnknown) return entry - 1;
    }
    hb_codepoint_t gid = 0;
    if (!hb_font_get_nominal_glyph(font_, c, &gid)) gid = 0;
    if (gid != 0 && gid < glyph_count_ && c != 0) {
        char32_t none = 0;  // keep the first code point found; any one maps to this glyph
        cp_of_[gid].compare_exchange_strong(none, c, std::memory_order_relaxed);
    }
    if (c < 0x10000 && gid < 0xFFFF) {
        bmp_.store(c, static_cast<unsigned short>(gid + 1));
    }
    return gid;
}

unsigned Face::glyph_checked(char32_t c) const {
    const unsigned gid = lookup(c);
    if (gid != 0 && (gid >= glyph_count_ || !outline_ok_[gid].load(std::memory_order_relaxed))) {
        validate_outline(c, gid);
    }
    return gid;
}

int Face::glyph_advance(unsigned gid) const {
    if (gid >= glyph_count_) return 0;
    int stored = advances_[gid].load(std::memory_order_relaxed);
    if (stored == 0) {  // racing threads store the same value
        stored = hb_font_get_glyph_h_advance(font_, gid) + 1;
        advances_[gid].store(stored, std::memory_order_relaxed);
    }
    return stored - 1;
}

// --- finding the files -----------------------------------------------------------

namespace {

struct Family {
    const char* name;
    std::array<const char*, 4> files;  // by Style
};

constexpr Family kFamilies[] = {
    {"Times New Roman", {"times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"}},
    {"Liberation Serif",
     {"LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
      "LiberationSerif-BoldItalic.ttf"}},
};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// One directory's regular files by lower-cased name, listed once: a family is eight
// names in up to five directories, and listing a directory per name was ~100 of a cold
// render's ~440 system calls. Empty for a directory that does not exist.
class Listing {
public:
    explicit Listing(const fs::path& dir) : dir_(dir) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) return;
        fs::directory_iterator it(dir, ec);
        for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
            std::error_code type_ec;
            if (it->is_regular_file(type_ec)) files_.emplace_back(lower(it->path().filename().string()), it->path());
        }
        error_ = ec;
        std::sort(files_.begin(), files_.end());
    }

    // `name` itself, else the first by path of those equal but for case (Windows copies
    // are often TIMES.TTF; the order keeps the choice deterministic).
    std::optional<fs::path> find(const std::string& name) const {
        if (error_) {  // an unlistable directory may still hold the exact name
            std::error_code ec;
            if (fs::is_regular_file(dir_ / name, ec)) return dir_ / name;
            fail_at_pointer(dir_.string(), "", "cannot list font directory: " + error_.message());
        }
        const std::string want = lower(name);
        auto it = std::lower_bound(files_.begin(), files_.end(), std::make_pair(want, fs::path()));
        std::optional<fs::path> first;
        for (; it != files_.end() && it->first == want; ++it) {
            if (it->second.filename() == name) return it->second;
            if (!first) first = it->second;
        }
        return first;
    }

private:
    fs::path dir_;
    std::error_code error_;
    std::vector<std::pair<std::string, fs::path>> files_;
};

}  // namespace

FontFiles find_font_files(const std::vector<fs::path>& search_dirs) {
    std::vector<fs::path> dirs = search_dirs;
    for (const char* sys : {"/usr/share/fonts/truetype/msttcorefonts", "/usr/share/fonts/truetype/liberation2",
                            "/usr/share/fonts/truetype/liberation", "/usr/local/share/fonts"}) {
        dirs.emplace_back(sys);
    }
    for (std::size_t d = 0; d < dirs.size(); ++d) {
        const fs::path& dir = dirs[d];
        const Listing listing(dir);
        for (const auto& fam : kFamilies) {
            FontFiles out;
            out.family = fam.name;
            std::string found, lacking;
            for (std::size_t s = 0; s < 4; ++s) {
                auto p = listing.find(fam.files[s]);
                if (p) out.paths[s] = *p;
                (p ? found : lacking) += std::string(p ? (found.empty() ? "" : ", ") : (lacking.empty() ? "" : ", ")) + fam.files[s];
            }
            if (lacking.empty()) return out;
            // A directory the user named holds part of a family: an error, not a silent
            // fall-back to another font with other metrics.
            if (d < search_dirs.size() && !found.empty()) {
                fail_at_pointer(dir.string(), "", std::string("incomplete ") + fam.name + " family: has " + found +
                                                      ", lacks " + lacking + " (all 4 styles are needed)");
            }
        }
    }
    std::string where;
    for (const auto& d : dirs) where += (where.empty() ? "" : ", ") + d.string();
    fail_at_pointer("", "", "no complete Times New Roman or Liberation Serif family (4 styles) found in: " + where +
                                " (install fonts-liberation2 or put times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf in fonts/)");
}

// --- FontSet -----------------------------------------------------------------------

FontSet::FontSet(FontFiles files) : files_(std::move(files)) {}
FontSet::~FontSet() = default;

const Face& FontSet::load(Style style) const {
    const auto i = static_cast<std::size_t>(style);
    std::call_once(once_[i], [&] {
        faces_[i] = std::make_unique<Face>(files_.paths[i]);
        loaded_[i].store(faces_[i].get(), std::memory_order_release);
    });
    return *faces_[i];
}

bool FontSet::has_glyph(Style style, char32_t c) const { return face(style).maps(c); }

double FontSet::advance(Style style, char32_t c) const {
    const Face& f = face(style);
    return f.glyph_advance(f.glyph(c)) * 1000.0 / f.units_per_em();
}

double FontSet::ascent(Style style) const {
    const Face& f = face(style);
    return f.ascender() * 1000.0 / f.units_per_em();
}

double FontSet::descent(Style style) const {
    const Face& f = face(style);
    return f.descender() * 1000.0 / f.units_per_em();
}

double FontSet::line_height(Style style) const {
    const Face& f = face(style);
    return (f.ascender() - f.descender() + f.line_gap()) * 1000.0 / f.units_per_em();
}

std::shared_ptr<const FontSet> shared_font_set(const std::vector<fs::path>& search_dirs) {
    static std::mutex mu;
    static std::map<std::vector<fs::path>, std::shared_ptr<const FontSet>> cache;
    std::lock_guard lock(mu);
    auto& slot = cache[search_dirs];
    if (!slot) slot = std::make_shared<FontSet>(find_font_files(search_dirs));
    return slot;
}

}  // namespace vanban::fonts
