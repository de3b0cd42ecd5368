// Warm-process benchmarks of the whole pipeline (issue 7 targets): one Engine, many
// documents, as a server or a batch would run. Each benchmark also reports the output
// size. Peak RSS is reported by bench/run.sh around separate processes.
#include "render/engine.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const vanban::Engine& engine() {
    static const vanban::Engine e{vanban::EngineOptions{{}, {}, 2026}};
    return e;
}

std::string seed() { return slurp(std::string(VANBAN_SOURCE_DIR) + "/samples/cong-van-1996.json"); }

// A báo cáo whose body is a table of `rows` rows (the per-unit appendix of a summary).
std::string table_report(int rows) {
    nlohmann::json doc = nlohmann::json::parse(seed());
    doc["template"] = "bao-cao";
    doc["symbol"] = "BC-TLĐ";
    doc.erase("recipients");
    nlohmann::json r = nlohmann::json::array();
    for (int i = 0; i < rows; ++i) {
        r.push_back({std::to_string(i + 1), "Công đoàn cơ sở Công ty số " + std::to_string(i + 1) + " khu công nghiệp",
                     1000 + i, 12.5 + i});
    }
    doc["body"] = {"Số liệu tổng hợp như sau:",
                   {{"table", {{"columns", {{{"title", "STT"}, {"width", 0.5}, {"align", "center"}},
                                            {{"title", "Đơn vị"}, {"width", 3}},
                                            {{"title", "Số đoàn viên"}, {"width", 1.2}, {"align", "right"}},
                                            {{"title", "Tỷ lệ (%)"}, {"width", 1}, {"align", "right"}}}},
                               {"rows", r}}}}};
    return doc.dump();
}

void render(benchmark::State& state, const std::string& json, vanban::RenderRequest request) {
    std::size_t bytes = 0;
    for (auto _ : state) {
        const auto r = engine().render(json, "bench.json", request);
        bytes = r.pdf.size() + r.docx.size();
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_SeedLetterPdf(benchmark::State& state) { render(state, seed(), {true, false, false}); }
void BM_SeedLetterPdfA(benchmark::State& state) { render(state, seed(), {true, false, true}); }
void BM_SeedLetterDocx(benchmark::State& state) { render(state, seed(), {false, true, false}); }
void BM_ReportWithTable(benchmark::State& state) { render(state, table_report(60), {true, false, false}); }
void BM_TableRows(benchmark::State& state) {
    render(state, table_report(static_cast<int>(state.range(0))), {true, false, false});
}

}  // namespace

BENCHMARK(BM_SeedLetterPdf)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_SeedLetterPdfA)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_SeedLetterDocx)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_ReportWithTable)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_TableRows)->Arg(5000)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(3)->Repetitions(3)->ReportAggregatesOnly(true);

BENCHMARK_MAIN();
