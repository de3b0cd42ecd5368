// The national office's routes: who reported (status), the summary, the archive zip.
#include "server/campaign_api.h"

#include "docx/package.h"
#include "report/collate.h"
#include "report/upward.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace vanban::server {

namespace {

using nlohmann::json;

// Integer totals as JSON integers, decimals as their exact digits (as summary_json).
json total_json(const report::Amount& a, bool decimal) {
    if (decimal) return a.to_string();
    return std::stoll(a.to_string());
}

}  // namespace

Reply CampaignApi::status(const CampaignRequest& r) const {
    const Caller c = authorise(r, true);
    if (c.refusal) return *c.refusal;
    const report::Form& f = *c.form;
    const CampaignService::StoredSummary s = service_.summary(r.campaign);
    std::map<std::string, store::ReportVersion> latest;
    for (auto& v : service_.store().latest_all(r.campaign)) latest.emplace(v.unit, std::move(v));
    const std::vector<store::SignatureRecord> signatures = service_.store().latest_signatures(r.campaign);

    struct Row {
        std::string key;
        json j;
    };
    std::vector<Row> rows;
    std::size_t received = 0, late = 0, missing = 0;
    for (const report::Unit& u : f.units.units) {
        json j{{"code", u.code}, {"name", u.name}, {"kind", u.kind}};
        const auto it = latest.find(u.code);
        if (it == latest.end()) {
            j["status"] = "missing";
            j["status_vi"] = "chưa nộp";
            ++missing;
        } else {
            const store::ReportVersion& v = it->second;
            j["status"] = v.late ? "late" : "submitted";
            j["status_vi"] = v.late ? "nộp muộn" : "đã nộp";
            j["received_at"] = v.received_at;
            j["version"] = v.version;
            j["report_date"] = v.report_date;
            j["submitted_by"] = v.submitted_by;
            j["sha256"] = v.sha256;
            j["signature"] = signature_status(signatures, u.code, v.version);
            ++received;
            late += v.late ? 1 : 0;
        }
        rows.push_back({report::vi_sort_key(u.name), std::move(j)});
    }
    // Former units (the 2025 merger map): their reports are filed under the unit that
    // absorbed them; listed so nobody chases a unit that no longer exists.
    for (const report::FormerUnit& fu : f.units.former) {
        const report::Unit& into = f.units.units[fu.into];
        json j{{"code", fu.code}, {"name", fu.name}, {"status", "merged"}, {"status_vi", "sáp nhập"},
               {"merged_into", {{"code", into.code}, {"name", into.name}}}};
        rows.push_back({report::vi_sort_key(fu.name), std::move(j)});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.key < b.key; });
    json units = json::array();
    for (auto& row : rows) units.push_back(std::move(row.j));

    json totals = json::array();
    for (std::size_t i = 0; i < f.indicators.size(); ++i) {
        const report::Indicator& ind = f.indicators[i];
        totals.push_back({{"code", ind.code}, {"label", ind.label}, {"unit", ind.unit},
                          {"type", ind.decimal ? "decimal" : "integer"},
                          {"total", total_json(s.summary.totals[i], ind.decimal)},
                          {"reported_by", s.summary.reported_by[i]}});
    }
    json out{{"campaign", r.campaign}, {"title", f.title},        {"deadline", f.deadline},
             {"expected", f.units.units.size()}, {"received", received}, {"late", late},
             {"missing", missing},       {"merged", f.units.former.size()}, {"units", units},
             {"totals", totals}};
    Reply reply;
    reply.body = out.dump() + "\n";
    return reply;
}

Reply CampaignApi::summary(const CampaignRequest& r) const {
    const Caller c = authorise(r, true);
    if (c.refusal) return *c.refusal;
    const std::string format = r.param("format").empty() ? "pdf" : r.param("format");
    if (format != "pdf" && format != "docx" && format != "json" && format != "csv" && format != "xlsx") {
        return Api::error(400, "format must be pdf, docx, json, csv or xlsx, not '" + format.substr(0, 20) + "'");
    }
    const CampaignService::StoredSummary s = service_.summary(r.campaign);
    if (s.files.empty()) return Api::error(409, "no unit has reported yet: there is nothing to summarise");
    SummaryFile file;
    try {
        file = CampaignService::summary_file(engine_, s, format);
    } catch (const Error& e) {
        return campaign_error(e.diagnostic());
    }
    Reply reply;
    reply.content_type = file.content_type;
    reply.body = std::move(file.bytes);
    reply.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file.file_name + "\"");
    reply.headers.emplace_back("X-Vanban-Reports", std::to_string(s.files.size()));
    return reply;
}

Reply CampaignApi::unit_report(const CampaignRequest& r) const {
    const Caller c = authorise(r, true);
    if (c.refusal) return *c.refusal;
    const std::string code = r.param("unit");
    if (code.empty()) return Api::error(400, "unit-report needs ?unit=CODE (this office's code in the parent campaign)");
    json body;
    try {
        body = json::parse(r.body);
    } catch (const json::exception&) {
        return Api::error(400, "expected {\"form\": the parent form.json, \"units\": its unit list}");
    }
    if (!body.is_object() || !body.contains("form") || !body.contains("units")) {
        return Api::error(400, "expected {\"form\": the parent form.json, \"units\": its unit list}");
    }
    try {
        const report::Form parent =
            report::parse_form_with_units(body["form"].dump(), "parent form.json", body["units"].dump(), "parent units.json");
        const CampaignService::StoredSummary s = service_.summary(r.campaign);
        Reply reply;
        reply.body = report::upward_report(*s.form, s.summary, parent, code).dump(1) + "\n";
        reply.headers.emplace_back("Content-Disposition", "attachment; filename=\"bc-" + code + ".json\"");
        return reply;
    } catch (const Error& e) {
        return campaign_error(e.diagnostic());
    }
}

Reply CampaignApi::export_zip(const CampaignRequest& r) const {
    const Caller c = authorise(r, true);
    if (c.refusal) return *c.refusal;
    const auto stored = service_.store().campaign(r.campaign);
    const CampaignService::StoredSummary s = service_.summary(r.campaign);
    // Laid out so that `vanban summarize --form form.json bc-*.json` run inside the
    // unpacked directory gives the same summary bytes (README "Reporting campaigns").
    std::vector<docx::Part> parts;
    parts.push_back({"form.json", stored->form_json});
    parts.push_back({stored->units_name, stored->units_json});
    // A report whose PDF came back validly signed is archived signed (the signed file is
    // the PDF/A plus the signature), so `vanban summarize --require-signed` runs on it too.
    std::map<std::string, std::string> signed_pdf;
    for (const auto& sig : service_.store().latest_signatures(r.campaign)) {
        if (sig.valid) signed_pdf[sig.unit + "/" + std::to_string(sig.version)] = sig.pdf_sha256;
    }
    for (const auto& v : service_.store().latest_all(r.campaign)) {
        parts.push_back({report_file_name(v.unit), v.json});
        const auto sig = signed_pdf.find(v.unit + "/" + std::to_string(v.version));
        parts.push_back({"bc-" + v.unit + ".pdf", service_.files().get(sig != signed_pdf.end() ? sig->second : v.pdf_sha256)});
    }
    if (!s.files.empty()) {
        try {
            for (const char* format : {"pdf", "docx", "json", "csv", "xlsx"}) {
                SummaryFile f = CampaignService::summary_file(engine_, s, format);
                parts.push_back({f.file_name, std::move(f.bytes)});
            }
        } catch (const Error& e) {
            return campaign_error(e.diagnostic());
        }
    }
    Reply reply;
    reply.content_type = "application/zip";
    reply.body = docx::zip_package(parts);
    reply.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + r.campaign + "-luu-tru.zip\"");
    return reply;
}

}  // namespace vanban::server
