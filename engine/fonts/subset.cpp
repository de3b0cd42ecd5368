#include "fonts/subset.h"

#include "core/diagnostic.h"

#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>

namespace vanban::fonts {

namespace {

// --- HarfBuzz handles ----------------------------------------------------------

struct FaceUnref { void operator()(hb_face_t* f) const { hb_face_destroy(f); } };
struct BlobUnref { void operator()(hb_blob_t* b) const { hb_blob_destroy(b); } };
struct InputUnref { void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); } };
struct PlanUnref { void operator()(hb_subset_plan_t* p) const { hb_subset_plan_destroy(p); } };
using FacePtr = std::unique_ptr<hb_face_t, FaceUnref>;
using BlobPtr = std::unique_ptr<hb_blob_t, BlobUnref>;
using InputPtr = std::unique_ptr<hb_subset_input_t, InputUnref>;
using PlanPtr = std::unique_ptr<hb_subset_plan_t, PlanUnref>;

[[noreturn]] void fail(const Face& face, const std::string& what) {
    fail_at_pointer(face.file().string(), "", "cannot subset font: " + what);
}

// The tables a CIDFontType2 font program needs (PDF 32000-1 §9.9 and the
// TrueType spec's minimum set without hinting). Everything else is dropped:
// cmap (CIDToGIDMap /Identity replaces it), name, post, OS/2, kern, GSUB/GPOS/GDEF,
// gasp, and — with NO_HINTING — cvt, fpgm, prep.
constexpr std::array<hb_tag_t, 6> kKeepTables = {
    HB_TAG('g', 'l', 'y', 'f'), HB_TAG('l', 'o', 'c', 'a'), HB_TAG('h', 'e', 'a', 'd'),
    HB_TAG('h', 'h', 'e', 'a'), HB_TAG('h', 'm', 't', 'x'), HB_TAG('m', 'a', 'x', 'p'),
};

// Adds every table of `face` outside the keep-list to the drop set. Listing the
// face's own tags (rather than a fixed deny-list) also drops tables we have never
// heard of.
void drop_all_but_kept(hb_face_t* face, hb_set_t* drop) {
    hb_set_clear(drop);
    std::array<hb_tag_t, 32> tags{};
    unsigned offset = 0;
    for (;;) {
        unsigned count = static_cast<unsigned>(tags.size());
        hb_face_get_table_tags(face, offset, &count, tags.data());
        for (unsigned i = 0; i < count; ++i) {
            if (std::find(kKeepTables.begin(), kKeepTables.end(), tags[i]) == kKeepTables.end()) {
                hb_set_add(drop, tags[i]);
            }
        }
        if (count < tags.size()) break;
        offset += count;
    }
}

// --- preprocessed faces (an immutable, process-wide cache) ------------------------

constexpr unsigned kPreprocessAfterUses = 8;
constexpr std::size_t kMaxPreprocessedFaces = 16;

// Keyed by the source hb_face_t, of which the cache holds a reference: the address
// therefore cannot be reused by another face while the entry exists. Entries are
// never removed (at most kMaxPreprocessedFaces), so handed-out faces stay valid.
class PreprocessCache {
public:
    ~PreprocessCache() {
        for (auto& e : entries_) {
            hb_face_destroy(e.prepared);
            hb_face_destroy(e.source);
        }
    }

    // The face to subset from: the preprocessed face when there is (or, by policy,
    // now should be) one, otherwise `source`. The caller owns the returned reference.
    FacePtr acquire(hb_face_t* source, Preprocess policy) {
        std::unique_lock lock(mu_);
        std::size_t i = 0;
        while (i < entries_.size() && entries_[i].source != source) ++i;
        if (i == entries_.size()) {
            if (entries_.size() == kMaxPreprocessedFaces) return FacePtr(hb_face_reference(source));
            entries_.push_back(Entry{hb_face_reference(source), nullptr, 0, false, false});
        }
        Entry& e = entries_[i];
        if (e.prepared) return FacePtr(hb_face_reference(e.prepared));
        ++e.uses;
        const bool due = policy == Preprocess::always || e.uses >= kPreprocessAfterUses;
        if (!due || e.busy || e.failed) return FacePtr(hb_face_reference(source));  // others go on meanwhile
        e.busy = true;
        lock.unlock();
        hb_face_t* prepared = hb_subset_preprocess(source);  // slow: outside the lock
        lock.lock();
        Entry& again = entries_[i];  // the vector may have grown meanwhile
        again.busy = false;
        if (!prepared || prepared == hb_face_get_empty()) {
            again.failed = true;  // subsetting still works from the source; do not retry
            return FacePtr(hb_face_reference(source));
        }
        again.prepared = prepared;
        return FacePtr(hb_face_reference(prepared));
    }

private:
    struct Entry {
        hb_face_t* source;
        hb_face_t* prepared;
        unsigned uses;
        bool busy;    // being preprocessed by some thread
        bool failed;  // hb_subset_preprocess failed once
    };
    std::mutex mu_;
    std::vector<Entry> entries_;
};

PreprocessCache& preprocess_cache() {
    static PreprocessCache cache;
    return cache;
}

// Asks for `glyphs` by code points when an earlier Face::glyph() call named one for each
// (every glyph of a document does: there is no shaping), else by glyph ids. The subset is
// the same either way (.notdef plus the glyphs and their components; the cmap, which alone
// would differ, is dropped), but given glyph ids HarfBuzz 6 first maps the face's whole
// cmap (~9,300 entries over four faces: 3.3 M of a cold render's 29 M instructions),
// while given code points it looks up just those. gid 0 (.notdef) is always kept.
void request(const Face& face, std::span<const unsigned> glyphs, hb_subset_input_t* input) {
    hb_set_t* unicodes = hb_subset_input_unicode_set(input);
    hb_set_clear(unicodes);
    bool by_code_point = true;
    for (unsigned g : glyphs) {
        if (g == 0) continue;
        const char32_t c = face.code_point_of(g);
        if (c == 0) {
            by_code_point = false;
            break;
        }
        hb_set_add(unicodes, c);
    }
    if (by_code_point) return;
    hb_set_clear(unicodes);
    hb_set_t* gids = hb_subset_input_glyph_set(input);
    for (unsigned g : glyphs) hb_set_add(gids, g);
}

}  // namespace

// Befriended by SubsetFont; fills it from an executed plan.
class Subsetter {
public:
    static SubsetFont run(const Face& face, std::span<const unsigned> glyphs, Preprocess preprocess);
};

SubsetFont Subsetter::run(const Face& face, std::span<const unsigned> glyphs, Preprocess preprocess) {
    hb_face_t* source = face.hb_face();
    const unsigned face_glyphs = hb_face_get_glyph_count(source);

    InputPtr input(hb_subset_input_create_or_fail());
    if (!input) fail(face, "out of memory");
    for (unsigned g : glyphs) {
        if (g >= face_glyphs) fail(face, "glyph " + std::to_string(g) + " is not in the font");
    }
    request(face, glyphs, input.get());
    drop_all_but_kept(source, hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG));
    // No RETAIN_GIDS: dense new GIDs keep loca/hmtx small and make CIDSet all ones.
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);

    FacePtr from = preprocess == Preprocess::never ? FacePtr(hb_face_reference(source))
                                                   : preprocess_cache().acquire(source, preprocess);
    PlanPtr plan(hb_subset_plan_create_or_fail(from.get(), input.get()));
    if (!plan) fail(face, "hb-subset could not plan the subset");

    SubsetFont out;
    // HarfBuzz 6.0 has no hb_map_next: ask the maps key by key instead.
    const hb_map_t* new_to_old = hb_subset_plan_new_to_old_glyph_mapping(plan.get());
    const unsigned count = hb_map_get_population(new_to_old);
    out.new_to_old_.resize(count);
    for (unsigned n = 0; n < count; ++n) {
        const hb_codepoint_t old = hb_map_get(new_to_old, n);
        if (old == HB_MAP_VALUE_INVALID) fail(face, "glyph numbering has a gap");
        out.new_to_old_[n] = old;
    }
    const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
    std::vector<unsigned> requested(glyphs.begin(), glyphs.end());
    std::sort(requested.begin(), requested.end());
    requested.erase(std::unique(requested.begin(), requested.end()), requested.end());
    out.old_to_new_.reserve(requested.size());
    for (unsigned g : requested) {
        const hb_codepoint_t n = hb_map_get(old_to_new, g);
        if (n == HB_MAP_VALUE_INVALID || n >= count) fail(face, "glyph " + std::to_string(g) + " was dropped");
        out.old_to_new_.emplace_back(g, n);
    }

    FacePtr result(hb_subset_plan_execute_or_fail(plan.get()));
    if (!result) fail(face, "hb-subset failed");
    BlobPtr blob(hb_face_reference_blob(result.get()));
    unsigned len = 0;
    const char* bytes = hb_blob_get_data(blob.get(), &len);
    if (!bytes || len == 0) fail(face, "hb-subset produced an empty font");
    out.data_.assign(bytes, len);
    return out;
}

unsigned SubsetFont::new_gid(unsigned old_gid) const {
    auto it = std::lower_bound(old_to_new_.begin(), old_to_new_.end(), std::pair<unsigned, unsigned>(old_gid, 0));
    return it != old_to_new_.end() && it->first == old_gid ? it->second : 0;
}

SubsetFont subset_font(const Face& face, std::span<const unsigned> glyphs, Preprocess preprocess) {
    return Subsetter::run(face, glyphs, preprocess);
}

}  // namespace vanban::fonts
