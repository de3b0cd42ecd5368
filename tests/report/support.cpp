#include "support.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace report_test {

fs::path source(const std::string& relative) { return fs::path(VANBAN_SOURCE_DIR) / relative; }

fs::path scratch(const std::string& name) {
    const fs::path dir = fs::path(VANBAN_BINARY_DIR) / "test-report" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

const vanban::report::Form& campaign() {
    static const vanban::report::Form form = vanban::report::load_form(source("templates/so-ket-nq20/form.json"));
    return form;
}

std::vector<vanban::report::ReportFile> samples() {
    std::vector<fs::path> paths;
    for (const auto& e : fs::directory_iterator(source("samples/so-ket-nq20"))) {
        const std::string name = e.path().filename().string();
        if (name.rfind("bc-", 0) == 0 && e.path().extension() == ".json") paths.push_back(e.path());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<vanban::report::ReportFile> out;
    for (const auto& p : paths) out.push_back({p.filename().string(), slurp(p)});
    return out;
}

nlohmann::json sample(const std::string& code) {
    return nlohmann::json::parse(slurp(source("samples/so-ket-nq20/bc-" + code + ".json")));
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void spit(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}

std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

Run run(const std::string& command) {
    // ctest runs each test case as its own process, several at once: the file is named by
    // process id too, or two cases' commands write the same stderr-1.txt (a flaky failure
    // seen in CI, one case reading the other's message).
    static int counter = 0;
    const fs::path dir = fs::path(VANBAN_BINARY_DIR) / "test-report";
    fs::create_directories(dir);
    const fs::path err =
        dir / ("stderr-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".txt");
    Run r;
    FILE* pipe = ::popen((command + " 2>" + quote(err.string())).c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot run " + command);
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
    const int status = ::pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = slurp(err);
    return r;
}

std::string pdf_text(const fs::path& pdf, int first, int last) {
    std::string cmd = "pdftotext -enc UTF-8 -f " + std::to_string(first);
    if (last > 0) cmd += " -l " + std::to_string(last);
    const Run r = run(cmd + " " + quote(pdf.string()) + " -");
    if (r.exit_code != 0) throw std::runtime_error("pdftotext failed: " + r.err);
    std::string out;
    for (char c : r.out) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

int pdf_pages(const fs::path& pdf) {
    const Run r = run("pdfinfo " + quote(pdf.string()));
    const auto at = r.out.find("Pages:");
    if (at == std::string::npos) throw std::runtime_error("pdfinfo failed: " + r.err);
    return std::stoi(r.out.substr(at + 6));
}

std::string vn_number(const std::string& plain) {
    std::string sign, whole = plain, frac;
    if (!whole.empty() && whole[0] == '-') {
        sign = "-";
        whole.erase(0, 1);
    }
    if (const auto dot = whole.find('.'); dot != std::string::npos) {
        frac = "," + whole.substr(dot + 1);
        whole.resize(dot);
    }
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) grouped += '.';
        grouped += whole[i];
    }
    return sign + grouped + frac;
}

}  // namespace report_test
