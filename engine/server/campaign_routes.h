// Hooks the reporting campaigns (campaign_api.h) into `vanban serve` as a route group
// (routes.h), so they get the server's policies: Host and Origin checks, body limits
// counted as read, deadlines, per-client concurrency, the request log.
#pragma once

#include "render/engine.h"
#include "server/routes.h"
#include "sign/verify.h"

#include <filesystem>
#include <memory>

namespace vanban::server {

// The campaign store and API of one data directory; shared by the route group.
struct Campaigns;

// Opens the data directory (created on first use).
std::shared_ptr<Campaigns> open_campaigns(const Engine& engine, const std::filesystem::path& data_dir);

// The trust anchors for the units' signed PDFs (`vanban serve --trust`); before serving.
void set_campaign_trust(Campaigns& campaigns, sign::VerifyOptions trust);

// The campaign routes and pages; `campaigns` must outlive the server.
void add_campaign_routes(Routes& routes, const Campaigns& campaigns);

}  // namespace vanban::server
