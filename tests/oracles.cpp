#include "oracles.h"

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string_view>
#include <unistd.h>

namespace fs = std::filesystem;

namespace oracles {

namespace {

bool on_path(std::string_view program) {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        if (!dir.empty() && ::access((fs::path(dir) / program).c_str(), X_OK) == 0) return true;
    }
    return false;
}

}  // namespace

std::string preflight_classpath() {
    static const char* kJars[] = {"preflight.jar",        "pdfbox2.jar",         "xmpbox.jar", "fontbox2.jar",
                                  "commons-logging.jar", "javax.activation.jar", "jaxb-api.jar"};
    std::string cp;
    for (const char* jar : kJars) {
        const fs::path p = fs::path("/usr/share/java") / jar;
        if (!fs::exists(p)) return {};
        cp += (cp.empty() ? "" : ":") + p.string();
    }
    return on_path("java") ? cp : std::string();
}

std::map<std::string, std::string> pdfinfo_fields(const std::string& out) {
    std::map<std::string, std::string> fields;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) {
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        const auto value = line.find_first_not_of(' ', colon + 1);
        fields[line.substr(0, colon)] = value == std::string::npos ? "" : line.substr(value);
    }
    return fields;
}

}  // namespace oracles
