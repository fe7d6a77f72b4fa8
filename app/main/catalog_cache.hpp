#pragma once
// The kiosk's pack, opened with its catalog restored from a snapshot when the same file was
// opened before: a start on an unchanged pack then costs the same whatever the pack's size,
// instead of reading every table again (content::catalog_snapshot). The snapshots live in the
// kiosk's cache directory beside the font atlases; a missing or damaged one just means the pack
// is read from SQLite as before, and a new snapshot kept.

#include "pavilion/content/pack_reader.hpp"
#include "pavilion/platform/keyed_file_cache.hpp"

#include <string>

namespace pavilion::app {

class CatalogCache {
public:
    // directory: where snapshots are kept ("" keeps none, and every open reads the pack).
    explicit CatalogCache(std::string directory);

    // PackReader::open(path, check, CatalogBodies::on_demand), from a snapshot when this file's
    // catalog was kept; what it reads, it keeps. `check` applies when the tables are read: a
    // snapshot exists only for a file (same path, size, mtime, inode) that passed a check when
    // it was read, so on a hit only the header and schema are checked again.
    content::Expected<content::PackReader> open(const std::string& path, content::PackCheck check);

    // Whether the last open() restored the catalog from a snapshot.
    bool last_open_cached() const { return last_open_cached_; }

private:
    platform::KeyedFileCache cache_;
    bool last_open_cached_ = false;
};

} // namespace pavilion::app
