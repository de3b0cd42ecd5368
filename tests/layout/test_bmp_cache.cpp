#include "fonts/bmp_cache.h"

#include <catch2/catch.hpp>

#include <thread>
#include <vector>

using vanban::fonts::BmpCache;

TEST_CASE("the BMP cache answers 0 for a code point never stored and the value stored for the others") {
    const BmpCache cache;
    CHECK(cache.load(U'A') == 0);
    cache.store(U'A', 7);
    cache.store(U'\u1EA1', 1);       // ạ, in another block
    cache.store(U'\uFFFF', 65535);   // the plane's last code point
    CHECK(cache.load(U'A') == 7);
    CHECK(cache.load(U'B') == 0);     // same block, not stored
    CHECK(cache.load(U'\u1EA1') == 1);
    CHECK(cache.load(U'\u1EA0') == 0);
    CHECK(cache.load(U'\uFFFF') == 65535);
    CHECK(cache.load(U'\u0100') == 0);  // the block after A's, never created
}

TEST_CASE("the BMP cache keeps every value four threads store at once into the same blocks") {
    const BmpCache cache;
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < 4; ++t) {
        // Each thread covers the whole plane, so all four race to create every block.
        threads.emplace_back([&cache, t] {
            for (char32_t c = t; c < 0x10000; c += 4) cache.store(c, static_cast<unsigned short>(c % 60000 + 1));
        });
    }
    for (auto& thread : threads) thread.join();
    unsigned wrong = 0;
    for (char32_t c = 0; c < 0x10000; ++c) wrong += cache.load(c) != c % 60000 + 1;
    CHECK(wrong == 0);
}
