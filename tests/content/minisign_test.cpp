#include "pavilion/content/minisign.hpp"

#include <gtest/gtest.h>
#include <sodium.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace pavilion::content;
using namespace pavilion::content::minisign;

namespace {

const char* const kMinisign = "/usr/bin/minisign";

// A fresh directory per test, removed afterwards.
class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        const std::string name = "pavilion-minisign-test-" + std::to_string(getpid()) + "-" +
                                 std::to_string(stamp) + "-" + std::to_string(counter++);
        path_ = fs::temp_directory_path() / name;
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    fs::path path_;
};

void write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Single quotes keep the shell from interpreting anything in a path or argument.
std::string quote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) {
        if (c == '\'') quoted += "'\\''";
        else quoted += c;
    }
    return quoted + "'";
}

// Runs a shell command and returns its exit code (-1 if it did not exit normally).
int run(const std::string& command) {
    const int status = std::system(command.c_str());
    if (status == -1 || !WIFEXITED(status)) return -1;
    return WEXITSTATUS(status);
}

bool have_minisign() { return fs::exists(kMinisign); }

#define REQUIRE_MINISIGN()                                                                      \
    if (!have_minisign()) GTEST_SKIP() << kMinisign << " is not installed (apt install minisign)"

FileHash hash_of(const std::string& text) { return hash_bytes(text.data(), text.size()); }

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::string join_lines(const std::vector<std::string>& lines, std::size_t count) {
    std::string text;
    for (std::size_t i = 0; i < count && i < lines.size(); ++i) text += lines[i] + "\n";
    return text;
}

struct TestKey {
    KeyFiles files;
    PublicKey pub;
    SecretKey secret;
};

TestKey make_key() {
    TestKey key;
    auto files = generate_key_pair();
    EXPECT_TRUE(files.has_value());
    if (!files) return key;
    key.files = *files;
    auto pub = parse_public_key(key.files.public_key_file);
    auto secret = parse_secret_key(key.files.secret_key_file);
    EXPECT_TRUE(pub.has_value()) << (pub ? "" : pub.error().message);
    EXPECT_TRUE(secret.has_value()) << (secret ? "" : secret.error().message);
    if (pub) key.pub = *pub;
    if (secret) key.secret = *secret;
    return key;
}

std::string sign_text(const SecretKey& key, const std::string& data, const std::string& comment) {
    auto signature = sign(key, hash_of(data), comment);
    EXPECT_TRUE(signature.has_value()) << (signature ? "" : signature.error().message);
    return signature ? *signature : std::string();
}

std::vector<std::uint8_t> decode(const std::string& b64) {
    std::vector<std::uint8_t> bin(b64.size());
    std::size_t size = 0;
    if (sodium_base642bin(bin.data(), bin.size(), b64.data(), b64.size(), nullptr, &size, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0) {
        return {};
    }
    bin.resize(size);
    return bin;
}

std::string encode(const std::vector<std::uint8_t>& bin) {
    std::string b64(sodium_base64_ENCODED_LEN(bin.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(b64.data(), b64.size(), bin.data(), bin.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    b64.resize(std::strlen(b64.c_str()));
    return b64;
}

// Password-protects an unencrypted secret key file the way minisign does (scrypt stream XORed
// over key id || key || checksum), with small limits so the test stays fast.
std::string encrypt_secret_key_file(const std::string& file_text, const std::string& password,
                                    std::uint64_t opslimit, std::uint64_t memlimit) {
    const std::vector<std::string> lines = lines_of(file_text);
    std::vector<std::uint8_t> blob = decode(lines.at(1));
    EXPECT_EQ(blob.size(), 158u);
    if (blob.size() != 158) return {};
    blob[2] = 'S';
    blob[3] = 'c';
    randombytes_buf(blob.data() + 6, 32);
    for (int i = 0; i < 8; ++i) {
        blob[38 + i] = static_cast<std::uint8_t>(opslimit >> (8 * i));
        blob[46 + i] = static_cast<std::uint8_t>(memlimit >> (8 * i));
    }
    std::vector<std::uint8_t> stream(104);
    EXPECT_EQ(crypto_pwhash_scryptsalsa208sha256(stream.data(), stream.size(), password.data(),
                                                 password.size(), blob.data() + 6, opslimit,
                                                 static_cast<std::size_t>(memlimit)),
              0);
    for (std::size_t i = 0; i < stream.size(); ++i) blob[54 + i] ^= stream[i];
    return "untrusted comment: minisign encrypted secret key\n" + encode(blob) + "\n";
}

std::string fuzz_bytes(std::mt19937& rng, std::size_t size, const std::string& alphabet) {
    std::string text(size, '\0');
    for (char& c : text) {
        if (alphabet.empty()) c = static_cast<char>(rng() & 0xFF);
        else c = alphabet[rng() % alphabet.size()];
    }
    return text;
}

std::string base64_alphabet() {
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n\r ";
}

} // namespace

// --- keys ---------------------------------------------------------------------------------

TEST(MinisignKeys, KeyIdHexReadsTheIdLittleEndianLikeMinisign) {
    const KeyId id{0xD9, 0xB1, 0xED, 0x0C, 0xE0, 0x7B, 0x4A, 0x4E};
    EXPECT_EQ(key_id_hex(id), "4E4A7BE00CEDB1D9");
    EXPECT_EQ(key_id_hex(KeyId{}), "0000000000000000");
}

TEST(MinisignKeys, GeneratedKeyPairRoundTrips) {
    const TestKey key = make_key();
    EXPECT_EQ(key.pub.key_id, key.files.key_id);
    EXPECT_EQ(key.secret.key_id, key.files.key_id);
    EXPECT_EQ(public_key_of(key.secret).key, key.pub.key);
    EXPECT_EQ(format_public_key(key.pub), key.files.public_key_file);
    EXPECT_EQ(lines_of(key.files.public_key_file).at(0),
              "untrusted comment: minisign public key " + key_id_hex(key.files.key_id));
    EXPECT_EQ(lines_of(key.files.secret_key_file).at(0).rfind("untrusted comment: ", 0), 0u);
}

TEST(MinisignKeys, GeneratedKeysDiffer) {
    const TestKey a = make_key();
    const TestKey b = make_key();
    EXPECT_NE(a.pub.key_id, b.pub.key_id);
    EXPECT_NE(a.pub.key, b.pub.key);
}

TEST(MinisignKeys, AcceptsBareBase64AndWindowsLineEndings) {
    const TestKey key = make_key();
    const std::string bare = lines_of(key.files.public_key_file).at(1);
    auto from_bare = parse_public_key(bare);
    ASSERT_TRUE(from_bare.has_value()) << from_bare.error().message;
    EXPECT_EQ(from_bare->key, key.pub.key);
    auto from_bare_line = parse_public_key("  " + bare + "\n\n");
    ASSERT_TRUE(from_bare_line.has_value()) << from_bare_line.error().message;

    const auto lines = lines_of(key.files.public_key_file);
    auto crlf = parse_public_key(lines.at(0) + "\r\n" + lines.at(1) + "\r\n");
    ASSERT_TRUE(crlf.has_value()) << crlf.error().message;
    EXPECT_EQ(crlf->key, key.pub.key);

    const auto secret_lines = lines_of(key.files.secret_key_file);
    auto secret = parse_secret_key(secret_lines.at(0) + "\r\n" + secret_lines.at(1) + "\r\n");
    ASSERT_TRUE(secret.has_value()) << secret.error().message;
    EXPECT_EQ(secret->key, key.secret.key);
}

TEST(MinisignKeys, RejectsGarbagePublicKeys) {
    const TestKey key = make_key();
    const std::string valid_b64 = lines_of(key.files.public_key_file).at(1);
    const std::vector<std::string> garbage = {
        "",
        "\n\n\n",
        "   \t ",
        std::string("\0\0\0", 3),
        "untrusted comment: minisign public key 0000000000000000",
        "untrusted comment: minisign public key 0000000000000000\n",
        "untrusted comment: x\nnot base64 at all!\n",
        "untrusted comment: x\n" + valid_b64.substr(0, valid_b64.size() - 4) + "\n",
        "untrusted comment: x\n" + valid_b64 + "AAAA\n",
        "untrusted comment: x\n" + valid_b64.substr(1) + "\n",
        "untrusted comment: x\n" + encode(std::vector<std::uint8_t>(42, 0)) + "\n", // no "Ed"
        key.files.secret_key_file,                                                 // wrong length
        std::string(100000, 'A'),
    };
    for (const std::string& text : garbage) {
        auto parsed = parse_public_key(text);
        ASSERT_FALSE(parsed.has_value()) << "accepted: " << text.substr(0, 80);
        EXPECT_EQ(parsed.error().code, ErrorCode::bad_key);
        EXPECT_FALSE(parsed.error().message.empty());
        EXPECT_EQ(parsed.error().message.find('\n'), std::string::npos);
    }
}

TEST(MinisignKeys, RejectsGarbageSecretKeys) {
    const TestKey key = make_key();
    const std::vector<std::string> garbage = {
        "",
        "\n",
        "untrusted comment: minisign encrypted secret key",
        "untrusted comment: x\n====\n",
        key.files.public_key_file, // a public key is not a secret key
        "untrusted comment: x\n" + encode(std::vector<std::uint8_t>(158, 0)) + "\n",
        std::string(5000, '\xff'),
    };
    for (const std::string& text : garbage) {
        auto parsed = parse_secret_key(text, "password");
        ASSERT_FALSE(parsed.has_value()) << "accepted: " << text.substr(0, 80);
        EXPECT_EQ(parsed.error().code, ErrorCode::bad_key);
    }
}

TEST(MinisignKeys, DetectsADamagedSecretKey) {
    const TestKey key = make_key();
    const auto lines = lines_of(key.files.secret_key_file);
    std::vector<std::uint8_t> blob = decode(lines.at(1));
    ASSERT_EQ(blob.size(), 158u);
    // One flipped bit anywhere in the key id, the key or the checksum must be noticed.
    for (std::size_t at : {54u, 62u, 80u, 100u, 125u, 130u, 157u}) {
        std::vector<std::uint8_t> damaged = blob;
        damaged[at] ^= 0x01;
        auto parsed = parse_secret_key(lines.at(0) + "\n" + encode(damaged) + "\n");
        ASSERT_FALSE(parsed.has_value()) << "byte " << at;
        EXPECT_EQ(parsed.error().code, ErrorCode::bad_key);
    }
}

TEST(MinisignKeys, FuzzedKeyFilesNeverCrash) {
    std::mt19937 rng(1234);
    for (int i = 0; i < 2000; ++i) {
        const std::size_t size = rng() % 300;
        const std::string text =
            (i % 3 == 0 ? "untrusted comment: fuzz\n" : "") +
            fuzz_bytes(rng, size, i % 2 == 0 ? base64_alphabet() : std::string());
        auto pub = parse_public_key(text);
        auto secret = parse_secret_key(text, "pw");
        if (!pub) {
            EXPECT_EQ(pub.error().code, ErrorCode::bad_key);
        }
        if (!secret) {
            EXPECT_EQ(secret.error().code, ErrorCode::bad_key);
        }
    }
}

// --- encrypted secret keys ------------------------------------------------------------------

TEST(MinisignEncryptedKeys, DecryptsWithThePassword) {
    const TestKey key = make_key();
    const std::string encrypted = encrypt_secret_key_file(
        key.files.secret_key_file, "correct horse",
        crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_INTERACTIVE,
        crypto_pwhash_scryptsalsa208sha256_MEMLIMIT_INTERACTIVE);
    auto secret = parse_secret_key(encrypted, "correct horse");
    ASSERT_TRUE(secret.has_value()) << secret.error().message;
    EXPECT_EQ(secret->key, key.secret.key);
    EXPECT_EQ(secret->key_id, key.secret.key_id);

    auto wrong = parse_secret_key(encrypted, "wrong horse");
    ASSERT_FALSE(wrong.has_value());
    EXPECT_EQ(wrong.error().code, ErrorCode::bad_key);
    EXPECT_NE(wrong.error().message.find("wrong password"), std::string::npos);

    auto missing = parse_secret_key(encrypted);
    ASSERT_FALSE(missing.has_value());
    EXPECT_EQ(missing.error().code, ErrorCode::bad_key);
    EXPECT_NE(missing.error().message.find("password"), std::string::npos);
}

TEST(MinisignEncryptedKeys, RefusesExcessiveKeyDerivationLimits) {
    const TestKey key = make_key();
    const std::string encrypted =
        encrypt_secret_key_file(key.files.secret_key_file, "pw",
                                crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_INTERACTIVE,
                                crypto_pwhash_scryptsalsa208sha256_MEMLIMIT_INTERACTIVE);
    std::vector<std::uint8_t> blob = decode(lines_of(encrypted).at(1));
    ASSERT_EQ(blob.size(), 158u);
    for (int i = 0; i < 8; ++i) blob[46 + i] = 0xFF; // memlimit 2^64-1
    auto parsed = parse_secret_key("untrusted comment: x\n" + encode(blob) + "\n", "pw");
    ASSERT_FALSE(parsed.has_value());
    EXPECT_EQ(parsed.error().code, ErrorCode::bad_key);
}

// --- signing and verifying ------------------------------------------------------------------

TEST(MinisignSignatures, GoodSignatureVerifiesAndReturnsTheTrustedComment) {
    const TestKey key = make_key();
    const std::string data = "the pack bytes";
    const std::string signature = sign_text(key.secret, data, "timestamp:1700000000\tfile:x.pack");
    auto verified = verify({key.pub}, signature, hash_of(data));
    ASSERT_TRUE(verified.has_value()) << verified.error().message;
    EXPECT_EQ(verified->trusted_comment, "timestamp:1700000000\tfile:x.pack");
    EXPECT_EQ(verified->key_id, key.pub.key_id);

    const auto lines = lines_of(signature);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0], "untrusted comment: signature from pavilion-pack secret key");
    EXPECT_EQ(lines[2], "trusted comment: timestamp:1700000000\tfile:x.pack");
}

TEST(MinisignSignatures, VerifiesAmongSeveralTrustedKeys) {
    const TestKey a = make_key();
    const TestKey b = make_key();
    const std::string data = "data";
    auto verified = verify({a.pub, b.pub}, sign_text(b.secret, data, "by b"), hash_of(data));
    ASSERT_TRUE(verified.has_value()) << verified.error().message;
    EXPECT_EQ(verified->key_id, b.pub.key_id);
}

TEST(MinisignSignatures, EmptyAndOddCommentsRoundTrip) {
    const TestKey key = make_key();
    for (const char* comment : {"", " leading and trailing ", "中文 ünïcödé", "a:b\tc"}) {
        auto signature = sign(key.secret, hash_of("x"), comment, "");
        ASSERT_TRUE(signature.has_value()) << signature.error().message;
        auto verified = verify({key.pub}, *signature, hash_of("x"));
        ASSERT_TRUE(verified.has_value()) << verified.error().message;
        EXPECT_EQ(verified->trusted_comment, comment);
    }
}

TEST(MinisignSignatures, WindowsLineEndingsVerify) {
    const TestKey key = make_key();
    std::string crlf;
    for (const std::string& line : lines_of(sign_text(key.secret, "x", "comment"))) {
        crlf += line + "\r\n";
    }
    auto verified = verify({key.pub}, crlf, hash_of("x"));
    ASSERT_TRUE(verified.has_value()) << verified.error().message;
    EXPECT_EQ(verified->trusted_comment, "comment");
}

TEST(MinisignSignatures, WrongKeyIsUntrusted) {
    const TestKey signer = make_key();
    const TestKey other = make_key();
    const std::string signature = sign_text(signer.secret, "data", "c");
    auto verified = verify({other.pub}, signature, hash_of("data"));
    ASSERT_FALSE(verified.has_value());
    EXPECT_EQ(verified.error().code, ErrorCode::untrusted);
    EXPECT_EQ(verified.error().message,
              "signed by key " + key_id_hex(signer.pub.key_id) + ", which is not a trusted key");

    auto none = verify({}, signature, hash_of("data"));
    ASSERT_FALSE(none.has_value());
    EXPECT_EQ(none.error().code, ErrorCode::untrusted);
}

TEST(MinisignSignatures, KeyWithTheRightIdButWrongKeyIsTampered) {
    const TestKey signer = make_key();
    PublicKey impostor = make_key().pub;
    impostor.key_id = signer.pub.key_id;
    auto verified = verify({impostor}, sign_text(signer.secret, "data", "c"), hash_of("data"));
    ASSERT_FALSE(verified.has_value());
    EXPECT_EQ(verified.error().code, ErrorCode::tampered);
}

TEST(MinisignSignatures, OneTamperedByteInTheFileIsDetected) {
    const TestKey key = make_key();
    const std::string data(1000, 'p');
    const std::string signature = sign_text(key.secret, data, "c");
    for (std::size_t at : {0u, 1u, 500u, 999u}) {
        std::string tampered = data;
        tampered[at] ^= 0x01;
        auto verified = verify({key.pub}, signature, hash_of(tampered));
        ASSERT_FALSE(verified.has_value()) << "byte " << at;
        EXPECT_EQ(verified.error().code, ErrorCode::tampered);
    }
    auto longer = verify({key.pub}, signature, hash_of(data + "x"));
    ASSERT_FALSE(longer.has_value());
    EXPECT_EQ(longer.error().code, ErrorCode::tampered);
}

TEST(MinisignSignatures, TamperedTrustedCommentIsDetected) {
    const TestKey key = make_key();
    auto lines = lines_of(sign_text(key.secret, "data", "version 1"));
    for (const char* changed :
         {"trusted comment: version 2", "trusted comment: version 1 ", "trusted comment: "}) {
        lines[2] = changed;
        auto verified = verify({key.pub}, join_lines(lines, 4), hash_of("data"));
        ASSERT_FALSE(verified.has_value()) << changed;
        EXPECT_EQ(verified.error().code, ErrorCode::tampered);
        EXPECT_EQ(verified.error().message, "trusted comment was altered");
    }
}

// The trusted comment alone: who wrote it, checked without the file (for what a pack on a stick
// claims before it is copied), and every change to it or to the signature under it detected.
TEST(MinisignSignatures, TheTrustedCommentIsCheckedWithoutTheFile) {
    const TestKey key = make_key();
    const std::string text = sign_text(key.secret, "some pack bytes", "pack:expo\tversion:3");
    auto verified = verify_trusted_comment({key.pub}, text);
    ASSERT_TRUE(verified.has_value()) << verified.error().message;
    EXPECT_EQ(verified->trusted_comment, "pack:expo\tversion:3");
    EXPECT_EQ(verified->key_id, key.pub.key_id);

    auto lines = lines_of(text);
    lines[2] = "trusted comment: pack:expo\tversion:4";
    auto edited = verify_trusted_comment({key.pub}, join_lines(lines, 4));
    ASSERT_FALSE(edited.has_value());
    EXPECT_EQ(edited.error().code, ErrorCode::tampered);

    // The global signature covers the file signature too: one swapped in from another file
    // (same key, same comment) does not pass.
    const auto other = lines_of(sign_text(key.secret, "other bytes", "pack:expo\tversion:3"));
    lines = lines_of(text);
    lines[1] = other[1];
    auto swapped = verify_trusted_comment({key.pub}, join_lines(lines, 4));
    ASSERT_FALSE(swapped.has_value());
    EXPECT_EQ(swapped.error().code, ErrorCode::tampered);

    auto stranger = verify_trusted_comment({make_key().pub}, text);
    ASSERT_FALSE(stranger.has_value());
    EXPECT_EQ(stranger.error().code, ErrorCode::untrusted);
    auto garbage = verify_trusted_comment({key.pub}, "untrusted comment: x\nnot base64\n");
    ASSERT_FALSE(garbage.has_value());
    EXPECT_EQ(garbage.error().code, ErrorCode::bad_signature);
}

TEST(MinisignSignatures, TamperedSignatureBytesAreDetected) {
    const TestKey key = make_key();
    const auto lines = lines_of(sign_text(key.secret, "data", "c"));
    // Line 2: bytes 10.. are the file signature; line 4: the global signature.
    for (std::size_t line : {1u, 3u}) {
        std::vector<std::uint8_t> blob = decode(lines[line]);
        blob[blob.size() - 5] ^= 0x80;
        auto changed = lines;
        changed[line] = encode(blob);
        auto verified = verify({key.pub}, join_lines(changed, 4), hash_of("data"));
        ASSERT_FALSE(verified.has_value()) << "line " << line + 1;
        EXPECT_EQ(verified.error().code, ErrorCode::tampered);
    }
}

// libsodium's decoder reads bytes from 0x80 up as '/': a signature with such a byte in place of
// a '/' decodes to the same bytes and would verify, although the file was damaged.
TEST(MinisignSignatures, NonAsciiLookalikesInTheBase64AreRefused) {
    const TestKey key = make_key();
    const auto lines = lines_of(sign_text(key.secret, "data", "c"));
    for (std::size_t line : {1u, 3u}) {
        auto changed = lines;
        const auto slash = changed[line].find('/');
        if (slash == std::string::npos) continue; // no '/' in this signature: nothing to imitate
        changed[line][slash] = static_cast<char>(0xAF);
        auto verified = verify({key.pub}, join_lines(changed, 4), hash_of("data"));
        ASSERT_FALSE(verified.has_value()) << "line " << line + 1;
        EXPECT_EQ(verified.error().code, ErrorCode::bad_signature);
    }
}

TEST(MinisignSignatures, TruncatedSignatureFileIsBadSignature) {
    const TestKey key = make_key();
    const std::string signature = sign_text(key.secret, "data", "comment");
    const auto lines = lines_of(signature);
    for (std::size_t count = 0; count < 4; ++count) {
        auto verified = verify({key.pub}, join_lines(lines, count), hash_of("data"));
        ASSERT_FALSE(verified.has_value()) << count << " lines";
        EXPECT_EQ(verified.error().code, ErrorCode::bad_signature);
        if (count > 0) {
            EXPECT_EQ(verified.error().message,
                      "signature file is truncated (line " + std::to_string(count + 1) +
                          " missing)");
        }
    }
    // Cut anywhere, including mid-base64: only the final line break may go.
    for (std::size_t size = 0; size + 1 < signature.size(); ++size) {
        auto verified = verify({key.pub}, signature.substr(0, size), hash_of("data"));
        ASSERT_FALSE(verified.has_value()) << "cut at " << size;
        EXPECT_EQ(verified.error().code, ErrorCode::bad_signature) << "cut at " << size;
    }
    auto without_final_newline =
        verify({key.pub}, signature.substr(0, signature.size() - 1), hash_of("data"));
    EXPECT_TRUE(without_final_newline.has_value());
}

TEST(MinisignSignatures, GarbageSignatureFilesAreBadSignature) {
    const TestKey key = make_key();
    const auto lines = lines_of(sign_text(key.secret, "data", "c"));
    std::vector<std::uint8_t> legacy = decode(lines[1]);
    legacy[1] = 'd'; // "Ed": legacy whole-file signature
    std::vector<std::uint8_t> unknown = decode(lines[1]);
    unknown[0] = 'X';
    const std::vector<std::string> garbage = {
        "",
        "\n\n\n\n",
        std::string("\0\0\0\0", 4),
        "untrusted comment:\n\ntrusted comment: \n\n",
        "hello\n" + lines[1] + "\n" + lines[2] + "\n" + lines[3] + "\n",
        lines[0] + "\n" + lines[1] + "\ncomment: c\n" + lines[3] + "\n",
        lines[0] + "\nnot base64\n" + lines[2] + "\n" + lines[3] + "\n",
        lines[0] + "\n" + lines[3] + "\n" + lines[2] + "\n" + lines[1] + "\n", // swapped
        lines[0] + "\n" + lines[1] + "==\n" + lines[2] + "\n" + lines[3] + "\n",
        lines[0] + "\n" + lines[1] + "\n" + lines[2] + "\n" + lines[3] + "AAAA\n",
        lines[0] + "\n" + encode(legacy) + "\n" + lines[2] + "\n" + lines[3] + "\n",
        lines[0] + "\n" + encode(unknown) + "\n" + lines[2] + "\n" + lines[3] + "\n",
        join_lines(lines, 4) + "extra text\n",
        std::string(1 << 20, 'A'),
        std::string(1 << 16, '\n'),
    };
    for (const std::string& text : garbage) {
        auto verified = verify({key.pub}, text, hash_of("data"));
        ASSERT_FALSE(verified.has_value()) << "accepted: " << text.substr(0, 80);
        EXPECT_EQ(verified.error().code, ErrorCode::bad_signature) << text.substr(0, 80);
        EXPECT_EQ(verified.error().message.find('\n'), std::string::npos);
    }
}

TEST(MinisignSignatures, FuzzedSignatureFilesNeverCrash) {
    const TestKey key = make_key();
    const std::string signature = sign_text(key.secret, "data", "comment");
    std::mt19937 rng(42);
    for (int i = 0; i < 3000; ++i) {
        std::string text = signature;
        const int edits = 1 + static_cast<int>(rng() % 3);
        for (int e = 0; e < edits; ++e) text[rng() % text.size()] = static_cast<char>(rng() & 0xFF);
        auto verified = verify({key.pub}, text, hash_of("data"));
        // An edit may hit only ignorable bytes (the last line break); then nothing changed.
        if (verified) {
            EXPECT_EQ(verified->trusted_comment, "comment");
        }
    }
    for (int i = 0; i < 1000; ++i) {
        const std::string text = fuzz_bytes(rng, rng() % 400, i % 2 ? base64_alphabet() : "");
        EXPECT_FALSE(verify({key.pub}, text, hash_of("data")).has_value());
    }
}

TEST(MinisignSignatures, SignRejectsMultiLineOrOverlongComments) {
    const TestKey key = make_key();
    const FileHash hash = hash_of("data");
    for (const std::string& bad :
         {std::string("a\nb"), std::string("a\rb"), std::string("a\0b", 3), std::string("\n")}) {
        auto trusted = sign(key.secret, hash, bad);
        ASSERT_FALSE(trusted.has_value());
        EXPECT_EQ(trusted.error().code, ErrorCode::invalid_argument);
        auto untrusted = sign(key.secret, hash, "ok", bad);
        ASSERT_FALSE(untrusted.has_value());
        EXPECT_EQ(untrusted.error().code, ErrorCode::invalid_argument);
    }
    EXPECT_TRUE(sign(key.secret, hash, std::string(8173, 'x')).has_value());
    auto too_long = sign(key.secret, hash, std::string(8174, 'x'));
    ASSERT_FALSE(too_long.has_value());
    EXPECT_EQ(too_long.error().code, ErrorCode::invalid_argument);
}

// --- hashing ------------------------------------------------------------------------------

TEST(MinisignHash, HashFileMatchesHashBytesAcrossChunks) {
    TempDir dir;
    std::string data;
    for (int i = 0; i < 200000; ++i) data.push_back(static_cast<char>(i * 7));
    write_file(dir.file("big"), data);
    write_file(dir.file("empty"), "");
    auto big = hash_file(dir.file("big"));
    ASSERT_TRUE(big.has_value()) << big.error().message;
    EXPECT_EQ(*big, hash_bytes(data.data(), data.size()));
    auto empty = hash_file(dir.file("empty"));
    ASSERT_TRUE(empty.has_value()) << empty.error().message;
    EXPECT_EQ(*empty, hash_bytes(nullptr, 0));
    EXPECT_NE(*empty, *big);
}

TEST(MinisignHash, MissingFileIsAnIoError) {
    TempDir dir;
    auto missing = hash_file(dir.file("does-not-exist"));
    ASSERT_FALSE(missing.has_value());
    EXPECT_EQ(missing.error().code, ErrorCode::io);
    EXPECT_NE(missing.error().message.find("does-not-exist"), std::string::npos);
}

// --- interoperability with the minisign tool ----------------------------------------------

TEST(MinisignInterop, VerifiesWhatMinisignSigns) {
    REQUIRE_MINISIGN();
    TempDir dir;
    ASSERT_EQ(run(std::string(kMinisign) + " -G -W -p " + quote(dir.file("m.pub")) + " -s " +
                  quote(dir.file("m.key")) + " > /dev/null"),
              0);
    write_file(dir.file("file.pack"), "pack contents from minisign\n");
    ASSERT_EQ(run(std::string(kMinisign) + " -S -s " + quote(dir.file("m.key")) + " -m " +
                  quote(dir.file("file.pack")) + " -t " + quote("made by minisign") +
                  " > /dev/null"),
              0);

    auto pub = parse_public_key(read_file(dir.file("m.pub")));
    ASSERT_TRUE(pub.has_value()) << pub.error().message;
    // Debian's minisign writes the id without leading zeros (one key in 16 starts with one).
    auto id = key_id_hex(pub->key_id);
    id.erase(0, std::min(id.find_first_not_of('0'), id.size() - 1));
    EXPECT_NE(read_file(dir.file("m.pub")).find("minisign public key " + id + "\n"), std::string::npos);
    auto hash = hash_file(dir.file("file.pack"));
    ASSERT_TRUE(hash.has_value()) << hash.error().message;
    const std::string signature = read_file(dir.file("file.pack.minisig"));
    auto verified = verify({*pub}, signature, *hash);
    ASSERT_TRUE(verified.has_value()) << verified.error().message;
    EXPECT_EQ(verified->trusted_comment, "made by minisign");
    EXPECT_EQ(verified->key_id, pub->key_id);

    auto tampered = verify({*pub}, signature, hash_of("other contents"));
    ASSERT_FALSE(tampered.has_value());
    EXPECT_EQ(tampered.error().code, ErrorCode::tampered);
}

TEST(MinisignInterop, MinisignVerifiesWhatWeSign) {
    REQUIRE_MINISIGN();
    TempDir dir;
    const TestKey key = make_key();
    write_file(dir.file("k.pub"), key.files.public_key_file);
    const std::string data = "pack contents from pavilion\n";
    write_file(dir.file("file.pack"), data);
    auto hash = hash_file(dir.file("file.pack"));
    ASSERT_TRUE(hash.has_value()) << hash.error().message;
    auto signature = sign(key.secret, *hash, "made by pavilion\twith a tab");
    ASSERT_TRUE(signature.has_value()) << signature.error().message;
    write_file(dir.file("file.pack.minisig"), *signature);

    const std::string verify_command = std::string(kMinisign) + " -V -p " +
                                       quote(dir.file("k.pub")) + " -m " +
                                       quote(dir.file("file.pack"));
    ASSERT_EQ(run(verify_command + " > " + quote(dir.file("out")) + " 2>&1"), 0)
        << read_file(dir.file("out"));
    EXPECT_NE(read_file(dir.file("out")).find("Trusted comment: made by pavilion\twith a tab"),
              std::string::npos)
        << read_file(dir.file("out"));

    write_file(dir.file("file.pack"), data + "tampered");
    EXPECT_NE(run(verify_command + " > /dev/null 2>&1"), 0);
}

TEST(MinisignInterop, ReadsMinisignsUnencryptedSecretKey) {
    REQUIRE_MINISIGN();
    TempDir dir;
    ASSERT_EQ(run(std::string(kMinisign) + " -G -W -p " + quote(dir.file("m.pub")) + " -s " +
                  quote(dir.file("m.key")) + " > /dev/null"),
              0);
    auto secret = parse_secret_key(read_file(dir.file("m.key")));
    ASSERT_TRUE(secret.has_value()) << secret.error().message;
    auto pub = parse_public_key(read_file(dir.file("m.pub")));
    ASSERT_TRUE(pub.has_value()) << pub.error().message;
    EXPECT_EQ(public_key_of(*secret).key, pub->key);
    EXPECT_EQ(secret->key_id, pub->key_id);

    write_file(dir.file("file.pack"), "signed with minisign's key by pavilion");
    auto hash = hash_file(dir.file("file.pack"));
    ASSERT_TRUE(hash.has_value()) << hash.error().message;
    auto signature = sign(secret.value(), *hash, "interop c");
    ASSERT_TRUE(signature.has_value()) << signature.error().message;
    write_file(dir.file("file.pack.minisig"), *signature);
    ASSERT_EQ(run(std::string(kMinisign) + " -V -p " + quote(dir.file("m.pub")) + " -m " +
                  quote(dir.file("file.pack")) + " > " + quote(dir.file("out")) + " 2>&1"),
              0)
        << read_file(dir.file("out"));
    EXPECT_NE(read_file(dir.file("out")).find("Trusted comment: interop c"), std::string::npos);
}

TEST(MinisignInterop, MinisignSignsWithAKeyWeEncrypted) {
    // Proves our reading of the encrypted format (scrypt parameters, XOR layout, checksum)
    // is minisign's: minisign must decrypt a key encrypted like parse_secret_key decrypts it.
    REQUIRE_MINISIGN();
    TempDir dir;
    const TestKey key = make_key();
    const std::string encrypted = encrypt_secret_key_file(
        key.files.secret_key_file, "s3cret pw",
        crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_INTERACTIVE,
        crypto_pwhash_scryptsalsa208sha256_MEMLIMIT_INTERACTIVE);
    write_file(dir.file("e.key"), encrypted);
    write_file(dir.file("file.pack"), "signed by minisign with an encrypted key");
    ASSERT_EQ(run("printf 's3cret pw\\n' | " + std::string(kMinisign) + " -S -s " +
                  quote(dir.file("e.key")) + " -m " + quote(dir.file("file.pack")) +
                  " -t encrypted > /dev/null 2>&1"),
              0);
    auto hash = hash_file(dir.file("file.pack"));
    ASSERT_TRUE(hash.has_value()) << hash.error().message;
    auto verified = verify({key.pub}, read_file(dir.file("file.pack.minisig")), *hash);
    ASSERT_TRUE(verified.has_value()) << verified.error().message;
    EXPECT_EQ(verified->trusted_comment, "encrypted");

    auto decrypted = parse_secret_key(encrypted, "s3cret pw");
    ASSERT_TRUE(decrypted.has_value()) << decrypted.error().message;
    EXPECT_EQ(decrypted->key, key.secret.key);
}

TEST(MinisignInterop, ReadsMinisignsEncryptedSecretKey) {
    // minisign encrypts with scrypt's "sensitive" limits: 1 GiB of memory and seconds of CPU
    // per key, too heavy for every run.
    REQUIRE_MINISIGN();
    if (std::getenv("PAVILION_SLOW_TESTS") == nullptr) {
        GTEST_SKIP() << "needs 1 GiB and ~10 s; set PAVILION_SLOW_TESTS=1 to run";
    }
    TempDir dir;
    ASSERT_EQ(run("printf 'pw 123\\npw 123\\n' | " + std::string(kMinisign) + " -G -p " +
                  quote(dir.file("m.pub")) + " -s " + quote(dir.file("m.key")) +
                  " > /dev/null 2>&1"),
              0);
    auto pub = parse_public_key(read_file(dir.file("m.pub")));
    ASSERT_TRUE(pub.has_value()) << pub.error().message;
    auto secret = parse_secret_key(read_file(dir.file("m.key")), "pw 123");
    ASSERT_TRUE(secret.has_value()) << secret.error().message;
    EXPECT_EQ(public_key_of(*secret).key, pub->key);
    auto wrong = parse_secret_key(read_file(dir.file("m.key")), "pw 124");
    ASSERT_FALSE(wrong.has_value());
    EXPECT_EQ(wrong.error().code, ErrorCode::bad_key);
}
