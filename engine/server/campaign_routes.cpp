// The campaign routes (campaign_api.h) and pages (/c/{id}, /c/{id}/admin).
#include "server/campaign_routes.h"

#include "server/campaign_api.h"
#include "server/web_assets.h"

#include <httplib.h>

namespace vanban::server {

struct Campaigns {
    Campaigns(const Engine& engine, const std::filesystem::path& dir) : service(dir), api(engine, service) {}
    CampaignService service;
    CampaignApi api;
};

namespace {

constexpr const char* kPagePolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "frame-src 'self' blob:; object-src 'self' blob:; connect-src 'self' blob:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'";

// The access code of a request: "Authorization: Bearer CODE", else the page's cookie.
std::string access_code(const Call& c, const std::string& campaign) {
    const std::string auth = c.header("Authorization");
    if (auth.rfind("Bearer ", 0) == 0) return auth.substr(7);
    const std::string cookies = c.header("Cookie");
    const std::string name = session_cookie_name(campaign) + "=";
    for (std::size_t at = 0; at < cookies.size();) {
        while (at < cookies.size() && (cookies[at] == ' ' || cookies[at] == ';')) ++at;
        const auto end = std::min(cookies.find(';', at), cookies.size());
        if (cookies.compare(at, name.size(), name) == 0) return cookies.substr(at + name.size(), end - at - name.size());
        at = end;
    }
    return "";
}

CampaignRequest request_of(const Call& c) {
    CampaignRequest r;
    r.campaign = c.match(1);
    r.unit = c.match(2);
    r.code = access_code(c, r.campaign);
    r.body = c.body;
    r.content_type = c.header("Content-Type");
    for (const auto& [k, v] : c.http.params) r.params.emplace(k, v);
    return r;
}

using Handler = Reply (CampaignApi::*)(const CampaignRequest&) const;

RouteHandler route(const CampaignApi& api, Handler h) {
    return [&api, h](const Call& c) { return (api.*h)(request_of(c)); };
}

// The campaign checks its own access codes (needs_token = false); reading or writing the
// store counts against the client's requests at once (costly).
constexpr RoutePolicy kStore{true, false, true};
constexpr RoutePolicy kUpload{true, false, false};  // a report as JSON or as the filled XLSX form
constexpr RoutePolicy kLight{false, false, true};

RouteHandler page(const char* asset_path) {
    return [asset_path](const Call&) {
        const WebAsset* asset = find_asset(asset_path);
        if (!asset) return Api::error(404, std::string("page missing from this build: ") + asset_path);
        Reply r;
        r.content_type = std::string(asset->content_type);
        r.body = std::string(asset->bytes);
        r.headers.emplace_back("Content-Security-Policy", kPagePolicy);
        return r;
    };
}

}  // namespace

std::shared_ptr<Campaigns> open_campaigns(const Engine& engine, const std::filesystem::path& data_dir) {
    return std::make_shared<Campaigns>(engine, data_dir);
}

void set_campaign_trust(Campaigns& campaigns, sign::VerifyOptions trust) { campaigns.service.set_trust(std::move(trust)); }

void add_campaign_routes(Routes& r, const Campaigns& campaigns) {
    const CampaignApi& api = campaigns.api;
    const std::string id = "/api/campaigns/([A-Za-z0-9_-]{1,64})";
    const std::string unit = "/reports/([A-Za-z0-9_-]{1,32})";
    r.get(id + "/form", route(api, &CampaignApi::form), kStore);
    r.get(id + "/form\\.xlsx", route(api, &CampaignApi::form_xlsx), kStore);
    r.put(id + unit, route(api, &CampaignApi::put_report), kUpload);
    r.get(id + unit, route(api, &CampaignApi::get_report), kStore);
    r.get(id + unit + "\\.pdf", route(api, &CampaignApi::get_pdf), kStore);
    r.put(id + unit + "\\.pdf", route(api, &CampaignApi::put_signed_pdf), kUpload);
    r.get(id + unit + "/versions", route(api, &CampaignApi::versions), kStore);
    r.get(id + "/status", route(api, &CampaignApi::status), kStore);
    r.get(id + "/summary", route(api, &CampaignApi::summary), kStore);
    r.get(id + "/export", route(api, &CampaignApi::export_zip), kStore);
    r.post(id + "/unit-report", route(api, &CampaignApi::unit_report), kStore);
    r.post(id + "/session", route(api, &CampaignApi::session_open), kLight);
    r.get(id + "/session", route(api, &CampaignApi::session_show), kLight);
    r.del(id + "/session", route(api, &CampaignApi::session_close), kLight);
    r.get("/c/[A-Za-z0-9_-]{1,64}/?", page("/campaign.html"), kLight);
    r.get("/c/[A-Za-z0-9_-]{1,64}/admin/?", page("/admin.html"), kLight);
}

}  // namespace vanban::server
