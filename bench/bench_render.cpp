// Warm-process benchmarks of the whole pipeline (issue 7 targets): one Engine, many
// documents, as a server or a batch would run. Each benchmark also reports the output
// size. Peak RSS is reported by bench/run.sh around separate processes.
#include "render/engine.h"
#include "report/summary.h"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

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

// The national summary: 63 unit reports (the 60 shipped ones and the three missing units
// filled in) checked, summed and rendered as the summary PDF with its landscape appendix.
void BM_NationalSummary63(benchmark::State& state) {
    namespace fs = std::filesystem;
    const std::string dir = std::string(VANBAN_SOURCE_DIR) + "/samples/so-ket-nq20";
    const auto form = vanban::report::load_form(std::string(VANBAN_SOURCE_DIR) + "/templates/so-ket-nq20/form.json");
    std::vector<vanban::report::ReportFile> files;
    for (const auto& e : fs::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("bc-", 0) == 0 && e.path().extension() == ".json") files.push_back({name, slurp(e.path())});
    }
    for (const auto& [code, name] : std::vector<std::pair<std::string, std::string>>{
             {"12", "LĐLĐ tỉnh Lai Châu"}, {"62", "LĐLĐ tỉnh Kon Tum"}, {"67", "LĐLĐ tỉnh Đắk Nông"}}) {
        auto doc = nlohmann::json::parse(slurp(dir + "/bc-27.json"));
        doc["data"]["unit"] = {{"code", code}, {"name", name}};
        files.push_back({"bc-" + code + ".json", doc.dump()});
    }
    std::size_t bytes = 0;
    for (auto _ : state) {
        const auto summary = vanban::report::summarize(form, files);
        const auto r = engine().render(vanban::report::summary_document(form, summary).dump(), "summary.json", {});
        bytes = r.pdf.size();
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["bytes"] = static_cast<double>(bytes);
    state.counters["reports"] = static_cast<double>(files.size());
}

}  // namespace

BENCHMARK(BM_NationalSummary63)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_SeedLetterPdf)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_SeedLetterPdfA)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_SeedLetterDocx)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_ReportWithTable)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(BM_TableRows)->Arg(5000)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(3)->Repetitions(3)->ReportAggregatesOnly(true);

BENCHMARK_MAIN();
