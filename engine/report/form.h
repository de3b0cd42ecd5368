// A reporting campaign's form (biểu mẫu) and the units expected to report.
//
// Both are data files (formats: engine/report/FORMATS.md, schemas next to this file):
// a form lists the indicators every unit reports and names its unit list, which sits
// next to it. A unit list may say which pre-2025 units were merged into each unit, so a
// later campaign can accept a report still signed by a former unit.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::report {

struct Indicator {
    std::string code;   // "doan_vien_moi": the key in a unit report's data.indicators
    std::string label;  // "Số đoàn viên kết nạp mới"
    std::string unit;   // đơn vị tính: "người"
    bool decimal = false;  // type "decimal" (else "integer": a count, never negative)
};

struct Unit {
    std::string code;  // "27"
    std::string name;  // proper name, the sort key: "Bắc Ninh", "Hồ Chí Minh"
    std::string kind;  // "tinh", "thanh-pho", "nganh", "tong-cong-ty"
};

// A unit that no longer exists, and the unit it was merged into.
struct FormerUnit {
    std::string code;  // its own (old) code
    std::string name;
    std::size_t into = 0;  // index into UnitList::units
};

struct UnitList {
    std::string file;             // for messages: "units-2009.json"
    std::vector<Unit> units;      // in file order
    std::vector<FormerUnit> former;

    std::optional<std::size_t> find(std::string_view code) const;
};

struct Form {
    std::string file;  // as given, for messages
    std::string id;    // "so-ket-nq20"
    std::string title;
    std::string period_from, period_to;  // YYYY-MM-DD
    std::string deadline;                // YYYY-MM-DD: reports dated later are late
    std::vector<Indicator> indicators;
    std::vector<std::string> sections;   // the report's sections, in order
    UnitList units;
    std::filesystem::path units_file;    // where the unit list was read from
    // How the national summary is issued: template, issuer, symbol, place, subject,
    // signers, distribution, intro paragraphs … (FORMATS.md); copied into its document.
    nlohmann::json summary = nlohmann::json::object();
    // The template of a unit's report ("templates": {"unit": …}); empty when not named.
    std::string unit_template;
};

// Whether `d` looks like a calendar date YYYY-MM-DD (month 1–12, day 1–31).
bool is_iso_date(std::string_view d);

// Parses a unit list. Throws vanban::Error naming `file` and a JSON Pointer.
UnitList parse_units(std::string_view json, const std::string& file);

// Parses a form; its unit list is read from `units` relative to `form_dir`.
Form parse_form(std::string_view json, const std::string& file, const std::filesystem::path& form_dir);

// Parses a form whose unit list is given as bytes (a campaign in the store keeps both).
Form parse_form_with_units(std::string_view json, const std::string& file, std::string_view units_json,
                           const std::string& units_file);

// The name of the unit list a form names (its "units" field).
std::string form_units_name(std::string_view json, const std::string& file);

// Reads and parses a form file.
Form load_form(const std::filesystem::path& file);

}  // namespace vanban::report
