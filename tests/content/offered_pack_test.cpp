// What a pack on a stick claims to be, read before anything is copied: the trusted comment of
// its signature, authenticated by a trusted key, and refused with the installer's codes when it
// cannot vouch for the pack.

#include "installer_test_support.hpp"
#include "pavilion/content/offered_pack.hpp"
#include "pavilion/content/unlock_token.hpp"

#include <sys/stat.h>

namespace pavilion::content::test {
namespace {

using pavilion::testing::read_text;
using pavilion::testing::write_text;

class Offered : public ::testing::Test {
protected:
    Expected<OfferedPack> read(const std::string& name, const std::vector<minisign::PublicKey>& keys) {
        TrustedKeys trusted;
        trusted.keys = keys;
        return read_offered_pack(stick_.candidate(name), trusted, fs_);
    }
    Expected<OfferedPack> read(const std::string& name) { return read(name, {trusted_key()}); }
    minisign::PublicKey trusted_key() const { return *minisign::parse_public_key(key_.public_file); }

    void expect_refused(const Expected<OfferedPack>& offered, ErrorCode code, const std::string& part) {
        ASSERT_FALSE(offered) << "read, but should have been refused";
        EXPECT_EQ(offered.error().code, code) << to_string(offered.error().code) << ": " << offered.error().message;
        EXPECT_NE(offered.error().message.find(part), std::string::npos) << offered.error().message;
    }

    TempDir dir_;
    SigningKey key_ = make_key();
    Stick stick_{dir_ / "stick"};
    PosixFileSystem fs_;
};

TEST_F(Offered, TheClaimOfATrustedSignatureIsRead) {
    stick_.put(mini_pack_as("expo-2027", 3), "expo.pack", key_.secret, claim_for("expo-2027", 3, "expo.pack"));
    const auto offered = read("expo.pack");
    ASSERT_TRUE(offered) << offered.error().message;
    EXPECT_EQ(offered->claim.pack_id, "expo-2027");
    EXPECT_EQ(offered->claim.version, 3);
    EXPECT_EQ(offered->key_id, minisign::key_id_hex(key_.secret.key_id));
}

// Only the signature is read: the pack itself may even be missing (the installer finds out).
TEST_F(Offered, ThePackItselfIsNotRead) {
    stick_.put(mini_pack_v(3), "expo.pack", key_.secret, claim_for("mini-pack", 3, "expo.pack"));
    fs::remove(stick_.path("expo.pack"));
    EXPECT_TRUE(read("expo.pack"));
}

TEST_F(Offered, AnUntrustedKeyIsRefused) {
    stick_.put(mini_pack_v(3), "expo.pack", key_.secret, claim_for("mini-pack", 3, "expo.pack"));
    expect_refused(read("expo.pack", {}), ErrorCode::untrusted, "PAVILION/expo.pack.minisig: signed by key");
    expect_refused(read("expo.pack", {*minisign::parse_public_key(make_key().public_file)}), ErrorCode::untrusted,
                   "which is not a trusted key");
}

TEST_F(Offered, AnEditedClaimIsRefused) {
    stick_.put(mini_pack_v(3), "expo.pack", key_.secret, claim_for("mini-pack", 3, "expo.pack"));
    auto text = read_text(stick_.path("expo.pack.minisig"));
    text.replace(text.find("version:3"), 9, "version:7");
    write_text(stick_.path("expo.pack.minisig"), text);
    expect_refused(read("expo.pack"), ErrorCode::tampered, "trusted comment was altered");
}

TEST_F(Offered, ASignatureForAnotherFileNameIsRefused) {
    stick_.put(mini_pack_v(3), "expo.pack", key_.secret, claim_for("mini-pack", 3, "renamed.pack"));
    expect_refused(read("expo.pack"), ErrorCode::tampered, "made for another file name than expo.pack");
}

TEST_F(Offered, AClaimThatNamesNoValidPackIsRefused) {
    stick_.put(mini_pack_v(3), "expo.pack", key_.secret, claim_for("../../etc", 3, "expo.pack"));
    expect_refused(read("expo.pack"), ErrorCode::bad_signature, "does not name a valid pack id and version");
    stick_.put(mini_pack_v(3), "expo.pack", key_.secret, PackClaim{"mini-pack", 3, kPackFormatVersion + 1, "expo.pack"});
    expect_refused(read("expo.pack"), ErrorCode::unsupported,
                   "names pack format " + std::to_string(kPackFormatVersion + 1));
}

// An unlock token put where a signature belongs is signed by a trusted key, but vouches for no
// pack.
TEST_F(Offered, AnUnlockTokenIsNoPackSignature) {
    stick_.put(mini_pack_v(3), "expo.pack", key_.secret, claim_for("mini-pack", 3, "expo.pack"));
    write_text(stick_.path("expo.pack.minisig"), *make_unlock_token(key_.secret, "0123456789"));
    expect_refused(read("expo.pack"), ErrorCode::bad_signature, "does not name a pack id, version and format");
}

TEST_F(Offered, AMissingLinkedOrOversizedSignatureIsRefused) {
    stick_.put(mini_pack_v(3), "expo.pack", key_.secret, claim_for("mini-pack", 3, "expo.pack"));
    fs::rename(stick_.path("expo.pack.minisig"), dir_ / "elsewhere.minisig");
    expect_refused(read("expo.pack"), ErrorCode::bad_signature, "PAVILION/expo.pack.minisig: no signature file");
    fs::create_symlink(dir_ / "elsewhere.minisig", stick_.path("expo.pack.minisig"));
    expect_refused(read("expo.pack"), ErrorCode::unsafe, "not a regular file");
    fs::remove(stick_.path("expo.pack.minisig"));
    ASSERT_EQ(::mkfifo(stick_.path("expo.pack.minisig").c_str(), 0600), 0);
    expect_refused(read("expo.pack"), ErrorCode::unsafe, "not a regular file"); // and no hang
    fs::remove(stick_.path("expo.pack.minisig"));
    write_text(stick_.path("expo.pack.minisig"), std::string(20000, 'x'));
    expect_refused(read("expo.pack"), ErrorCode::too_large, "too large for a signature");
}

TEST_F(Offered, NamesThatLeaveTheFolderAreRefused) {
    TrustedKeys trusted;
    trusted.keys = {trusted_key()};
    const auto offered = read_offered_pack(Candidate{stick_.folder(), "../expo.pack", ""}, trusted, fs_);
    ASSERT_FALSE(offered);
    EXPECT_EQ(offered.error().code, ErrorCode::unsafe);
}

} // namespace
} // namespace pavilion::content::test
