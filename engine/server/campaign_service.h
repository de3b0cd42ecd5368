// Reporting campaigns as a service: what `vanban campaign …` and the campaign routes of
// `vanban serve` share — registering a form, issuing access codes, checking and storing
// a unit's report (with its PDF/A), and the national summary from the stored latest
// reports, made by the same engine/report calls as `vanban summarize` (same bytes).
#pragma once

#include "render/engine.h"
#include "report/form.h"
#include "report/summary.h"
#include "sign/verify.h"
#include "store/campaign_store.h"
#include "store/data_dir.h"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace vanban::server {

// One access code as issued: shown once (codes.csv), never stored.
struct IssuedCode {
    std::string unit;  // empty for an admin code
    std::string unit_name;
    bool admin = false;
    std::string label;
    std::string code;
    std::int64_t token_id = 0;
};

// The summary in one format, as `vanban summarize` writes it.
struct SummaryFile {
    std::string bytes;
    std::string content_type;
    std::string file_name;  // "so-ket-nq20-tong-hop.pdf"
};

// The report file name a stored report has in summaries and exports: "bc-27.json".
std::string report_file_name(const std::string& unit);

// Runs `write` on a fresh temporary file (for libraries that write only to paths) and
// returns what it wrote; the file is removed.
std::string written_via_temp_file(const std::function<void(const std::filesystem::path&)>& write);

class CampaignService {
public:
    // Opens (creating on first use) the data directory and migrates its schema.
    explicit CampaignService(const std::filesystem::path& data_dir);

    store::CampaignStore& store() { return *store_; }
    const store::CampaignStore& store() const { return *store_; }
    const store::BlobStore& files() const { return data_.files; }
    const store::DataDir& data() const { return data_; }

    // Registers the form at `form_file` (and the unit list it names). Throws vanban::Error.
    store::CampaignInfo create(const std::filesystem::path& form_file);

    // The campaign's form, parsed once; nullptr when there is no such campaign.
    std::shared_ptr<const report::Form> form(const std::string& campaign) const;

    // New codes for `units` (all current units when empty and !admin) and/or one admin
    // code; the hashes are committed before the codes are returned.
    std::vector<IssuedCode> issue_codes(const std::string& campaign, std::vector<std::string> units, bool admin);

    // The access a code gives to `campaign`, or nullopt (unknown, revoked, other campaign).
    std::optional<store::Access> authenticate(const std::string& campaign, std::string_view code) const;

    // The summary of the stored latest reports, and the report files it was made from
    // (named report_file_name(unit), in that name order: as `vanban summarize` reads a
    // directory of them).
    struct StoredSummary {
        std::shared_ptr<const report::Form> form;
        std::vector<report::ReportFile> files;
        report::Summary summary;
    };
    StoredSummary summary(const std::string& campaign) const;

    // The summary as a file: "pdf", "docx" (rendered by `engine`), "json", "csv", "xlsx".
    static SummaryFile summary_file(const Engine& engine, const StoredSummary& s, const std::string& format);

    // The trust anchors signed reports are checked against (`vanban serve --trust`);
    // set before the server starts, read-only afterwards.
    void set_trust(sign::VerifyOptions trust) { trust_ = std::move(trust); }
    const sign::VerifyOptions& trust() const { return trust_; }

private:
    sign::VerifyOptions trust_;
    store::DataDir data_;
    std::unique_ptr<store::CampaignStore> store_;
    mutable std::mutex forms_mu_;
    mutable std::map<std::string, std::shared_ptr<const report::Form>> forms_;
};

}  // namespace vanban::server
