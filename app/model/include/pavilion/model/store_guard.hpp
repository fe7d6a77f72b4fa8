#pragma once
// What the kiosk does not take on trust about its own state directory: at start, the installed
// pack it shows is hashed again against its signature (a file changed on the card since it was
// installed is rolled back to the previous good pack, or the built-in one), and the version
// floor is read. What is wrong stays on the operator panel as a warning until it is dealt with;
// a lost floor is dealt with by the operator accepting a rebuilt one.
//
// The check at start runs on the installs worker (hashing a large pack takes seconds on a Pi, and
// the operator's PIN on the device worker must not wait for it), the floor's reads on the device
// worker; the answers come back through the results queue.

#include "pavilion/model/device.hpp"
#include "pavilion/model/event_log.hpp"
#include "pavilion/model/operator_view.hpp"
#include "pavilion/model/workers.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace pavilion::model {

class StoreGuard {
public:
    // Shows a pack by path; done says whether it could be shown.
    using ShowPack = std::function<void(const std::string& path, std::function<void(core::Status)> done)>;
    // Counts what happened for the visitor statistics' day (on the device worker).
    using CountEvent = std::function<void(const std::string& event)>;

    StoreGuard(PackLibrary* packs, Workers& workers, EventLog& log, ShowPack show_pack, CountEvent count);

    // At start: checks the pack on show when it is the installed one; built_in_path is what to
    // show when no installed pack is good.
    void check_at_start(const std::string& shown_path, const std::string& built_in_path);
    // Reads the floor again (after an install refused with floor_unknown, say).
    void refresh_floor();
    // The operator confirmed: a floor rebuilt from the packs on disk replaces the lost one.
    void accept_rebuilt_floor();

    const std::vector<StoreWarning>& warnings() const { return warnings_; }
    bool floor_lost() const;

private:
    void set_floor_warning(const core::Expected<content::VersionFloor>& floor);
    void failed_check(const core::Error& problem, const std::string& built_in_path);
    void show_instead(const std::string& path, StoreWarning::Kind kind);

    PackLibrary* packs_;
    Workers& workers_;
    EventLog& log_;
    ShowPack show_pack_;
    CountEvent count_;
    std::vector<StoreWarning> warnings_;
};

} // namespace pavilion::model
