// vanban campaign create FORM.json | list | tokens ID …  [--data DIR]: the national
// office's administrator registers a reporting campaign and issues its access codes.
#include "cli/commands.h"
#include "core/diagnostic.h"
#include "core/files.h"
#include "server/campaign_service.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <filesystem>
#include <iostream>
#include <optional>

namespace vanban::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kCampaignHelp = R"(  campaign create FORM.json     register a campaign from its form (and the unit list it
                                names); prints the campaign's id
  campaign list                 the campaigns: id, deadline, reports received, title
  campaign tokens ID            issue access codes: one per unit (all units by default)
    --units 01,02,…             only these units
    --admin                     an administrator code (status, summary, export); with
                                --units, both
    -o codes.csv                write the codes to this new file (mode 0600; default: stdout). Codes
                                are shown only this once: the store keeps their SHA-256
    --revoke                    instead, revoke the live codes of --units / --admin
  --data DIR                    the data directory (default ./vanban-data, created on first use)
)";

std::vector<std::string> split_commas(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        const auto comma = s.find(',', start);
        const std::string part = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!part.empty()) out.push_back(part);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string codes_csv(const std::string& campaign, const std::vector<server::IssuedCode>& codes) {
    std::string out = "campaign,unit,name,role,code\r\n";
    for (const auto& c : codes) {
        out += csv_field(campaign) + "," + csv_field(c.unit) + "," + csv_field(c.unit_name) + "," +
               (c.admin ? "admin" : "unit") + "," + c.code + "\r\n";
    }
    return out;
}

// A new file readable by its owner only from the moment it exists, synced to disk.
void write_secret(const fs::path& path, const std::string& bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) fail_at_pointer(path.string(), "", std::string("cannot create: ") + std::strerror(errno));
    std::size_t done = 0;
    while (done < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const std::string err = std::strerror(errno);
            ::close(fd);
            ::unlink(path.c_str());
            fail_at_pointer(path.string(), "", "cannot write: " + err);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        ::unlink(path.c_str());
        fail_at_pointer(path.string(), "", std::string("cannot write: ") + std::strerror(errno));
    }
}

int tokens(server::CampaignService& svc, const std::string& id, const std::vector<std::string>& units, bool admin,
           bool revoke, const std::optional<fs::path>& out) {
    if (!svc.form(id)) {
        std::cerr << "error: no campaign '" << id << "' in " << svc.data().root.string() << "\n";
        return 1;
    }
    if (revoke) {
        if (units.empty() && !admin) usage_error("--revoke needs --units LIST and/or --admin");
        const std::size_t n = svc.store().revoke_tokens(id, units, admin);
        std::cerr << "campaign: revoked " << n << " code(s)\n";
        return 0;
    }
    const bool to_file = out && *out != "-";
    std::error_code ec;
    if (to_file && fs::exists(*out, ec)) {
        std::cerr << "error: " << out->string() << " exists; codes are shown only once, so choose a new file\n";
        return 1;
    }
    const auto codes = svc.issue_codes(id, units, admin);
    const std::string csv = codes_csv(id, codes);
    if (!to_file) {
        std::cout << csv;
    } else {
        try {
            write_secret(*out, csv);
        } catch (const Error&) {
            // Codes nobody can read are useless: take them back.
            std::vector<std::int64_t> ids;
            for (const auto& c : codes) ids.push_back(c.token_id);
            svc.store().revoke_token_ids(ids);
            throw;
        }
    }
    std::cerr << "campaign: " << codes.size() << " access code(s) issued for " << id
              << (out && *out != "-" ? " → " + out->string() : std::string()) << "\n";
    return 0;
}

int run_campaign(const Args& args) {
    fs::path data = store::default_data_dir();
    std::optional<fs::path> out;
    std::vector<std::string> positional, units;
    bool admin = false, revoke = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& s = args[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size()) usage_error(s + " needs a value");
            return args[++i];
        };
        if (s == "--data") data = value();
        else if (s == "-o" || s == "--output") out = value();
        else if (s == "--units") units = split_commas(value());
        else if (s == "--admin") admin = true;
        else if (s == "--revoke") revoke = true;
        else if (s.size() > 1 && s[0] == '-') usage_error("unknown option " + s + " for campaign");
        else positional.push_back(s);
    }
    if (positional.empty()) usage_error("campaign needs create, list or tokens");
    const std::string verb = positional[0];
    try {
        if (verb == "create") {
            if (positional.size() != 2) usage_error("campaign create takes one FORM.json");
            server::CampaignService svc(data);
            const auto info = svc.create(positional[1]);
            std::cout << info.id << "\n";
            std::cerr << "campaign: registered " << info.id << " (" << info.title << "), deadline " << info.deadline
                      << ", " << svc.store().units(info.id).size() << " units, in " << data.string() << "\n";
            return 0;
        }
        if (verb == "list") {
            if (positional.size() != 1) usage_error("campaign list takes no arguments");
            server::CampaignService svc(data);
            for (const auto& c : svc.store().list_campaigns()) {
                std::cout << c.id << "\t" << c.deadline << "\t" << svc.store().latest_all(c.id).size() << "/"
                          << svc.form(c.id)->units.units.size() << "\t" << c.title << "\n";
            }
            return 0;
        }
        if (verb == "tokens") {
            if (positional.size() != 2) usage_error("campaign tokens takes one campaign ID");
            server::CampaignService svc(data);
            return tokens(svc, positional[1], units, admin, revoke, out);
        }
        usage_error("campaign: unknown action '" + verb + "' (create, list, tokens)");
    } catch (const Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}

const CommandRegistration kCampaign({"campaign",
                                     "campaign create FORM.json | list | tokens ID [--data DIR]   reporting campaigns",
                                     kCampaignHelp, run_campaign});

}  // namespace

}  // namespace vanban::cli
