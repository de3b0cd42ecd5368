// The HTTP API of `vanban serve`, without the HTTP: each endpoint is a function from
// the request's body (and query) to a status, a Content-Type, headers and a body, so
// it can be tested without sockets. server.cpp wires these to cpp-httplib.
//
//   POST /api/render?format=pdf|docx   the document JSON → the file (attachment)
//   POST /api/check                    → {"valid", "error", "findings", "pages"}
//   GET  /api/templates                → {"templates": [{"name", "title", "fields", …}]}
//
// Errors are JSON {"error", "message_vi", "pointer", "line", "column"}: 400 for a
// request that is not a document at all (bad JSON syntax, wrong format parameter),
// 422 for a document with a bad field (the pointer names it) or over a limit (rows,
// pages), 503 for a render over its time limit; the policies (route_table.cpp) add 401,
// 403, 405, 411, 413, 415, 429. Bad input never gives 500.
#pragma once

#include "core/diagnostic.h"
#include "render/engine.h"
#include "text/text.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vanban::server {

struct Reply {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

struct ApiOptions {
    // The day lint judges "dated in the future" against; nullopt = today (UTC, or
    // SOURCE_DATE_EPOCH's day when set), computed per request.
    std::optional<text::Date> today;
};

// The name a request's document has in diagnostics.
inline constexpr const char* kRequestFileName = "document.json";

class Api {
public:
    explicit Api(const Engine& engine, ApiOptions options = {});

    Reply render(std::string_view json, std::string_view format) const;
    Reply check(std::string_view json) const;
    Reply templates() const;

    // `text` without the server's template directories (errors name templates relative
    // to their directory, never by an absolute server path).
    std::string hide_paths(std::string_view text) const;

    // A JSON error reply.
    static Reply error(int status, const std::string& message, const std::string& pointer = "", int line = 0,
                       int column = 0);
    // The reply for an engine diagnostic (400 syntax, 422 a field, a template or a limit),
    // with server paths hidden.
    Reply error(const Diagnostic& d) const;

private:
    Diagnostic public_diagnostic(const Diagnostic& d) const;

    const Engine& engine_;
    ApiOptions options_;
    std::vector<std::string> template_dirs_;
};

}  // namespace vanban::server
