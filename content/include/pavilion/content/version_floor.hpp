#pragma once
// The version floor: the newest version of each pack id ever installed on this kiosk, kept in
// its own small file (STATE/floor) so that no older signed pack can get back in, whatever happens
// to the pointer file or the packs themselves.
//
// The rules (PackInstaller applies them before it copies anything):
//   - a version below the floor of its pack id is refused (not_newer), always, unless the
//     operator forces it;
//   - the floor version itself installs again only while it is not withdrawn (an install that a
//     power cut interrupted after the floor was raised must be able to finish); a rollback away
//     from the floor version withdraws it, until a strictly newer version arrives;
//   - the first pack installed on an empty device (or `pavilion-pack provision --pack-id`) fixes
//     the device's pack id; another id needs the operator's confirmation (other_pack, force).
// The floor is never lowered: not by a rollback, not by a forced install, not by deleting packs.
//
// File format, written whole and atomically (temp file, fsync, rename, directory fsync):
//   pavilion-version-floor 1
//   device <pack id>                       (absent until fixed)
//   pack <pack id> <version>[ withdrawn]   (one line per id, sorted)
//   check <32 hex digits>                  (BLAKE2b-128 of every line above it)
// A file that does not parse exactly, or whose check does not match, is damaged: the store then
// refuses every install (floor_unknown) until the operator accepts a floor rebuilt from the
// packs on disk (PackStore::accept_rebuilt_floor). A lower floor is never guessed silently.

#include "pavilion/content/expected.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace pavilion::content {

// A pack id at a version: what a signature claims, what the kiosk has built in.
struct PackIdentity {
    std::string pack_id;
    std::int64_t version = 0;
};

struct FloorMark {
    std::int64_t version = 0; // the newest version of this id ever installed here
    bool withdrawn = false;   // rolled back from: that very version may not come back
    bool operator==(const FloorMark& other) const {
        return version == other.version && withdrawn == other.withdrawn;
    }
};

struct VersionFloor {
    std::string device_pack_id;              // "" until the first install fixes it
    std::map<std::string, FloorMark> marks; // by pack id

    // The mark for `pack_id`, also counting the pack built into the kiosk (never withdrawn).
    std::optional<FloorMark> mark(const std::string& pack_id,
                                  const std::optional<PackIdentity>& built_in) const;
    // After `installed` became current: its mark raised to it (and no longer withdrawn when it
    // is the mark's version), the device's id set to it. Returns whether anything changed.
    bool record_install(const PackIdentity& installed);
    // After a rollback from `left` to `now_current`: the mark of `left` withdrawn when `left` is
    // that mark's version; the mark of `now_current` no longer withdrawn when it is its version.
    bool record_rollback(const PackIdentity& left, const PackIdentity& now_current);

    bool operator==(const VersionFloor& other) const {
        return device_pack_id == other.device_pack_id && marks == other.marks;
    }
};

std::string format_version_floor(const VersionFloor& floor);
// ErrorCode::floor_unknown with `label` and what is wrong when the text is not exactly what
// format_version_floor writes.
Expected<VersionFloor> parse_version_floor(std::string_view text, const std::string& label);

// Whether a pack claiming `claim` may install over `current` (nullopt: the built-in pack shows)
// without the operator's force. not_newer / other_pack with a line for people, `label` first.
Status check_against_floor(const PackIdentity& claim, const VersionFloor& floor,
                           const std::optional<PackIdentity>& built_in,
                           const std::optional<PackIdentity>& current, const std::string& label);

} // namespace pavilion::content
