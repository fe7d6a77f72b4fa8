#pragma once
// A catalog saved as bytes, so a kiosk that starts again on the same pack file restores it in a
// few milliseconds instead of reading and cross-checking every table again (tens of milliseconds
// with 2,000 stories, and growing with the pack). The bytes are a cache the kiosk can always do
// without: they name the pack file they came from, carry a checksum, and are checked field by
// field as they are read; anything wrong is one message and the pack is read from SQLite.

#include "pavilion/content/expected.hpp"
#include "pavilion/content/model.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace pavilion::content {

// The key a snapshot of this pack file (PackReader::file_identity, pack_file_identity) is kept
// under; it changes with the file, the way its bodies were read, and this format.
std::uint64_t catalog_snapshot_key(std::string_view file_identity, CatalogBodies bodies);

std::vector<std::uint8_t> snapshot_catalog(const Catalog& catalog, std::uint64_t key);

// The catalog saved under key; `corrupt` saying what is wrong when the bytes are not a whole,
// undamaged snapshot made for that key.
Expected<Catalog> restore_catalog(const std::uint8_t* data, std::size_t size, std::uint64_t key);

} // namespace pavilion::content
