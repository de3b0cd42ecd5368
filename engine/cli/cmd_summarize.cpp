// vanban summarize --form FORM.json REPORT.json|DIR... -o SUMMARY.pdf|.docx|DIR
//                  [--data SUMMARY.json|.csv|.xlsx]... [--keep-going]
//                  [--require-signed --trust CA.pem [--intermediates C.pem]]
#include "cli/batch.h"
#include "cli/commands.h"
#include "cli/signed_reports.h"
#include "core/diagnostic.h"
#include "core/files.h"
#include "core/output_set.h"
#include "render/engine.h"
#include "report/summary.h"
#include "report/upward.h"

#include <filesystem>
#include <iostream>
#include <optional>

namespace vanban::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kSummarizeHelp = R"(  --form FORM.json      the campaign's form (indicators, deadline, unit list, how the
                        summary is issued); e.g. templates/so-ket-nq20/form.json
  -o, --output PATH     SUMMARY.pdf or SUMMARY.docx, or a directory (created if needed)
                        that receives <form id>-tong-hop.pdf
  --format LIST         pdf, docx or pdf,docx when -o is a directory (default pdf)
  --data FILE           also write the figures as FILE.json, .csv or .xlsx (repeatable)
  --keep-going          summarise the valid reports even when some are invalid; the
                        rejected files are listed on stderr and in the summary
  --as-unit-report CODE with --parent-form FORM.json and -o BC.json: write the summary's
                        totals as unit CODE's report for the parent campaign (upward reporting)
  --require-signed      count a report only when its signed PDF (REPORT.pdf beside
                        REPORT.json) verifies against --trust; the others are refused
                        (with --keep-going: listed as rejected, the rest summed)
  --trust CA.pem        a trust anchor for --require-signed (repeatable; the VGCA root)
  --intermediates C.pem intermediate certificates for leaf-only signatures (repeatable)
  --templates DIR       look for templates in DIR before the shipped ones (repeatable)
  --fonts DIR           look for fonts in DIR first (repeatable)
REPORT may be a .json unit report or a directory of them. Every report is checked
against the form (form id, known unit, every indicator, types, no negative counts, no
duplicates); without --keep-going any invalid report stops the summary (exit 1,
nothing written). Formats: engine/report/FORMATS.md.
)";

struct SummarizeOptions {
    std::optional<fs::path> form, output, parent_form;
    std::optional<std::string> as_unit;  // --as-unit-report CODE
    std::vector<fs::path> reports, data, template_dirs, font_dirs;
    bool pdf = false, docx = false, keep_going = false;
    bool require_signed = false;                 // --require-signed
    std::vector<fs::path> trust, intermediates;  // … its anchors and intermediates
};

SummarizeOptions parse_summarize(const Args& args) {
    SummarizeOptions o;
    std::string formats;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& s = args[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size()) usage_error(s + " needs a value");
            return args[++i];
        };
        if (s == "--form") o.form = value();
        else if (s == "-o" || s == "--output") o.output = value();
        else if (s == "--data") o.data.emplace_back(value());
        else if (s == "--format") formats = value();
        else if (s == "--keep-going") o.keep_going = true;
        else if (s == "--require-signed") o.require_signed = true;
        else if (s == "--trust") o.trust.emplace_back(value());
        else if (s == "--intermediates") o.intermediates.emplace_back(value());
        else if (s == "--as-unit-report") o.as_unit = value();
        else if (s == "--parent-form") o.parent_form = value();
        else if (s == "--templates") o.template_dirs.emplace_back(value());
        else if (s == "--fonts") o.font_dirs.emplace_back(value());
        else if (s.size() > 1 && s[0] == '-') usage_error("unknown option " + s);
        else o.reports.emplace_back(s);
    }
    if (!o.form) usage_error("summarize needs --form FORM.json");
    if (o.reports.empty()) usage_error("summarize needs at least one REPORT.json or directory");
    if (!o.output) usage_error("summarize needs -o SUMMARY.pdf|DIR");
    if (o.require_signed && o.trust.empty()) usage_error("--require-signed needs --trust CA.pem");
    if (!o.require_signed && (!o.trust.empty() || !o.intermediates.empty())) {
        usage_error("--trust and --intermediates go with --require-signed");
    }
    for (const auto& d : o.data) {
        if (d.extension() != ".json" && d.extension() != ".csv" && d.extension() != ".xlsx") {
            usage_error("--data writes .json, .csv or .xlsx, not " + d.string());
        }
    }
    if (o.as_unit || o.parent_form) {
        if (!o.as_unit || !o.parent_form) usage_error("--as-unit-report CODE and --parent-form FORM.json go together");
        if (o.output->extension() != ".json") usage_error("--as-unit-report writes a unit report: -o BC.json");
        return o;
    }
    const auto ext = o.output->extension();
    if (ext == ".pdf" || ext == ".docx") {
        if (!formats.empty()) usage_error("--format needs a directory for -o");
        (ext == ".pdf" ? o.pdf : o.docx) = true;
    } else {
        for (std::size_t start = 0; start <= formats.size();) {
            const auto comma = formats.find(',', start);
            const std::string f = formats.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (f == "pdf") o.pdf = true;
            else if (f == "docx") o.docx = true;
            else if (!formats.empty()) usage_error("--format takes pdf, docx or pdf,docx, not '" + f + "'");
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        if (!o.pdf && !o.docx) o.pdf = true;
    }
    return o;
}

int summarize(const SummarizeOptions& o) {
    require_directories("--templates", o.template_dirs);
    require_directories("--fonts", o.font_dirs);
    const report::Form form = report::load_form(*o.form);
    std::vector<report::ReportFile> files;
    std::vector<fs::path> inputs{*o.form, form.units_file};
    sign::VerifyOptions verify;
    for (const auto& t : o.trust) for (auto& c : sign::load_certificates(t)) verify.trust.push_back(c);
    for (const auto& t : o.intermediates) for (auto& c : sign::load_certificates(t)) verify.intermediates.push_back(c);
    std::vector<report::Rejected> not_signed;  // --require-signed: never summed
    for (const BatchItem& item : expand_inputs(o.reports)) {
        inputs.push_back(item.file);
        if (o.require_signed) {
            if (std::string why = signature_problem(item, verify); !why.empty()) {
                not_signed.push_back({item.name, std::move(why)});
                continue;
            }
            inputs.push_back(signed_pdf_of(item));
        }
        files.push_back({item.name, read_item(item, 8 * 1024 * 1024)});
    }
    report::Summary summary = report::summarize(form, files);
    summary.rejected.insert(summary.rejected.begin(), not_signed.begin(), not_signed.end());
    for (const auto& r : summary.rejected) std::cerr << "error: " << r.error << "\n";
    if (!summary.rejected.empty() && !o.keep_going) {
        std::cerr << summary.rejected.size() << " invalid report(s); nothing written (--keep-going summarises the rest)\n";
        return 1;
    }

    if (o.as_unit) {
        const report::Form parent = report::load_form(*o.parent_form);
        write_file_atomically(*o.output, report::upward_report(form, summary, parent, *o.as_unit).dump(1) + "\n");
        std::cerr << "summarize: " << o.output->string() << ": unit " << *o.as_unit << "'s report for " << parent.id << "\n";
        return summary.rejected.empty() ? 0 : 1;
    }
    const Engine engine(EngineOptions{o.template_dirs, o.font_dirs, 0});
    RenderRequest request;
    request.pdf = o.pdf;
    request.docx = o.docx;
    const Rendered r = engine.render(report::summary_document(form, summary).dump(), form.file + " (summary)", request);

    fs::path base;
    if (o.output->extension() == ".pdf" || o.output->extension() == ".docx") {
        base = *o.output;
    } else {
        std::error_code ec;
        if (!fs::create_directories(*o.output, ec) && ec) {
            fail_at_pointer(o.output->string(), "", "cannot create directory: " + ec.message());
        }
        base = *o.output / (form.id + "-tong-hop");
    }
    std::vector<fs::path> outputs = o.data;
    if (o.pdf) outputs.push_back(fs::path(base).replace_extension(".pdf"));
    if (o.docx) outputs.push_back(fs::path(base).replace_extension(".docx"));
    refuse_overwriting_inputs(outputs, inputs);
    // All or nothing: a failure leaves the old PDF, JSON, CSV and XLSX as they were.
    OutputSet set;
    if (o.pdf) set.add(fs::path(base).replace_extension(".pdf"), r.pdf);
    if (o.docx) set.add(fs::path(base).replace_extension(".docx"), r.docx);
    for (const auto& d : o.data) {
        if (d.extension() == ".xlsx") report::write_summary_xlsx(form, summary, set.reserve(d), d.string());
        else if (d.extension() == ".csv") set.add(d, report::summary_csv(form, summary));
        else set.add(d, report::summary_json(form, summary).dump(2) + "\n");
    }
    set.commit();
    std::cerr << "summarize: " << summary.rows.size() << " of " << summary.expected << " units reported, "
              << summary.late.size() << " late, " << summary.missing.size() << " missing, " << summary.merged.size()
              << " filed under a merged unit, " << summary.rejected.size() << " rejected\n";
    for (const auto& rej : summary.rejected) std::cerr << "  rejected: " << rej.file << "\n";
    return summary.rejected.empty() ? 0 : 1;
}

int run_summarize(const Args& args) {
    const SummarizeOptions o = parse_summarize(args);
    install_signal_cleanup(false);  // SIGINT/SIGTERM remove the temporaries, then exit
    try {
        return summarize(o);
    } catch (const Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}

const CommandRegistration kSummarize({"summarize",
                                      "summarize --form FORM.json REPORT.json... -o OUT   national summary of unit reports",
                                      kSummarizeHelp, run_summarize});

}  // namespace

}  // namespace vanban::cli
