#include "cli_support.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sys/stat.h>

namespace cli {

std::string faults(const std::string& path, const std::string& vars) {
    // Under the ASan build the shim comes before the ASan runtime; tell ASan that is fine.
    return "ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 LD_PRELOAD=" +
           e2e::quote(VANBAN_FAULTS_LIB) + " VANBAN_FAULT_PATH=" + e2e::quote(path) + " " + vars + " ";
}

std::string vanban() { return e2e::quote(e2e::vanban().string()); }

fs::path sample() { return e2e::repo() / "samples" / "cong-van-1996.json"; }

std::string sample_line() { return nlohmann::json::parse(e2e::slurp(sample())).dump(); }

void write(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}

std::vector<std::string> temporaries(const fs::path& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if ((name.size() > 8 && name[0] == '.' && name[name.size() - 7] == '.') || name.find(".tmp-") != std::string::npos) {
            out.push_back(it->path().string());
        }
    }
    return out;
}

unsigned mode_of(const fs::path& p) {
    struct stat st{};
    ::stat(p.c_str(), &st);
    return st.st_mode & 07777;
}

fs::path font_copy(const std::string& name) {
    const char* names[4][2] = {{"LiberationSerif-Regular.ttf", "times.ttf"},
                               {"LiberationSerif-Bold.ttf", "timesbd.ttf"},
                               {"LiberationSerif-Italic.ttf", "timesi.ttf"},
                               {"LiberationSerif-BoldItalic.ttf", "timesbi.ttf"}};
    for (const char* sys : {"/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation"}) {
        if (!fs::exists(fs::path(sys) / names[0][0])) continue;
        const fs::path dir = e2e::scratch(name);
        for (const auto& n : names) fs::copy_file(fs::path(sys) / n[0], dir / n[1]);
        return dir;
    }
    return {};
}

}  // namespace cli
