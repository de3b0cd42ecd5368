// Who may do what, the form, the session cookie, and a unit's reports.
#include "server/campaign_api.h"

#include "report/collate.h"
#include "report/exact_json.h"
#include "report/unit_report.h"
#include "store/blob_store.h"
#include "text/text.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace vanban::server {

namespace {

using nlohmann::json;

Reply json_reply(int status, const json& j) {
    Reply r;
    r.status = status;
    r.body = j.dump() + "\n";
    return r;
}

json version_json(const store::ReportVersion& v) {
    return {{"unit", v.unit},          {"version", v.version},         {"sha256", v.sha256},
            {"pdf_sha256", v.pdf_sha256}, {"received_at", v.received_at}, {"late", v.late},
            {"report_date", v.report_date}, {"submitted_by", v.submitted_by}};
}

// Whether the body is a workbook (an .xlsx is a zip) rather than JSON.
bool is_xlsx(const CampaignRequest& r) {
    return r.body.rfind("PK\x03\x04", 0) == 0 || r.content_type.find("spreadsheetml") != std::string::npos;
}

// The unit report template the form names ("templates": {"unit": …}).
std::string unit_template(const store::CampaignStore& st, const std::string& campaign) {
    const auto stored = st.campaign(campaign);
    if (!stored) return "bao-cao";
    const json raw = report::parse_exact(stored->form_json, "form.json");
    const auto t = raw.find("templates");
    if (t != raw.end() && t->is_object() && t->contains("unit") && (*t)["unit"].is_string()) return (*t)["unit"];
    return "bao-cao";
}

}  // namespace

std::string session_cookie_name(const std::string& campaign) { return "vanban_" + campaign; }

CampaignApi::Caller CampaignApi::authorise(const CampaignRequest& r, bool admin_only) const {
    Caller c;
    c.form = service_.form(r.campaign);
    if (!c.form) {
        c.refusal = Api::error(404, "no campaign '" + r.campaign + "'");
        return c;
    }
    if (r.code.empty()) {
        c.refusal = Api::error(401, "an access code is needed (Authorization: Bearer CODE)");
        c.refusal->headers.emplace_back("WWW-Authenticate", "Bearer");
        return c;
    }
    c.access = service_.authenticate(r.campaign, r.code);
    if (!c.access) {
        c.refusal = Api::error(401, "this access code is not valid for campaign '" + r.campaign + "' (wrong or revoked)");
        c.refusal->headers.emplace_back("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        return c;
    }
    if (admin_only && !c.access->admin) {
        c.refusal = Api::error(403, "only the campaign's administrators may do this");
        return c;
    }
    if (!r.unit.empty()) {
        if (!c.form->units.find(r.unit)) {
            c.refusal = Api::error(404, "no unit '" + r.unit + "' in campaign '" + r.campaign + "'");
        } else if (!c.access->admin && c.access->unit != r.unit) {
            c.refusal = Api::error(403, "this access code belongs to unit " + c.access->unit + ", not " + r.unit);
        }
    }
    return c;
}

Reply CampaignApi::form(const CampaignRequest& r) const {
    const Caller c = authorise(r, false);
    if (c.refusal) return *c.refusal;
    const report::Form& f = *c.form;
    json inds = json::array();
    for (const auto& i : f.indicators) {
        inds.push_back({{"code", i.code}, {"label", i.label}, {"unit", i.unit}, {"type", i.decimal ? "decimal" : "integer"}});
    }
    json out{{"campaign", r.campaign},
             {"form", f.id},
             {"title", f.title},
             {"period", {{"from", f.period_from}, {"to", f.period_to}}},
             {"deadline", f.deadline},
             {"indicators", inds},
             {"sections", f.sections},
             {"template", unit_template(service_.store(), r.campaign)},
             {"role", c.access->admin ? "admin" : "unit"}};
    if (!c.access->admin) {
        const report::Unit& u = f.units.units[*f.units.find(c.access->unit)];
        out["unit"] = {{"code", u.code}, {"name", u.name}, {"kind", u.kind}};
        out["skeleton"] = report_skeleton(f, u, unit_template(service_.store(), r.campaign));
    } else {
        json units = json::array();
        for (const auto& u : f.units.units) units.push_back({{"code", u.code}, {"name", u.name}, {"kind", u.kind}});
        out["units"] = std::move(units);
    }
    return json_reply(200, out);
}

Reply CampaignApi::put_report(const CampaignRequest& r) const {
    const Caller c = authorise(r, false);
    if (c.refusal) return *c.refusal;
    if (r.body.empty()) return Api::error(400, "the request body is empty (expected a unit report JSON or the filled XLSX form)");
    if (!is_xlsx(r)) return store_report(r, *c.access, *c.form, r.body);
    std::string json_text;
    try {
        const report::Unit& u = c.form->units.units[*c.form->units.find(r.unit)];
        json_text = xlsx_report(r.body, *c.form, u, base_document(r, *c.form, r.unit));
    } catch (const Error& e) {
        return campaign_error(e.diagnostic());
    }
    return store_report(r, *c.access, *c.form, json_text);
}

json CampaignApi::base_document(const CampaignRequest& r, const report::Form& form, const std::string& unit) const {
    if (const auto last = service_.store().latest(r.campaign, unit)) {
        try {
            return report::parse_exact(last->json, report_file_name(unit));
        } catch (const Error&) {
            // Stored versions were valid JSON when stored; fall back to the skeleton.
        }
    }
    return report_skeleton(form, form.units.units[*form.units.find(unit)], unit_template(service_.store(), r.campaign));
}

json report_skeleton(const report::Form& form, const report::Unit& unit, const std::string& template_name) {
    // How a trade-union unit names itself (Liên đoàn Lao động tỉnh …); other kinds by
    // their list name. The clerk corrects it on the page; the check only needs the
    // list name to occur in it.
    std::string full = unit.name, prefix;
    if (unit.kind == "tinh") prefix = "tỉnh ";
    else if (unit.kind == "thanh-pho") prefix = "thành phố ";
    if (!prefix.empty()) full = "Liên đoàn Lao động " + prefix + unit.name;
    json indicators = json::object();
    for (const auto& i : form.indicators) indicators[i.code] = nullptr;
    json doc{{"template", template_name},
             {"issuer", {{"parent", "TỔNG LĐLĐ VIỆT NAM"},
                         {"name", prefix.empty() ? text::upper_vi(unit.name)
                                                 : "LIÊN ĐOÀN LAO ĐỘNG\n" + text::upper_vi(prefix + unit.name)}}},
             {"symbol", "BC-LĐLĐ"},
             {"place", unit.name},
             {"subject", form.title},
             {"recipients", json::array()},
             {"body", json::array()},
             {"signers", json::array({{{"authority", "TM. BAN THƯỜNG VỤ"}, {"title", "CHỦ TỊCH"}, {"name", ""}}})},
             {"distribution", json::array({"Như trên", "Lưu: VT"})},
             {"data", {{"form", form.id}, {"unit", {{"code", unit.code}, {"name", full}}}, {"indicators", indicators}}}};
    return doc;
}

Reply CampaignApi::store_report(const CampaignRequest& r, const store::Access& who, const report::Form& form,
                                const std::string& body) const {
    const std::string file = report_file_name(r.unit);
    const std::string sha = store::sha256_hex(body);
    // A retry of the same bytes answers with the version already stored, unrendered.
    if (const auto last = service_.store().latest(r.campaign, r.unit); last && last->sha256 == sha) {
        return json_reply(200, version_json(*last));
    }
    report::UnitReport rep;
    Rendered rendered;
    try {
        // The checks `vanban summarize` makes, with its messages.
        rep = report::read_unit_report(body, file, form);
        const report::Unit& filed = form.units.units[rep.unit];
        if (filed.code != r.unit) {
            fail_at_pointer(file, "/data/unit/code",
                            "the report is for unit \"" + filed.code + "\" (" + filed.name + "), but was sent for unit \"" +
                                r.unit + "\"");
        }
        rendered = engine_.render(body, file, RenderRequest{true, false, true});
    } catch (const Error& e) {
        return campaign_error(e.diagnostic());
    }
    // The PDF is durable (fsynced) before the row naming it commits; the reply waits
    // for both.
    store::ReportVersion v;
    v.campaign = r.campaign;
    v.unit = r.unit;
    v.sha256 = sha;
    v.pdf_sha256 = service_.files().put(rendered.pdf);
    v.received_at = store::now_rfc3339();
    v.late = !rep.date.empty() && rep.date > form.deadline;
    v.report_date = rep.date;
    v.submitted_by = who.label;
    const store::Submitted s = service_.store().submit(v, body);
    Reply reply = json_reply(s.created ? 201 : 200, version_json(s.version));
    reply.headers.emplace_back("Location", "/api/campaigns/" + r.campaign + "/reports/" + r.unit + "?version=" +
                                               std::to_string(s.version.version));
    return reply;
}

namespace {

// The version a request names (?version=N), or the latest; the refusal when none.
std::optional<store::ReportVersion> pick_version(const store::CampaignStore& st, const CampaignRequest& r, Reply& refusal) {
    const std::string n = r.param("version");
    std::optional<store::ReportVersion> v;
    if (n.empty()) {
        v = st.latest(r.campaign, r.unit);
        if (!v) refusal = Api::error(404, "unit " + r.unit + " has not reported yet");
        return v;
    }
    if (n.size() > 6 || n.find_first_not_of("0123456789") != std::string::npos) {
        refusal = Api::error(400, "version must be a whole number, not '" + n.substr(0, 20) + "'");
        return std::nullopt;
    }
    v = st.version(r.campaign, r.unit, std::stoi(n));
    if (!v) refusal = Api::error(404, "unit " + r.unit + " has no version " + n);
    return v;
}

}  // namespace

Reply CampaignApi::get_report(const CampaignRequest& r) const {
    const Caller c = authorise(r, false);
    if (c.refusal) return *c.refusal;
    Reply refusal;
    const auto v = pick_version(service_.store(), r, refusal);
    if (!v) return refusal;
    Reply reply;
    reply.body = v->json;
    reply.headers.emplace_back("X-Vanban-Version", std::to_string(v->version));
    reply.headers.emplace_back("ETag", "\"" + v->sha256 + "\"");
    return reply;
}

Reply CampaignApi::get_pdf(const CampaignRequest& r) const {
    const Caller c = authorise(r, false);
    if (c.refusal) return *c.refusal;
    Reply refusal;
    const auto v = pick_version(service_.store(), r, refusal);
    if (!v) return refusal;
    Reply reply;
    reply.content_type = "application/pdf";
    reply.body = service_.files().get(v->pdf_sha256);  // checked against its SHA-256 on the way out
    reply.headers.emplace_back("X-Vanban-Version", std::to_string(v->version));
    reply.headers.emplace_back("Content-Disposition", "inline; filename=\"bc-" + r.unit + "-v" +
                                                          std::to_string(v->version) + ".pdf\"");
    return reply;
}

Reply CampaignApi::versions(const CampaignRequest& r) const {
    const Caller c = authorise(r, false);
    if (c.refusal) return *c.refusal;
    json list = json::array();
    for (const auto& v : service_.store().versions(r.campaign, r.unit)) list.push_back(version_json(v));
    return json_reply(200, {{"unit", r.unit}, {"versions", list}});
}

Reply CampaignApi::session_open(const CampaignRequest& r) const {
    if (!service_.form(r.campaign)) return Api::error(404, "no campaign '" + r.campaign + "'");
    std::string code;
    try {
        const json j = json::parse(r.body);
        if (j.is_object() && j.contains("code") && j["code"].is_string()) code = j["code"].get<std::string>();
    } catch (const json::exception&) {
        return Api::error(400, "expected {\"code\": \"…\"}");
    }
    const auto access = service_.authenticate(r.campaign, code);
    if (!access) return Api::error(401, "this access code is not valid for campaign '" + r.campaign + "' (wrong or revoked)");
    std::string canonical;
    for (char ch : code) {
        if (ch == '-' || ch == ' ' || ch == '\t') continue;
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) {
            return Api::error(400, "an access code has only letters and digits");
        }
        canonical += ch;
    }
    Reply reply = json_reply(200, {{"role", access->admin ? "admin" : "unit"}, {"unit", access->unit}});
    // HttpOnly: page scripts never see the code; SameSite=Strict: no other site's page
    // can make the browser send it.
    reply.headers.emplace_back("Set-Cookie", session_cookie_name(r.campaign) + "=" + canonical +
                                                 "; Path=/; HttpOnly; SameSite=Strict");
    return reply;
}

Reply CampaignApi::session_show(const CampaignRequest& r) const {
    const Caller c = authorise(r, false);
    if (c.refusal) return *c.refusal;
    json out{{"role", c.access->admin ? "admin" : "unit"}, {"unit", c.access->unit}, {"label", c.access->label}};
    return json_reply(200, out);
}

Reply CampaignApi::session_close(const CampaignRequest& r) const {
    Reply reply = json_reply(200, {{"closed", true}});
    reply.headers.emplace_back("Set-Cookie", session_cookie_name(r.campaign) +
                                                 "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    return reply;
}

}  // namespace vanban::server
