// The web form's files (web/ in the source tree), embedded into the binary at build
// time by embed_web.cmake, so `vanban serve` needs no files next to it.
#pragma once

#include <string_view>
#include <vector>

namespace vanban::server {

struct WebAsset {
    std::string_view path;          // "/index.html", "/app.js"
    std::string_view content_type;  // "text/html; charset=utf-8"
    std::string_view bytes;
};

// The asset served at `path` ("/" is "/index.html"); nullptr when there is none.
const WebAsset* find_asset(std::string_view path);

namespace detail {
const std::vector<WebAsset>& embedded_assets();  // generated
}

}  // namespace vanban::server
