// The campaign routes of `vanban serve`, without the HTTP (as api.h): each is a
// function from a CampaignRequest to a Reply. campaign_routes.cpp wires them to
// cpp-httplib. Routes (README "Reporting campaigns"):
//
//   GET  /api/campaigns/{id}/form                  unit or admin
//   GET  /api/campaigns/{id}/form.xlsx?unit=XX     unit (its own) or admin
//   PUT  /api/campaigns/{id}/reports/{unit}        JSON or the filled XLSX; unit (its own) or admin
//   GET  /api/campaigns/{id}/reports/{unit}[?version=N]        the JSON
//   GET  /api/campaigns/{id}/reports/{unit}.pdf[?version=N]    its PDF/A
//   PUT  /api/campaigns/{id}/reports/{unit}.pdf    that PDF/A signed by the unit (PAdES)
//   GET  /api/campaigns/{id}/reports/{unit}/versions
//   GET  /api/campaigns/{id}/status                admin
//   GET  /api/campaigns/{id}/summary?format=pdf|docx|json|csv|xlsx   admin
//   GET  /api/campaigns/{id}/export                admin: zip for the archive
//   POST /api/campaigns/{id}/unit-report?unit=XX   admin: the totals as a report upward
//   POST/GET/DELETE /api/campaigns/{id}/session    the pages' cookie login
//
// 401 without a valid code (unknown, revoked, another campaign's); 403 when the code
// may not do this (a unit code on another unit or an admin route); 404 no such
// campaign, unit or version; 422 a report the form refuses (pointer or cell named).
#pragma once

#include "render/engine.h"
#include "server/api.h"
#include "server/campaign_service.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>

namespace vanban::server {

struct CampaignRequest {
    std::string campaign;
    std::string unit;
    std::string code;  // the access code: Authorization: Bearer …, else the session cookie
    std::string body;
    std::string content_type;
    std::map<std::string, std::string> params;

    std::string param(const std::string& k) const {
        const auto it = params.find(k);
        return it == params.end() ? std::string() : it->second;
    }
};

// The name of the cookie that carries a campaign's access code for its pages.
std::string session_cookie_name(const std::string& campaign);

class CampaignApi {
public:
    CampaignApi(const Engine& engine, CampaignService& service) : engine_(engine), service_(service) {}

    Reply form(const CampaignRequest& r) const;
    Reply form_xlsx(const CampaignRequest& r) const;
    Reply put_report(const CampaignRequest& r) const;
    Reply get_report(const CampaignRequest& r) const;
    Reply get_pdf(const CampaignRequest& r) const;
    // The latest version's PDF/A with the unit's signature appended (incremental update):
    // checked against `vanban serve --trust` and recorded; 201 valid, 422 not.
    Reply put_signed_pdf(const CampaignRequest& r) const;
    Reply versions(const CampaignRequest& r) const;
    Reply status(const CampaignRequest& r) const;
    Reply summary(const CampaignRequest& r) const;
    Reply export_zip(const CampaignRequest& r) const;
    // This campaign's totals as unit ?unit=CODE's report to a parent campaign; body
    // {"form": parent form.json, "units": its unit list} (upward reporting).
    Reply unit_report(const CampaignRequest& r) const;
    Reply session_open(const CampaignRequest& r) const;   // body {"code": …} → Set-Cookie
    Reply session_show(const CampaignRequest& r) const;   // who the cookie is
    Reply session_close(const CampaignRequest& r) const;  // clears the cookie

    CampaignService& service() const { return service_; }

private:
    // The caller's access, or the 401/403/404 reply. `unit` non-empty: the caller must
    // be that unit or an admin; `admin_only`: an admin.
    struct Caller {
        std::optional<store::Access> access;
        std::optional<Reply> refusal;
        std::shared_ptr<const report::Form> form;
    };
    Caller authorise(const CampaignRequest& r, bool admin_only) const;
    // The document a unit's new report starts from: its latest version, else the skeleton.
    nlohmann::json base_document(const CampaignRequest& r, const report::Form& form, const std::string& unit) const;
    Reply store_report(const CampaignRequest& r, const store::Access& who, const report::Form& form,
                       const std::string& json) const;

    const Engine& engine_;
    CampaignService& service_;
};

// The filled XLSX form (form.xlsx) read back as a unit report JSON: the header fields
// and the figures as the cells' text. Throws vanban::Error naming the cell
// ("Biểu mẫu!C7: \"12a\" is not a whole number").
// `base` is the document the header comes from: the unit's previous version, else
// report_skeleton().
std::string xlsx_report(std::string_view xlsx, const report::Form& form, const report::Unit& unit,
                        const nlohmann::json& base);

// The biểu mẫu as a workbook for `unit`, its header fields prefilled from `base`.
std::string form_workbook(const report::Form& form, const report::Unit& unit, const nlohmann::json& base);

// "I. Công tác triển khai …": the i-th section's title with its Roman numeral.
std::string section_heading(const report::Form& form, std::size_t i);

// A unit report document to start from when a unit has none: the unit's header (its
// name as issuer), the form's title as subject, an empty body, every figure null.
nlohmann::json report_skeleton(const report::Form& form, const report::Unit& unit, const std::string& template_name);

// The signature of `unit`'s `version` for the status, from the store's latest_signatures():
// {"signature": "valid"|"invalid"|"unsigned", …} (campaign_signed.cpp).
nlohmann::json signature_status(const std::vector<store::SignatureRecord>& signatures, const std::string& unit,
                                int version);

// Vietnamese for the report checks' messages (unit_report.cpp), else message_vi().
std::string campaign_message_vi(const std::string& message);

// The JSON error reply of a diagnostic: 400 for a syntax error, else 422.
Reply campaign_error(const Diagnostic& d);

}  // namespace vanban::server
