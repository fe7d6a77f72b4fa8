// PackStore's version floor (STATE/floor): reading it, making it for a new or an older store,
// and the operator's way out when it is damaged. The rules themselves are in version_floor.cpp.

#include "file_system_io.hpp"
#include "pack_store_io.hpp"
#include "pack_store_names.hpp"
#include "pavilion/content/pack_store.hpp"

#include <fcntl.h>

#include <algorithm>
#include <cerrno>

namespace pavilion::content {
namespace {

using fsio::ScopedFd;

// A floor holds a line per pack id ever installed here: a few hundred bytes in a lifetime.
constexpr std::size_t kMaxFloorFileBytes = 64 * 1024;

bool is_pack_name(const std::string& name) {
    return name.size() > 5 && name.compare(name.size() - 5, 5, ".pack") == 0;
}

Error floor_lost(const std::string& why) {
    return make_error(ErrorCode::floor_unknown,
                      why + ": installs are refused until the operator confirms a new floor");
}

} // namespace

Expected<bool> PackStore::has_installed_packs() const {
    std::vector<std::string> names;
    if (const int rc = fs_->list(packs_dir(), names); rc < 0)
        return store_io::io_error("cannot list " + packs_dir(), rc);
    return std::any_of(names.begin(), names.end(), is_pack_name);
}

Expected<VersionFloor> PackStore::floor() const {
    ScopedFd file(*fs_, fs_->open(FileSystem::kWorkingDirectory, floor_path(), O_RDONLY | O_NOFOLLOW));
    if (file.get() == -ENOENT) {
        // No floor is only right for a store that never installed anything.
        auto pointers = store_io::read_pointers(*fs_, pointers_path());
        if (!pointers && pointers.error().code == ErrorCode::io) return pointers.error();
        auto packs = has_installed_packs();
        if (!packs) return packs.error();
        if (!pointers || *pointers || *packs) return floor_lost(floor_path() + " is missing while packs are installed");
        return VersionFloor{};
    }
    if (file.get() == -ELOOP) return floor_lost(floor_path() + " is a symbolic link");
    if (!file.valid()) return store_io::io_error("cannot read " + floor_path(), file.get());
    std::string text;
    const int rc = fsio::read_capped(*fs_, file.get(), kMaxFloorFileBytes, text);
    if (rc == -EFBIG) return floor_lost(floor_path() + " is damaged (far too large)");
    if (rc < 0) return store_io::io_error("cannot read " + floor_path(), rc);
    auto floor = parse_version_floor(text, floor_path());
    if (!floor) return floor_lost(floor.error().message);
    return floor;
}

Status PackStore::write_floor(const VersionFloor& floor) {
    const int rc = fsio::replace_file(*fs_, staging_dir() + "/floor.new", floor_path(), root_,
                                      format_version_floor(floor));
    if (rc < 0) return store_io::io_error("cannot write " + floor_path(), rc);
    return ok();
}

Expected<VersionFloor> PackStore::floor_from_packs() const {
    std::vector<std::string> names;
    if (const int rc = fs_->list(packs_dir(), names); rc < 0)
        return store_io::io_error("cannot list " + packs_dir(), rc);
    VersionFloor floor;
    for (const auto& name : names) {
        const auto parsed = store_names::parse_pack_file_name(name);
        if (!parsed) continue; // signatures, and anything the store did not write
        auto [it, inserted] = floor.marks.try_emplace(parsed->pack_id, FloorMark{parsed->version, true});
        if (!inserted && it->second.version < parsed->version) it->second.version = parsed->version;
    }
    if (built_in_) {
        auto& mark = floor.marks[built_in_->pack_id];
        mark.version = std::max(mark.version, built_in_->version);
    }
    // The newest of an id is withdrawn unless it is what the kiosk shows: the store cannot tell a
    // rollback from a crash any more, and a withdrawn version only needs a newer one to move on.
    auto active = this->active();
    if (active && *active) {
        floor.device_pack_id = (*active)->pack_id;
        auto& mark = floor.marks[(*active)->pack_id];
        if (mark.version == (*active)->version) mark.withdrawn = false;
    }
    if (built_in_ && (!active || !*active) && floor.marks[built_in_->pack_id].version == built_in_->version)
        floor.marks[built_in_->pack_id].withdrawn = false;
    return floor;
}

void PackStore::prepare_floor() {
    FileInfo info;
    if (fs_->lstat(floor_path(), info) == 0) return; // there is one; floor() judges it
    auto pointers = store_io::read_pointers(*fs_, pointers_path());
    auto packs = has_installed_packs();
    if (!pointers || !packs) return; // floor() says what is wrong, each time it is asked
    const bool fresh = !*pointers && !*packs;
    const bool from_before_floors = *pointers && !(*pointers)->floor_recorded;
    if (!fresh && !from_before_floors) return; // lost: the operator decides
    auto floor = fresh ? Expected<VersionFloor>(VersionFloor{}) : floor_from_packs();
    if (!floor) {
        open_messages_.push_back("the version floor was not made: " + floor.error().message);
        return;
    }
    if (auto status = write_floor(*floor); !status) {
        open_messages_.push_back("the version floor was not made: " + status.error().message);
        return;
    }
    if (from_before_floors) {
        static_cast<void>(write_pointers((*pointers)->current, (*pointers)->previous));
        open_messages_.push_back("made the version floor " + floor_path() +
                                 " from the installed packs (a store from before version floors)");
    }
}

Expected<VersionFloor> PackStore::accept_rebuilt_floor() {
    auto held = lock();
    if (!held) return held.error();
    auto current = floor();
    if (current) return current; // nothing was lost (another confirmation came first)
    if (current.error().code != ErrorCode::floor_unknown) return current.error();
    auto floor = floor_from_packs();
    if (!floor) return floor.error();
    if (auto status = write_floor(*floor); !status) return status.error();
    return floor;
}

Status PackStore::fix_device_pack_id(const std::string& pack_id) {
    if (!store_names::is_valid_pack_id(pack_id))
        return make_error(ErrorCode::invalid_argument, "'" + pack_id + "' is not a valid pack id (a-z, 0-9, - and _)");
    auto held = lock();
    if (!held) return held.error();
    auto floor = this->floor();
    if (!floor) return floor.error();
    if (floor->device_pack_id == pack_id) return ok();
    if (!floor->device_pack_id.empty()) {
        return make_error(ErrorCode::other_pack, root_ + " takes pack '" + floor->device_pack_id +
                                                     "' already; install the other pack with force to switch");
    }
    floor->device_pack_id = pack_id;
    return write_floor(*floor);
}

} // namespace pavilion::content
