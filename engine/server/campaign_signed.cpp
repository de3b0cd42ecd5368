// A unit's signed report: the PDF/A the server rendered for its latest version, signed
// by the unit (NĐ 30 Điều 5: the electronic report's legal force) with any PAdES tool
// and sent back. The signature must be an incremental update on exactly those bytes,
// so the signed PDF is bound to the figures that were summed.
#include "server/campaign_api.h"

#include "sign/verify.h"
#include "store/blob_store.h"

#include <nlohmann/json.hpp>

namespace vanban::server {

namespace {

nlohmann::json signature_json(const store::SignatureRecord& s) {
    return {{"unit", s.unit},
            {"version", s.version},
            {"signature", s.valid ? "valid" : "invalid"},
            {"detail", s.detail},
            {"signer", s.signer},
            {"signed_pdf_sha256", s.pdf_sha256},
            {"verified_at", s.verified_at}};
}

}  // namespace

Reply CampaignApi::put_signed_pdf(const CampaignRequest& r) const {
    const Caller c = authorise(r, false);
    if (c.refusal) return *c.refusal;
    if (r.body.rfind("%PDF-", 0) != 0) return Api::error(400, "expected the signed PDF of the report (application/pdf)");
    const auto latest = service_.store().latest(r.campaign, r.unit);
    if (!latest) return Api::error(404, "unit " + r.unit + " has not reported yet: send the report, then its signed PDF");
    const std::string original = service_.files().get(latest->pdf_sha256);
    if (r.body.size() <= original.size() || r.body.compare(0, original.size(), original) != 0) {
        return Api::error(422, "this PDF is not version " + std::to_string(latest->version) +
                                   "'s PDF/A with a signature appended: download reports/" + r.unit +
                                   ".pdf, sign it and send that file");
    }
    const std::string file = "bc-" + r.unit + "-v" + std::to_string(latest->version) + "-signed.pdf";
    const sign::VerifyReport report = sign::verify_pdf(r.body, file, service_.trust());
    store::SignatureRecord rec;
    rec.campaign = r.campaign;
    rec.unit = r.unit;
    rec.version = latest->version;
    rec.valid = report.valid();
    rec.detail = report.problem();
    if (!report.signatures.empty()) rec.signer = report.signatures.back().signer;
    // Kept even when it fails: the office sees what was sent and why it was refused.
    rec.pdf_sha256 = service_.files().put(r.body);
    rec.verified_at = store::now_rfc3339();
    service_.store().record_signature(rec);
    Reply reply;
    reply.status = rec.valid ? 201 : 422;
    nlohmann::json body = signature_json(rec);
    if (!rec.valid) body["error"] = "the signature does not verify: " + rec.detail;
    reply.body = body.dump() + "\n";
    return reply;
}

nlohmann::json signature_status(const std::vector<store::SignatureRecord>& signatures, const std::string& unit,
                                int version) {
    for (const auto& s : signatures) {
        if (s.unit == unit && s.version == version) return signature_json(s);
    }
    return {{"signature", "unsigned"}};
}

}  // namespace vanban::server
