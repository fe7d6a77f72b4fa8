#pragma once
// The operator PIN: 4 to 8 digits that open the operator panel, stored only as a libsodium
// Argon2id hash, with a lock-out after wrong guesses that a restart cannot undo.
//
// Two files in the kiosk's state directory (both mode 0600, written atomically):
//   operator-pin           the crypto_pwhash_str() string and a newline
//   operator-pin-attempts  the failure counter, lock-out end and recovery code, with a BLAKE2b
//                          check line
//
// The counter is written BEFORE the PIN is compared: a check counts as a failure until it has
// been proven right, so killing the kiosk in the middle of a check (or pulling the power) never
// gives a guesser a free attempt. A missing or damaged counter file next to a configured PIN is
// treated as "locked for the first lock-out delay", never as "no failures".
//
// Time is a wall-clock value in seconds since the Unix epoch, passed in by the caller (the kiosk
// passes time(nullptr); tests pass what they like). The lock-out must survive reboots, so it
// cannot use a monotonic clock, which restarts at zero. See check() for what happens when the
// wall clock jumps.
//
// Lock-outs grow (30 s, 1, 2, 4 ... minutes, at most an hour), and nobody can shorten one by
// tapping: while locked no PIN is compared and nothing is counted. But whoever stands at the
// keypad can start the next one, an hour long, whenever a pause ends; so from the third lock-out
// on the lock also offers a way round it that needs no PIN: a recovery code, and a token for
// that code signed by a trusted key (unlock_token.hpp), which clears the lock-out.
//
// Not thread-safe. check() and set_pin() hash the PIN, which takes a few hundred milliseconds on
// a Raspberry Pi 4 with the default cost: call them off the render thread, or accept one slow
// frame after the keypad's OK.

#include "pavilion/content/expected.hpp"
#include "pavilion/content/file_system.hpp"
#include "pavilion/content/minisign.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pavilion::content {

// What one Argon2id hash costs. The default is libsodium's INTERACTIVE level; tests pass
// minimum() so they run in milliseconds. Verification always uses the cost stored in the hash.
struct PinHashCost {
    unsigned long long opslimit;
    std::size_t memlimit;

    static PinHashCost interactive();
    static PinHashCost minimum();
};

struct PinCheck {
    enum class Outcome {
        accepted,       // the PIN is right; the failure counter is back at zero
        wrong,          // the PIN is wrong; attempts_left more wrong PINs before a lock-out
        locked,         // no PIN is compared for seconds_remaining more seconds
        not_configured, // no PIN is set (or its file is damaged): operator mode is refused
    };
    Outcome outcome = Outcome::not_configured;
    int attempts_left = 0;
    std::int64_t seconds_remaining = 0;
    std::string recovery_code; // wrong or locked: the code an unlock token must name, "" if none yet
};

// What the keypad shows when it opens.
struct PinLockState {
    std::int64_t locked_seconds = 0; // until a PIN is compared again
    std::string recovery_code;       // "" until recovery is offered
};

class PinLock {
public:
    // Wrong PINs allowed before the first lock-out, and the lock-out schedule: 30 s after the
    // third failure, doubling with every further failure, at most one hour.
    static constexpr int free_attempts = 3;
    static constexpr std::int64_t first_lockout_seconds = 30;
    static constexpr std::int64_t max_lockout_seconds = 3600;
    // Lock-outs before the lock offers recovery with an unlock token (see offers_recovery).
    static constexpr int lockouts_before_recovery = 3;

    // Reads the PIN and counter files from state_dir (created, mode 0700, if missing; its parent
    // must exist). Fails only when the folder cannot be made or opened; damaged files are
    // reported by notice(). Every file access goes through fs, so tests can fail or interrupt it.
    static Expected<PinLock> open(const std::string& state_dir,
                                  PinHashCost cost = PinHashCost::interactive(),
                                  std::shared_ptr<FileSystem> fs = std::make_shared<PosixFileSystem>());

    // True when a usable PIN hash is stored.
    bool has_pin() const { return !hash_.empty(); }

    // Stores a new PIN (4 to 8 ASCII digits) and clears the failure counter: whoever may set the
    // PIN (provisioning, or an operator already inside the panel) may also lift a lock-out.
    Status set_pin(std::string_view pin);

    // Compares pin with the stored one at wall-clock time now, saving the counter first.
    // An Error (io) means the counter could not be saved: the PIN was not compared, and the
    // caller must refuse operator mode.
    //
    // Outcomes: accepted; wrong with attempts_left > 0; wrong with attempts_left 0 and
    // seconds_remaining > 0 when this failure started a lock-out; locked when no PIN was
    // compared; not_configured when there is no PIN.
    //
    // Clock jumps: the counter file keeps the latest time seen. When now is earlier than that
    // (the clock went back, e.g. a Pi without a real-time clock booting with a stale time), the
    // lock-out is re-based on now with the time that remained at the last check: it never ends
    // early and never lasts longer than what remained. A jump forward does shorten a lock-out;
    // only root can set the clock, and without a battery-backed clock a reboot cannot be told
    // apart from a jump.
    Expected<PinCheck> check(std::string_view pin, std::int64_t now);

    // Seconds until a PIN can be tried again (0 when it can), for the keypad's countdown.
    // Reads nothing and writes nothing.
    std::int64_t locked_for(std::int64_t now) const;

    // The lock-out and the recovery code, for a keypad that opens at `now`. It settles in memory
    // what check() would settle at `now` (a clock that went back, the precaution after a damaged
    // counter), so a keypad that counts this lock-out down finds the PIN compared when it ends,
    // not a second lock-out. The file is left as it is: stricter, until the next check saves.
    PinLockState status(std::int64_t now);

    // "" until recovery is offered; then the code an unlock token must name, until the lock-out
    // ends (the right PIN, set_pin, or a token).
    const std::string& recovery_code() const { return recovery_code_; }

    // Clears the lock-out with an unlock token for the current recovery code, signed by one of
    // `trusted` (see verify_unlock_token for its refusals; invalid_argument when no recovery is
    // offered, io when the cleared counter cannot be saved, and then nothing is cleared). The
    // code is forgotten: the token never works again. Returns the key that signed it.
    Expected<minisign::KeyId> unlock_with_token(std::string_view token_text,
                                                const std::vector<minisign::PublicKey>& trusted,
                                                std::int64_t now);

    // Consecutive wrong PINs since the last right one.
    int failures() const { return failures_; }

    // "" or one line about a damaged file found at open(), for the kiosk's log.
    const std::string& notice() const { return notice_; }

    // 4 to 8 ASCII digits.
    static bool is_valid_pin(std::string_view pin);

    // The lock-out that follows the given number of consecutive failures (0 before the third).
    static std::int64_t lockout_after(int failures);
    // Whether that many consecutive failures have brought lockouts_before_recovery lock-outs.
    static bool offers_recovery(int failures);

private:
    PinLock(std::string state_dir, PinHashCost cost, std::shared_ptr<FileSystem> fs);

    std::string pin_path() const;
    std::string counter_path() const;
    void load_pin();
    void load_counter();
    void rebase_if_clock_went_back(std::int64_t now);
    void settle_precaution(std::int64_t now);
    void count_failure(std::int64_t now);
    void forget_failures();
    Status save_counter() const;
    Status write_private_file(const std::string& path, const std::string& text) const;

    std::string state_dir_;
    PinHashCost cost_;
    std::shared_ptr<FileSystem> fs_;
    std::string hash_; // the crypto_pwhash_str string; "" when no usable PIN is stored
    int failures_ = 0;
    std::int64_t locked_until_ = 0; // wall-clock seconds; 0 = not locked
    std::int64_t last_seen_ = 0;    // the `now` of the last check (saved with the counter)
    bool fail_safe_pending_ = false; // the counter was missing or damaged: lock at the next check
    std::string recovery_code_;      // "" = no recovery offered
    std::string notice_;
};

} // namespace pavilion::content
