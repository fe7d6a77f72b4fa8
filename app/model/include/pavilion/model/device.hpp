#pragma once
// What the model needs from the kiosk's state directory (--state DIR): the installed packs and
// their installer, the operator PIN, visitor statistics and the operator's saved settings.
//
// Each is behind a small interface so the model's tests use fakes (an in-memory library, a PIN
// gate that answers at once); open_device() makes the real ones. Every call on them is slow
// (files, SQLite, Argon2id, BLAKE2b over a whole pack) and runs on one of the model's worker
// threads, never the render thread; each object is used by one worker at a time.

#include "pavilion/content/pack_installer.hpp"
#include "pavilion/content/pack_store.hpp"
#include "pavilion/content/pin_lock.hpp"
#include "pavilion/content/visit_stats.hpp"
#include "pavilion/core/expected.hpp"
#include "pavilion/model/operator_view.hpp"
#include "pavilion/model/settings.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pavilion::model {

// The installed packs and the way new ones get in (content::PackStore and PackInstaller).
class PackLibrary {
public:
    virtual ~PackLibrary() = default;

    // Verifies and installs a pack found on a stick or in an inbox (see content::PackInstaller:
    // a refusal's ErrorCode says why, e.g. not_newer, other_pack, tampered, no_space).
    virtual core::Expected<content::InstallResult> install(const content::Candidate& candidate,
                                                           const content::InstallOptions& options) = 0;
    virtual core::Expected<std::optional<content::InstalledPack>> active() = 0;
    virtual core::Expected<std::optional<content::InstalledPack>> previous() = 0;
    // Swaps current and previous; the new current pack.
    virtual core::Expected<content::InstalledPack> rollback() = 0;
    // Title, date and signer of an installed pack, its signature checked again against the
    // trusted keys (the whole file hashed: seconds for a large pack on a Pi).
    virtual OperatorPackInfo describe(const content::InstalledPack& pack, const std::string& locale) = 0;
    // The installed pack's bytes against its signature, again (the whole file hashed): at start,
    // trust nothing on the disk. tampered / untrusted / io with one line saying what and where.
    virtual core::Status verify(const content::InstalledPack& pack) = 0;
    // The version floor (content::VersionFloor); floor_unknown when it is damaged or lost.
    virtual core::Expected<content::VersionFloor> floor() = 0;
    // The operator's confirmation after floor_unknown: a floor rebuilt from the packs on disk.
    virtual core::Expected<content::VersionFloor> accept_rebuilt_floor() = 0;
    // The keys packs must be signed with (keys/*.pub): they also sign unlock tokens, and what a
    // pack on a stick claims to be is checked against them before the operator is asked.
    virtual content::TrustedKeys trusted_keys() = 0;
};

// The operator PIN (content::PinLock): an Argon2id check that takes a deliberate fraction of a
// second, a lock-out that a restart cannot undo, and the way out of it with an unlock token.
// now_s: wall-clock seconds.
class PinGate {
public:
    virtual ~PinGate() = default;
    virtual core::Expected<content::PinCheck> check(std::string_view pin, std::int64_t now_s) = 0;
    // The lock-out and recovery code as a keypad opening now shows them.
    virtual content::PinLockState status(std::int64_t now_s) = 0;
    // Ends the lock-out with a token for the current recovery code; the key that signed it.
    virtual core::Expected<content::minisign::KeyId> unlock_with_token(
        std::string_view token_text, const std::vector<content::minisign::PublicKey>& trusted, std::int64_t now_s) = 0;
    // A new PIN (4 to 8 digits); clears the failure counter.
    virtual core::Status set_pin(std::string_view pin) = 0;
};

// Everything a deployed kiosk keeps in its state directory; all absent without --state.
struct Device {
    std::string state_dir;                     // "" without --state: a plain viewer of its pack
    std::unique_ptr<PackLibrary> packs;        // null: no updates, no rollback
    std::unique_ptr<PinGate> pins;             // null: no operator mode
    std::unique_ptr<content::VisitStats> stats; // null: no statistics
    // How USB sticks (and inboxes) are read and written: unlock tokens, the signatures of packs
    // offered, exports. Tests use one that calls a temporary folder a mount point.
    std::shared_ptr<content::FileSystem> sticks = std::make_shared<content::PosixFileSystem>();
    DeviceSettings settings;                   // the operator's saved choices
    std::vector<std::string> notices;          // what opening them found (a damaged file...)
};

// Opens the real services in state_dir (files and SQLite: call it off the render thread). A part
// that cannot be opened is left out, with a line in notices saying why; "" gives an empty Device.
// built_in: the pack built into the kiosk, which the version floor counts as installed.
Device open_device(const std::string& state_dir, const std::optional<content::PackIdentity>& built_in = std::nullopt);

// The PIN lock as a PinGate.
std::unique_ptr<PinGate> pin_gate(content::PinLock lock);

} // namespace pavilion::model
