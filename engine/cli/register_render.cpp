#include "cli/register_render.h"
#include "cli/render_extras.h"

#include "core/diagnostic.h"
#include "core/files.h"
#include "render/engine.h"
#include "store/data_dir.h"
#include "store/register.h"
#include "text/text.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>
#include <optional>

namespace vanban::cli {

namespace {

namespace fs = std::filesystem;

struct RegisterRenderOptions {
    std::vector<fs::path> inputs;
    std::optional<fs::path> output;
    fs::path data = store::default_data_dir();
    std::optional<std::string> book;
    std::vector<fs::path> template_dirs, font_dirs;
    bool pdfa = false, docx = false;
};

RegisterRenderOptions parse_register_render(const Args& args) {
    RegisterRenderOptions o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& s = args[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size()) usage_error(s + " needs a value");
            return args[++i];
        };
        if (s == "--register") continue;
        if (s == "-o" || s == "--output") o.output = value();
        else if (s == "--data") o.data = value();
        else if (s == "--book") o.book = value();
        else if (s == "--templates") o.template_dirs.emplace_back(value());
        else if (s == "--fonts") o.font_dirs.emplace_back(value());
        else if (s == "--pdfa") o.pdfa = true;
        else if (s == "--format") {
            const std::string f = value();
            if (f == "pdf,docx" || f == "docx,pdf") o.docx = true;
            else if (f != "pdf") usage_error("with --register, --format is pdf or pdf,docx (the register keeps the PDF)");
        } else if (!s.empty() && s[0] == '-') usage_error("render --register does not take " + s);
        else o.inputs.emplace_back(s);
    }
    if (o.inputs.empty()) usage_error("render --register needs at least one INPUT.json");
    if (o.inputs.size() > 1 && o.output && o.output->extension() == ".pdf")
        usage_error("several inputs need -o DIRECTORY");
    return o;
}

fs::path output_for(const RegisterRenderOptions& o, const fs::path& input, const std::string& ext) {
    if (!o.output) return fs::path(input).replace_extension(ext);
    if (o.output->extension() == ".pdf" || o.output->extension() == ".PDF")
        return fs::path(*o.output).replace_extension(ext);
    return *o.output / input.filename().replace_extension(ext);
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : "; ") + s;
    return out;
}

// Register columns (5) and (6): Nơi nhận without its "Lưu: …" item, which names who
// keeps the file copy.
void fill_from_model(store::RegisterEntry& e, const model::Document& doc) {
    e.type_name = doc.is_letter ? "Công văn" : doc.kind;
    e.subject = doc.subject;
    std::string issuer = doc.issuer.name;
    for (auto& c : issuer)
        if (c == '\n') c = ' ';
    e.issuer = issuer;
    std::vector<std::string> signers, recipients;
    for (const auto& s : doc.signers) signers.push_back(s.name);
    e.signer = joined(signers);
    for (const auto& r : doc.recipients) recipients.push_back(r);
    for (const auto& item : doc.distribution.items) {
        if (item.starts_with("Lưu")) e.kept_by = item;
        else if (item != "Như trên") recipients.push_back(item);
    }
    e.recipients = joined(recipients);
}

}  // namespace

int run_register_render(const Args& args) {
    const RegisterRenderOptions o = parse_register_render(args);
    int failed = 0;
    try {
        store::DataDir data = store::open_data_dir(o.data);
        store::Register reg(data.db);
        const Engine engine(EngineOptions{o.template_dirs, o.font_dirs, 0, {}});
        const std::size_t max_bytes = engine.options().limits.max_input_bytes;
        for (const fs::path& input : o.inputs) {
            try {
                nlohmann::ordered_json doc;
                const std::string bytes = read_file(input, max_bytes);
                try {
                    doc = nlohmann::ordered_json::parse(bytes);
                } catch (const std::exception&) {
                    engine.render(bytes, input.string());  // reports the syntax error with line:column
                    throw;
                }
                if (!doc.is_object()) fail_at_pointer(input.string(), "", "a document is a JSON object { … }");
                if (doc.contains("number") && !(doc["number"].is_string() && doc["number"].get<std::string>().empty()))
                    fail_at_pointer(input.string(), "/number",
                                    "already numbered; with --register the register gives the number (remove it)");
                store::RegisterEntry draft;
                draft.symbol = doc.value("symbol", "");
                const bool secret = doc.contains("confidentiality");
                draft.book = o.book.value_or(secret ? "mat" : "chung");
                if (doc.contains("date") && doc["date"].is_string()) draft.date = doc["date"].get<std::string>();
                Rendered out;
                const auto entry = reg.issue(draft, std::chrono::system_clock::now(), [&](store::RegisterEntry& e) {
                    doc["number"] = e.number;
                    doc["date"] = e.date;
                    out = engine.render(doc.dump(), input.string(), {.pdf = true, .docx = o.docx, .pdfa = o.pdfa});
                    fill_from_model(e, out.model);
                    e.pdf_sha256 = data.files.put(out.pdf);
                });
                // The number is recorded; if the file cannot be written now, the register
                // says so rather than silently keeping a number with no document.
                try {
                    write_file_atomically(output_for(o, input, ".pdf"), out.pdf);
                    if (o.docx) write_file_atomically(output_for(o, input, ".docx"), out.docx);
                } catch (const Error& e) {
                    reg.void_number(entry.book, entry.year, entry.number,
                                    "không ghi được tệp: " + e.diagnostic().to_string());
                    throw;
                }
                std::cout << input.string() << ": " << entry.number_symbol() << " (" << entry.book << ", "
                          << entry.date << ")\n";
            } catch (const Error& e) {
                Diagnostic d = e.diagnostic();
                if (d.file.empty()) d.file = input.string();  // the register's /date error
                std::cerr << "error: " << d.to_string() << "\n";
                ++failed;
            }
        }
    } catch (const Error& e) {
        std::cerr << "error: " << e.diagnostic().to_string() << "\n";
        return 1;
    }
    std::cerr << (o.inputs.size() - failed) << " rendered and registered, " << failed << " failed\n";
    return failed ? 1 : 0;
}

namespace {
const bool kRegisterRenderHook = (render_extras().register_render = run_register_render, true);
}  // namespace

}  // namespace vanban::cli
