#include "pavilion/model/store_guard.hpp"

#include <algorithm>

namespace pavilion::model {

StoreGuard::StoreGuard(PackLibrary* packs, Workers& workers, EventLog& log, ShowPack show_pack, CountEvent count)
    : packs_(packs), workers_(workers), log_(log), show_pack_(std::move(show_pack)), count_(std::move(count)) {}

bool StoreGuard::floor_lost() const {
    return std::any_of(warnings_.begin(), warnings_.end(),
                       [](const StoreWarning& w) { return w.kind == StoreWarning::Kind::floor_unknown; });
}

void StoreGuard::set_floor_warning(const core::Expected<content::VersionFloor>& floor) {
    warnings_.erase(std::remove_if(warnings_.begin(), warnings_.end(),
                                   [](const StoreWarning& w) { return w.kind == StoreWarning::Kind::floor_unknown; }),
                    warnings_.end());
    if (!floor && floor.error().code == core::ErrorCode::floor_unknown)
        warnings_.push_back({StoreWarning::Kind::floor_unknown, floor.error().message});
}

void StoreGuard::refresh_floor() {
    if (!packs_) return;
    workers_.device.post([this] {
        auto floor = packs_->floor();
        workers_.results.post([this, floor = std::move(floor)] { set_floor_warning(floor); });
    });
}

void StoreGuard::accept_rebuilt_floor() {
    if (!packs_) return;
    workers_.device.post([this] {
        auto floor = packs_->accept_rebuilt_floor();
        workers_.results.post([this, floor = std::move(floor)] {
            if (floor) log_.add("updates: the operator accepted a version floor rebuilt from the installed packs");
            else log_.add("updates: the version floor could not be rebuilt: " + floor.error().message);
            set_floor_warning(floor);
        });
    });
}

void StoreGuard::check_at_start(const std::string& shown_path, const std::string& built_in_path) {
    if (!packs_) return;
    // On the installs worker, not the device worker: hashing a large pack takes seconds, and the
    // operator's PIN and panel (device worker) must not wait behind it. An install offered
    // meanwhile waits instead, which is right: the store is being checked.
    workers_.installs.post([this, shown_path, built_in_path] {
        auto floor = packs_->floor();
        auto active = packs_->active();
        core::Status checked = core::ok();
        if (active && *active && (*active)->path == shown_path) checked = packs_->verify(**active);
        workers_.results.post([this, floor = std::move(floor), checked, built_in_path] {
            set_floor_warning(floor);
            if (!checked) failed_check(checked.error(), built_in_path);
        });
    });
}

void StoreGuard::failed_check(const core::Error& problem, const std::string& built_in_path) {
    warnings_.push_back({StoreWarning::Kind::pack_failed_check, problem.message});
    log_.add("updates: the installed pack failed its check at start: " + problem.message);
    // Back to the previous pack if it passes the same check; else the built-in one. The store's
    // rollback keeps the floor: the failed version does not come back from a stick either.
    workers_.installs.post([this, built_in_path] {
        workers_.device.post([this] { count_("pack-failed-check-at-start"); }); // statistics live there
        std::string target = built_in_path;
        auto kind = StoreWarning::Kind::built_in_at_start;
        if (auto previous = packs_->previous(); previous && *previous && packs_->verify(**previous)) {
            if (auto rolled = packs_->rollback()) {
                target = rolled->path;
                kind = StoreWarning::Kind::rolled_back_at_start;
            }
        }
        workers_.results.post([this, target, kind] { show_instead(target, kind); });
    });
}

void StoreGuard::show_instead(const std::string& path, StoreWarning::Kind kind) {
    if (path.empty()) return;
    show_pack_(path, [this, path, kind](core::Status shown) {
        if (!shown) return log_.add("updates: cannot show " + path + " instead: " + shown.error().message);
        warnings_.push_back({kind, path});
        log_.add("updates: showing " + path + " instead of the pack that failed its check");
    });
}

} // namespace pavilion::model
