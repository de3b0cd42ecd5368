// vanban render INPUT.json... [-o OUT.pdf|OUT.docx|DIR] [--format pdf,docx] [--pdfa] …
#include "cli/commands.h"
#include "core/diagnostic.h"
#include "core/files.h"
#include "render/engine.h"

#include <filesystem>
#include <iostream>
#include <optional>

namespace vanban::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kHelp = R"(  -o, --output PATH     OUT.pdf / OUT.docx for one input, or a directory (created if
                        needed); default: next to each input
  --format LIST         pdf, docx or pdf,docx (default: from -o's extension, else pdf);
                        several formats come from one parse of each input
  --pdfa                write PDF/A-1b (archival: XMP metadata, sRGB OutputIntent)
  --emit markup         also write the markup the template produced (.xml)
  --templates DIR       look for templates in DIR before the shipped ones (repeatable)
  --fonts DIR           look for Times New Roman / Liberation Serif in DIR first (repeatable)
Several inputs are all rendered even when one fails; failures are listed on stderr.
A failed render leaves no output file.
)";

struct Options {
    std::vector<fs::path> inputs;
    std::optional<fs::path> output;
    std::vector<fs::path> template_dirs, font_dirs;
    bool pdf = false, docx = false, pdfa = false, emit_markup = false;
};

Options parse(const Args& args) {
    Options o;
    std::string formats;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& s = args[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size()) usage_error(s + " needs a value");
            return args[++i];
        };
        if (s == "-o" || s == "--output") o.output = value();
        else if (s == "--templates") o.template_dirs.emplace_back(value());
        else if (s == "--fonts") o.font_dirs.emplace_back(value());
        else if (s == "--format") formats = value();
        else if (s == "--pdfa") o.pdfa = true;
        else if (s == "--emit") {
            if (value() != "markup") usage_error("--emit takes 'markup'");
            o.emit_markup = true;
        } else if (s.size() > 1 && s[0] == '-') usage_error("unknown option " + s);
        else o.inputs.emplace_back(s);
    }
    if (o.inputs.empty()) usage_error("render needs at least one INPUT.json");
    if (!formats.empty()) {
        std::size_t start = 0;
        while (start <= formats.size()) {
            const auto comma = formats.find(',', start);
            const std::string f = formats.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (f == "pdf") o.pdf = true;
            else if (f == "docx") o.docx = true;
            else usage_error("--format takes pdf, docx or pdf,docx, not '" + f + "'");
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    } else if (o.output && o.output->extension() == ".docx") {
        o.docx = true;
    } else {
        o.pdf = true;
    }
    return o;
}

}  // namespace

int run_render(const Args& args) {
    const Options o = parse(args);
    const bool single_file = o.output && (o.output->extension() == ".pdf" || o.output->extension() == ".docx");
    if (single_file) {
        if (o.inputs.size() > 1) usage_error("-o names one file but there are several inputs; give a directory");
        if (o.pdf && o.docx) usage_error("two formats need a directory for -o");
        if ((o.output->extension() == ".pdf") != o.pdf) usage_error("-o's extension does not match --format");
    }
    if (o.output && !single_file) {
        std::error_code ec;
        if (!fs::create_directories(*o.output, ec) && ec) {
            usage_error("cannot create directory " + o.output->string() + ": " + ec.message());
        }
    }

    std::unique_ptr<Engine> engine;
    try {
        engine = std::make_unique<Engine>(EngineOptions{o.template_dirs, o.font_dirs, 0});
    } catch (const Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    RenderRequest request;
    request.pdf = o.pdf;
    request.docx = o.docx;
    request.pdfa = o.pdfa;

    int ok = 0;
    std::vector<std::string> failed;
    for (const auto& in : o.inputs) {
        auto target = [&](const char* ext) {
            if (single_file) return *o.output;
            const fs::path base = o.output ? *o.output / in.filename() : in;
            return fs::path(base).replace_extension(ext);
        };
        try {
            const Rendered r = engine->render_file(in, request);
            if (o.emit_markup) write_file_atomically(target(".xml"), r.markup);
            if (o.pdf) write_file_atomically(target(".pdf"), r.pdf);
            if (o.docx) write_file_atomically(target(".docx"), r.docx);
            ++ok;
        } catch (const Error& e) {
            std::cerr << "error: " << e.what() << "\n";
            failed.push_back(in.string());
        } catch (const std::exception& e) {
            std::cerr << "error: " << in.string() << ": internal error: " << e.what() << "\n";
            failed.push_back(in.string());
        }
    }
    if (o.inputs.size() > 1) {
        std::cerr << ok << " rendered, " << failed.size() << " failed\n";
        for (const auto& f : failed) std::cerr << "  failed: " << f << "\n";
    }
    return failed.empty() ? 0 : 1;
}

namespace {
const CommandRegistration kRender({"render", "render INPUT.json... [options]   render documents to PDF and/or DOCX",
                                   kHelp, run_render});
}  // namespace

}  // namespace vanban::cli
