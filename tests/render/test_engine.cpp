#include "core/diagnostic.h"
#include "render/engine.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

using namespace vanban;

namespace {

std::string sample(const std::string& name) {
    std::ifstream in(std::string(VANBAN_SOURCE_DIR) + "/samples/" + name, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const Engine& engine() {
    static const Engine e{EngineOptions{{}, {}, 2026}};
    return e;
}

}  // namespace

TEST_CASE("One engine renders from several threads at once, byte-identical to a single thread") {
    const std::vector<std::string> names = {"cong-van-1996.json", "cong-van-quang-ngai.json", "cong-van-lien-tich.json",
                                            "cong-van-thang-cong-nhan.json"};
    std::vector<std::string> reference;
    for (const auto& n : names) reference.push_back(engine().render(sample(n), n).pdf);
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int k = 0; k < 10; ++k) {
                const std::size_t i = static_cast<std::size_t>(t + k) % names.size();
                if (engine().render(sample(names[i]), names[i]).pdf != reference[i]) ++mismatches;
            }
        });
    }
    for (auto& th : threads) th.join();
    CHECK(mismatches == 0);
}

TEST_CASE("Every stage's output is available from one render") {
    const auto r = engine().render(sample("cong-van-1996.json"), "cong-van-1996.json");
    CHECK(r.markup.find("<document") != std::string::npos);
    CHECK(r.model.symbol == "TLĐ");
    CHECK(r.layout.pages.size() == 2);
    CHECK(r.pdf.rfind("%PDF-1.", 0) == 0);
    CHECK(r.docx.empty());  // not requested
}

TEST_CASE("An undated document prints the gap year the engine was given") {
    std::string doc = sample("cong-van-du-thao.json");
    const auto r = engine().render(doc, "du-thao.json");
    bool found = false;
    for (const auto& t : r.layout.pages.front().texts) found |= t.text == "Bắc Ninh, ngày    tháng    năm 2026";
    CHECK(found);
}
