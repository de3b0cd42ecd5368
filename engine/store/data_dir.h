// The `--data DIR` of vanban serve, campaign and register: DIR/vanban.db and DIR/files/.
#pragma once

#include "store/blob_store.h"
#include "store/database.h"

#include <filesystem>

namespace vanban::store {

struct DataDir {
    std::filesystem::path root;
    Database db;
    BlobStore files;
};

// Creates DIR (mode 0700: it holds access-code hashes and unpublished reports) on first
// use and opens its database. Callers then migrate their own modules.
DataDir open_data_dir(const std::filesystem::path& dir);

// The default when --data is not given.
inline std::filesystem::path default_data_dir() { return "vanban-data"; }

}  // namespace vanban::store
