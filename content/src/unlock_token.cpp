#include "pavilion/content/unlock_token.hpp"

#include <sodium.h>

#include <array>

namespace pavilion::content {
namespace {

// Crockford's base32: no I, L, O or U, so a code read aloud or off a photo is not misread.
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

constexpr std::string_view kMessagePrefix = "pavilion-unlock ";
constexpr std::string_view kCommentPrefix = "pavilion-unlock:";

bool is_code(std::string_view code) {
    return code.size() == kRecoveryCodeLength && code.find_first_not_of(kAlphabet) == std::string_view::npos;
}

} // namespace

Expected<std::string> new_recovery_code() {
    if (sodium_init() < 0) return make_error(ErrorCode::io, "libsodium cannot start (no entropy source?)");
    std::array<unsigned char, kRecoveryCodeLength> random{};
    randombytes_buf(random.data(), random.size());
    std::string code;
    // 256 is a multiple of 32: the low five bits of a random byte are uniform.
    for (const unsigned char byte : random) code += kAlphabet[byte & 31u];
    sodium_memzero(random.data(), random.size());
    return code;
}

std::optional<std::string> normalize_recovery_code(std::string_view typed) {
    std::string code;
    for (char c : typed) {
        if (c == '-' || c == ' ') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c == 'O') c = '0';
        if (c == 'I' || c == 'L') c = '1';
        code += c;
        if (code.size() > kRecoveryCodeLength) return std::nullopt;
    }
    if (!is_code(code)) return std::nullopt;
    return code;
}

std::string display_recovery_code(std::string_view code) {
    const std::size_t half = code.size() / 2;
    return std::string(code.substr(0, half)) + "-" + std::string(code.substr(half));
}

std::string unlock_token_message(std::string_view code) {
    return std::string(kMessagePrefix) + std::string(code) + "\n";
}

std::string unlock_token_comment(std::string_view code) { return std::string(kCommentPrefix) + std::string(code); }

Expected<std::string> make_unlock_token(const minisign::SecretKey& key, std::string_view code) {
    if (!is_code(code))
        return make_error(ErrorCode::invalid_argument,
                          "a recovery code is 10 letters and digits, as the kiosk's keypad shows it");
    const std::string message = unlock_token_message(code);
    const minisign::FileHash hash = minisign::hash_bytes(message.data(), message.size());
    return minisign::sign(key, hash, unlock_token_comment(code), "pavilion unlock token");
}

Expected<minisign::KeyId> verify_unlock_token(const std::vector<minisign::PublicKey>& trusted,
                                              std::string_view token_text, std::string_view code) {
    if (trusted.empty())
        return make_error(ErrorCode::untrusted, "this kiosk trusts no signing key, so no token can unlock it");
    // Who wrote the comment first: an unknown key or a damaged file is said as such, whatever
    // code the token names.
    const auto comment = minisign::verify_trusted_comment(trusted, token_text);
    if (!comment) {
        switch (comment.error().code) {
        case ErrorCode::untrusted:
            return make_error(ErrorCode::untrusted, "the unlock token is signed by a key this kiosk does not trust");
        case ErrorCode::tampered: return make_error(ErrorCode::tampered, "the unlock token was altered after signing");
        default: return make_error(ErrorCode::bad_signature, "the unlock token is not a signed token file");
        }
    }
    const std::string message = unlock_token_message(code);
    const auto verified = minisign::verify(trusted, token_text, minisign::hash_bytes(message.data(), message.size()));
    if (!verified || verified->trusted_comment != unlock_token_comment(code))
        return make_error(ErrorCode::tampered,
                          "the unlock token was made for another code (another kiosk, or a lock-out that has "
                          "ended): make one for the code on the keypad");
    return verified->key_id;
}

} // namespace pavilion::content
