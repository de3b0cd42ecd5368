// The register at scale (issue 16): allocation rate with real durability (each number
// its own committed, fsynced transaction) and search latency over 100,000 entries.
#include "store/data_dir.h"
#include "store/register.h"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using namespace vanban::store;

const char* kSubjects[] = {"Sơ kết 2 năm thực hiện Nghị quyết 20-NQ/TW", "Tổ chức các hoạt động chăm lo Tết",
                           "Hòa giải tranh chấp lao động tập thể", "Kế hoạch tập huấn nghiệp vụ công tác tài chính",
                           "Báo cáo kết quả phát triển đoàn viên", "Thông báo kết luận của Đoàn Chủ tịch"};

struct Store {
    fs::path dir = fs::temp_directory_path() / ("vanban-bench-register-" + std::to_string(::getpid()));
    DataDir data;
    Register reg;
    Store() : data(open_data_dir(dir)), reg(data.db) {
        reg.init({"TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "", "000.00.00.I02"});
        // 100,000 documents over one year, in one transaction (setup, not measured).
        const auto t = std::chrono::system_clock::now();
        data.db.transaction([&] {
            for (int i = 0; i < 100000; ++i) {
                RegisterEntry e;
                e.symbol = i % 3 ? "TLĐ" : "BC-TLĐ";
                e.subject = std::string(kSubjects[i % 6]) + " năm " + std::to_string(2000 + i % 27) + " đợt " + std::to_string(i);
                e.signer = i % 2 ? "Nguyễn Văn A" : "Trần Thị B";
                e.recipients = "Các LĐLĐ tỉnh, thành phố; Công đoàn ngành Trung ương";
                reg.issue(e, t);
            }
        });
    }
    ~Store() { fs::remove_all(dir); }
};

Store& store() {
    static Store s;
    return s;
}

void BM_RegisterAllocate(benchmark::State& state) {
    Store& s = store();
    for (auto _ : state) {
        RegisterEntry e;
        e.symbol = "TLĐ";
        e.subject = "Công văn đôn đốc báo cáo";
        benchmark::DoNotOptimize(s.reg.issue(e, std::chrono::system_clock::now()).number);
    }
}
BENCHMARK(BM_RegisterAllocate)->Unit(benchmark::kMillisecond)->Repetitions(3)->ReportAggregatesOnly(true);

void BM_RegisterSearch(benchmark::State& state) {
    Store& s = store();
    const char* queries[] = {"so ket nghi quyet 20", "hoà giải lao động", "cham lo tet nam 2019", "nguyen van a"};
    std::size_t i = 0, hits = 0;
    for (auto _ : state) hits += s.reg.search(queries[i++ % 4], 20).size();
    state.counters["hits/query"] = static_cast<double>(hits) / static_cast<double>(i);
}
BENCHMARK(BM_RegisterSearch)->Unit(benchmark::kMillisecond)->Repetitions(3)->ReportAggregatesOnly(true);

}  // namespace

BENCHMARK_MAIN();
