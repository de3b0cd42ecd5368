// vanban check OUT.pdf... [--input IN.json] [--json]: does a PDF conform to the
// layout rules (NĐ 30/2020)? Exit 0 when every file conforms, 1 when one does not or
// cannot be read, 2 for a wrong command line.
#include "check/check.h"
#include "cli/commands.h"
#include "core/diagnostic.h"
#include "core/files.h"

#include <iostream>

namespace vanban::cli {

namespace {

constexpr const char* kCheckHelp = R"(  --input IN.json        also compare the printed texts with the document (one PDF only)
  --json                 print the findings as JSON instead of one line per finding
Each finding is PASS, FAIL, WARN ([PRACTICE] rules only warn) or SKIP, with its rule ID.
)";

int run_check(const Args& args) {
    std::vector<std::filesystem::path> files;
    check::CheckOptions options;
    bool json = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& s = args[i];
        if (s == "--json") json = true;
        else if (s == "--input") {
            if (i + 1 >= args.size()) usage_error("--input needs a value");
            options.input = args[++i];
        } else if (s.size() > 1 && s[0] == '-') usage_error("unknown option " + s);
        else files.emplace_back(s);
    }
    if (files.empty()) usage_error("check needs at least one PDF");
    if (options.input && files.size() > 1) usage_error("--input compares one PDF with its document; give one PDF");

    int status = 0;
    nlohmann::json reports = nlohmann::json::array();
    for (const auto& f : files) {
        try {
            const check::Report r = check::check_pdf(f, options);
            if (json) reports.push_back(r.to_json());
            else write_stdout(r.to_text());
            if (!r.conforms()) status = 1;
        } catch (const Error& e) {
            if (e.diagnostic().file == "standard output") throw;
            std::cerr << "error: " << e.what() << "\n";
            if (json) reports.push_back({{"file", f.string()}, {"conforms", false}, {"error", e.what()}});
            status = 1;
        }
    }
    if (json) write_stdout((files.size() == 1 ? reports.front() : reports).dump(2) + "\n");
    return status;
}

const CommandRegistration kCheck({"check", "check OUT.pdf... [--input IN.json] [--json]   check PDFs against the layout rules",
                                  kCheckHelp, run_check});

}  // namespace

}  // namespace vanban::cli
