#include "pavilion/content/minisign.hpp"

#include <sodium.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <system_error>
#include <utility>

namespace pavilion::content::minisign {

namespace {

// Byte layouts of minisign's structures (src/minisign.h), all packed, integers little-endian.
constexpr std::size_t kAlgBytes = 2;
constexpr std::size_t kKeyIdBytes = 8;
constexpr std::size_t kPublicKeyBytes = crypto_sign_PUBLICKEYBYTES;  // 32
constexpr std::size_t kSecretKeyBytes = crypto_sign_SECRETKEYBYTES;  // 64
constexpr std::size_t kSignatureBytes = crypto_sign_BYTES;           // 64
constexpr std::size_t kChecksumBytes = crypto_generichash_BYTES;     // 32
constexpr std::size_t kSaltBytes = crypto_pwhash_scryptsalsa208sha256_SALTBYTES; // 32

// PubkeyStruct: sig_alg || key_id || pk
constexpr std::size_t kPublicBlobBytes = kAlgBytes + kKeyIdBytes + kPublicKeyBytes;
// SigStruct: sig_alg || key_id || sig
constexpr std::size_t kSignatureBlobBytes = kAlgBytes + kKeyIdBytes + kSignatureBytes;
// SeckeyStruct: sig_alg || kdf_alg || chk_alg || salt || opslimit || memlimit || keynum_sk,
// keynum_sk = key_id || sk || checksum (the part a password encrypts).
constexpr std::size_t kKdfAlgAt = kAlgBytes;
constexpr std::size_t kChkAlgAt = kKdfAlgAt + kAlgBytes;
constexpr std::size_t kSaltAt = kChkAlgAt + kAlgBytes;
constexpr std::size_t kOpsLimitAt = kSaltAt + kSaltBytes;
constexpr std::size_t kMemLimitAt = kOpsLimitAt + 8;
constexpr std::size_t kKeynumAt = kMemLimitAt + 8;
constexpr std::size_t kSecretKeyAt = kKeynumAt + kKeyIdBytes;
constexpr std::size_t kChecksumAt = kSecretKeyAt + kSecretKeyBytes;
constexpr std::size_t kSecretBlobBytes = kChecksumAt + kChecksumBytes; // 158
constexpr std::size_t kKeynumBytes = kSecretBlobBytes - kKeynumAt;

using PublicBlob = std::array<std::uint8_t, kPublicBlobBytes>;
using SignatureBlob = std::array<std::uint8_t, kSignatureBlobBytes>;
using SecretBlob = std::array<std::uint8_t, kSecretBlobBytes>;
using Signature = std::array<std::uint8_t, kSignatureBytes>;
using Checksum = std::array<std::uint8_t, kChecksumBytes>;

constexpr std::uint8_t kAlgEd25519[kAlgBytes] = {'E', 'd'};  // keys; legacy whole-file signatures
constexpr std::uint8_t kAlgPrehashed[kAlgBytes] = {'E', 'D'}; // signatures of BLAKE2b-512(file)
constexpr std::uint8_t kKdfScrypt[kAlgBytes] = {'S', 'c'};
constexpr std::uint8_t kKdfNone[kAlgBytes] = {0, 0};
constexpr std::uint8_t kChkBlake2b[kAlgBytes] = {'B', '2'};

constexpr std::string_view kUntrustedPrefix = "untrusted comment: ";
constexpr std::string_view kTrustedPrefix = "trusted comment: ";
// minisign reads comment lines into fixed buffers (COMMENTMAXBYTES, TRUSTEDCOMMENTMAXBYTES);
// longer comments would make files that minisign cannot verify.
constexpr std::size_t kMaxUntrustedComment = 1024 - kUntrustedPrefix.size() - 2;
constexpr std::size_t kMaxTrustedComment = 8192 - kTrustedPrefix.size() - 2;
constexpr std::size_t kHashChunkBytes = 64 * 1024;

// Wipes secret bytes when the scope ends, whichever return path is taken.
class WipeOnExit {
public:
    WipeOnExit(void* data, std::size_t size) : data_(data), size_(size) {}
    ~WipeOnExit() { sodium_memzero(data_, size_); }
    WipeOnExit(const WipeOnExit&) = delete;
    WipeOnExit& operator=(const WipeOnExit&) = delete;

private:
    void* data_;
    std::size_t size_;
};

bool sodium_ready() {
    // sodium_init() is idempotent and thread-safe; caching its result avoids repeating it.
    static const bool ready = sodium_init() >= 0;
    return ready;
}

Error sodium_unavailable() {
    return make_error(ErrorCode::io, "the crypto library (libsodium) could not be initialised");
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && text.substr(0, prefix.size()) == prefix;
}

bool has_alg(const std::uint8_t* bytes, const std::uint8_t (&alg)[kAlgBytes]) {
    return std::memcmp(bytes, alg, kAlgBytes) == 0;
}

// Lines without their terminator; a CR before the LF is dropped too, since files may have
// passed through Windows. A final line break does not start another (empty) line.
std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim_blanks(std::string_view text) {
    while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
    return text;
}

// Strict decoding: the line must be exactly the base64 of N bytes, nothing more or less.
template <std::size_t N>
bool decode_base64(std::string_view line, std::array<std::uint8_t, N>& out) {
    line = trim_blanks(line);
    if (line.empty()) return false;
    // libsodium 1.0.18 decodes any byte from 0x80 up as '/', so a damaged signature could still
    // verify: only the standard alphabet (and '=' padding) is a minisign line.
    for (const char c : line) {
        const bool alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
                              c == '/' || c == '=';
        if (!alphabet) return false;
    }
    std::size_t decoded = 0;
    const int rc = sodium_base642bin(out.data(), out.size(), line.data(), line.size(), nullptr,
                                     &decoded, nullptr, sodium_base64_VARIANT_ORIGINAL);
    return rc == 0 && decoded == N;
}

std::string encode_base64(const std::uint8_t* data, std::size_t size) {
    std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::uint64_t load_le64(const std::uint8_t* p) {
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i) value = (value << 8) | p[i];
    return value;
}

// The line holding a key: the one after "untrusted comment:", or the only line of a bare key.
Expected<std::string_view> key_line(std::string_view file_text, std::string_view what) {
    if (trim_blanks(file_text).empty()) {
        return make_error(ErrorCode::bad_key, std::string(what) + " file is empty");
    }
    const std::vector<std::string_view> lines = split_lines(trim_blanks(file_text));
    if (!starts_with(lines[0], "untrusted comment:")) return lines[0];
    if (lines.size() < 2) {
        return make_error(ErrorCode::bad_key,
                          std::string(what) + " file is truncated (line 2, the key, is missing)");
    }
    return lines[1];
}

// BLAKE2b-256(sig_alg || key_id || sk), which minisign stores to detect wrong passwords.
Checksum secret_key_checksum(const SecretBlob& blob) {
    Checksum checksum{};
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, checksum.size());
    crypto_generichash_update(&state, blob.data(), kAlgBytes);
    crypto_generichash_update(&state, blob.data() + kKeynumAt, kKeyIdBytes + kSecretKeyBytes);
    crypto_generichash_final(&state, checksum.data(), checksum.size());
    return checksum;
}

bool is_all_zero(const std::uint8_t* data, std::size_t size) {
    return sodium_is_zero(data, size) == 1;
}

bool checksum_matches(const SecretBlob& blob) {
    Checksum expected = secret_key_checksum(blob);
    WipeOnExit wipe(expected.data(), expected.size());
    return sodium_memcmp(expected.data(), blob.data() + kChecksumAt, kChecksumBytes) == 0;
}

// XORs keynum_sk with the scrypt stream derived from the password, as minisign does.
Status decrypt_secret_blob(SecretBlob& blob, std::string_view password) {
    if (password.empty()) {
        return make_error(ErrorCode::bad_key, "secret key is encrypted and needs a password");
    }
    const std::uint64_t opslimit = load_le64(blob.data() + kOpsLimitAt);
    const std::uint64_t memlimit = load_le64(blob.data() + kMemLimitAt);
    // minisign never uses more than the "sensitive" limits; refusing more keeps a crafted key
    // file from making us allocate or compute without bound.
    if (opslimit > crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_SENSITIVE ||
        memlimit > crypto_pwhash_scryptsalsa208sha256_MEMLIMIT_SENSITIVE) {
        return make_error(ErrorCode::bad_key,
                          "secret key asks for key derivation limits beyond minisign's own");
    }
    std::array<std::uint8_t, kKeynumBytes> stream{};
    WipeOnExit wipe(stream.data(), stream.size());
    if (crypto_pwhash_scryptsalsa208sha256(stream.data(), stream.size(), password.data(),
                                           password.size(), blob.data() + kSaltAt, opslimit,
                                           static_cast<std::size_t>(memlimit)) != 0) {
        return make_error(ErrorCode::bad_key,
                          "could not derive the key from the password (out of memory?)");
    }
    for (std::size_t i = 0; i < kKeynumBytes; ++i) blob[kKeynumAt + i] ^= stream[i];
    if (!checksum_matches(blob)) {
        return make_error(ErrorCode::bad_key, "wrong password for this secret key");
    }
    return ok();
}

// An Ed25519 secret key is seed || public key; a damaged file breaks that relation.
bool halves_match(const std::uint8_t* sk) {
    std::array<std::uint8_t, kPublicKeyBytes> pk{};
    std::array<std::uint8_t, kSecretKeyBytes> rebuilt{};
    WipeOnExit wipe(rebuilt.data(), rebuilt.size());
    crypto_sign_seed_keypair(pk.data(), rebuilt.data(), sk);
    return sodium_memcmp(pk.data(), sk + crypto_sign_SEEDBYTES, pk.size()) == 0;
}

Status check_secret_header(const SecretBlob& blob) {
    if (!has_alg(blob.data(), kAlgEd25519)) {
        return make_error(ErrorCode::bad_key,
                          "unsupported secret key algorithm (expected Ed25519)");
    }
    if (!has_alg(blob.data() + kChkAlgAt, kChkBlake2b)) {
        return make_error(ErrorCode::bad_key, "unsupported secret key checksum algorithm");
    }
    const std::uint8_t* kdf = blob.data() + kKdfAlgAt;
    if (!has_alg(kdf, kKdfScrypt) && !has_alg(kdf, kKdfNone)) {
        return make_error(ErrorCode::bad_key, "unsupported secret key encryption (key derivation)");
    }
    return ok();
}

Status unlock_secret_blob(SecretBlob& blob, std::string_view password) {
    if (has_alg(blob.data() + kKdfAlgAt, kKdfScrypt)) return decrypt_secret_blob(blob, password);
    // minisign 0.11 leaves the checksum of unencrypted keys zero; check it only when present.
    const bool has_checksum = !is_all_zero(blob.data() + kChecksumAt, kChecksumBytes);
    if (has_checksum && !checksum_matches(blob)) {
        return make_error(ErrorCode::bad_key, "secret key is damaged (checksum mismatch)");
    }
    return ok();
}

SecretBlob make_secret_blob(const SecretKey& key) {
    SecretBlob blob{}; // unencrypted: kdf_alg, salt and limits stay zero
    std::memcpy(blob.data(), kAlgEd25519, kAlgBytes);
    std::memcpy(blob.data() + kKdfAlgAt, kKdfNone, kAlgBytes);
    std::memcpy(blob.data() + kChkAlgAt, kChkBlake2b, kAlgBytes);
    std::memcpy(blob.data() + kKeynumAt, key.key_id.data(), kKeyIdBytes);
    std::memcpy(blob.data() + kSecretKeyAt, key.key.data(), kSecretKeyBytes);
    const Checksum checksum = secret_key_checksum(blob);
    std::memcpy(blob.data() + kChecksumAt, checksum.data(), kChecksumBytes);
    return blob;
}

std::optional<Error> check_comment(std::string_view comment, std::size_t max_size,
                                   std::string_view what) {
    if (comment.find_first_of(std::string_view("\n\r\0", 3)) != std::string_view::npos) {
        return make_error(ErrorCode::invalid_argument,
                          std::string(what) + " must be one line (no line breaks or NUL bytes)");
    }
    if (comment.size() > max_size) {
        return make_error(ErrorCode::invalid_argument,
                          std::string(what) + " is too long (at most " + std::to_string(max_size) +
                              " bytes)");
    }
    return std::nullopt;
}

// What the global signature covers: the file signature followed by the trusted comment.
std::vector<std::uint8_t> signed_comment(const Signature& signature, std::string_view comment) {
    std::vector<std::uint8_t> message(signature.begin(), signature.end());
    message.insert(message.end(), comment.begin(), comment.end());
    return message;
}

struct ParsedSignature {
    KeyId key_id{};
    Signature signature{};
    std::string trusted_comment;
    Signature global_signature{};
};

Error bad_signature(std::string message) {
    return make_error(ErrorCode::bad_signature, std::move(message));
}

Expected<ParsedSignature> parse_signature_file(std::string_view text) {
    if (trim_blanks(text).empty()) return bad_signature("signature file is empty");
    const std::vector<std::string_view> lines = split_lines(text);
    if (lines.size() < 4) {
        return bad_signature("signature file is truncated (line " +
                             std::to_string(lines.size() + 1) + " missing)");
    }
    if (!starts_with(lines[0], "untrusted comment:")) {
        return bad_signature("line 1 of the signature file must start with \"untrusted comment:\"");
    }
    SignatureBlob blob{};
    if (!decode_base64(lines[1], blob)) {
        return bad_signature("line 2 of the signature file is not a minisign signature");
    }
    if (has_alg(blob.data(), kAlgEd25519)) {
        return bad_signature("legacy minisign signature (signs the whole file) is not supported; "
                             "sign again with pavilion-pack or a current minisign without -l");
    }
    if (!has_alg(blob.data(), kAlgPrehashed)) {
        return bad_signature("unsupported signature algorithm in line 2 of the signature file");
    }
    if (!starts_with(lines[2], kTrustedPrefix)) {
        return bad_signature("line 3 of the signature file must start with \"trusted comment: \"");
    }
    ParsedSignature parsed;
    if (!decode_base64(lines[3], parsed.global_signature)) {
        return bad_signature("line 4 of the signature file is not a minisign signature");
    }
    for (std::size_t i = 4; i < lines.size(); ++i) {
        if (!trim_blanks(lines[i]).empty()) {
            return bad_signature("signature file has unexpected text in line " +
                                 std::to_string(i + 1));
        }
    }
    std::memcpy(parsed.key_id.data(), blob.data() + kAlgBytes, kKeyIdBytes);
    std::memcpy(parsed.signature.data(), blob.data() + kAlgBytes + kKeyIdBytes, kSignatureBytes);
    parsed.trusted_comment = std::string(lines[2].substr(kTrustedPrefix.size()));
    return parsed;
}

const PublicKey* find_key(const std::vector<PublicKey>& keys, const KeyId& id) {
    const auto it = std::find_if(keys.begin(), keys.end(),
                                 [&](const PublicKey& key) { return key.key_id == id; });
    return it == keys.end() ? nullptr : &*it;
}

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

std::string errno_text(int error) { return std::generic_category().message(error); }

} // namespace

SecretKey::~SecretKey() { sodium_memzero(key.data(), key.size()); }

std::string key_id_hex(const KeyId& id) {
    // minisign prints the id as a little-endian integer, so the last byte comes first.
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string hex;
    hex.reserve(id.size() * 2);
    for (auto it = id.rbegin(); it != id.rend(); ++it) {
        hex.push_back(kDigits[*it >> 4]);
        hex.push_back(kDigits[*it & 0x0F]);
    }
    return hex;
}

Expected<PublicKey> parse_public_key(std::string_view file_text) {
    if (!sodium_ready()) return sodium_unavailable();
    const Expected<std::string_view> line = key_line(file_text, "public key");
    if (!line) return line.error();
    PublicBlob blob{};
    if (!decode_base64(*line, blob)) {
        return make_error(ErrorCode::bad_key, "not a minisign public key (bad base64 or length)");
    }
    if (!has_alg(blob.data(), kAlgEd25519)) {
        return make_error(ErrorCode::bad_key,
                          "unsupported public key algorithm (expected Ed25519)");
    }
    PublicKey key;
    std::memcpy(key.key_id.data(), blob.data() + kAlgBytes, kKeyIdBytes);
    std::memcpy(key.key.data(), blob.data() + kAlgBytes + kKeyIdBytes, kPublicKeyBytes);
    return key;
}

Expected<SecretKey> parse_secret_key(std::string_view file_text, std::string_view password) {
    if (!sodium_ready()) return sodium_unavailable();
    const Expected<std::string_view> line = key_line(file_text, "secret key");
    if (!line) return line.error();
    SecretBlob blob{};
    WipeOnExit wipe(blob.data(), blob.size());
    if (!decode_base64(*line, blob)) {
        return make_error(ErrorCode::bad_key, "not a minisign secret key (bad base64 or length)");
    }
    if (Status header = check_secret_header(blob); !header) return header.error();
    if (Status unlocked = unlock_secret_blob(blob, password); !unlocked) return unlocked.error();
    if (!halves_match(blob.data() + kSecretKeyAt)) {
        return make_error(ErrorCode::bad_key,
                          "secret key is damaged (its public half does not match)");
    }
    SecretKey key;
    std::memcpy(key.key_id.data(), blob.data() + kKeynumAt, kKeyIdBytes);
    std::memcpy(key.key.data(), blob.data() + kSecretKeyAt, kSecretKeyBytes);
    return key;
}

PublicKey public_key_of(const SecretKey& secret) {
    PublicKey key;
    key.key_id = secret.key_id;
    std::memcpy(key.key.data(), secret.key.data() + crypto_sign_SEEDBYTES, kPublicKeyBytes);
    return key;
}

std::string format_public_key(const PublicKey& key) {
    PublicBlob blob{};
    std::memcpy(blob.data(), kAlgEd25519, kAlgBytes);
    std::memcpy(blob.data() + kAlgBytes, key.key_id.data(), kKeyIdBytes);
    std::memcpy(blob.data() + kAlgBytes + kKeyIdBytes, key.key.data(), kPublicKeyBytes);
    return std::string(kUntrustedPrefix) + "minisign public key " + key_id_hex(key.key_id) + "\n" +
           encode_base64(blob.data(), blob.size()) + "\n";
}

Expected<KeyFiles> generate_key_pair() {
    if (!sodium_ready()) return sodium_unavailable();
    SecretKey secret;
    PublicKey pub;
    randombytes_buf(secret.key_id.data(), secret.key_id.size());
    crypto_sign_keypair(pub.key.data(), secret.key.data());
    pub.key_id = secret.key_id;

    SecretBlob blob = make_secret_blob(secret);
    WipeOnExit wipe(blob.data(), blob.size());
    KeyFiles files;
    files.key_id = secret.key_id;
    files.public_key_file = format_public_key(pub);
    files.secret_key_file = std::string(kUntrustedPrefix) + "minisign unencrypted secret key\n" +
                            encode_base64(blob.data(), blob.size()) + "\n";
    return files;
}

FileHash hash_bytes(const void* data, std::size_t size) {
    FileHash hash{};
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, hash.size());
    if (size > 0) {
        crypto_generichash_update(&state, static_cast<const unsigned char*>(data), size);
    }
    crypto_generichash_final(&state, hash.data(), hash.size());
    return hash;
}

Expected<FileHash> hash_file(const std::string& path) {
    if (!sodium_ready()) return sodium_unavailable();
    const std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) return make_error(ErrorCode::io, "cannot open " + path + ": " + errno_text(errno));
    std::vector<unsigned char> chunk(kHashChunkBytes);
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES_MAX);
    std::size_t n = 0;
    while ((n = std::fread(chunk.data(), 1, chunk.size(), file.get())) > 0) {
        crypto_generichash_update(&state, chunk.data(), n);
    }
    if (std::ferror(file.get())) {
        return make_error(ErrorCode::io, "cannot read " + path + ": " + errno_text(errno));
    }
    FileHash hash{};
    crypto_generichash_final(&state, hash.data(), hash.size());
    return hash;
}

Expected<std::string> sign(const SecretKey& key, const FileHash& file_hash,
                           std::string_view trusted_comment, std::string_view untrusted_comment) {
    if (!sodium_ready()) return sodium_unavailable();
    if (auto bad = check_comment(trusted_comment, kMaxTrustedComment, "trusted comment")) {
        return *bad;
    }
    if (auto bad = check_comment(untrusted_comment, kMaxUntrustedComment, "untrusted comment")) {
        return *bad;
    }
    SignatureBlob blob{};
    std::memcpy(blob.data(), kAlgPrehashed, kAlgBytes);
    std::memcpy(blob.data() + kAlgBytes, key.key_id.data(), kKeyIdBytes);
    Signature signature{};
    crypto_sign_detached(signature.data(), nullptr, file_hash.data(), file_hash.size(),
                         key.key.data());
    std::memcpy(blob.data() + kAlgBytes + kKeyIdBytes, signature.data(), kSignatureBytes);

    const std::vector<std::uint8_t> message = signed_comment(signature, trusted_comment);
    Signature global{};
    crypto_sign_detached(global.data(), nullptr, message.data(), message.size(), key.key.data());

    std::string text;
    text.append(kUntrustedPrefix).append(untrusted_comment).append("\n");
    text.append(encode_base64(blob.data(), blob.size())).append("\n");
    text.append(kTrustedPrefix).append(trusted_comment).append("\n");
    text.append(encode_base64(global.data(), global.size())).append("\n");
    return text;
}

namespace {

struct SignedBy {
    ParsedSignature parsed;
    const PublicKey* key = nullptr;
};

Expected<SignedBy> parse_and_find_key(const std::vector<PublicKey>& trusted, std::string_view text) {
    if (!sodium_ready()) return sodium_unavailable();
    Expected<ParsedSignature> parsed = parse_signature_file(text);
    if (!parsed) return parsed.error();
    const PublicKey* key = find_key(trusted, parsed->key_id);
    if (key == nullptr) {
        return make_error(ErrorCode::untrusted, "signed by key " + key_id_hex(parsed->key_id) +
                                                    ", which is not a trusted key");
    }
    return SignedBy{std::move(parsed).value(), key};
}

Status check_global_signature(const SignedBy& signed_by) {
    const ParsedSignature& parsed = signed_by.parsed;
    const std::vector<std::uint8_t> message = signed_comment(parsed.signature, parsed.trusted_comment);
    if (crypto_sign_verify_detached(parsed.global_signature.data(), message.data(), message.size(),
                                    signed_by.key->key.data()) != 0) {
        return make_error(ErrorCode::tampered, "trusted comment was altered");
    }
    return ok();
}

} // namespace

Expected<Verified> verify(const std::vector<PublicKey>& trusted,
                          std::string_view signature_file_text, const FileHash& file_hash) {
    auto signed_by = parse_and_find_key(trusted, signature_file_text);
    if (!signed_by) return signed_by.error();
    const ParsedSignature& parsed = signed_by->parsed;
    if (crypto_sign_verify_detached(parsed.signature.data(), file_hash.data(), file_hash.size(),
                                    signed_by->key->key.data()) != 0) {
        return make_error(ErrorCode::tampered, "the file does not match its signature (by key " +
                                                   key_id_hex(parsed.key_id) + ")");
    }
    if (auto status = check_global_signature(*signed_by); !status) return status.error();
    return Verified{parsed.key_id, parsed.trusted_comment};
}

Expected<Verified> verify_trusted_comment(const std::vector<PublicKey>& trusted,
                                          std::string_view signature_file_text) {
    auto signed_by = parse_and_find_key(trusted, signature_file_text);
    if (!signed_by) return signed_by.error();
    if (auto status = check_global_signature(*signed_by); !status) return status.error();
    return Verified{signed_by->parsed.key_id, signed_by->parsed.trusted_comment};
}

} // namespace pavilion::content::minisign
