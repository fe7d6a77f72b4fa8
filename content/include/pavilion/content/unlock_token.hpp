#pragma once
// Recovery from an operator PIN lock-out: a signed unlock token brought on a USB stick.
//
// Anyone at the stand can keep the keypad locked by typing a wrong PIN whenever a pause ends
// (each one up to an hour), and an operator may forget the PIN. After a few lock-outs the keypad
// shows a recovery code; whoever holds a signing key the kiosk trusts (the key packs are signed
// with) makes a token for that code on a computer (`pavilion-pack unlock-token CODE -s KEY`)
// and brings it in a stick's PAVILION folder. The kiosk checks it, clears the lock-out and lets
// the operator choose a new PIN.
//
// Why a code the kiosk shows, not a date range or a device id: the code is 50 random bits made
// by this kiosk for this lock-out, kept in its PIN counter file, and forgotten as soon as the
// lock-out ends (the right PIN, a new PIN, or a token). So a token opens one kiosk, once: on
// another kiosk, or on this one after its use, it is refused, and a token lost on a stick is
// worth nothing afterwards. A validity window would need a clock to trust, and a Pi 4 has no
// real-time clock (it may boot with a stale time); a device id would make a token that keeps
// working on that device for ever.
//
// The token is a minisign signature (the packs' format: Ed25519 over BLAKE2b-512, prehashed) of
// the message unlock_token_message(code), with the trusted comment unlock_token_comment(code).
// Both name the code, so it cannot be mistaken for a pack's signature, nor a pack's signature for
// a token. Debian's minisign makes one too:
//   printf 'pavilion-unlock %s\n' CODE > unlock.msg
//   minisign -S -s KEY -m unlock.msg -x unlock.token -t 'pavilion-unlock:CODE'

#include "pavilion/content/expected.hpp"
#include "pavilion/content/minisign.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pavilion::content {

// The token's name in the stick's PAVILION folder, and the most the kiosk reads of it
// (minisign's own signatures are under 1 KiB with a short comment).
inline constexpr const char* kUnlockTokenFile = "unlock.token";
inline constexpr std::size_t kUnlockTokenMaxBytes = 4096;

// A recovery code: 10 characters of Crockford's base32 (0-9 and A-Z without I, L, O, U), 50
// random bits, stored and signed without the dash.
inline constexpr std::size_t kRecoveryCodeLength = 10;
Expected<std::string> new_recovery_code();
// What a person typed, as a code: upper case, dashes and spaces dropped, O read as 0 and I or L
// as 1 (Crockford's rule for what people misread); nullopt when it is not 10 such characters.
std::optional<std::string> normalize_recovery_code(std::string_view typed);
// "ABCDE-FGHJK": as the keypad shows it, in two halves that are easy to read out.
std::string display_recovery_code(std::string_view code);

// What a token for `code` signs, and its trusted comment.
std::string unlock_token_message(std::string_view code);
std::string unlock_token_comment(std::string_view code);

// The text of a token file for code (a valid code: see normalize_recovery_code).
Expected<std::string> make_unlock_token(const minisign::SecretKey& key, std::string_view code);

// Checks a token's text (untrusted: it comes from a stick) for the code this kiosk asks:
//   bad_signature  not a minisign signature file;
//   untrusted      signed by a key the kiosk does not trust (or it trusts none);
//   tampered       made for another code (another kiosk, or a lock-out that has ended), or not a
//                  token at all (a pack's signature), or altered.
// The messages are the kiosk's own words; nothing of the token's text is repeated in them.
// Returns the key that signed it.
Expected<minisign::KeyId> verify_unlock_token(const std::vector<minisign::PublicKey>& trusted,
                                              std::string_view token_text, std::string_view code);

} // namespace pavilion::content
