#include "server/campaign_service.h"

#include "core/diagnostic.h"
#include "core/files.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <set>

namespace vanban::server {

namespace fs = std::filesystem;

std::string report_file_name(const std::string& unit) { return "bc-" + unit + ".json"; }

std::string written_via_temp_file(const std::function<void(const fs::path&)>& write) {
    // libxlsxwriter writes to a path: a private temporary file, read back and removed.
    char name[] = "/tmp/vanban-XXXXXX.xlsx";
    const int fd = ::mkstemps(name, 5);
    if (fd < 0) fail_at_pointer("", "", "cannot create a temporary file in /tmp");
    ::close(fd);
    std::string bytes;
    try {
        write(name);
        bytes = read_file(name, 256 * 1024 * 1024);
    } catch (...) {
        ::unlink(name);
        throw;
    }
    ::unlink(name);
    return bytes;
}

CampaignService::CampaignService(const fs::path& data_dir)
    : data_(store::open_data_dir(data_dir)), store_(std::make_unique<store::SqliteCampaignStore>(data_.db)) {}

store::CampaignInfo CampaignService::create(const fs::path& form_file) {
    constexpr std::size_t kMax = 4 * 1024 * 1024;
    const std::string form_json = read_file(form_file, kMax);
    const std::string units_name = report::form_units_name(form_json, form_file.string());
    const fs::path units_path = form_file.parent_path() / units_name;
    const std::string units_json = read_file(units_path, kMax);
    // Parsed exactly as `vanban summarize --form` parses it: a form that summarize
    // refuses is refused here, before anything is stored.
    const report::Form form = report::parse_form_with_units(form_json, form_file.string(), units_json, units_path.string());

    std::vector<store::CampaignUnit> units;
    for (const report::Unit& u : form.units.units) units.push_back({u.code, u.name, u.kind, ""});
    for (const report::FormerUnit& f : form.units.former) {
        units.push_back({f.code, f.name, "", form.units.units[f.into].code});
    }
    store::StoredCampaign c;
    c.info.form_id = form.id;
    c.info.title = form.title;
    c.info.deadline = form.deadline;
    c.form_json = form_json;
    c.units_name = units_name;
    c.units_json = units_json;
    return store_->create_campaign(c, units);
}

std::shared_ptr<const report::Form> CampaignService::form(const std::string& campaign) const {
    {
        std::lock_guard lock(forms_mu_);
        if (const auto it = forms_.find(campaign); it != forms_.end()) return it->second;
    }
    const auto c = store_->campaign(campaign);
    if (!c) return nullptr;
    auto f = std::make_shared<const report::Form>(
        report::parse_form_with_units(c->form_json, "form.json", c->units_json, c->units_name));
    std::lock_guard lock(forms_mu_);
    return forms_.emplace(campaign, std::move(f)).first->second;
}

std::vector<IssuedCode> CampaignService::issue_codes(const std::string& campaign, std::vector<std::string> units, bool admin) {
    const auto f = form(campaign);
    if (!f) fail_at_pointer("", "", "no campaign '" + campaign + "' in " + data_.root.string());
    if (units.empty() && !admin) {
        for (const report::Unit& u : f->units.units) units.push_back(u.code);
    }
    std::vector<IssuedCode> issued;
    std::vector<store::CampaignStore::NewToken> rows;
    std::set<std::string> seen;
    for (const std::string& code : units) {
        const auto i = f->units.find(code);
        if (!i) fail_at_pointer("", "", "unit '" + code + "' is not in campaign " + campaign + "'s unit list");
        if (!seen.insert(code).second) continue;
        IssuedCode ic{code, f->units.units[*i].name, false, code, store::new_access_code()};
        rows.push_back({code, false, ic.label, store::access_code_hash(ic.code)});
        issued.push_back(std::move(ic));
    }
    if (admin) {
        std::size_t n = 1;
        for (const auto& t : store_->tokens(campaign)) n += t.admin ? 1 : 0;
        IssuedCode ic{"", "", true, "admin-" + std::to_string(n), store::new_access_code()};
        rows.push_back({"", true, ic.label, store::access_code_hash(ic.code)});
        issued.push_back(std::move(ic));
    }
    const auto ids = store_->add_tokens(campaign, rows);
    for (std::size_t i = 0; i < ids.size() && i < issued.size(); ++i) issued[i].token_id = ids[i];
    return issued;
}

std::optional<store::Access> CampaignService::authenticate(const std::string& campaign, std::string_view code) const {
    if (code.empty() || code.size() > 200) return std::nullopt;
    return store_->find_token(campaign, store::access_code_hash(code));
}

CampaignService::StoredSummary CampaignService::summary(const std::string& campaign) const {
    StoredSummary s;
    s.form = form(campaign);
    if (!s.form) fail_at_pointer("", "", "no campaign '" + campaign + "'");
    for (store::ReportVersion& v : store_->latest_all(campaign)) {
        s.files.push_back({report_file_name(v.unit), std::move(v.json)});
    }
    // `vanban summarize DIR` reads a directory's files in the order of their names.
    std::sort(s.files.begin(), s.files.end(), [](const auto& a, const auto& b) { return a.file < b.file; });
    s.summary = report::summarize(*s.form, s.files);
    return s;
}

SummaryFile CampaignService::summary_file(const Engine& engine, const StoredSummary& s, const std::string& format) {
    const report::Form& form = *s.form;
    SummaryFile out;
    out.file_name = form.id + "-tong-hop." + format;
    if (format == "pdf" || format == "docx") {
        RenderRequest request;
        request.pdf = format == "pdf";
        request.docx = format == "docx";
        const Rendered r =
            engine.render(report::summary_document(form, s.summary).dump(), form.file + " (summary)", request);
        out.bytes = request.pdf ? r.pdf : r.docx;
        out.content_type = request.pdf ? "application/pdf"
                                       : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    } else if (format == "json") {
        out.bytes = report::summary_json(form, s.summary).dump(2) + "\n";
        out.content_type = "application/json; charset=utf-8";
    } else if (format == "csv") {
        out.bytes = report::summary_csv(form, s.summary);
        out.content_type = "text/csv; charset=utf-8";
    } else if (format == "xlsx") {
        out.bytes = written_via_temp_file([&](const fs::path& p) { report::write_summary_xlsx(form, s.summary, p, out.file_name); });
        out.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    } else {
        fail_at_pointer("", "", "format must be pdf, docx, json, csv or xlsx, not '" + format.substr(0, 20) + "'");
    }
    return out;
}

}  // namespace vanban::server
