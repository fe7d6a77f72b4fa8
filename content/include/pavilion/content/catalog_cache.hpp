#pragma once
// A pack opened with its catalog restored from a snapshot when the same file was opened before:
// a start on an unchanged pack then costs the same whatever the pack's size, instead of reading
// every table again (catalog_snapshot.hpp). The snapshots live in the kiosk's cache directory
// beside the font atlases; a missing or damaged one just means the pack is read from SQLite as
// before, and a new snapshot kept.

#include "pavilion/content/expected.hpp"
#include "pavilion/content/keyed_file_cache.hpp"
#include "pavilion/content/pack_reader.hpp"

#include <string>
#include <vector>

namespace pavilion::content {

class CatalogCache {
public:
    // directory: where snapshots are kept ("" keeps none, and every open reads the pack).
    explicit CatalogCache(std::string directory);

    // PackReader::open(path, check, CatalogBodies::on_demand), from a snapshot when this file's
    // catalog was kept; what it reads, it keeps. `check` applies when the tables are read: a
    // snapshot exists only for a file (same path, size, mtime, inode) that passed a check when
    // it was read, so on a hit only the header and schema are checked again.
    Expected<PackReader> open(const std::string& path, PackCheck check);

    // Whether the last open() restored the catalog from a snapshot.
    bool last_open_cached() const { return last_open_cached_; }

    // Lines for the kiosk's log since the last call: a damaged snapshot, one not written.
    std::vector<std::string> take_notices();

private:
    KeyedFileCache cache_;
    bool last_open_cached_ = false;
    std::vector<std::string> notices_;
};

} // namespace pavilion::content
