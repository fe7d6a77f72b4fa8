#pragma once
// The names the pack store writes, and the pointer file, internal to the content library.
//
// Everything here is parsed strictly: a name or pointer that is not exactly what the store
// writes is rejected, so a damaged or tampered state directory can never steer the kiosk to a
// file outside packs/.

#include "pavilion/content/minisign.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pavilion::content::store_names {

// Pack ids as the builder allows them (a-z, 0-9, -, also _), at most 64 characters: they
// become part of file names, so nothing else may pass.
bool is_valid_pack_id(std::string_view id);

struct PackFileName {
    std::string pack_id;
    std::int64_t version = 0;
};

// "<id>-v<version>-<first 8 hex digits of the BLAKE2b-512 hash>.pack"
std::string pack_file_name(const std::string& pack_id, std::int64_t version,
                           const minisign::FileHash& hash);
std::optional<PackFileName> parse_pack_file_name(std::string_view name);

// The pointer file: which pack in packs/ is current, and which was current before it.
struct Pointers {
    std::string current;  // a pack file name, "" when none
    std::string previous; // "" when none
    // Written by every store that keeps a version floor (STATE/floor). A pointer file without it
    // was written before floors existed: the one case where a missing floor is made from the
    // installed packs instead of stopping installs (see PackStore::open).
    bool floor_recorded = true;
};

// "current <name>\nprevious <name>\nfloor recorded\n" (the previous line only when there is
// one; the last line when floor_recorded).
std::string format_pointers(const Pointers& pointers);
// nullopt when the text is not exactly what format_pointers writes, with valid pack names.
std::optional<Pointers> parse_pointers(std::string_view text);

} // namespace pavilion::content::store_names
