// vanban lint INPUT.json... [--json]: what rendering would change or refuse, and what
// a careful clerk would fix, before rendering.
#include "cli/batch.h"
#include "cli/commands.h"
#include "core/diagnostic.h"
#include "core/files.h"
#include "fonts/font_set.h"
#include "lint/lint.h"
#include "render/engine.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <ctime>
#include <iostream>
#include <memory>

namespace vanban::cli {

namespace {

constexpr const char* kLintHelp = R"(  --json                print the findings as JSON instead of one line each
  --fonts DIR           check glyphs against the fonts in DIR first (repeatable)
  --today YYYY-MM-DD    the date "in the future" is judged against (default: today, or
                        SOURCE_DATE_EPOCH's date when set)
Each finding is "change" (rendering fixes it silently), "refuse" (rendering stops) or
"check" (printed as written, probably a mistake). Exit code 0 when every input is
clean, 1 when there are findings.
)";

int run_lint(const Args& args) {
    std::vector<std::string> inputs;
    std::vector<std::filesystem::path> font_dirs;
    bool as_json = false;
    std::optional<text::Date> today;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& s = args[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size()) usage_error(s + " needs a value");
            return args[++i];
        };
        if (s == "--json") as_json = true;
        else if (s == "--fonts") font_dirs.emplace_back(value());
        else if (s == "--today") {
            const std::string v = value();
            today = text::parse_iso_date(v);
            if (!today) usage_error("--today takes a date as YYYY-MM-DD, not '" + v + "'");
        } else if (s.size() > 1 && s[0] == '-') usage_error("unknown option " + s);
        else inputs.push_back(s);
    }
    if (inputs.empty()) usage_error("lint needs at least one INPUT.json");

    try {
        require_directories("--fonts", font_dirs);
    } catch (const Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    lint::LintOptions options;
    options.today = today ? *today : lint::today_utc();
    // The glyph check uses the fonts rendering would use; without them it is skipped, loudly.
    std::unique_ptr<Engine> engine;
    try {
        engine = std::make_unique<Engine>(EngineOptions{{}, font_dirs, 0});
        const fonts::FontSet& f = engine->fonts();
        options.has_glyph = [&f](char32_t c) {
            return f.has_glyph(fonts::Style::regular, c) && f.has_glyph(fonts::Style::bold, c) &&
                   f.has_glyph(fonts::Style::italic, c);
        };
    } catch (const Error& e) {
        std::cerr << "warning: glyphs not checked: " << e.what() << "\n";
    }

    bool clean = true;
    nlohmann::json all = nlohmann::json::array();
    for (const auto& in : inputs) {
        std::vector<lint::Finding> findings;
        try {
            findings = lint::lint_document(read_file(in, Limits{}.max_input_bytes), options);  // as render
        } catch (const Error& e) {
            findings.push_back({"", "unreadable", lint::Action::refuse, e.diagnostic().message, ""});
        }
        clean = clean && findings.empty();
        for (const auto& f : findings) {
            if (as_json) {
                nlohmann::json j = lint::to_json(f);
                j["file"] = in;
                all.push_back(std::move(j));
                continue;
            }
            std::string line = in + ": " + (f.pointer.empty() ? "" : f.pointer + ": ") + lint::action_name(f.action) +
                               ": " + f.message;
            if (!f.suggestion.empty()) line += " → " + nlohmann::json(f.suggestion).dump();
            write_stdout(line + "\n");
        }
        if (findings.empty() && !as_json) write_stdout(in + ": clean\n");
    }
    if (as_json) write_stdout(nlohmann::json{{"clean", clean}, {"findings", all}}.dump(2) + "\n");
    return clean ? 0 : 1;
}

const CommandRegistration kLint({"lint", "lint INPUT.json... [--json]     list what rendering would change or refuse",
                                 kLintHelp, run_lint});

}  // namespace

}  // namespace vanban::cli
