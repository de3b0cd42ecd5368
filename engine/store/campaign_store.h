// Reporting campaigns in the store: the campaign (its form and unit list), the access
// codes (mã truy cập) of its units and administrators, and every version of every
// unit's report with its rendered PDF/A.
//
// CampaignStore is the small interface the server and the CLI use; SqliteCampaignStore
// implements it on the embedded store (data_dir.h). A PostgreSQL backend implements the
// same interface. Access codes never reach the store: only their SHA-256 does.
#pragma once

#include "store/data_dir.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace vanban::store {

struct CampaignInfo {
    std::string id;          // "so-ket-nq20" (the form id; "-2", "-3" … when taken)
    std::string form_id;     // the form's own id, as unit reports name it
    std::string title;
    std::string deadline;    // YYYY-MM-DD
    std::string created_at;  // RFC 3339 UTC
};

// A campaign with what is needed to rebuild its report::Form.
struct StoredCampaign {
    CampaignInfo info;
    std::string form_json;   // form.json as registered
    std::string units_name;  // "units-2009.json", as the form names it
    std::string units_json;
};

// One unit the campaign expects (or a former unit merged into one, `merged_into` set).
struct CampaignUnit {
    std::string code, name, kind;
    std::string merged_into;  // code of the unit that absorbed it; empty for a current unit
};

// Who a valid access code belongs to.
struct Access {
    std::int64_t token_id = 0;
    std::string campaign;
    std::string unit;  // the unit's code; empty for an administrator
    bool admin = false;
    std::string label;  // "27" or "admin-1": who submitted, in the status
};

struct TokenInfo {
    std::int64_t id = 0;
    std::string unit;  // empty for admin
    bool admin = false;
    std::string label, created_at;
    bool revoked = false;
};

struct ReportVersion {
    std::string campaign, unit;
    int version = 0;           // 1, 2, 3 … per unit
    std::string sha256;        // of the report JSON as received
    std::string pdf_sha256;    // the rendered PDF/A in the file store
    std::string received_at;   // RFC 3339 UTC
    bool late = false;         // dated after the deadline
    std::string submitted_by;  // the access code's label
    std::string report_date;   // the report's own date, YYYY-MM-DD, or ""
    std::string json;          // filled by latest()/version() only
};

// The check of a signed PDF a unit sent for one of its versions (PUT …/reports/{unit}.pdf):
// its stored PDF/A with the unit's PAdES signature appended. A version without one is
// "unsigned" (JSON and XLSX submissions carry no signature).
struct SignatureRecord {
    std::string campaign, unit;
    int version = 0;
    bool valid = false;
    std::string detail;       // why not valid (vanban verify's first failed check); "" when valid
    std::string signer;       // the last signature's certificate subject
    std::string pdf_sha256;   // the signed PDF in the file store
    std::string verified_at;  // RFC 3339 UTC
};

// What submit() stored, or found already stored for the same bytes.
struct Submitted {
    ReportVersion version;
    bool created = false;  // false: the latest version already had these bytes
};

class CampaignStore {
public:
    virtual ~CampaignStore() = default;

    // Registers a campaign; its units are given as parsed from the unit list.
    virtual CampaignInfo create_campaign(const StoredCampaign& c, const std::vector<CampaignUnit>& units) = 0;
    virtual std::vector<CampaignInfo> list_campaigns() const = 0;
    virtual std::optional<StoredCampaign> campaign(const std::string& id) const = 0;
    virtual std::vector<CampaignUnit> units(const std::string& campaign) const = 0;

    // Stores the hashes of new codes (all in one transaction); returns their ids.
    struct NewToken {
        std::string unit;  // empty for admin
        bool admin = false;
        std::string label;
        std::string sha256;  // of the code
    };
    virtual std::vector<std::int64_t> add_tokens(const std::string& campaign, const std::vector<NewToken>& tokens) = 0;
    // Revokes the live codes of `units` (and the admin codes when `admin`); returns how many.
    virtual std::size_t revoke_tokens(const std::string& campaign, const std::vector<std::string>& units, bool admin) = 0;
    virtual std::size_t revoke_token_ids(const std::vector<std::int64_t>& ids) = 0;
    virtual std::vector<TokenInfo> tokens(const std::string& campaign) const = 0;
    // The live code whose SHA-256 is `code_sha256` for `campaign` (compared in constant time).
    virtual std::optional<Access> find_token(const std::string& campaign, const std::string& code_sha256) const = 0;

    // Stores a new version of `unit`'s report, unless its latest version has the same
    // bytes (then returns that one). The PDF must already be in the file store.
    // Durable when it returns: the transaction has committed with synchronous=FULL.
    virtual Submitted submit(ReportVersion v, const std::string& json) = 0;
    virtual std::optional<ReportVersion> latest(const std::string& campaign, const std::string& unit) const = 0;
    virtual std::optional<ReportVersion> version(const std::string& campaign, const std::string& unit, int n) const = 0;
    // Every version of a unit, oldest first (without their JSON).
    virtual std::vector<ReportVersion> versions(const std::string& campaign, const std::string& unit) const = 0;
    // The latest version of every unit that reported, by unit code (with their JSON).
    virtual std::vector<ReportVersion> latest_all(const std::string& campaign) const = 0;
    // Every version of every campaign (no JSON): for `vanban store check`.
    virtual std::vector<ReportVersion> all_versions() const = 0;

    // Records a signed PDF's check for a stored version (every check is kept).
    virtual void record_signature(const SignatureRecord& s) = 0;
    // The newest check of each unit's latest version, by unit code (units whose latest
    // version has none are absent: unsigned).
    virtual std::vector<SignatureRecord> latest_signatures(const std::string& campaign) const = 0;
};

// The embedded implementation. Its connection is shared by the server's threads, so
// every call holds one mutex: SQLite serialises writers anyway, and a transaction must
// not see another thread's statements.
class SqliteCampaignStore final : public CampaignStore {
public:
    // Migrates the "campaign" module of `db` to the newest schema.
    explicit SqliteCampaignStore(const Database& db);

    CampaignInfo create_campaign(const StoredCampaign& c, const std::vector<CampaignUnit>& units) override;
    std::vector<CampaignInfo> list_campaigns() const override;
    std::optional<StoredCampaign> campaign(const std::string& id) const override;
    std::vector<CampaignUnit> units(const std::string& campaign) const override;
    std::vector<std::int64_t> add_tokens(const std::string& campaign, const std::vector<NewToken>& tokens) override;
    std::size_t revoke_tokens(const std::string& campaign, const std::vector<std::string>& units, bool admin) override;
    std::size_t revoke_token_ids(const std::vector<std::int64_t>& ids) override;
    std::vector<TokenInfo> tokens(const std::string& campaign) const override;
    std::optional<Access> find_token(const std::string& campaign, const std::string& code_sha256) const override;
    Submitted submit(ReportVersion v, const std::string& json) override;
    std::optional<ReportVersion> latest(const std::string& campaign, const std::string& unit) const override;
    std::optional<ReportVersion> version(const std::string& campaign, const std::string& unit, int n) const override;
    std::vector<ReportVersion> versions(const std::string& campaign, const std::string& unit) const override;
    std::vector<ReportVersion> latest_all(const std::string& campaign) const override;
    std::vector<ReportVersion> all_versions() const override;
    void record_signature(const SignatureRecord& s) override;
    std::vector<SignatureRecord> latest_signatures(const std::string& campaign) const override;

private:
    const Database& db_;
    mutable std::mutex mu_;
};

// The current time as RFC 3339 UTC with milliseconds: "2026-12-02T08:15:30.123Z".
std::string now_rfc3339();

// A new random access code: 128 bits from OpenSSL's RAND_bytes, as 26 base32 letters
// in groups ("abcde-fghij-…"). Throws vanban::Error when the RNG fails.
std::string new_access_code();

// The SHA-256 under which a code is stored; spaces, dashes and case are ignored so a
// code read over the phone still works.
std::string access_code_hash(std::string_view code);

}  // namespace vanban::store
