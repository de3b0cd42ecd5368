// vanban store check [--data DIR] | store backup [--data DIR] OUT: the embedded store's
// health and its consistent copy, safe while `vanban serve` runs on it.
#include "cli/commands.h"
#include "core/diagnostic.h"
#include "core/files.h"
#include "server/campaign_service.h"
#include "store/blob_store.h"

#include <sys/stat.h>

#include <filesystem>
#include <iostream>

namespace vanban::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kStoreHelp = R"(  store check                   PRAGMA integrity_check, every stored file hashes to its
                                name, every report version's JSON to its SHA-256 and its
                                PDF present (exit 1 when anything is wrong)
  store backup OUT              a consistent copy in the new directory OUT (SQLite's
                                online backup, then the files), while the server runs
  --data DIR                    the data directory (default ./vanban-data)
)";

// Every file of the file store, as (its SHA-256 name, its path).
std::vector<std::pair<std::string, fs::path>> stored_files(const store::BlobStore& files) {
    std::vector<std::pair<std::string, fs::path>> out;
    std::error_code ec;
    if (!fs::exists(files.root(), ec)) return out;
    for (auto it = fs::recursive_directory_iterator(files.root(), ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (it->is_regular_file(ec)) out.emplace_back(it->path().filename().string(), it->path());
    }
    if (ec) fail_at_pointer(files.root().string(), "", "cannot list the file store: " + ec.message());
    std::sort(out.begin(), out.end());
    return out;
}

int check(const fs::path& data) {
    if (!fs::is_directory(data)) {
        std::cerr << "error: " << data.string() << ": no such data directory\n";
        return 1;
    }
    server::CampaignService svc(data);
    std::size_t problems = 0;
    auto problem = [&](const std::string& what) {
        std::cerr << "error: " << what << "\n";
        ++problems;
    };
    for (const auto& p : svc.data().db.integrity_check()) problem(svc.data().db.file().string() + ": " + p);
    std::size_t files = 0;
    for (const auto& [name, path] : stored_files(svc.files())) {
        ++files;
        if (name.find(".tmp") != std::string::npos || name.size() != 64) {
            // A temporary left by a crash before its rename: never referenced, harmless.
            continue;
        }
        try {
            svc.files().get(name);
        } catch (const Error& e) {
            problem(e.what());
        }
    }
    const auto versions = svc.store().all_versions();
    for (const auto& v : versions) {
        const std::string where = v.campaign + " unit " + v.unit + " version " + std::to_string(v.version);
        if (store::sha256_hex(v.json) != v.sha256) problem(where + ": the report's JSON does not hash to its SHA-256");
        if (!svc.files().contains(v.pdf_sha256)) problem(where + ": its PDF " + v.pdf_sha256 + " is missing");
    }
    std::cerr << "store check: " << svc.data().root.string() << ": database "
              << (problems ? "has problems" : "ok (integrity_check)") << ", " << files << " file(s), "
              << versions.size() << " report version(s), " << problems << " problem(s)\n";
    return problems ? 1 : 0;
}

int backup(const fs::path& data, const fs::path& out) {
    if (!fs::is_directory(data)) {
        std::cerr << "error: " << data.string() << ": no such data directory\n";
        return 1;
    }
    std::error_code ec;
    if (fs::exists(out, ec)) {
        std::cerr << "error: " << out.string() << " already exists (a backup goes into a new directory)\n";
        return 1;
    }
    const store::DataDir src = store::open_data_dir(data);
    if (::mkdir(out.c_str(), 0700) != 0) fail_at_pointer(out.string(), "", "cannot create the backup directory");
    // The database first: files are written (and fsynced) before the rows naming them
    // commit and are never removed, so every file the snapshot names exists when the
    // files are copied afterwards.
    src.db.backup_to(out / "vanban.db");
    const store::BlobStore copy(out / "files");
    std::size_t n = 0;
    for (const auto& [name, path] : stored_files(src.files)) {
        if (name.size() != 64 || name.find('.') != std::string::npos) continue;
        copy.put(src.files.get(name));  // verified on read, fsynced on write
        ++n;
    }
    fsync_path(out / "vanban.db");
    fsync_path(out);
    std::cerr << "store backup: " << out.string() << ": database and " << n << " file(s)\n";
    return 0;
}

int run_store(const Args& args) {
    fs::path data = store::default_data_dir();
    std::vector<std::string> positional;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--data") {
            if (i + 1 >= args.size()) usage_error("--data needs a value");
            data = args[++i];
        } else if (args[i].size() > 1 && args[i][0] == '-') {
            usage_error("unknown option " + args[i] + " for store");
        } else {
            positional.push_back(args[i]);
        }
    }
    try {
        if (positional.size() == 1 && positional[0] == "check") return check(data);
        if (positional.size() == 2 && positional[0] == "backup") return backup(data, positional[1]);
    } catch (const Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    usage_error("store takes check or backup OUT");
}

const CommandRegistration kStore({"store", "store check | backup OUT [--data DIR]   the data directory's health and backup",
                                  kStoreHelp, run_store});

}  // namespace

}  // namespace vanban::cli
