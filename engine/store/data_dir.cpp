#include "store/data_dir.h"

#include "core/diagnostic.h"
#include "core/files.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace vanban::store {

namespace fs = std::filesystem;

DataDir open_data_dir(const fs::path& dir) {
    std::error_code ec;
    if (!fs::exists(dir, ec)) {
        if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
            fail_at_pointer(dir.string(), "", std::string("cannot create the data directory: ") + std::strerror(errno));
        fsync_path(dir.has_parent_path() ? dir.parent_path() : fs::path("."));
    } else if (!fs::is_directory(dir, ec)) {
        fail_at_pointer(dir.string(), "", "is not a directory (expected the vanban data directory)");
    }
    return DataDir{dir, Database::open(dir / "vanban.db"), BlobStore(dir / "files")};
}

}  // namespace vanban::store
