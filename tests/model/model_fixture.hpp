#pragma once
// The model under test: a real model::Kiosk over real packs, with fakes where the machine
// would be slow or hard to provoke (the installed-pack library), a PIN lock at the cheapest
// hash cost, statistics in a temporary SQLite file, a wall clock the test sets, and the log
// captured. Time is the test's: every step names its own `now`.

#include "pavilion/content/minisign.hpp"
#include "pavilion/content/pack_reader.hpp"
#include "mounted_folders.hpp"
#include "pavilion/model/kiosk.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <optional>
#include <string>
#include <vector>

namespace pavilion::testing {

// The fixture pack the build made; the default pack as the "other" pack.
const std::string& mini_pack_path();
inline std::string default_pack_path() { return PAVILION_DEFAULT_PACK; }
std::shared_ptr<const content::PackReader> open_shared(const std::string& path);

// Installed packs in memory. The test scripts what installs return and watches what was asked.
class FakePackLibrary final : public model::PackLibrary {
public:
    struct State {
        std::mutex mutex;
        std::vector<std::pair<std::string, bool>> installs;          // pack name, force
        std::deque<core::Expected<content::InstallResult>> outcomes; // the next installs' answers
        std::optional<content::InstalledPack> active, previous;
        std::optional<core::Error> rollback_error;
        int describes = 0;
        std::set<std::string> failing_check;   // installed pack paths whose signature no longer matches
        std::optional<core::Error> floor_error; // floor(): floor_unknown until accepted
        int rebuilt_floors = 0;
        content::TrustedKeys keys; // what trusted_keys() answers
        std::optional<content::PackClaim> confirmed; // what the last install was told to expect
        // Runs inside install() on the installs worker (progress reports, a wait).
        std::function<void(const content::InstallOptions&)> during_install;
    };

    explicit FakePackLibrary(std::shared_ptr<State> state) : state_(std::move(state)) {}

    core::Expected<content::InstallResult> install(const content::Candidate& candidate,
                                                   const content::InstallOptions& options) override;
    core::Expected<std::optional<content::InstalledPack>> active() override;
    core::Expected<std::optional<content::InstalledPack>> previous() override;
    core::Expected<content::InstalledPack> rollback() override;
    model::OperatorPackInfo describe(const content::InstalledPack& pack, const std::string& locale) override;
    core::Status verify(const content::InstalledPack& pack) override;
    core::Expected<content::VersionFloor> floor() override;
    core::Expected<content::VersionFloor> accept_rebuilt_floor() override;
    content::TrustedKeys trusted_keys() override;

private:
    std::shared_ptr<State> state_;
};

// An installed pack as the store would name it.
content::InstalledPack installed(const std::string& path, const std::string& id, std::int64_t version);
// An install that went in.
content::InstallResult install_of(const std::string& path, const std::string& id, std::int64_t version);

struct KioskOptions {
    bool with_device = true;       // a state directory: PIN, statistics, updates
    bool with_pin = true;          // an operator PIN "2468" is set
    std::string pack_path;         // "" = the mini pack
    std::function<core::Status(const content::PackReader&)> prepare_pack;
    model::DeviceSettings settings;
    // The installed packs as the kiosk finds them at start (default: none installed).
    std::shared_ptr<FakePackLibrary::State> library;
    std::string built_in_pack_path; // KioskConfig::built_in_pack_path
};

class KioskHarness {
public:
    static constexpr const char* kPin = "2468";
    static constexpr float kCorner = 48;

    explicit KioskHarness(KioskOptions options = {});

    model::Kiosk& kiosk() { return *kiosk_; }
    FakePackLibrary::State& library() { return *library_; }
    // A folder that the kiosk takes for a mounted USB stick (with an empty PAVILION folder), and
    // the media event that says it was plugged in.
    std::string make_stick(const std::string& name);
    static content::MediaEvent stick_inserted(const std::string& mount_point);
    // The signature of a pack offered in folder: pack_name.minisig, claiming id and version,
    // signed by the library's trusted key (or by a key the kiosk does not trust).
    void offer_signed(const std::string& folder, const std::string& pack_name, const std::string& id,
                      std::int64_t version, bool trusted = true) const;
    // An unlock token for the code the keypad shows ("7K2QD-M9XAT"), signed by the trusted key
    // (or not), written into the stick's PAVILION folder.
    void put_unlock_token(const std::string& mount_point, const std::string& shown_code, bool trusted = true) const;
    const std::string& state_dir() const { return state_dir_; }
    TempDir& dir() { return dir_; }

    // One frame at `now`: the touches and media, time, and what the model says to draw.
    model::FrameModel step(core::Millis now, const std::vector<core::PointerEvent>& touches = {},
                           const std::vector<content::MediaEvent>& media = {});
    // Touches and media only, with no poll: background work they start answers at the next step.
    void input(core::Millis now, const std::vector<core::PointerEvent>& touches,
               const std::vector<content::MediaEvent>& media = {}) {
        kiosk_->input(now, touches, media);
    }
    // A frame after every background job has answered.
    model::FrameModel settled(core::Millis now);
    void apply(const model::Intent& intent, core::Millis now) { kiosk_->apply(intent, now); }

    // A press and release at (x, y) starting at `at`, 50 ms long; returns the frame after it.
    model::FrameModel tap(float x, float y, core::Millis at);
    // The operator's hidden hold (5 s in the corner) from `at`, and the PIN typed and sent.
    model::FrameModel open_keypad(core::Millis at);
    model::FrameModel type_pin(const std::string& pin, core::Millis at);

    void set_wall_clock(std::int64_t seconds) { wall_clock_->store(seconds); }
    std::int64_t wall_clock() const { return wall_clock_->load(); }

    // Every line the kiosk logged, and whether one contains `text`.
    std::vector<std::string> log() const;
    bool logged(const std::string& text) const;

private:
    TempDir dir_;
    std::string state_dir_;
    std::shared_ptr<FakePackLibrary::State> library_ = std::make_shared<FakePackLibrary::State>();
    std::shared_ptr<MountedFolders> sticks_ = std::make_shared<MountedFolders>();
    content::minisign::SecretKey trusted_key_, stranger_key_; // the first's public half is trusted
    std::shared_ptr<std::atomic<std::int64_t>> wall_clock_ = std::make_shared<std::atomic<std::int64_t>>(1767225600);
    std::shared_ptr<std::mutex> log_mutex_ = std::make_shared<std::mutex>();
    std::shared_ptr<std::vector<std::string>> log_ = std::make_shared<std::vector<std::string>>();
    std::unique_ptr<model::Kiosk> kiosk_;
};

core::PointerEvent touch(core::PointerEvent::Type type, float x, float y, core::Millis time);

} // namespace pavilion::testing
