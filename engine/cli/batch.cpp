#include "cli/batch.h"

#include "core/diagnostic.h"
#include "core/files.h"
#include "core/output_set.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace vanban::cli {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// A directory's *.json files, sorted. Every listing error is an error: a batch that
// silently skipped part of a directory would report success for work never done.
void add_directory(const fs::path& dir, std::vector<BatchItem>& out) {
    std::error_code ec;
    std::vector<fs::path> files;
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const fs::path& p = it->path();
        std::error_code type_ec;
        if (lower(p.extension().string()) == ".json" && it->is_regular_file(type_ec)) files.push_back(p);
    }
    if (ec) fail_at_pointer(dir.string(), "", "cannot list directory: " + ec.message());
    if (files.empty()) fail_at_pointer(dir.string(), "", "no .json files (regular files) in this directory");
    std::sort(files.begin(), files.end());
    for (const auto& f : files) out.push_back({f.string(), f, f.stem(), 0, 0, 0});
}

// One item per non-blank line, found with a 64 KiB buffer: only offsets are kept.
void add_json_lines(const fs::path& file, std::vector<BatchItem>& out) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) fail_at_pointer(file.string(), "", std::string("cannot read: ") + std::strerror(errno));
    std::size_t line = 1;
    std::uint64_t pos = 0, start = 0;
    bool blank = true;
    auto end_line = [&](std::uint64_t end) {  // [start, end) without the '\n'
        if (!blank) {
            out.push_back({file.string() + ":" + std::to_string(line), file,
                           fs::path(file.stem().string() + "-" + std::to_string(line)), line, start, end - start});
        }
        ++line;
        start = end + 1;
        blank = true;
    };
    char buf[65536];
    for (;;) {
        const auto n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const std::string err = std::strerror(errno);
            ::close(fd);
            fail_at_pointer(file.string(), "", "read error after line " + std::to_string(line - 1) + ": " + err);
        }
        if (n == 0) break;
        for (ssize_t i = 0; i < n; ++i, ++pos) {
            const char c = buf[i];
            if (c == '\n') end_line(pos);
            else if (c != ' ' && c != '\t' && c != '\r') blank = false;
        }
    }
    ::close(fd);
    end_line(pos);
}

}  // namespace

std::vector<BatchItem> expand_inputs(const std::vector<fs::path>& inputs) {
    std::vector<BatchItem> out;
    for (const auto& in : inputs) {
        std::error_code ec;
        if (fs::is_directory(in, ec)) add_directory(in, out);
        else if (lower(in.extension().string()) == ".jsonl") {
            const std::size_t before = out.size();
            add_json_lines(in, out);
            if (out.size() == before) fail_at_pointer(in.string(), "", "no documents in this JSON Lines file (every line is blank)");
        }
        else out.push_back({in.string(), in, in.stem(), 0, 0, 0});
    }
    return out;
}

std::string read_item(const BatchItem& item, std::size_t max_bytes) {
    if (item.line == 0) return read_file(item.file, max_bytes);
    if (item.length > max_bytes) {
        fail_at_pointer(item.name, "", "line is larger than the limit of " + std::to_string(max_bytes) + " bytes");
    }
    std::string text = read_file_range(item.file, item.offset, static_cast<std::size_t>(item.length), item.name);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    return text;
}

namespace {
// The same file for any spelling: the directory made absolute with its links resolved
// (cached: a batch of 100,000 writes into a few directories), then the name.
class Normaliser {
public:
    std::string operator()(const fs::path& p) {
        const fs::path parent = p.has_parent_path() ? p.parent_path() : fs::path(".");
        auto [it, fresh] = dirs_.emplace(parent.string(), std::string());
        if (fresh) {
            std::error_code ec;
            fs::path n = fs::weakly_canonical(parent, ec);
            if (ec) n = fs::absolute(parent, ec).lexically_normal();
            it->second = n.string();
        }
        return (fs::path(it->second) / p.filename()).string();
    }

private:
    std::map<std::string, std::string> dirs_;
};
}  // namespace

void refuse_collisions(const std::vector<BatchItem>& items, const std::vector<std::vector<fs::path>>& targets) {
    Normaliser normal;
    std::map<std::string, std::size_t> owner;
    std::string first_target, first, others;
    std::size_t count = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        for (const auto& t : targets[i]) {
            const auto [at, fresh] = owner.emplace(normal(t), i);
            if (fresh || at->second == i) continue;
            const std::string both = items[at->second].name + " and " + items[i].name;
            if (++count == 1) {
                first_target = t.string();
                first = "would be written by both " + both;
            }
            else if (count <= 10) others += "\n  " + t.string() + ": " + both;
        }
    }
    if (count == 0) return;
    if (count > 10) others += "\n  … and " + std::to_string(count - 10) + " more";
    throw Error(Diagnostic{first_target, 0, 0, "", first + "; nothing rendered (rename one, or render them into different -o "
                                                 "directories)" + others});
}

void refuse_overwriting_inputs(const std::vector<fs::path>& outputs, const std::vector<fs::path>& inputs) {
    Normaliser normal;
    std::map<std::string, std::string> names;                 // normalised → as given
    std::map<std::pair<dev_t, ino_t>, std::string> files;    // existing inputs, whatever their name
    for (const auto& in : inputs) {
        if (!names.emplace(normal(in), in.string()).second) continue;
        struct stat st{};
        if (::stat(in.c_str(), &st) == 0) files.emplace(std::make_pair(st.st_dev, st.st_ino), in.string());
    }
    for (const auto& out : outputs) {
        std::string input;
        if (const auto n = names.find(normal(out)); n != names.end()) input = n->second;
        struct stat st{};
        if (input.empty() && ::stat(out.c_str(), &st) == 0) {
            if (const auto f = files.find({st.st_dev, st.st_ino}); f != files.end()) input = f->second;
        }
        if (!input.empty()) fail_at_pointer(out.string(), "", "is also an input (" + input + "); refusing to overwrite it");
    }
}

void require_directories(const std::string& option, const std::vector<fs::path>& dirs) {
    for (const auto& d : dirs) {
        std::error_code ec;
        if (!fs::is_directory(d, ec)) {
            fail_at_pointer(d.string(), "", option + " names " + (fs::exists(d, ec) ? "a file, not a directory" : "no such directory"));
        }
    }
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
        for (std::size_t i; !interrupted() && (i = next.fetch_add(1)) < n;) {
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
