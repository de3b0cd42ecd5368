// The campaign routes (campaign_api.h) and pages (/c/{id}, /c/{id}/admin) on cpp-httplib.
#include "server/campaign_routes.h"

#include "server/campaign_api.h"
#include "server/web_assets.h"

namespace vanban::server {

namespace {

constexpr const char* kPagePolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "frame-src 'self' blob:; object-src 'self' blob:; connect-src 'self' blob:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'";

struct Campaigns {
    explicit Campaigns(const Engine& engine, const std::filesystem::path& dir) : service(dir), api(engine, service) {}
    CampaignService service;
    CampaignApi api;
};

void send(httplib::Response& res, const Reply& reply) {
    res.status = reply.status;
    for (const auto& [k, v] : reply.headers) res.set_header(k, v);
    res.set_content(reply.body, reply.content_type);
}

// The access code of a request: "Authorization: Bearer CODE", else the page's cookie.
std::string access_code(const httplib::Request& req, const std::string& campaign) {
    const std::string auth = req.get_header_value("Authorization");
    if (auth.rfind("Bearer ", 0) == 0) return auth.substr(7);
    const std::string cookies = req.get_header_value("Cookie");
    const std::string name = session_cookie_name(campaign) + "=";
    for (std::size_t at = 0; at < cookies.size();) {
        while (at < cookies.size() && (cookies[at] == ' ' || cookies[at] == ';')) ++at;
        const auto end = std::min(cookies.find(';', at), cookies.size());
        if (cookies.compare(at, name.size(), name) == 0) return cookies.substr(at + name.size(), end - at - name.size());
        at = end;
    }
    return "";
}

CampaignRequest request_of(const httplib::Request& req) {
    CampaignRequest r;
    r.campaign = req.matches.size() > 1 ? req.matches[1].str() : "";
    r.unit = req.matches.size() > 2 ? req.matches[2].str() : "";
    r.code = access_code(req, r.campaign);
    r.body = req.body;
    r.content_type = req.get_header_value("Content-Type");
    for (const auto& [k, v] : req.params) r.params.emplace(k, v);
    return r;
}

using Handler = Reply (CampaignApi::*)(const CampaignRequest&) const;

httplib::Server::Handler route(const CampaignApi& api, Handler h) {
    return [&api, h](const httplib::Request& req, httplib::Response& res) { send(res, (api.*h)(request_of(req))); };
}

void page(httplib::Server& http, const std::string& pattern, const char* asset_path) {
    http.Get(pattern, [asset_path](const httplib::Request&, httplib::Response& res) {
        const WebAsset* asset = find_asset(asset_path);
        if (!asset) {
            send(res, Api::error(404, std::string("page missing from this build: ") + asset_path));
            return;
        }
        res.set_header("Content-Security-Policy", kPagePolicy);
        res.set_content(std::string(asset->bytes), std::string(asset->content_type));
    });
}

}  // namespace

std::shared_ptr<void> add_campaign_routes(httplib::Server& http, const Engine& engine, const std::filesystem::path& data_dir) {
    auto c = std::make_shared<Campaigns>(engine, data_dir);
    const CampaignApi& api = c->api;
    const std::string id = "/api/campaigns/([A-Za-z0-9_-]{1,64})";
    const std::string unit = "/reports/([A-Za-z0-9_-]{1,32})";
    http.Get(id + "/form", route(api, &CampaignApi::form));
    http.Get(id + "/form\\.xlsx", route(api, &CampaignApi::form_xlsx));
    http.Put(id + unit, route(api, &CampaignApi::put_report));
    http.Get(id + unit, route(api, &CampaignApi::get_report));
    http.Get(id + unit + "\\.pdf", route(api, &CampaignApi::get_pdf));
    http.Get(id + unit + "/versions", route(api, &CampaignApi::versions));
    http.Get(id + "/status", route(api, &CampaignApi::status));
    http.Get(id + "/summary", route(api, &CampaignApi::summary));
    http.Get(id + "/export", route(api, &CampaignApi::export_zip));
    http.Post(id + "/unit-report", route(api, &CampaignApi::unit_report));
    http.Post(id + "/session", route(api, &CampaignApi::session_open));
    http.Get(id + "/session", route(api, &CampaignApi::session_show));
    http.Delete(id + "/session", route(api, &CampaignApi::session_close));
    page(http, "/c/[A-Za-z0-9_-]{1,64}/?", "/campaign.html");
    page(http, "/c/[A-Za-z0-9_-]{1,64}/admin/?", "/admin.html");
    return c;
}

}  // namespace vanban::server
