#include "support.h"

#include <pugixml.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace e2e {

std::string quote(const std::string& s) {
    std::string out = "'";
    for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Run run(const std::string& command) {
    const auto dir = scratch("run");
    const auto err_file = dir / "stderr";
    Run r;
    FILE* p = ::popen((command + " 2>" + quote(err_file.string())).c_str(), "r");
    if (!p) return r;
    std::array<char, 65536> buf{};
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    const int status = ::pclose(p);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = slurp(err_file);
    return r;
}

fs::path repo() { return VANBAN_SOURCE_DIR; }
fs::path vanban() { return fs::path(VANBAN_BINARY_DIR) / "vanban"; }

fs::path scratch(const std::string& name) {
    static int counter = 0;
    const auto p = fs::temp_directory_path() /
                   ("vanban-e2e-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + name);
    fs::remove_all(p);
    fs::create_directories(p);
    return p;
}

std::string squash(const std::string& s) {
    std::string out;
    bool space = false;
    for (const char c : s) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string TextLine::text() const {
    std::string s;
    for (const auto& w : words) s += (s.empty() ? "" : " ") + w.text;
    return s;
}
double TextLine::x_min() const { return words.front().x_min; }
double TextLine::x_max() const { return words.back().x_max; }
double TextLine::y_max() const {
    double y = 0;
    for (const auto& w : words) y = std::max(y, w.y_max);
    return y;
}

const TextLine* PdfPage::find(const std::string& starts_with) const {
    for (const auto& l : lines) {
        if (l.text().rfind(starts_with, 0) == 0) return &l;
    }
    return nullptr;
}

std::vector<PdfPage> bbox_layout(const fs::path& pdf) {
    const auto r = run("pdftotext -bbox-layout " + quote(pdf.string()) + " -");
    pugi::xml_document doc;
    doc.load_string(r.out.c_str());
    constexpr double kMm = 25.4 / 72;
    std::vector<PdfPage> pages;
    for (const auto& page : doc.select_nodes("//page")) {
        PdfPage pg;
        pg.width = page.node().attribute("width").as_double() * kMm;
        pg.height = page.node().attribute("height").as_double() * kMm;
        for (const auto& line : page.node().select_nodes(".//line")) {
            TextLine tl;
            for (const auto& w : line.node().children("word")) {
                tl.words.push_back(Word{w.text().get(), w.attribute("xMin").as_double() * kMm,
                                        w.attribute("yMin").as_double() * kMm, w.attribute("xMax").as_double() * kMm,
                                        w.attribute("yMax").as_double() * kMm});
            }
            if (!tl.words.empty()) pg.lines.push_back(std::move(tl));
        }
        pages.push_back(std::move(pg));
    }
    return pages;
}

}  // namespace e2e
