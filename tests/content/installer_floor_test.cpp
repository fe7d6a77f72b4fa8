// The attacks on the version floor (issue 19), each through the real store and installer: a
// rollback replayed from the same stick, a damaged pointer file, deleted packs, a damaged or
// deleted floor, a fresh device shown a foreign pack, a shadowed key, a stick of forged claims.

#include "installer_test_support.hpp"

namespace pavilion::content::test {
namespace {

using pavilion::testing::read_text;
using pavilion::testing::write_text;

class Floor : public ::testing::Test {
protected:
    void SetUp() override { trust(state_, "operator.pub", key_); }

    Expected<InstallResult> install(const Candidate& candidate, bool force = false) {
        auto store = open_store(state_);
        if (built_in_) store.cover_built_in(*built_in_);
        InstallOptions options = quiet_options();
        options.force = force;
        options.on_progress = [this](std::uint64_t, std::uint64_t) { ++progress_calls_; };
        return PackInstaller(store).install(candidate, options);
    }
    Expected<InstallResult> install_version(std::int64_t version, bool force = false) {
        return install(stick_.put_version(version, key_.secret), force);
    }
    void install_ok(std::int64_t version) {
        auto result = install_version(version);
        ASSERT_TRUE(result) << result.error().message;
    }
    void expect_refused(const Expected<InstallResult>& result, ErrorCode code, const std::string& part) {
        ASSERT_FALSE(result) << "installed, but should have been refused";
        EXPECT_EQ(result.error().code, code) << to_string(result.error().code) << ": " << result.error().message;
        EXPECT_NE(result.error().message.find(part), std::string::npos) << result.error().message;
        EXPECT_TRUE(names_in(state_ + "/staging").empty());
    }

    FastTempDir dir_;
    SigningKey key_ = make_key();
    std::string state_ = dir_ / "state";
    Stick stick_{dir_ / "stick"};
    std::optional<PackIdentity> built_in_;
    int progress_calls_ = 0;
};

TEST_F(Floor, ARolledBackVersionCannotBeReplayedFromTheSameStick) {
    install_ok(4);
    install_ok(5);
    ASSERT_TRUE(open_store(state_).rollback());
    expect_refused(install_version(5), ErrorCode::not_newer, "was rolled back on this kiosk");
    EXPECT_EQ(active_version(open_store(state_)), 4);
    install_ok(6);
    EXPECT_EQ(active_version(open_store(state_)), 6);
}

TEST_F(Floor, ADamagedPointerFileDoesNotLetAnOlderPackIn) {
    install_ok(5);
    write_text(state_ + "/pointers", "garbage");
    expect_refused(install_version(4), ErrorCode::not_newer, "older than version 5");
    install_ok(6); // a newer pack repairs the store
    EXPECT_EQ(active_version(open_store(state_)), 6);
}

TEST_F(Floor, DeletingTheInstalledPacksDoesNotResetIt) {
    install_ok(5);
    for (const auto& name : names_in(state_ + "/packs")) fs::remove(state_ + "/packs/" + name);
    fs::remove(state_ + "/pointers");
    expect_refused(install_version(4), ErrorCode::not_newer, "older than version 5");
}

TEST_F(Floor, ADamagedFloorStopsEveryInstallUntilTheOperatorAcceptsARebuiltOne) {
    install_ok(4);
    install_ok(5);
    write_text(state_ + "/floor", "pavilion-version-floor 1\npack mini-pack 1\n");
    expect_refused(install_version(6), ErrorCode::floor_unknown, "floor is damaged");
    expect_refused(install_version(6, /*force=*/true), ErrorCode::floor_unknown, "until the operator confirms");
    EXPECT_EQ(active_version(open_store(state_)), 5);

    auto store = open_store(state_);
    auto rebuilt = store.accept_rebuilt_floor();
    ASSERT_TRUE(rebuilt) << rebuilt.error().message;
    EXPECT_EQ(rebuilt->device_pack_id, "mini-pack");
    EXPECT_EQ(rebuilt->marks.at("mini-pack"), (FloorMark{5, false}));
    expect_refused(install_version(4), ErrorCode::not_newer, "older than version 5");
    install_ok(6);
}

TEST_F(Floor, AFloorDeletedWhilePacksAreInstalledIsLostNotEmpty) {
    install_ok(5);
    fs::remove(state_ + "/floor");
    auto floor = open_store(state_).floor();
    ASSERT_FALSE(floor);
    EXPECT_EQ(floor.error().code, ErrorCode::floor_unknown);
    EXPECT_NE(floor.error().message.find("floor is missing while packs are installed"), std::string::npos);
    expect_refused(install_version(3), ErrorCode::floor_unknown, "missing");
}

TEST_F(Floor, AFloorThatIsALinkIsNotFollowed) {
    install_ok(5);
    const std::string forged = dir_ / "forged-floor";
    write_text(forged, format_version_floor(VersionFloor{}));
    fs::remove(state_ + "/floor");
    fs::create_symlink(forged, state_ + "/floor");
    expect_refused(install_version(3), ErrorCode::floor_unknown, "symbolic link");
}

TEST_F(Floor, AStoreFromBeforeFloorsGetsOneFromItsPacksAtOpen) {
    install_ok(4);
    install_ok(5);
    ASSERT_TRUE(open_store(state_).rollback()); // 4 current, 5 previous
    // What an older kiosk left: the pointer file without its marker, and no floor.
    std::string pointers = read_text(state_ + "/pointers");
    pointers.erase(pointers.find("floor recorded\n"));
    write_text(state_ + "/pointers", pointers);
    fs::remove(state_ + "/floor");

    auto store = open_store(state_);
    ASSERT_FALSE(store.open_messages().empty());
    EXPECT_NE(store.open_messages().back().find("made the version floor"), std::string::npos);
    auto floor = store.floor();
    ASSERT_TRUE(floor) << floor.error().message;
    EXPECT_EQ(floor->marks.at("mini-pack"), (FloorMark{5, true})); // 5 is not current: withdrawn
    expect_refused(install_version(5), ErrorCode::not_newer, "rolled back");
    install_ok(6);
}

TEST_F(Floor, AFreshDeviceTakesTheFirstPackAndThenOnlyItsId) {
    auto first = install(stick_.put(mini_pack_as("expo", 1), "expo.pack", key_.secret,
                                    claim_for("expo", 1, "expo.pack")));
    ASSERT_TRUE(first) << first.error().message;
    auto foreign = install(stick_.put(mini_pack_as("foreign", 9), "foreign.pack", key_.secret,
                                      claim_for("foreign", 9, "foreign.pack")));
    expect_refused(foreign, ErrorCode::other_pack, "this kiosk shows pack 'expo'");
    // Even with the pointer file gone, the floor remembers which id this device takes.
    fs::remove(state_ + "/pointers");
    expect_refused(install(stick_.candidate("foreign.pack")), ErrorCode::other_pack, "'expo'");
    EXPECT_TRUE(install(stick_.candidate("foreign.pack"), /*force=*/true));
}

TEST_F(Floor, AProvisionedPackIdIsTheOnlyOneAFreshDeviceTakes) {
    auto store = open_store(state_);
    ASSERT_TRUE(store.fix_device_pack_id("expo"));
    EXPECT_TRUE(store.fix_device_pack_id("expo")); // the same id again: nothing to do
    EXPECT_EQ(store.fix_device_pack_id("other").error().code, ErrorCode::other_pack);
    expect_refused(install_version(1), ErrorCode::other_pack, "this kiosk shows pack 'expo'");
    EXPECT_FALSE(store.fix_device_pack_id("Not Valid"));
}

TEST_F(Floor, TheBuiltInPacksVersionCountsOnAnEmptyDevice) {
    built_in_ = PackIdentity{"mini-pack", 7};
    expect_refused(install_version(6), ErrorCode::not_newer, "older than version 7");
    expect_refused(install_version(7), ErrorCode::not_newer, "installed already");
    install_ok(8);
}

TEST_F(Floor, TwoKeyFilesWithOneKeyIdTrustNeitherAndNameBoth) {
    const SigningKey impostor = make_key();
    // The same key id with another key: whichever file came first would decide today.
    auto real = minisign::parse_public_key(key_.public_file);
    ASSERT_TRUE(real);
    minisign::PublicKey shadow = *minisign::parse_public_key(impostor.public_file);
    shadow.key_id = real->key_id;
    write_text(state_ + "/keys/zz-shadow.pub", minisign::format_public_key(shadow));
    const auto keys = open_store(state_).trusted_keys();
    EXPECT_TRUE(keys.keys.empty());
    EXPECT_NE(keys.clash.find("operator.pub and "), std::string::npos) << keys.clash;
    EXPECT_NE(keys.clash.find("zz-shadow.pub have the same key id"), std::string::npos) << keys.clash;
    expect_refused(install_version(1), ErrorCode::untrusted, "zz-shadow.pub");
}

TEST_F(Floor, AStickOfForgedClaimsCostsNoCopying) {
    install_ok(3);
    progress_calls_ = 0;
    // A real signature whose trusted comment was edited to claim a newer version.
    const auto candidate = stick_.put_version(3, key_.secret);
    std::string signature = read_text(stick_.path("expo.pack.minisig"));
    const auto at = signature.find("version:3");
    ASSERT_NE(at, std::string::npos);
    signature.replace(at, 9, "version:999");
    write_text(stick_.path("expo.pack.minisig"), signature);
    expect_refused(install(candidate), ErrorCode::tampered, "trusted comment was altered");
    // An honest claim, signed by a key nobody trusts.
    const SigningKey stranger = make_key();
    expect_refused(install(stick_.put_version(9, stranger.secret, "stranger.pack")), ErrorCode::untrusted,
                   "not a trusted key");
    EXPECT_EQ(progress_calls_, 0) << "a forged claim made the installer copy";
    EXPECT_EQ(active_version(open_store(state_)), 3);
}

} // namespace
} // namespace pavilion::content::test
