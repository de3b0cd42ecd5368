// Template source → markup → model: the fuzz input is the text of a template
// (fuzz.mustache, next to the shipped partials), rendered with the data of a sample
// document and parsed as markup. Bad templates must end in a vanban::Error.
#include "core/diagnostic.h"
#include "core/files.h"
#include "input/document_input.h"
#include "markup/markup.h"
#include "render/engine.h"
#include "template/template_library.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

const nlohmann::json& sample_data() {
    static const nlohmann::json data = [] {
        vanban::input::ReadOptions ro;
        ro.file_name = "cong-van-1996.json";
        return vanban::input::read_document(
            vanban::read_file(vanban::shipped_dir("samples") / "cong-van-1996.json", 1 << 20), ro);
    }();
    return data;
}

const fs::path& scratch_dir() {
    static const fs::path dir = [] {
        const fs::path d = fs::temp_directory_path() / ("vanban-fuzz-template-" + std::to_string(::getpid()));
        fs::create_directories(d);
        return d;
    }();
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const fs::path file = scratch_dir() / "fuzz.mustache";
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    // A new library each time: the library caches what it loaded.
    const vanban::tmpl::TemplateLibrary templates({scratch_dir(), vanban::shipped_dir("templates")});
    try {
        const std::string markup = templates.render("fuzz", sample_data());
        (void)vanban::markup::parse(markup, "markup of fuzz");
    } catch (const vanban::Error&) {
    }
    return 0;
}
