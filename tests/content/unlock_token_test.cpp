// Unlock tokens: recovery codes as people read and type them, tokens made and checked, and
// everything a token must not be taken for (another code, another key, a pack's signature, an
// altered file), plus Debian's minisign making and checking them both ways.

#include "pavilion/content/pack_claim.hpp"
#include "pavilion/content/unlock_token.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

namespace pavilion::content {
namespace {

using pavilion::testing::read_text;
using pavilion::testing::run_command;
using pavilion::testing::TempDir;
using pavilion::testing::write_text;

const char* const kMinisign = "/usr/bin/minisign";

struct Key {
    minisign::SecretKey secret;
    minisign::PublicKey pub;
    std::string public_file;
};

Key make_key() {
    auto files = minisign::generate_key_pair();
    EXPECT_TRUE(files);
    Key key;
    key.secret = *minisign::parse_secret_key(files->secret_key_file);
    key.pub = minisign::public_key_of(key.secret);
    key.public_file = files->public_key_file;
    return key;
}

void expect_refused(const Expected<minisign::KeyId>& checked, ErrorCode code, const std::string& part) {
    ASSERT_FALSE(checked) << "accepted, but should have been refused";
    EXPECT_EQ(checked.error().code, code) << to_string(checked.error().code) << ": " << checked.error().message;
    EXPECT_NE(checked.error().message.find(part), std::string::npos) << checked.error().message;
}

TEST(RecoveryCodes, AreTenCrockfordCharactersAndDiffer) {
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        const auto code = new_recovery_code();
        ASSERT_TRUE(code);
        ASSERT_EQ(code->size(), kRecoveryCodeLength);
        EXPECT_EQ(code->find_first_not_of("0123456789ABCDEFGHJKMNPQRSTVWXYZ"), std::string::npos) << *code;
        EXPECT_EQ(normalize_recovery_code(*code), *code);
        seen.insert(*code);
    }
    EXPECT_EQ(seen.size(), 200u) << "50 random bits do not repeat in 200 draws";
}

TEST(RecoveryCodes, AreReadTheWayPeopleTypeThem) {
    EXPECT_EQ(display_recovery_code("7K2QDM9XAT"), "7K2QD-M9XAT");
    EXPECT_EQ(normalize_recovery_code("7K2QD-M9XAT"), "7K2QDM9XAT");
    EXPECT_EQ(normalize_recovery_code("7k2qd m9xat"), "7K2QDM9XAT");
}

TEST(RecoveryCodes, MisreadLettersAreTakenForDigits) {
    EXPECT_EQ(normalize_recovery_code("OIL12-34567"), "0111234567");
    for (const char* bad : {"", "7K2QD", "7K2QD-M9XA", "7K2QD-M9XATX", "7K2QD-M9XAU", "7K2QD_M9XAT", "7K2QD-M9X\xC3\xA4"})
        EXPECT_FALSE(normalize_recovery_code(bad)) << bad;
}

TEST(UnlockTokens, ATokenForTheCodeIsAcceptedAndNamesItsKey) {
    const Key key = make_key();
    const auto token = make_unlock_token(key.secret, "7K2QDM9XAT");
    ASSERT_TRUE(token) << token.error().message;
    EXPECT_NE(token->find("trusted comment: pavilion-unlock:7K2QDM9XAT\n"), std::string::npos) << *token;
    const auto checked = verify_unlock_token({make_key().pub, key.pub}, *token, "7K2QDM9XAT");
    ASSERT_TRUE(checked) << checked.error().message;
    EXPECT_EQ(*checked, key.pub.key_id);
}

TEST(UnlockTokens, OnlyValidCodesGetTokens) {
    const Key key = make_key();
    for (const char* bad : {"", "7K2QD-M9XAT", "7k2qdm9xat", "7K2QDM9XAU"}) {
        const auto token = make_unlock_token(key.secret, bad);
        ASSERT_FALSE(token) << bad;
        EXPECT_EQ(token.error().code, ErrorCode::invalid_argument);
    }
}

TEST(UnlockTokens, ATokenForAnotherCodeIsRefused) {
    const Key key = make_key();
    const auto token = make_unlock_token(key.secret, "7K2QDM9XAT");
    expect_refused(verify_unlock_token({key.pub}, *token, "7K2QDM9XAV"), ErrorCode::tampered, "made for another code");
}

TEST(UnlockTokens, ATokenByAKeyTheKioskDoesNotTrustIsRefused) {
    const Key key = make_key();
    const auto token = make_unlock_token(key.secret, "7K2QDM9XAT");
    expect_refused(verify_unlock_token({make_key().pub}, *token, "7K2QDM9XAT"), ErrorCode::untrusted,
                   "signed by a key this kiosk does not trust");
    expect_refused(verify_unlock_token({}, *token, "7K2QDM9XAT"), ErrorCode::untrusted, "trusts no signing key");
}

// The comment is signed: changing the code in it (to the one a kiosk shows) breaks the token.
TEST(UnlockTokens, AnAlteredTokenIsRefused) {
    const Key key = make_key();
    std::string token = *make_unlock_token(key.secret, "7K2QDM9XAT");
    token.replace(token.find("pavilion-unlock:7K2QDM9XAT"), 26, "pavilion-unlock:7K2QDM9XAV");
    expect_refused(verify_unlock_token({key.pub}, token, "7K2QDM9XAV"), ErrorCode::tampered, "altered after signing");
}

// A pack's signature by the same key: its comment is a pack claim and it signs a pack's bytes,
// so it opens nothing, even with the code in its comment.
TEST(UnlockTokens, APacksSignatureIsNoToken) {
    const Key key = make_key();
    const auto pack_hash = minisign::hash_bytes("SQLite format 3", 15);
    const auto signature = minisign::sign(key.secret, pack_hash, "pack:expo\tversion:3\tformat:1\tfile:expo.pack");
    expect_refused(verify_unlock_token({key.pub}, *signature, "7K2QDM9XAT"), ErrorCode::tampered,
                   "made for another code");
    const auto sneaky = minisign::sign(key.secret, pack_hash, unlock_token_comment("7K2QDM9XAT"));
    expect_refused(verify_unlock_token({key.pub}, *sneaky, "7K2QDM9XAT"), ErrorCode::tampered,
                   "made for another code");
    // And the other way round: a token's comment is no pack claim.
    const auto token = make_unlock_token(key.secret, "7K2QDM9XAT");
    const auto comment = minisign::verify_trusted_comment({key.pub}, *token);
    ASSERT_TRUE(comment);
    EXPECT_FALSE(parse_pack_claim(comment->trusted_comment));
}

TEST(UnlockTokens, GarbageIsRefusedWithoutEchoingIt) {
    const Key key = make_key();
    for (const std::string& junk : {std::string(), std::string("hello"), std::string(3000, '\xff'),
                                    std::string("untrusted comment: <script>\nRWQ=\n")}) {
        const auto checked = verify_unlock_token({key.pub}, junk, "7K2QDM9XAT");
        ASSERT_FALSE(checked);
        EXPECT_EQ(checked.error().code, ErrorCode::bad_signature);
        EXPECT_EQ(checked.error().message, "the unlock token is not a signed token file");
    }
}

TEST(UnlockTokens, DebiansMinisignMakesTokensTheKioskAccepts) {
    if (!std::filesystem::exists(kMinisign)) GTEST_SKIP() << kMinisign << " is not installed";
    TempDir dir;
    ASSERT_EQ(run_command({kMinisign, "-G", "-W", "-p", dir / "m.pub", "-s", dir / "m.key"}).exit_code, 0);
    const auto pub = minisign::parse_public_key(read_text(dir / "m.pub"));
    ASSERT_TRUE(pub);
    // As the header documents it.
    write_text(dir / "unlock.msg", "pavilion-unlock 7K2QDM9XAT\n");
    const auto made = run_command({kMinisign, "-S", "-s", dir / "m.key", "-m", dir / "unlock.msg", "-x",
                                   dir / "unlock.token", "-t", "pavilion-unlock:7K2QDM9XAT"});
    ASSERT_EQ(made.exit_code, 0) << made.output;
    const auto checked = verify_unlock_token({*pub}, read_text(dir / "unlock.token"), "7K2QDM9XAT");
    ASSERT_TRUE(checked) << checked.error().message;
}

TEST(UnlockTokens, DebiansMinisignVerifiesOurTokens) {
    if (!std::filesystem::exists(kMinisign)) GTEST_SKIP() << kMinisign << " is not installed";
    TempDir dir;
    const Key key = make_key();
    write_text(dir / "k.pub", key.public_file);
    write_text(dir / "unlock.token", *make_unlock_token(key.secret, "7K2QDM9XAT"));
    write_text(dir / "unlock.msg", unlock_token_message("7K2QDM9XAT"));
    const auto checked = run_command({kMinisign, "-V", "-p", dir / "k.pub", "-m", dir / "unlock.msg", "-x",
                                      dir / "unlock.token"});
    EXPECT_EQ(checked.exit_code, 0) << checked.output;
    EXPECT_NE(checked.output.find("pavilion-unlock:7K2QDM9XAT"), std::string::npos) << checked.output;
}

} // namespace
} // namespace pavilion::content
