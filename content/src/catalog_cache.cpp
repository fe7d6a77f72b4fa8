#include "pavilion/content/catalog_cache.hpp"

#include "pavilion/content/catalog_snapshot.hpp"

namespace pavilion::content {
namespace {

constexpr auto kBodies = CatalogBodies::on_demand;

} // namespace

// Two snapshots: the pack shown and the one before it, for an operator who goes back.
CatalogCache::CatalogCache(std::string directory) : cache_(std::move(directory), "catalog-", 2) {}

Expected<PackReader> CatalogCache::open(const std::string& path, PackCheck check) {
    last_open_cached_ = false;
    const auto identity = pack_file_identity(path);
    const auto key = catalog_snapshot_key(identity, kBodies);
    if (auto bytes = cache_.read(key)) {
        auto catalog = restore_catalog(bytes->data(), bytes->size(), key);
        if (catalog) {
            auto pack = PackReader::open_with_catalog(path, std::move(catalog).value(), identity, kBodies);
            // A pack that no longer opens is reported by the full open below, in its own words.
            if (pack) {
                last_open_cached_ = true;
                return pack;
            }
        } else {
            notices_.push_back(catalog.error().message + " (" + cache_.path_of(key) + "); reading the pack again");
        }
    }

    auto pack = PackReader::open(path, check, kBodies);
    if (pack && cache_.enabled()) {
        // Keyed by the identity read before the open: if the file changed in between, the key
        // names a file that no longer exists and the snapshot is never used.
        if (auto kept = cache_.write(key, snapshot_catalog(pack->catalog(), key)); !kept)
            notices_.push_back("catalog not cached: " + kept.error().message);
    }
    return pack;
}

std::vector<std::string> CatalogCache::take_notices() {
    std::vector<std::string> notices;
    notices.swap(notices_);
    return notices;
}

} // namespace pavilion::content
