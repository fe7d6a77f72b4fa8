#include "pavilion/content/pin_lock.hpp"

#include "file_system_io.hpp"
#include "pavilion/content/unlock_token.hpp"

#include <sodium.h>

#include <fcntl.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <sstream>
#include <utility>

namespace pavilion::content {
namespace {

const char* const kPinFile = "operator-pin";
const char* const kCounterFile = "operator-pin-attempts";
// Format 2 added the recovery line; a file of format 1 (written before) still reads.
const char* const kCounterMagic = "pavilion-pin-attempts 2";
const char* const kCounterMagicV1 = "pavilion-pin-attempts 1";
const char* const kNoRecoveryCode = "-";

// Far more failures than anyone types; keeps the doubling and the file's numbers small.
constexpr int kMaxCountedFailures = 1000;

// Reads a small file whole, never through a symlink; nullopt when there is no such file. An
// error (its message only the reason, e.g. "File too large" over limit) means it is damaged.
Expected<std::optional<std::string>> read_small_file(FileSystem& fs, const std::string& path,
                                                     std::size_t limit) {
    fsio::ScopedFd file(fs, fs.open(FileSystem::kWorkingDirectory, path, O_RDONLY | O_NOFOLLOW));
    if (file.get() == -ENOENT) return std::optional<std::string>();
    std::string text;
    int rc = file.get();
    if (file.valid()) rc = fsio::read_capped(fs, file.get(), limit, text);
    if (rc < 0) return make_error(ErrorCode::io, error_text(rc));
    return std::optional<std::string>(std::move(text));
}

// BLAKE2b-128 of the counter's lines, in hex: a flipped bit on the SD card (say, failures 3
// becoming 1) is caught. It is not a secret MAC: whoever can write the state folder can also
// replace the PIN, so a key would protect nothing.
std::string counter_checksum(const std::string& body) {
    unsigned char digest[16];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(body.data()),
                       body.size(), nullptr, 0);
    char hex[sizeof digest * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

struct Counter {
    int failures = 0;
    std::int64_t locked_until = 0;
    std::int64_t last_seen = 0;
    std::string recovery_code; // "" = none
};

std::string counter_body(const Counter& counter) {
    std::ostringstream body;
    body << kCounterMagic << "\nfailures " << counter.failures << "\nlocked-until " << counter.locked_until
         << "\nlast-seen " << counter.last_seen << "\nrecovery "
         << (counter.recovery_code.empty() ? kNoRecoveryCode : counter.recovery_code) << "\n";
    return body.str();
}

// The recovery line of format 2: a code as new_recovery_code() makes it, or "-".
bool parse_recovery(std::istream& in, Counter& counter) {
    std::string key, code;
    in >> key >> code;
    if (!in || key != "recovery") return false;
    if (code == kNoRecoveryCode) return true;
    const auto normal = normalize_recovery_code(code);
    if (!normal || *normal != code) return false;
    counter.recovery_code = code;
    return true;
}

// Parses the exact format counter_body() writes plus its check line; anything else is damage.
bool parse_counter(const std::string& text, Counter& counter) {
    const std::size_t check_at = text.rfind("check ");
    if (check_at == std::string::npos) return false;
    const std::string body = text.substr(0, check_at);
    if (text.substr(check_at) != "check " + counter_checksum(body) + "\n") return false;
    std::istringstream in(body);
    std::string magic_line, key_failures, key_locked, key_seen;
    std::getline(in, magic_line);
    if (magic_line != kCounterMagic && magic_line != kCounterMagicV1) return false;
    in >> key_failures >> counter.failures >> key_locked >> counter.locked_until >> key_seen >>
        counter.last_seen;
    if (!in || key_failures != "failures" || key_locked != "locked-until" || key_seen != "last-seen")
        return false;
    if (magic_line == kCounterMagic && !parse_recovery(in, counter)) return false;
    std::string rest;
    if (in >> rest) return false; // nothing may follow what counter_body() writes
    if (counter.failures < 0 || counter.failures > kMaxCountedFailures) return false;
    // Never more lock-out than the schedule allows, whatever the file says.
    counter.locked_until = std::min(counter.locked_until, counter.last_seen + PinLock::max_lockout_seconds);
    return true;
}

} // namespace

PinHashCost PinHashCost::interactive() {
    // Argon2id at libsodium's INTERACTIVE level: 2 passes over 64 MiB, about 0.1 s on a desktop
    // core and a few tenths of a second on a Pi 4 (its memory bandwidth is the limit). A 4-8
    // digit PIN has at most 10^8 values, so no affordable cost stops an offline search of a
    // stolen hash; the file's mode and the lock-out do that. The hash keeps the PIN itself out of
    // the file (people reuse PINs) and makes a casual copy useless. MODERATE (256 MiB, over a
    // second) would take a big bite of a 2 GB Pi's memory while the kiosk's textures are loaded.
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PinHashCost PinHashCost::minimum() {
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

PinLock::PinLock(std::string state_dir, PinHashCost cost, std::shared_ptr<FileSystem> fs)
    : state_dir_(std::move(state_dir)), cost_(cost), fs_(std::move(fs)) {}

std::string PinLock::pin_path() const { return (std::filesystem::path(state_dir_) / kPinFile).string(); }

std::string PinLock::counter_path() const {
    return (std::filesystem::path(state_dir_) / kCounterFile).string();
}

bool PinLock::is_valid_pin(std::string_view pin) {
    return pin.size() >= 4 && pin.size() <= 8 &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool PinLock::offers_recovery(int failures) {
    return failures >= free_attempts + lockouts_before_recovery - 1;
}

std::int64_t PinLock::lockout_after(int failures) {
    if (failures < free_attempts) return 0;
    std::int64_t seconds = first_lockout_seconds;
    for (int extra = failures - free_attempts; extra > 0 && seconds < max_lockout_seconds; --extra)
        seconds *= 2;
    return std::min(seconds, max_lockout_seconds);
}

Expected<PinLock> PinLock::open(const std::string& state_dir, PinHashCost cost,
                                std::shared_ptr<FileSystem> fs) {
    if (!fs) return make_error(ErrorCode::invalid_argument, "PinLock::open needs a file system");
    if (sodium_init() < 0) return make_error(ErrorCode::io, "libsodium cannot start (no entropy source?)");
    const int made = fs->mkdir(state_dir, 0700);
    if (made < 0 && made != -EEXIST)
        return make_error(ErrorCode::io, "cannot create the state folder " + state_dir + ": " + error_text(made));
    {
        fsio::ScopedFd dir(*fs, fs->open(FileSystem::kWorkingDirectory, state_dir, O_RDONLY | O_DIRECTORY));
        if (!dir.valid())
            return make_error(ErrorCode::io, "cannot open the state folder " + state_dir + ": " +
                                                 error_text(dir.get()));
    }
    PinLock lock(state_dir, cost, std::move(fs));
    lock.load_pin();
    lock.load_counter();
    return lock;
}

void PinLock::load_pin() {
    const auto read = read_small_file(*fs_, pin_path(), crypto_pwhash_STRBYTES + 1);
    if (read && !*read) return; // no PIN set yet
    std::string text = read ? **read : std::string();
    if (!text.empty() && text.back() == '\n') text.pop_back();
    // needs_rehash() parses the string and answers -1 when it is not an Argon2id hash at all.
    const bool usable = read && !text.empty() && text.size() < crypto_pwhash_STRBYTES &&
                        text.find('\0') == std::string::npos &&
                        crypto_pwhash_str_needs_rehash(text.c_str(), cost_.opslimit, cost_.memlimit) != -1;
    if (usable) {
        hash_ = text;
        return;
    }
    notice_ = pin_path() + " is damaged (" + (read ? "not an Argon2id hash" : read.error().message) +
              "): operator mode is refused until a PIN is set again";
}

void PinLock::load_counter() {
    const auto read = read_small_file(*fs_, counter_path(), 1024);
    const bool missing = read && !*read;
    Counter counter;
    if (read && *read && parse_counter(**read, counter)) {
        failures_ = counter.failures;
        locked_until_ = counter.locked_until;
        last_seen_ = counter.last_seen;
        recovery_code_ = counter.recovery_code;
        return;
    }
    if (!has_pin()) return; // nothing to guard; set_pin() writes a fresh counter
    // The counter is written with every check, so a PIN without one means it was deleted or
    // damaged: assume the worst, a guesser who has just used up the free attempts.
    fail_safe_pending_ = true;
    failures_ = free_attempts;
    if (notice_.empty())
        notice_ = counter_path() + " is " +
                  (missing ? std::string("missing")
                           : "damaged (" + (read ? "bad contents" : read.error().message) + ")") +
                  ": the operator PIN is locked for " + std::to_string(first_lockout_seconds) +
                  " s as a precaution";
}

// Replaces path so that a crash at any moment leaves the old file or the new one whole: a fresh
// temp file beside it (O_EXCL, mode 0600: the hash and the counter are nobody else's business),
// fsync, rename over, fsync of the folder, which makes the rename itself durable.
Status PinLock::write_private_file(const std::string& path, const std::string& text) const {
    const std::string temp = path + ".tmp";
    const auto failure = [&](long rc) {
        static_cast<void>(fs_->unlink(temp));
        return make_error(ErrorCode::io, "cannot write " + path + ": " + error_text(rc));
    };
    static_cast<void>(fs_->unlink(temp)); // a leftover from a crash
    fsio::ScopedFd file(*fs_, fs_->open(FileSystem::kWorkingDirectory, temp,
                                        O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600));
    if (!file.valid()) return failure(file.get());
    if (const long rc = fsio::write_all(*fs_, file.get(), text.data(), text.size()); rc < 0)
        return failure(rc);
    if (const int rc = fs_->fsync(file.get()); rc < 0) return failure(rc);
    if (const int rc = file.close(); rc < 0) return failure(rc);
    if (const int rc = fs_->rename(temp, path); rc < 0) return failure(rc);
    if (const int rc = fsio::sync_directory(*fs_, state_dir_); rc < 0)
        return make_error(ErrorCode::io, "cannot sync " + state_dir_ + ": " + error_text(rc));
    return ok();
}

Status PinLock::save_counter() const {
    const std::string body = counter_body({failures_, locked_until_, last_seen_, recovery_code_});
    return write_private_file(counter_path(), body + "check " + counter_checksum(body) + "\n");
}

Status PinLock::set_pin(std::string_view pin) {
    if (!is_valid_pin(pin))
        return make_error(ErrorCode::invalid_argument, "an operator PIN is 4 to 8 digits (0-9)");
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, pin.data(), pin.size(), cost_.opslimit, cost_.memlimit) != 0)
        return make_error(ErrorCode::io, "not enough memory to hash the operator PIN");
    // The PIN first, then the counter: a crash in between leaves the new PIN with no counter,
    // which locks for the first delay, never the old PIN with a cleared counter.
    if (Status saved = write_private_file(pin_path(), std::string(hash) + "\n"); !saved)
        return saved.error();
    hash_ = hash;
    forget_failures();
    notice_.clear();
    return save_counter();
}

void PinLock::rebase_if_clock_went_back(std::int64_t now) {
    if (now >= last_seen_) return;
    const std::int64_t remaining = std::clamp<std::int64_t>(locked_until_ - last_seen_, 0, max_lockout_seconds);
    locked_until_ = remaining > 0 ? now + remaining : 0;
    last_seen_ = now;
}

std::int64_t PinLock::locked_for(std::int64_t now) const {
    if (fail_safe_pending_) return first_lockout_seconds;
    if (now < last_seen_) return std::clamp<std::int64_t>(locked_until_ - last_seen_, 0, max_lockout_seconds);
    return std::max<std::int64_t>(locked_until_ - now, 0);
}

// A damaged or missing counter file was found at open(): the first lock-out starts now.
void PinLock::settle_precaution(std::int64_t now) {
    if (!fail_safe_pending_) return;
    locked_until_ = now + first_lockout_seconds;
    fail_safe_pending_ = false;
}

// One more failure, its lock-out, and from the third lock-out on a recovery code (kept until
// the lock-out ends, so the token made for it stays good while the operator fetches it).
void PinLock::count_failure(std::int64_t now) {
    failures_ = std::min(failures_ + 1, kMaxCountedFailures);
    const std::int64_t lockout = lockout_after(failures_);
    locked_until_ = lockout > 0 ? now + lockout : 0;
    if (offers_recovery(failures_) && recovery_code_.empty()) {
        if (auto code = new_recovery_code()) recovery_code_ = std::move(code).value();
    }
}

void PinLock::forget_failures() {
    failures_ = 0;
    locked_until_ = 0;
    fail_safe_pending_ = false;
    recovery_code_.clear(); // a token made for it opens nothing any more
}

PinLockState PinLock::status(std::int64_t now) {
    rebase_if_clock_went_back(now);
    settle_precaution(now);
    last_seen_ = std::max(last_seen_, now);
    return {locked_for(now), recovery_code_};
}

Expected<PinCheck> PinLock::check(std::string_view pin, std::int64_t now) {
    PinCheck result;
    if (!has_pin()) return result; // not_configured
    rebase_if_clock_went_back(now);
    last_seen_ = now;
    settle_precaution(now);
    if (locked_until_ > now) {
        result.outcome = PinCheck::Outcome::locked;
        result.seconds_remaining = locked_until_ - now;
        result.recovery_code = recovery_code_;
        // Saved so that a clock going back later is measured from this check. A failure here
        // changes nothing: the lock holds in memory, and on disk it is at least as strict.
        (void)save_counter();
        return result;
    }

    // Counted as wrong, and saved, before the comparison: only a proven-right PIN undoes it.
    count_failure(now);
    if (Status saved = save_counter(); !saved)
        return make_error(ErrorCode::io, "operator mode refused: the PIN attempt counter cannot be saved (" +
                                             saved.error().message + ")");

    const bool right = is_valid_pin(pin) &&
                       crypto_pwhash_str_verify(hash_.c_str(), pin.data(), pin.size()) == 0;
    if (right) {
        forget_failures();
        // If this save fails the file still holds one failure more than the truth: stricter, so
        // the right PIN is still accepted.
        (void)save_counter();
        result.outcome = PinCheck::Outcome::accepted;
        return result;
    }
    result.outcome = PinCheck::Outcome::wrong;
    result.attempts_left = std::max(free_attempts - failures_, 0);
    result.seconds_remaining = std::max<std::int64_t>(locked_until_ - now, 0);
    result.recovery_code = recovery_code_;
    return result;
}

Expected<minisign::KeyId> PinLock::unlock_with_token(std::string_view token_text,
                                                     const std::vector<minisign::PublicKey>& trusted,
                                                     std::int64_t now) {
    if (recovery_code_.empty())
        return make_error(ErrorCode::invalid_argument,
                          "no unlock token is asked for: the keypad has not been locked out often enough");
    auto key = verify_unlock_token(trusted, token_text, recovery_code_);
    if (!key) return key.error();
    const PinLock before = *this;
    rebase_if_clock_went_back(now);
    last_seen_ = std::max(last_seen_, now);
    forget_failures();
    if (Status saved = save_counter(); !saved) {
        *this = before; // nothing cleared that the disk does not know of
        return make_error(ErrorCode::io, "the lock-out could not be cleared: the PIN attempt counter cannot be saved (" +
                                             saved.error().message + ")");
    }
    return key;
}

} // namespace pavilion::content
