#include "server/web_assets.h"

namespace vanban::server {

const WebAsset* find_asset(std::string_view path) {
    if (path == "/") path = "/index.html";
    for (const auto& a : detail::embedded_assets()) {
        if (a.path == path) return &a;
    }
    return nullptr;
}

}  // namespace vanban::server
