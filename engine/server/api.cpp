#include "server/api.h"

#include "fonts/font_set.h"
#include "lint/lint.h"
#include "server/file_name.h"
#include "server/messages_vi.h"
#include "server/request_policy.h"
#include "template/template_library.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <ctime>
#include <regex>

namespace vanban::server {

namespace {

using nlohmann::json;

json error_json(const std::string& message, const std::string& pointer, int line, int column) {
    return {{"error", message},
            {"message_vi", message_vi(message, line, column)},
            {"pointer", pointer},
            {"line", line},
            {"column", column}};
}

json diagnostic_json(const Diagnostic& d) {
    json j = error_json(d.message, d.pointer, d.line, d.column);
    // A template's own error names the template file (not the request's document), and
    // is not a "JSON syntax" error of the clerk's document.
    if (!d.file.empty() && d.file != kRequestFileName) {
        j["file"] = d.file;
        j["message_vi"] = "Mẫu văn bản " + d.file + " bị lỗi (dòng " + std::to_string(d.line) +
                          "); hãy chọn mẫu khác hoặc báo cho người quản trị.";
    }
    return j;
}

// The document keys, in the order of the input format.
constexpr std::array<std::string_view, 19> kDocumentKeys = {
    "template", "issuer",  "number",       "symbol",          "place",   "date",  "kind",       "subject", "recipients",
    "enacting_authority", "bases", "body", "signers", "distribution", "confidentiality", "urgency", "draft", "appendices", "data"};

std::string title_of(const std::string& name, const std::string& kind_default) {
    static const std::vector<std::pair<std::string_view, std::string_view>> known = {
        {"cong-van", "Công văn"},     {"bao-cao", "Báo cáo"},       {"to-trinh", "Tờ trình"},
        {"ke-hoach", "Kế hoạch"},     {"thong-bao", "Thông báo"},   {"quyet-dinh", "Quyết định"},
        {"bao-cao-tong-hop", "Báo cáo tổng hợp"},
    };
    for (const auto& [n, t] : known) {
        if (n == name) return std::string(t);
    }
    if (kind_default.empty()) return name;
    // "BÁO CÁO" → "Báo cáo"
    std::u32string k = text::to_u32(text::lower_vi(kind_default));
    const std::u32string first = text::to_u32(text::upper_vi(text::to_utf8(k.substr(0, 1))));
    return text::to_utf8(first + k.substr(1));
}

json describe_template(const tmpl::TemplateLibrary& lib, const std::string& name, const Api& api) {
    json t{{"name", name}};
    std::shared_ptr<const tmpl::CompiledTemplate> compiled;
    try {
        compiled = lib.get(name);
    } catch (const Error& e) {
        t["title"] = name;
        t["error"] = api.hide_paths(e.what());
        return t;
    }
    const std::string& src = compiled->source();

    std::string description;
    if (const auto open = src.find("{{!"); open != std::string::npos) {
        const auto close = src.find("}}", open);
        std::string c = src.substr(open + 3, close == std::string::npos ? std::string::npos : close - open - 3);
        std::replace_if(c.begin(), c.end(), [](char ch) { return ch == '\n' || ch == '\r' || ch == '\t'; }, ' ');
        for (char ch : c) {
            if (ch == ' ' && (description.empty() || description.back() == ' ')) continue;
            description.push_back(ch);
        }
        while (!description.empty() && description.back() == ' ') description.pop_back();
    }
    std::string kind_default;
    static const std::regex kind_re(R"re(<kind default="([^"]*)")re");
    std::smatch m;
    if (std::regex_search(src, m, kind_re)) kind_default = m[1];

    static const std::regex tag_re(R"(\{\{\s*[#^/&]?\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\})");
    std::vector<std::string> used, data_fields;
    for (auto it = std::sregex_iterator(src.begin(), src.end(), tag_re); it != std::sregex_iterator(); ++it) {
        const std::string path = (*it)[1];
        used.push_back(path.substr(0, path.find('.')));
        if (path.rfind("data.", 0) == 0 && std::find(data_fields.begin(), data_fields.end(), path.substr(5)) ==
                                               data_fields.end()) {
            data_fields.push_back(path.substr(5));
        }
    }
    json fields = json::array();
    for (const auto key : kDocumentKeys) {
        if (key == "template" || std::find(used.begin(), used.end(), key) != used.end()) fields.push_back(key);
    }
    t["title"] = title_of(name, kind_default);
    t["kind"] = kind_default;
    t["description"] = description;
    t["fields"] = fields;
    t["data_fields"] = data_fields;
    return t;
}

}  // namespace

Api::Api(const Engine& engine, ApiOptions options) : engine_(engine), options_(options) {
    for (const auto& d : engine_.templates().dirs()) {
        template_dirs_.push_back(d.string());
        std::error_code ec;
        const auto canonical = std::filesystem::weakly_canonical(d, ec);
        if (!ec && canonical != d) template_dirs_.push_back(canonical.string());
    }
}

std::string Api::hide_paths(std::string_view text) const { return server::hide_paths(text, template_dirs_); }

Diagnostic Api::public_diagnostic(const Diagnostic& d) const {
    Diagnostic out = d;
    out.message = hide_paths(d.message);
    out.file = relative_file(d.file, template_dirs_);
    return out;
}

Reply Api::error(int status, const std::string& message, const std::string& pointer, int line, int column) {
    Reply r;
    r.status = status;
    r.body = error_json(message, pointer, line, column).dump() + "\n";
    return r;
}

Reply Api::error(const Diagnostic& original) const {
    // Not a document at all (bad syntax, empty, not UTF-8): 400; a document with a
    // bad field, data a template refuses, or more than a limit allows: 422.
    const Diagnostic d = public_diagnostic(original);
    const bool syntax = d.line > 0 && (d.file.empty() || d.file == kRequestFileName);
    const bool whole = d.line == 0 && d.pointer.empty() && (d.file.empty() || d.file == kRequestFileName);
    const bool limit = d.message.find("than the limit of") != std::string::npos;
    Reply r;
    r.status = (syntax || whole) && !limit ? 400 : 422;
    r.body = diagnostic_json(d).dump() + "\n";
    return r;
}

Reply Api::render(std::string_view body, std::string_view format) const {
    if (format != "pdf" && format != "docx") {
        return error(400, "format must be pdf or docx, got '" + std::string(format.substr(0, 40)) + "'");
    }
    RenderRequest request;
    request.pdf = format == "pdf";
    request.docx = format == "docx";
    try {
        const Rendered r = engine_.render(body, kRequestFileName, request);
        Reply reply;
        if (request.pdf) {
            reply.content_type = "application/pdf";
            reply.body = r.pdf;
        } else {
            reply.content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            reply.body = r.docx;
        }
        const DownloadName name = download_name(r.model.number, r.model.symbol, r.model.subject, format);
        reply.headers.emplace_back("Content-Disposition", content_disposition(name));
        reply.headers.emplace_back("X-Vanban-Pages", std::to_string(r.layout.pages.size()));
        return reply;
    } catch (const RenderTimeout& e) {
        return error(503, e.diagnostic().message);
    } catch (const Error& e) {
        return error(e.diagnostic());
    }
}

Reply Api::check(std::string_view body) const {
    json out{{"valid", true}, {"error", nullptr}, {"pages", 0}};
    try {
        const Rendered r = engine_.render(body, kRequestFileName, RenderRequest{false, false, false});
        out["pages"] = r.layout.pages.size();
    } catch (const RenderTimeout& e) {
        return error(503, e.diagnostic().message);
    } catch (const Error& e) {
        out["valid"] = false;
        out["error"] = diagnostic_json(public_diagnostic(e.diagnostic()));
    }
    lint::LintOptions lo;
    lo.today = options_.today ? *options_.today : lint::today_utc();
    const fonts::FontSet& f = engine_.fonts();
    lo.has_glyph = [&f](char32_t c) {
        return f.has_glyph(fonts::Style::regular, c) && f.has_glyph(fonts::Style::bold, c) &&
               f.has_glyph(fonts::Style::italic, c);
    };
    json findings = json::array();
    for (const auto& finding : lint::lint_document(body, lo)) {
        json j = lint::to_json(finding);
        j["message_vi"] = lint_message_vi(finding.code);
        findings.push_back(std::move(j));
    }
    out["findings"] = std::move(findings);
    Reply reply;
    reply.body = out.dump() + "\n";
    return reply;
}

Reply Api::templates() const {
    const tmpl::TemplateLibrary& lib = engine_.templates();
    json list = json::array();
    for (const auto& name : lib.names()) list.push_back(describe_template(lib, name, *this));
    Reply reply;
    reply.body = json{{"templates", list}}.dump() + "\n";
    return reply;
}

}  // namespace vanban::server
