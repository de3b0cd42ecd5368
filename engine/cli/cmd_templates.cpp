// vanban templates [--templates DIR]: the templates a document can name.
#include "cli/batch.h"
#include "cli/commands.h"
#include "core/diagnostic.h"
#include "core/files.h"
#include "render/engine.h"
#include "template/template_library.h"

#include <iostream>

namespace vanban::cli {

namespace {

int run_templates(const Args& args) {
    std::vector<std::filesystem::path> dirs;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--templates" && i + 1 < args.size()) dirs.emplace_back(args[++i]);
        else usage_error("templates takes only --templates DIR");
    }
    try {
        require_directories("--templates", dirs);
    } catch (const Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    dirs.push_back(shipped_dir("templates"));
    tmpl::TemplateLibrary lib(dirs);
    std::string out;
    for (const auto& n : lib.names()) out += n + "\n";
    write_stdout(out);  // checked: `vanban templates > /dev/full` fails
    return 0;
}

const CommandRegistration kTemplates({"templates", "templates [--templates DIR]       list the templates that can be used",
                                      "", run_templates});

}  // namespace

}  // namespace vanban::cli
