// vanban — the command line.
//
//   vanban render INPUT.json... [-o OUT.pdf | -o DIR] [--templates DIR] [--fonts DIR]
//   vanban templates [--templates DIR]
//
// Exit codes: 0 everything rendered; 1 at least one input failed (the others were
// still rendered); 2 the command line itself is wrong.
#include "core/diagnostic.h"
#include "core/files.h"
#include "render/engine.h"
#include "template/template_library.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr const char* kVersion = "vanban 0.1.0";

constexpr const char* kHelp = R"(vanban — Vietnamese official documents (văn bản hành chính) from JSON

Usage:
  vanban render INPUT.json... [options]   render documents to PDF
  vanban templates [--templates DIR]      list the templates that can be used
  vanban --help | --version

Options for render:
  -o, --output PATH     OUT.pdf for one input, or a directory (created if needed);
                        default: next to each input, with the extension .pdf
  --emit KIND           also write the intermediate stage next to the PDF:
                        markup (.xml) — for template authors
  --templates DIR       look for templates in DIR before the shipped ones (repeatable)
  --fonts DIR           look for Times New Roman / Liberation Serif in DIR first (repeatable)

Several inputs are all rendered even when one fails; failures are listed on stderr.
A failed render leaves no output file.

Exit codes:
  0  every input rendered
  1  at least one input failed (the others were rendered)
  2  usage error
)";

struct Args {
    std::string command;
    std::vector<fs::path> inputs;
    std::optional<fs::path> output;
    std::vector<fs::path> template_dirs, font_dirs;
    std::string emit;
};

[[noreturn]] void usage_error(const std::string& msg) {
    std::cerr << "vanban: " << msg << "\n(see vanban --help)\n";
    std::exit(2);
}

Args parse_args(int argc, char** argv) {
    Args a;
    std::vector<std::string> v(argv + 1, argv + argc);
    if (v.empty()) usage_error("no command given");
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string& s = v[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= v.size()) usage_error(s + " needs a value");
            return v[++i];
        };
        if (s == "--help" || s == "-h") {
            std::cout << kHelp;
            std::exit(0);
        } else if (s == "--version") {
            std::cout << kVersion << "\n";
            std::exit(0);
        } else if (s == "-o" || s == "--output") {
            a.output = value();
        } else if (s == "--templates") {
            a.template_dirs.emplace_back(value());
        } else if (s == "--fonts") {
            a.font_dirs.emplace_back(value());
        } else if (s == "--emit") {
            a.emit = value();
            if (a.emit != "markup") usage_error("--emit takes 'markup'");
        } else if (s.size() > 1 && s[0] == '-') {
            usage_error("unknown option " + s);
        } else if (a.command.empty()) {
            a.command = s;
        } else {
            a.inputs.emplace_back(s);
        }
    }
    return a;
}

int run_render(const Args& a) {
    if (a.inputs.empty()) usage_error("render needs at least one INPUT.json");
    bool to_dir = false;
    if (a.output) {
        std::error_code ec;
        to_dir = fs::is_directory(*a.output, ec) || a.output->extension() != ".pdf";
        if (!to_dir && a.inputs.size() > 1) usage_error("-o names one file but there are several inputs; give a directory");
        if (to_dir && !fs::create_directories(*a.output, ec) && ec) {
            usage_error("cannot create directory " + a.output->string() + ": " + ec.message());
        }
    }

    std::unique_ptr<vanban::Engine> engine;
    try {
        engine = std::make_unique<vanban::Engine>(vanban::EngineOptions{a.template_dirs, a.font_dirs, 0});
    } catch (const vanban::Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }

    int ok = 0;
    std::vector<std::string> failed;
    for (const auto& in : a.inputs) {
        fs::path out = a.output && !to_dir ? *a.output
                       : a.output         ? *a.output / in.filename().replace_extension(".pdf")
                                          : fs::path(in).replace_extension(".pdf");
        try {
            const auto r = engine->render_file(in);
            if (a.emit == "markup") vanban::write_file_atomically(fs::path(out).replace_extension(".xml"), r.markup);
            vanban::write_file_atomically(out, r.pdf);
            ++ok;
        } catch (const vanban::Error& e) {
            std::cerr << "error: " << e.what() << "\n";
            failed.push_back(in.string());
        } catch (const std::exception& e) {
            std::cerr << "error: " << in.string() << ": internal error: " << e.what() << "\n";
            failed.push_back(in.string());
        }
    }
    if (a.inputs.size() > 1) {
        std::cerr << ok << " rendered, " << failed.size() << " failed\n";
        for (const auto& f : failed) std::cerr << "  failed: " << f << "\n";
    }
    return failed.empty() ? 0 : 1;
}

int run_templates(const Args& a) {
    auto dirs = a.template_dirs;
    dirs.push_back(vanban::shipped_dir("templates"));
    vanban::tmpl::TemplateLibrary lib(dirs);
    for (const auto& n : lib.names()) std::cout << n << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const Args a = parse_args(argc, argv);
    if (a.command == "render") return run_render(a);
    if (a.command == "templates") return run_templates(a);
    usage_error("unknown command '" + a.command + "'");
}
