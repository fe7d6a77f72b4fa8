#include "catalog_cache.hpp"

#include "pavilion/content/catalog_snapshot.hpp"

#include <cstdio>

namespace pavilion::app {
namespace {

constexpr auto kBodies = content::CatalogBodies::on_demand;

} // namespace

// Two snapshots: the pack shown and the one before it, for an operator who goes back.
CatalogCache::CatalogCache(std::string directory) : cache_(std::move(directory), "catalog-", 2) {}

content::Expected<content::PackReader> CatalogCache::open(const std::string& path, content::PackCheck check) {
    last_open_cached_ = false;
    const auto identity = content::pack_file_identity(path);
    const auto key = content::catalog_snapshot_key(identity, kBodies);
    if (auto bytes = cache_.read(key)) {
        auto catalog = content::restore_catalog(bytes->data(), bytes->size(), key);
        if (catalog) {
            auto pack = content::PackReader::open_with_catalog(path, std::move(catalog).value(), identity, kBodies);
            // A pack that no longer opens is reported by the full open below, in its own words.
            if (pack) {
                last_open_cached_ = true;
                return pack;
            }
        } else {
            std::fprintf(stderr, "pavilion: %s (%s); reading the pack again\n", catalog.error().message.c_str(),
                         cache_.path_of(key).c_str());
        }
    }

    auto pack = content::PackReader::open(path, check, kBodies);
    if (pack && cache_.enabled()) {
        std::string why;
        // Keyed by the identity read before the open: if the file changed in between, the key
        // names a file that no longer exists and the snapshot is never used.
        if (!cache_.write(key, content::snapshot_catalog(pack->catalog(), key), why))
            std::fprintf(stderr, "pavilion: catalog not cached: %s\n", why.c_str());
    }
    return pack;
}

} // namespace pavilion::app
