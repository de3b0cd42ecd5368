// Hooks the reporting campaigns (campaign_api.h) into `vanban serve`'s HTTP server.
#pragma once

#include "render/engine.h"

#include <httplib.h>

#include <filesystem>
#include <memory>

namespace vanban::server {

// Opens the data directory (created on first use) and adds the campaign routes and
// pages to `http`. The returned object owns the store and must outlive `http`'s use.
std::shared_ptr<void> add_campaign_routes(httplib::Server& http, const Engine& engine, const std::filesystem::path& data_dir);

}  // namespace vanban::server
