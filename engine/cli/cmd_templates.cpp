// vanban templates [--templates DIR]: the templates a document can name.
#include "cli/commands.h"
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
    dirs.push_back(shipped_dir("templates"));
    tmpl::TemplateLibrary lib(dirs);
    for (const auto& n : lib.names()) std::cout << n << "\n";
    return 0;
}

const CommandRegistration kTemplates({"templates", "templates [--templates DIR]       list the templates that can be used",
                                      "", run_templates});

}  // namespace

}  // namespace vanban::cli
