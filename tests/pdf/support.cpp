#include "support.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <regex>
#include <sys/wait.h>
#include <unistd.h>

namespace pdf_test {

const vanban::fonts::FontSet& font_set() {
    static const auto set = vanban::fonts::shared_font_set({});
    return *set;
}

fs::path out_dir(const std::string& dir) {
    const fs::path d = fs::path(VANBAN_BINARY_DIR) / "tests" / dir;
    fs::create_directories(d);
    return d;
}

fs::path save(const std::string& dir, const std::string& name, const std::string& bytes) {
    const fs::path p = out_dir(dir) / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

Run run(const std::string& command) {
    static int counter = 0;
    const fs::path err_file =
        out_dir("pdf-runs") / ("run-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".stderr");
    Run r;
    FILE* p = popen((command + " 2>" + shq(err_file)).c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) r.out.append(buf, n);
    const int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    r.err = slurp(err_file);
    fs::remove(err_file);
    return r;
}

std::string shq(const std::string& s) {
    std::string out = "'";
    for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}
std::string shq(const fs::path& p) { return shq(p.string()); }

std::string trailer_id(const std::string& pdf) {
    static const std::regex id_re(R"(/ID \[ ?<([0-9A-Fa-f]{32})> <([0-9A-Fa-f]{32})> ?\])");
    std::smatch m;
    REQUIRE(std::regex_search(pdf, m, id_re));
    CHECK(m[1] == m[2]);
    return m[1];
}

}  // namespace pdf_test
