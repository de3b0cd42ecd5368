// vanban render INPUT.json... [-o OUT.pdf|OUT.docx|DIR] [--format pdf,docx] [--pdfa] …
#include "cli/batch.h"
#include "cli/commands.h"
#include "cli/hand_off.h"
#include "cli/render_extras.h"
#include "cli/sign_help.h"
#include "core/diagnostic.h"
#include "core/files.h"
#include "core/output_set.h"
#include "input/legacy_strings.h"
#include "render/engine.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <thread>
#include <unistd.h>

namespace vanban::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kRenderHelp = R"(  -o, --output PATH     OUT.pdf / OUT.docx for one input, or a directory (created if
                        needed); default: next to each input
  --format LIST         pdf, docx or pdf,docx (default: from -o's extension, else pdf);
                        several formats come from one parse of each input
  --pdfa                write PDF/A-1b (archival: XMP metadata, sRGB OutputIntent)
  --check               run `vanban check` on each PDF written; one that does not conform
                        fails its input (the file stays; its failed rules go to stderr)
  --emit markup         also write the markup the template produced (.xml)
  --templates DIR       look for templates in DIR before the shipped ones (repeatable)
  --fonts DIR           look for Times New Roman / Liberation Serif in DIR first (repeatable)
  -j, --jobs N          render on N threads (default: the number of cores)
  --report FILE         write a JSON report: each input with its outputs or its error
                        (also written when the batch is interrupted: what finished)
  --skip-existing       leave an input whose outputs all exist (resume a killed batch;
                        outputs appear only whole, so an existing one is complete)
  --shard I/N           render only shard I of N (0-based, round-robin), to split a batch
                        across machines; --shard auto takes I from JOB_COMPLETION_INDEX and
                        N from JOB_COMPLETIONS (Kubernetes Indexed Jobs)
  --register            take the number (and the date, if absent) from the register in
                        --data DIR (default ./vanban-data); see vanban register
  --from ENC            the strings are in a legacy encoding: tcvn3, vni, viqr, cp1258, or
                        auto (detects, says what it found on stderr, refuses when unsure)
  --signature-fields    place empty signature fields at ô 7c and ô 8 (Signature<N>, Seal<N>)
                        for signing tools outside vanban; vanban sign fills them
  --sign KEY-SOURCE …   sign each PDF in the same step, with vanban sign's options (below);
                        a document whose signing fails is not written
Limits (a document over one fails with an error naming it and the limit; K/M suffixes ok):
  --max-input-size N    bytes of one document's JSON (default 16M)
  --max-depth N         JSON nesting depth (default 64, at most 1000)
  --max-partial-depth N template partials nested in each other (default 16)
  --max-rows N          rows of one table (default 100000)
  --max-pages N         pages of one document (default 5000)
INPUT may be a .json file, a directory of .json files, or a .jsonl file (one document
per line). Several inputs are all rendered even when one fails; failures are listed on
stderr with a summary "N rendered, M failed". A failed render leaves no output file;
a document's outputs (--format pdf,docx, --emit markup) appear together or not at all.
Two inputs that would write the same output stop the batch before anything is rendered.
)";

struct RenderOptions {
    std::vector<fs::path> inputs;
    std::optional<fs::path> output;
    std::vector<fs::path> template_dirs, font_dirs;
    bool pdf = false, docx = false, pdfa = false, emit_markup = false;
    bool check = false;  // --check: vanban check on each PDF written
    bool skip_existing = false;
    unsigned jobs = 0;  // 0 = the number of cores
    std::optional<fs::path> report;
    std::size_t shard_index = 0, shard_count = 1;
    std::string from;  // --from: legacy encoding of the strings, or "auto"; "" = UTF-8
    Limits limits;     // --max-…
    // --signature-fields, --sign KEY-SOURCE …: vanban-full's (cli/render_sign.cpp); none in the front.
    std::shared_ptr<PdfFinisher> finisher;
};

// Extensions compare case-insensitively: -o OUT.PDF is a file, not a directory.
std::string lower_extension(const fs::path& p) {
    std::string e = p.extension().string();
    for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return e;
}

unsigned parse_count(const std::string& option, const std::string& v, unsigned max) {
    if (v.empty() || v.size() > 6 || v.find_first_not_of("0123456789") != std::string::npos) {
        usage_error(option + " takes a whole number, not '" + v + "'");
    }
    const auto n = static_cast<unsigned>(std::stoul(v));
    if (n > max) usage_error(option + " is at most " + std::to_string(max));
    return n;
}

// A limit: a whole number ≥ 1, optionally with K, M or G (×1024, ×1024², ×1024³).
std::size_t parse_limit(const std::string& option, const std::string& v, std::size_t max) {
    std::string digits = v;
    std::size_t unit = 1;
    if (!digits.empty() && std::string_view("KMG").find(digits.back()) != std::string_view::npos) {
        unit = std::size_t{1} << (10 * (1 + std::string_view("KMG").find(digits.back())));
        digits.pop_back();
    }
    if (digits.empty() || digits.size() > 12 || digits.find_first_not_of("0123456789") != std::string::npos) {
        usage_error(option + " takes a whole number (K, M, G suffixes allowed), not '" + v + "'");
    }
    const std::size_t n = std::stoull(digits);
    if (n == 0) usage_error(option + " must be at least 1");
    if (n > max / unit) usage_error(option + " is at most " + std::to_string(max));
    return n * unit;
}

RenderOptions parse_render(const Args& args) {
    RenderOptions o;
    if (render_extras().make_pdf_finisher) o.finisher = render_extras().make_pdf_finisher();
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
        else if (s == "--check") o.check = true;
        else if (s == "--skip-existing") o.skip_existing = true;
        else if (s == "-j" || s == "--jobs") {
            o.jobs = parse_count(s, value(), 256);
            if (o.jobs == 0) usage_error(s + " must be at least 1");
        } else if (s == "--report") o.report = value();
        else if (s == "--shard") {
            std::string v = value();
            if (v == "auto") {
                // A Kubernetes Indexed Job: this pod's index and the job's completions.
                const char* index = std::getenv("JOB_COMPLETION_INDEX");
                const char* count = std::getenv("JOB_COMPLETIONS");
                if (!index || !count)
                    usage_error("--shard auto reads JOB_COMPLETION_INDEX and JOB_COMPLETIONS (a Kubernetes Indexed "
                                "Job sets the first; set JOB_COMPLETIONS to the job's completions)");
                v = std::string(index) + "/" + count;
            }
            const auto slash = v.find('/');
            if (slash == std::string::npos) usage_error("--shard takes I/N, like 0/4");
            o.shard_index = parse_count("--shard", v.substr(0, slash), 1000000);
            o.shard_count = parse_count("--shard", v.substr(slash + 1), 1000000);
            if (o.shard_count == 0 || o.shard_index >= o.shard_count) usage_error("--shard I/N needs 0 <= I < N");
        }
        else if (s == "--from") {
            o.from = value();
            if (o.from != "auto" && !text::encoding_from_name(o.from)) {
                usage_error("--from takes tcvn3, vni, viqr, cp1258 or auto, not '" + o.from + "'");
            }
        }
        else if (s == "--max-input-size") o.limits.max_input_bytes = parse_limit(s, value(), std::size_t{1} << 32);
        // Deeper than ~10,000 levels, copying the JSON tree overflows the stack (ASan build).
        else if (s == "--max-depth") o.limits.max_json_depth = static_cast<int>(parse_limit(s, value(), 1000));
        else if (s == "--max-partial-depth") o.limits.max_partial_depth = static_cast<int>(parse_limit(s, value(), 1000));
        else if (s == "--max-rows") o.limits.max_table_rows = parse_limit(s, value(), std::size_t{1} << 32);
        else if (s == "--max-pages") o.limits.max_pages = parse_limit(s, value(), std::size_t{1} << 32);
        else if (s == "--emit") {
            if (value() != "markup") usage_error("--emit takes 'markup'");
            o.emit_markup = true;
        } else if (o.finisher && o.finisher->parse(args, i)) {
        } else if (s.size() > 1 && s[0] == '-') {
            run_in_full_program();  // the front does not know it, vanban-full may (the signing options)
            usage_error("unknown option " + s);
        }
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
    } else if (o.output && lower_extension(*o.output) == ".docx") {
        o.docx = true;
    } else {
        o.pdf = true;
    }
    if (o.check && !o.pdf) usage_error("--check checks PDF output; it needs --format pdf");
    if (o.finisher && o.finisher->active() && !o.pdf) usage_error("--sign and --signature-fields need --format pdf");
    return o;
}

// --from: the document's strings are decoded from a legacy encoding before the input
// stage sees them (the bytes outside strings, numbers included, stay as written).
Rendered render_legacy(const Engine& engine, const BatchItem& item, const std::string& from,
                       const RenderRequest& request) {
    const std::string bytes = read_item(item, engine.options().limits.max_input_bytes);
    std::string note;
    const std::string json = input::decode_legacy_input(bytes, from, item.name, note);
    if (!note.empty()) std::cerr << (item.name + ": " + note + "\n");  // one write: other threads print too
    return engine.render(json, item.name, request);
}

}  // namespace

RenderExtras& render_extras() {
    static RenderExtras extras;
    return extras;
}

int run_render(const Args& args) {
    RenderExtras& extras = render_extras();
    for (const auto& a : args) {
        // Before any work: the front hands these over to vanban-full, which has them.
        if ((a == "--register" && !extras.register_render) || (a == "--check" && !extras.check_written)) {
            run_in_full_program();
        }
    }
    // --register: numbered by the register, in its transaction (cli/register_render.cpp).
    for (const auto& a : args)
        if (a == "--register") return extras.register_render(args);
    const RenderOptions o = parse_render(args);
    install_signal_cleanup(true);  // SIGINT/SIGTERM: finish the documents in hand, write --report
    const std::string out_ext = o.output ? lower_extension(*o.output) : "";
    const bool single_file = out_ext == ".pdf" || out_ext == ".docx";
    if (single_file) {
        if (o.pdf && o.docx) usage_error("two formats need a directory for -o");
        if ((out_ext == ".pdf") != o.pdf) usage_error("-o's extension does not match --format");
    }
    std::unique_ptr<Engine> engine;
    std::vector<BatchItem> items;
    try {
        require_directories("--templates", o.template_dirs);
        require_directories("--fonts", o.font_dirs);
        if (o.output && !single_file) {
            std::error_code ec;
            if (!fs::create_directories(*o.output, ec) && ec) {
                fail_at_pointer(o.output->string(), "", "cannot create directory: " + ec.message());
            }
        }
        if (o.finisher) o.finisher->prepare(o.font_dirs);  // the key is loaded (and checked) once
        engine = std::make_unique<Engine>(EngineOptions{o.template_dirs, o.font_dirs, 0, o.limits});
        items = shard(expand_inputs(o.inputs), o.shard_index, o.shard_count);
    } catch (const Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    if (single_file && items.size() > 1) usage_error("-o names one file but there are several inputs; give a directory");
    RenderRequest request;
    request.pdf = o.pdf;
    request.docx = o.docx;
    request.pdfa = o.pdfa;
    request.keep_markup = o.emit_markup;  // the rest only writes files, the page count and signature areas
    request.keep_page_items = false;

    // Every output path, known before anything is rendered: collisions and outputs that
    // are inputs stop the batch here.
    std::vector<std::vector<fs::path>> targets(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto target = [&](const char* ext) {
            if (single_file) return *o.output;
            const fs::path dir = o.output ? *o.output : items[i].file.parent_path();
            return (dir / items[i].stem).replace_extension(ext);
        };
        if (o.emit_markup) targets[i].push_back(target(".xml"));
        if (o.pdf) targets[i].push_back(target(".pdf"));
        if (o.docx) targets[i].push_back(target(".docx"));
    }
    try {
        refuse_collisions(items, targets);
        std::vector<fs::path> input_files, outputs;
        for (const auto& item : items) input_files.push_back(item.file);
        for (const auto& t : targets) outputs.insert(outputs.end(), t.begin(), t.end());
        if (o.report) outputs.push_back(*o.report);
        refuse_overwriting_inputs(outputs, input_files);
    } catch (const Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }

    struct Result {
        bool done = false, skipped = false;
        std::string error;
    };
    std::vector<Result> results(items.size());
    const unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
    run_parallel(items.size(), jobs, [&](std::size_t i) {
        const BatchItem& item = items[i];
        Result& res = results[i];
        res.done = true;
        if (o.skip_existing && std::all_of(targets[i].begin(), targets[i].end(), [](const fs::path& t) {
                std::error_code ec;
                return fs::is_regular_file(t, ec);
            })) {
            res.skipped = true;
            return;
        }
        try {
            const Rendered r = !o.from.empty() ? render_legacy(*engine, item, o.from, request)
                               : item.line    ? engine->render(read_item(item, o.limits.max_input_bytes), item.name, request)
                                              : engine->render_file(item.file, request);
            OutputSet set;  // the document's files appear together, or none does
            std::size_t t = 0;
            if (o.emit_markup) set.add(targets[i][t++], r.markup);
            if (o.pdf) set.add(targets[i][t++], o.finisher ? o.finisher->finish(r, item.name) : r.pdf);
            if (o.docx) set.add(targets[i][t++], r.docx);
            set.commit();
            if (o.pdf && o.check) res.error = extras.check_written(targets[i][o.emit_markup ? 1 : 0]);
        } catch (const Error& e) {
            res.error = e.what();
        } catch (const std::exception& e) {
            res.error = item.name + ": internal error: " + e.what();
        }
    }, items.size() >= 50 && ::isatty(2));

    std::size_t ok = 0, skipped = 0;
    std::vector<std::string> failed;
    nlohmann::json report = nlohmann::json::array();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Result& res = results[i];
        nlohmann::json entry{{"input", items[i].name}};
        if (!res.done) {
            failed.push_back(items[i].name);
            entry["error"] = "not rendered: the batch was interrupted";
        } else if (res.error.empty()) {
            ++(res.skipped ? skipped : ok);
            std::vector<std::string> outs;
            for (const auto& t : targets[i]) outs.push_back(t.string());
            entry["outputs"] = outs;
            if (res.skipped) entry["skipped"] = true;
        } else {
            std::cerr << "error: " << res.error << "\n";
            failed.push_back(items[i].name);
            entry["error"] = res.error;
        }
        report.push_back(std::move(entry));
    }
    if (items.size() > 1 || interrupted()) {
        std::cerr << ok << " rendered, " << (skipped ? std::to_string(skipped) + " skipped (--skip-existing), " : "")
                  << failed.size() << " failed" << (interrupted() ? " or not started (interrupted)" : "") << "\n";
        for (const auto& f : failed) std::cerr << "  failed: " << f << "\n";
    }
    if (o.report) {
        try {
            write_file_atomically(*o.report, report.dump(2) + "\n");
        } catch (const Error& e) {
            std::cerr << "error: " << e.what() << "\n";
            return 1;
        }
    }
    if (interrupted()) return 128 + interrupted();
    return failed.empty() ? 0 : 1;
}

namespace {
const CommandRegistration kRender({"render", "render INPUT.json... [options]   render documents to PDF and/or DOCX",
                                   std::string(kRenderHelp) + kSignHelp, run_render});
}  // namespace

}  // namespace vanban::cli
