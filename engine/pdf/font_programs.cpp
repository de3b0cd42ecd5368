#include "pdf/font_programs.h"

#include "pdf/deflate.h"

#include <algorithm>
#include <cstdint>
#include <mutex>

namespace vanban::pdf {

namespace {

constexpr std::size_t kCapacity = 32;  // ~40 KB each for the seed letter's faces

struct Entry {
    std::uint64_t face;  // Face::serial(): an address could be reused by another face
    bool compress;
    std::vector<unsigned> used;
    std::shared_ptr<const FontProgram> program;
    std::uint64_t last_use;
};

std::mutex g_mu;
std::vector<Entry> g_entries;
std::uint64_t g_clock = 0;

}  // namespace

std::shared_ptr<const FontProgram> font_program(const fonts::Face& face, const std::vector<unsigned>& used,
                                                bool compress) {
    {
        std::lock_guard lock(g_mu);
        for (auto& e : g_entries) {
            if (e.face == face.serial() && e.compress == compress && e.used == used) {
                e.last_use = ++g_clock;
                return e.program;
            }
        }
    }
    // Outside the lock: other documents go on meanwhile. Two threads may make the same
    // program at once; both results are equal, the second is simply not stored.
    auto made = std::make_shared<FontProgram>();
    made->subset = fonts::subset_font(face, used);
    if (compress) made->deflated = deflate(made->subset.data());
    std::lock_guard lock(g_mu);
    for (const auto& e : g_entries) {
        if (e.face == face.serial() && e.compress == compress && e.used == used) return e.program;
    }
    if (g_entries.size() == kCapacity) {
        const auto oldest = std::min_element(g_entries.begin(), g_entries.end(),
                                             [](const Entry& a, const Entry& b) { return a.last_use < b.last_use; });
        g_entries.erase(oldest);
    }
    g_entries.push_back(Entry{face.serial(), compress, used, made, ++g_clock});
    return made;
}

}  // namespace vanban::pdf
