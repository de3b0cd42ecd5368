#include "cli/batch.h"

#include "core/diagnostic.h"
#include "core/files.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

namespace vanban::cli {

namespace fs = std::filesystem;

std::vector<BatchItem> expand_inputs(const std::vector<fs::path>& inputs) {
    std::vector<BatchItem> out;
    for (const auto& in : inputs) {
        std::error_code ec;
        if (fs::is_directory(in, ec)) {
            std::vector<fs::path> files;
            for (const auto& e : fs::directory_iterator(in, ec)) {
                if (e.path().extension() == ".json" && e.is_regular_file(ec)) files.push_back(e.path());
            }
            if (ec) fail_at_pointer(in.string(), "", "cannot list directory: " + ec.message());
            std::sort(files.begin(), files.end());
            for (const auto& f : files) out.push_back({f.string(), f, {}, f.stem()});
        } else if (in.extension() == ".jsonl") {
            const std::string all = read_file(in, std::size_t{1} << 30);
            std::size_t line = 0, start = 0;
            while (start < all.size()) {
                const auto end = std::min(all.find('\n', start), all.size());
                ++line;
                std::string text = all.substr(start, end - start);
                if (!text.empty() && text.back() == '\r') text.pop_back();
                if (text.find_first_not_of(" \t") != std::string::npos) {
                    out.push_back({in.string() + ":" + std::to_string(line), in, std::move(text),
                                   fs::path(in.stem().string() + "-" + std::to_string(line))});
                }
                start = end + 1;
            }
        } else {
            out.push_back({in.string(), in, {}, in.stem()});
        }
    }
    return out;
}

std::vector<BatchItem> shard(std::vector<BatchItem> items, std::size_t index, std::size_t count) {
    std::vector<BatchItem> out;
    for (std::size_t i = index; i < items.size(); i += count) out.push_back(std::move(items[i]));
    return out;
}

void run_parallel(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& work, bool progress) {
    std::atomic<std::size_t> next{0}, done{0};
    std::mutex print_mu;
    auto worker = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < n;) {
            work(i);
            const auto d = done.fetch_add(1) + 1;
            if (progress && (d == n || d % 25 == 0)) {
                std::lock_guard lock(print_mu);
                const int width = 30;
                const int filled = static_cast<int>(static_cast<double>(d) / static_cast<double>(n) * width);
                std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu", filled, "##############################", width - filled,
                             "", d, n);
                if (d == n) std::fputc('\n', stderr);
                std::fflush(stderr);
            }
        }
    };
    jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(std::max<std::size_t>(n, 1))));
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
    worker();
    for (auto& t : threads) t.join();
}

}  // namespace vanban::cli
