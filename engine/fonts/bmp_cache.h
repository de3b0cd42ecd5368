#pragma once
// BmpCache: a value of 16 bits for each code point of the Basic Multilingual Plane, 0 until
// stored — the cmap cache of a Face. Shared by the render threads without a lock.
//
// Why blocks: a letter looks up a few hundred code points in three or four runs of the
// plane (Basic Latin, Latin Extended, U+1EA0–U+1EF9 for Vietnamese, punctuation). A flat
// table of 128 KB per face faulted in ~3 pages per face, ~11 µs each on the machine we
// measure on (bench/README.md, "Sixth round"); 512-byte blocks come from the heap, which a
// cold render has already faulted in.
#include <array>
#include <atomic>
#include <memory>

namespace vanban::fonts {

namespace detail {
struct BmpBlock {
    std::atomic<unsigned short> values[256]{};
};
}  // namespace detail

class BmpCache {
public:
    BmpCache() {
        for (auto& block : blocks_) block.store(&none_, std::memory_order_relaxed);
    }
    BmpCache(const BmpCache&) = delete;  // a Face's, which stays where it was made
    BmpCache& operator=(const BmpCache&) = delete;
    ~BmpCache() {
        for (auto& block : blocks_) {
            if (Block* b = block.load(std::memory_order_relaxed); b != &none_) delete b;
        }
    }

    // c < 0x10000. Two dependent loads and no branch, as a flat table: a block not yet made
    // is the shared block of zeros.
    unsigned short load(char32_t c) const {
        return blocks_[c >> 8].load(std::memory_order_acquire)->values[c & 0xFF].load(std::memory_order_relaxed);
    }

    // c < 0x10000. Const, as a cache is: threads that race store the same value, and a block
    // two threads create at once is kept once (compare-exchange) and freed by the loser.
    void store(char32_t c, unsigned short value) const {
        std::atomic<Block*>& slot = blocks_[c >> 8];
        Block* block = slot.load(std::memory_order_acquire);
        if (block == &none_) {
            auto fresh = std::make_unique<Block>();
            if (slot.compare_exchange_strong(block, fresh.get(), std::memory_order_acq_rel, std::memory_order_acquire)) {
                block = fresh.release();
            }
        }
        block->values[c & 0xFF].store(value, std::memory_order_relaxed);
    }

private:
    using Block = detail::BmpBlock;
    static inline Block none_;  // never written: store() replaces it first
    mutable std::array<std::atomic<Block*>, 256> blocks_;  // 2 KB, inside the Face
};

}  // namespace vanban::fonts
