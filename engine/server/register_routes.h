// The register of outgoing documents (store/register.h) in `vanban serve --data DIR`, as
// a route group (routes.h) for the clerk's "Cấp số" button:
//
//   GET  /api/register        → {"available", "organisation", "year", "books": [{"name", "title"}]}
//   POST /api/register/next   {"symbol", "book"?, "date"?, "type"?, "subject"?, "signer"?, "recipients"?}
//                             → {"number", "number_text", "number_symbol", "date", "year", "book", "message_vi"}
//
// Numbers come from the same store and transaction as `vanban register next` (BEGIN
// IMMEDIATE), so server threads and other processes never get the same one, and a
// number given is never given again. Both routes are costly and need a token when the
// server has --auth-file, like rendering; without one the server is loopback-only.
#pragma once

#include "server/routes.h"

#include <filesystem>
#include <memory>

namespace vanban::server {

// The register of one data directory; shared by the route group.
struct RegisterDesk;

// Opens the data directory (created on first use); the register may still be unset
// (`vanban register init`): GET /api/register then says it is not available.
std::shared_ptr<RegisterDesk> open_register_desk(const std::filesystem::path& data_dir);

// The register routes; `desk` must outlive the server.
void add_register_routes(Routes& routes, const RegisterDesk& desk);

}  // namespace vanban::server
