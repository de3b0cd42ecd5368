// The national summary of a campaign: every valid unit report checked, summed exactly
// and put in Vietnamese alphabetical order, with who did not report and who was late.
#pragma once

#include "report/amount.h"
#include "report/form.h"
#include "report/unit_report.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace vanban::report {

// One report file to summarise: its name (for messages) and its bytes.
struct ReportFile {
    std::string file;
    std::string json;
};

// One line of the per-unit table: a unit and the sum of its reports (one, or several
// when former units of a merged unit reported separately).
struct SummaryRow {
    Unit unit;
    std::vector<std::string> files;
    std::vector<std::string> former_names;  // pre-merger units filed under this one
    std::vector<std::optional<Amount>> values;  // per indicator; nullopt = no figure
};

struct LateReport {
    Unit unit;
    std::string date;  // YYYY-MM-DD
    std::string file;
};

struct MergedReport {
    std::string former_name, former_code;
    Unit into;
    std::string file;
};

struct Rejected {
    std::string file;
    std::string error;  // the whole diagnostic: "file: /pointer: message"
};

struct Summary {
    std::vector<SummaryRow> rows;        // Vietnamese alphabetical order of unit names
    std::vector<Amount> totals;          // per indicator
    std::vector<std::size_t> reported_by;  // per indicator: rows with a figure
    std::vector<Unit> missing;           // expected, no valid report; vi order
    std::vector<LateReport> late;        // dated after the deadline; vi order
    std::vector<MergedReport> merged;    // filed under a merged unit; vi order
    std::vector<Rejected> rejected;      // invalid or duplicate, in input order
    std::size_t expected = 0;            // units in the form's list
};

// Checks and sums `reports` (in the given order; a second report for a unit already
// seen is rejected as a duplicate). Invalid reports land in `rejected`, never in the
// sums; the caller decides whether that is fatal (`--keep-going`).
Summary summarize(const Form& form, const std::vector<ReportFile>& reports);

// The figures as machine-readable data (summary.schema.json): integer totals as JSON
// integers, decimal ones as exact decimal strings.
nlohmann::json summary_json(const Form& form, const Summary& s);

// The per-unit table as CSV (RFC 4180, UTF-8 with a BOM so spreadsheet programs read
// the Vietnamese headers; numbers with a '.' decimal point, never grouped).
std::string summary_csv(const Form& form, const Summary& s);

// The per-unit table as an .xlsx workbook written to `path` — a temporary the caller
// renames (core/output_set.h) — and read back to verify it (numbers as numbers, Vietnamese
// headers, frozen header row, a bold "Tổng cộng" row; a second sheet lists the units
// that did not report, were late or merged). Same bytes for the same summary. Errors
// name `name`, the file the user asked for.
void write_summary_xlsx(const Form& form, const Summary& s, const std::filesystem::path& path, const std::string& name);

// The national summary as a document JSON for Engine::render: the form's `summary`
// fields (template, issuer, signers …) plus `data` for the summary template.
nlohmann::json summary_document(const Form& form, const Summary& s);

}  // namespace vanban::report
