#pragma once
// Signing and verifying content packs in the minisign format
// (https://jedisct1.github.io/minisign/), so packs can be signed and checked with either
// pavilion-pack or the stock `minisign` tool.
//
// Everything here parses untrusted text (key and signature files arrive on USB sticks):
// malformed input yields an Error, never an exception or a crash.

#include "pavilion/content/expected.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pavilion::content::minisign {

// Random 8-byte id that ties a signature to the key that made it.
using KeyId = std::array<std::uint8_t, 8>;

struct PublicKey {
    KeyId key_id{};
    std::array<std::uint8_t, 32> key{}; // Ed25519 public key
};

// An Ed25519 secret key (seed || public key). Wipes itself when destroyed so the key does
// not linger in freed memory.
struct SecretKey {
    KeyId key_id{};
    std::array<std::uint8_t, 64> key{};

    SecretKey() = default;
    SecretKey(const SecretKey&) = default;
    SecretKey(SecretKey&&) = default;
    SecretKey& operator=(const SecretKey&) = default;
    SecretKey& operator=(SecretKey&&) = default;
    ~SecretKey();
};

using FileHash = std::array<std::uint8_t, 64>; // BLAKE2b-512 of a file's bytes

// The key id as minisign prints it: 16 upper-case hex digits (the id read as a
// little-endian 64-bit number), e.g. "4E4A7BE00CEDB1D9".
std::string key_id_hex(const KeyId& id);

// A minisign public key file ("untrusted comment: ..." then the base64 key), or the bare
// base64 key on one line (as `minisign -P` takes it).
Expected<PublicKey> parse_public_key(std::string_view file_text);

// A minisign secret key file. Unencrypted keys (`minisign -G -W`, `pavilion-pack keygen`)
// need no password; password-protected ones are decrypted with `password`.
Expected<SecretKey> parse_secret_key(std::string_view file_text, std::string_view password = {});

// The public half of a secret key, e.g. to check it against a trusted key before signing.
PublicKey public_key_of(const SecretKey& secret);

// The text of a public key file, as `minisign -G` writes it.
std::string format_public_key(const PublicKey& key);

struct KeyFiles {
    std::string public_key_file; // text of the .pub file
    std::string secret_key_file; // text of the unencrypted .key file: keep it secret
    KeyId key_id{};
};

// A fresh key pair, the secret key unencrypted (like `minisign -G -W`).
Expected<KeyFiles> generate_key_pair();

// BLAKE2b-512 of a file, read in 64 KiB chunks (packs can be large).
Expected<FileHash> hash_file(const std::string& path);
FileHash hash_bytes(const void* data, std::size_t size);

// The whole text of a .minisig file for the file whose hash is given (minisign's
// pre-hashed "ED" format). Both comments must be single lines (no '\n', '\r' or NUL) and
// within minisign's length limits, else invalid_argument.
Expected<std::string> sign(const SecretKey& key, const FileHash& file_hash,
                           std::string_view trusted_comment,
                           std::string_view untrusted_comment =
                               "signature from pavilion-pack secret key");

struct Verified {
    KeyId key_id{};
    std::string trusted_comment;
};

// Checks a .minisig file against the hash of the file it signs:
//   bad_signature - the signature file cannot be parsed (or is a legacy "Ed" signature);
//   untrusted     - it was made by a key that is not in `trusted`;
//   tampered      - the file or the trusted comment does not match the signature.
Expected<Verified> verify(const std::vector<PublicKey>& trusted,
                          std::string_view signature_file_text, const FileHash& file_hash);

// Checks only the global signature, which covers the file's signature and the trusted comment
// but not the file: a trusted key vouched for this comment. What an installer needs to refuse a
// forged claim ("version 999") before it copies a byte of the file; verify() must still follow.
// Same errors as verify(), tampered meaning the trusted comment was altered.
Expected<Verified> verify_trusted_comment(const std::vector<PublicKey>& trusted,
                                          std::string_view signature_file_text);

} // namespace pavilion::content::minisign
