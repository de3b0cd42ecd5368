#include "store/campaign_store.h"

#include "core/diagnostic.h"
#include "store/blob_store.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace vanban::store {

namespace {

// Versioned schema of the "campaign" module (Database::migrate applies each once).
constexpr Migration kMigrations[] = {
    {1, R"sql(
CREATE TABLE campaigns (
  id         TEXT PRIMARY KEY,
  form_id    TEXT NOT NULL,
  title      TEXT NOT NULL,
  deadline   TEXT NOT NULL,
  form_json  TEXT NOT NULL,
  units_name TEXT NOT NULL,
  units_json TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE campaign_units (
  campaign    TEXT NOT NULL REFERENCES campaigns(id),
  code        TEXT NOT NULL,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL,
  merged_into TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (campaign, code, merged_into)
);
CREATE TABLE access_tokens (
  id         INTEGER PRIMARY KEY,
  campaign   TEXT NOT NULL REFERENCES campaigns(id),
  unit       TEXT NOT NULL DEFAULT '',
  admin      INTEGER NOT NULL CHECK (admin IN (0, 1)),
  label      TEXT NOT NULL,
  sha256     TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE report_versions (
  campaign     TEXT NOT NULL REFERENCES campaigns(id),
  unit         TEXT NOT NULL,
  version      INTEGER NOT NULL CHECK (version >= 1),
  sha256       TEXT NOT NULL,
  json         TEXT NOT NULL,
  pdf_sha256   TEXT NOT NULL,
  received_at  TEXT NOT NULL,
  late         INTEGER NOT NULL CHECK (late IN (0, 1)),
  report_date  TEXT NOT NULL,
  submitted_by TEXT NOT NULL,
  token_id     INTEGER REFERENCES access_tokens(id),
  PRIMARY KEY (campaign, unit, version)
);
)sql"},
    // Signed PDFs sent for a version (issue 17): each check kept, newest by id.
    {2, R"sql(
CREATE TABLE report_signatures (
  id          INTEGER PRIMARY KEY,
  campaign    TEXT NOT NULL,
  unit        TEXT NOT NULL,
  version     INTEGER NOT NULL,
  valid       INTEGER NOT NULL CHECK (valid IN (0, 1)),
  detail      TEXT NOT NULL,
  signer      TEXT NOT NULL,
  pdf_sha256  TEXT NOT NULL,
  verified_at TEXT NOT NULL,
  FOREIGN KEY (campaign, unit, version) REFERENCES report_versions(campaign, unit, version)
);
)sql"},
};

constexpr const char* kVersionColumns =
    "campaign, unit, version, sha256, pdf_sha256, received_at, late, submitted_by, report_date";

ReportVersion read_version(const Statement& q, bool with_json) {
    ReportVersion v;
    v.campaign = q.text(0);
    v.unit = q.text(1);
    v.version = static_cast<int>(q.integer(2));
    v.sha256 = q.text(3);
    v.pdf_sha256 = q.text(4);
    v.received_at = q.text(5);
    v.late = q.integer(6) != 0;
    v.submitted_by = q.text(7);
    v.report_date = q.text(8);
    if (with_json) v.json = q.text(9);
    return v;
}

CampaignInfo read_info(const Statement& q) {
    return CampaignInfo{q.text(0), q.text(1), q.text(2), q.text(3), q.text(4)};
}

}  // namespace

SqliteCampaignStore::SqliteCampaignStore(const Database& db) : db_(db) { db_.migrate("campaign", kMigrations); }

CampaignInfo SqliteCampaignStore::create_campaign(const StoredCampaign& c, const std::vector<CampaignUnit>& units) {
    std::lock_guard lock(mu_);
    CampaignInfo info = c.info;
    info.created_at = now_rfc3339();
    db_.transaction([&] {
        // The form's id names the campaign; a second campaign on the same form gets "-2" ….
        for (int n = 1;; ++n) {
            const std::string id = n == 1 ? c.info.form_id : c.info.form_id + "-" + std::to_string(n);
            auto q = db_.prepare("SELECT 1 FROM campaigns WHERE id = ?");
            q.bind(1, id);
            if (!q.step()) {
                info.id = id;
                break;
            }
        }
        auto ins = db_.prepare(
            "INSERT INTO campaigns (id, form_id, title, deadline, form_json, units_name, units_json, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        ins.bind(1, info.id).bind(2, info.form_id).bind(3, info.title).bind(4, info.deadline);
        ins.bind(5, c.form_json).bind(6, c.units_name).bind(7, c.units_json).bind(8, info.created_at).run();
        for (const CampaignUnit& u : units) {
            auto iu = db_.prepare("INSERT INTO campaign_units (campaign, code, name, kind, merged_into) VALUES (?, ?, ?, ?, ?)");
            iu.bind(1, info.id).bind(2, u.code).bind(3, u.name).bind(4, u.kind).bind(5, u.merged_into).run();
        }
    });
    return info;
}

std::vector<CampaignInfo> SqliteCampaignStore::list_campaigns() const {
    std::lock_guard lock(mu_);
    std::vector<CampaignInfo> out;
    auto q = db_.prepare("SELECT id, form_id, title, deadline, created_at FROM campaigns ORDER BY created_at, id");
    while (q.step()) out.push_back(read_info(q));
    return out;
}

std::optional<StoredCampaign> SqliteCampaignStore::campaign(const std::string& id) const {
    std::lock_guard lock(mu_);
    auto q = db_.prepare(
        "SELECT id, form_id, title, deadline, created_at, form_json, units_name, units_json FROM campaigns WHERE id = ?");
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    return StoredCampaign{read_info(q), q.text(5), q.text(6), q.text(7)};
}

std::vector<CampaignUnit> SqliteCampaignStore::units(const std::string& campaign) const {
    std::lock_guard lock(mu_);
    std::vector<CampaignUnit> out;
    auto q = db_.prepare("SELECT code, name, kind, merged_into FROM campaign_units WHERE campaign = ? ORDER BY rowid");
    q.bind(1, campaign);
    while (q.step()) out.push_back({q.text(0), q.text(1), q.text(2), q.text(3)});
    return out;
}

std::vector<std::int64_t> SqliteCampaignStore::add_tokens(const std::string& campaign, const std::vector<NewToken>& tokens) {
    std::lock_guard lock(mu_);
    std::vector<std::int64_t> ids;
    const std::string now = now_rfc3339();
    db_.transaction([&] {
        ids.clear();
        for (const NewToken& t : tokens) {
            auto q = db_.prepare(
                "INSERT INTO access_tokens (campaign, unit, admin, label, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)");
            q.bind(1, campaign).bind(2, t.unit).bind(3, std::int64_t{t.admin}).bind(4, t.label).bind(5, t.sha256);
            q.bind(6, now).run();
            ids.push_back(db_.last_insert_rowid());
        }
    });
    return ids;
}

std::size_t SqliteCampaignStore::revoke_tokens(const std::string& campaign, const std::vector<std::string>& units, bool admin) {
    std::lock_guard lock(mu_);
    std::size_t n = 0;
    const std::string now = now_rfc3339();
    db_.transaction([&] {
        n = 0;
        auto count = [&](Statement& q) {
            q.run();
            auto c = db_.prepare("SELECT changes()");
            c.step();
            n += static_cast<std::size_t>(c.integer(0));
        };
        for (const std::string& u : units) {
            auto q = db_.prepare(
                "UPDATE access_tokens SET revoked_at = ? WHERE campaign = ? AND unit = ? AND admin = 0 AND revoked_at IS NULL");
            q.bind(1, now).bind(2, campaign).bind(3, u);
            count(q);
        }
        if (admin) {
            auto q = db_.prepare("UPDATE access_tokens SET revoked_at = ? WHERE campaign = ? AND admin = 1 AND revoked_at IS NULL");
            q.bind(1, now).bind(2, campaign);
            count(q);
        }
    });
    return n;
}

std::size_t SqliteCampaignStore::revoke_token_ids(const std::vector<std::int64_t>& ids) {
    std::lock_guard lock(mu_);
    const std::string now = now_rfc3339();
    db_.transaction([&] {
        for (std::int64_t id : ids) {
            auto q = db_.prepare("UPDATE access_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL");
            q.bind(1, now).bind(2, id).run();
        }
    });
    return ids.size();
}

std::vector<TokenInfo> SqliteCampaignStore::tokens(const std::string& campaign) const {
    std::lock_guard lock(mu_);
    std::vector<TokenInfo> out;
    auto q = db_.prepare(
        "SELECT id, unit, admin, label, created_at, revoked_at IS NOT NULL FROM access_tokens WHERE campaign = ? ORDER BY id");
    q.bind(1, campaign);
    while (q.step()) out.push_back({q.integer(0), q.text(1), q.integer(2) != 0, q.text(3), q.text(4), q.integer(5) != 0});
    return out;
}

std::optional<Access> SqliteCampaignStore::find_token(const std::string& campaign, const std::string& code_sha256) const {
    std::lock_guard lock(mu_);
    // Looked up by hash (an index, not a secret); the match is then confirmed with
    // CRYPTO_memcmp so no comparison of secret-derived bytes ends early.
    auto q = db_.prepare(
        "SELECT id, campaign, unit, admin, label, sha256 FROM access_tokens "
        "WHERE sha256 = ? AND campaign = ? AND revoked_at IS NULL");
    q.bind(1, code_sha256).bind(2, campaign);
    if (!q.step()) return std::nullopt;
    const std::string stored = q.text(5);
    if (stored.size() != code_sha256.size() || CRYPTO_memcmp(stored.data(), code_sha256.data(), stored.size()) != 0) {
        return std::nullopt;
    }
    return Access{q.integer(0), q.text(1), q.text(2), q.integer(3) != 0, q.text(4)};
}

Submitted SqliteCampaignStore::submit(ReportVersion v, const std::string& json) {
    std::lock_guard lock(mu_);
    Submitted out;
    db_.transaction([&] {
        auto last = db_.prepare(std::string("SELECT ") + kVersionColumns +
                                " FROM report_versions WHERE campaign = ? AND unit = ? ORDER BY version DESC LIMIT 1");
        last.bind(1, v.campaign).bind(2, v.unit);
        int next = 1;
        if (last.step()) {
            ReportVersion prev = read_version(last, false);
            if (prev.sha256 == v.sha256) {  // a retry of the same bytes: the same version
                out = {std::move(prev), false};
                return;
            }
            next = prev.version + 1;
        }
        v.version = next;
        auto ins = db_.prepare(
            "INSERT INTO report_versions (campaign, unit, version, sha256, json, pdf_sha256, received_at, late, "
            "report_date, submitted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        ins.bind(1, v.campaign).bind(2, v.unit).bind(3, std::int64_t{v.version}).bind(4, v.sha256).bind(5, json);
        ins.bind(6, v.pdf_sha256).bind(7, v.received_at).bind(8, std::int64_t{v.late}).bind(9, v.report_date);
        ins.bind(10, v.submitted_by).run();
        out = {v, true};
    });
    return out;
}

std::optional<ReportVersion> SqliteCampaignStore::latest(const std::string& campaign, const std::string& unit) const {
    std::lock_guard lock(mu_);
    auto q = db_.prepare(std::string("SELECT ") + kVersionColumns +
                         ", json FROM report_versions WHERE campaign = ? AND unit = ? ORDER BY version DESC LIMIT 1");
    q.bind(1, campaign).bind(2, unit);
    if (!q.step()) return std::nullopt;
    return read_version(q, true);
}

std::optional<ReportVersion> SqliteCampaignStore::version(const std::string& campaign, const std::string& unit, int n) const {
    std::lock_guard lock(mu_);
    auto q = db_.prepare(std::string("SELECT ") + kVersionColumns +
                         ", json FROM report_versions WHERE campaign = ? AND unit = ? AND version = ?");
    q.bind(1, campaign).bind(2, unit).bind(3, std::int64_t{n});
    if (!q.step()) return std::nullopt;
    return read_version(q, true);
}

std::vector<ReportVersion> SqliteCampaignStore::versions(const std::string& campaign, const std::string& unit) const {
    std::lock_guard lock(mu_);
    std::vector<ReportVersion> out;
    auto q = db_.prepare(std::string("SELECT ") + kVersionColumns +
                         " FROM report_versions WHERE campaign = ? AND unit = ? ORDER BY version");
    q.bind(1, campaign).bind(2, unit);
    while (q.step()) out.push_back(read_version(q, false));
    return out;
}

std::vector<ReportVersion> SqliteCampaignStore::latest_all(const std::string& campaign) const {
    std::lock_guard lock(mu_);
    std::vector<ReportVersion> out;
    auto q = db_.prepare(std::string("SELECT ") + kVersionColumns +
                         ", json FROM report_versions r WHERE campaign = ? AND version = "
                         "(SELECT MAX(version) FROM report_versions WHERE campaign = r.campaign AND unit = r.unit) "
                         "ORDER BY unit");
    q.bind(1, campaign);
    while (q.step()) out.push_back(read_version(q, true));
    return out;
}

std::vector<ReportVersion> SqliteCampaignStore::all_versions() const {
    std::lock_guard lock(mu_);
    std::vector<ReportVersion> out;
    auto q = db_.prepare(std::string("SELECT ") + kVersionColumns + ", json FROM report_versions ORDER BY campaign, unit, version");
    while (q.step()) out.push_back(read_version(q, true));
    return out;
}

void SqliteCampaignStore::record_signature(const SignatureRecord& r) {
    std::lock_guard lock(mu_);
    db_.transaction([&] {
        auto q = db_.prepare(
            "INSERT INTO report_signatures (campaign, unit, version, valid, detail, signer, pdf_sha256, verified_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        q.bind(1, r.campaign).bind(2, r.unit).bind(3, std::int64_t{r.version}).bind(4, std::int64_t{r.valid});
        q.bind(5, r.detail).bind(6, r.signer).bind(7, r.pdf_sha256).bind(8, r.verified_at).run();
    });
}

std::vector<SignatureRecord> SqliteCampaignStore::latest_signatures(const std::string& campaign) const {
    std::lock_guard lock(mu_);
    std::vector<SignatureRecord> out;
    auto q = db_.prepare(
        "SELECT campaign, unit, version, valid, detail, signer, pdf_sha256, verified_at FROM report_signatures s "
        "WHERE campaign = ? AND id = (SELECT MAX(id) FROM report_signatures WHERE campaign = s.campaign AND unit = s.unit) "
        "AND version = (SELECT MAX(version) FROM report_versions WHERE campaign = s.campaign AND unit = s.unit) "
        "ORDER BY unit");
    q.bind(1, campaign);
    while (q.step()) {
        out.push_back({q.text(0), q.text(1), static_cast<int>(q.integer(2)), q.integer(3) != 0, q.text(4), q.text(5),
                       q.text(6), q.text(7)});
    }
    return out;
}

std::string now_rfc3339() {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const std::time_t t = system_clock::to_time_t(now);
    const auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
    return buf;
}

std::string new_access_code() {
    std::array<unsigned char, 16> bytes{};  // 128 bits
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        fail_at_pointer("", "", "cannot make an access code: OpenSSL's random generator failed");
    }
    // Base32 without look-alikes' trouble: RFC 4648 lower case, 26 letters for 128 bits.
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    std::string letters;
    unsigned buffer = 0;
    int bits = 0;
    for (unsigned char b : bytes) {
        buffer = (buffer << 8) | b;
        bits += 8;
        while (bits >= 5) {
            letters += alphabet[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0) letters += alphabet[(buffer << (5 - bits)) & 31];
    std::string code;
    for (std::size_t i = 0; i < letters.size(); ++i) {
        if (i && i % 5 == 0) code += '-';
        code += letters[i];
    }
    return code;
}

std::string access_code_hash(std::string_view code) {
    std::string canonical;
    for (char c : code) {
        if (c == '-' || c == ' ' || c == '\t') continue;
        canonical += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return sha256_hex(canonical);
}

}  // namespace vanban::store
