// The pack store on real files: its layout, start-up cleanup, pointers, rollback, keys and
// garbage collection, and its refusal to be steered by a damaged or hostile state directory.

#include "installer_test_support.hpp"

namespace pavilion::content::test {
namespace {

using pavilion::testing::read_text;
using pavilion::testing::write_text;

class Store : public ::testing::Test {
protected:
    void SetUp() override { trust(state_, "operator.pub", key_); }

    void install(std::int64_t version, const std::string& name = "expo.pack") {
        auto store = open_store(state_);
        PackInstaller installer(store);
        auto result = installer.install(stick_.put_version(version, key_.secret, name), quiet_options());
        ASSERT_TRUE(result) << result.error().message;
    }

    std::int64_t previous_version() const {
        const auto previous = open_store(state_).previous();
        if (!previous) return -1;
        return *previous ? (*previous)->version : 0;
    }

    FastTempDir dir_;
    SigningKey key_ = make_key();
    std::string state_ = dir_ / "state";
    Stick stick_{dir_ / "stick"};
};

TEST_F(Store, OpenCreatesTheLayoutAndNothingIsActive) {
    const std::string fresh = dir_ / "fresh/state";
    fs::create_directories(dir_ / "fresh");
    auto store = PackStore::open(fresh);
    ASSERT_TRUE(store) << store.error().message;
    for (const char* sub : {"packs", "staging", "keys"}) EXPECT_TRUE(fs::is_directory(fresh + "/" + sub)) << sub;
    auto active = store->active();
    ASSERT_TRUE(active) << active.error().message;
    EXPECT_FALSE(*active); // the kiosk shows its built-in pack
    auto previous = store->previous();
    ASSERT_TRUE(previous);
    EXPECT_FALSE(*previous);
    EXPECT_TRUE(store->open_messages().empty());
}

TEST_F(Store, OpenFailsClearlyWhenTheParentIsMissing) {
    auto store = PackStore::open(dir_ / "no/such/state");
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().code, ErrorCode::io);
    EXPECT_NE(store.error().message.find("cannot create"), std::string::npos) << store.error().message;
}

TEST_F(Store, OpenCleansStagingLeftByACrash) {
    install(3);
    fs::create_directories(state_ + "/staging");
    write_text(state_ + "/staging/incoming.pack", "half a pack");
    write_text(state_ + "/staging/pointers.new", "current x");
    auto store = open_store(state_);
    EXPECT_TRUE(names_in(state_ + "/staging").empty());
    ASSERT_EQ(store.open_messages().size(), 2u);
    EXPECT_NE(store.open_messages()[0].find("incoming.pack, left by an interrupted install"),
              std::string::npos);
    EXPECT_EQ(active_version(store), 3);
}

TEST_F(Store, OpenLeavesStagingAloneWhileAnotherInstallRuns) {
    auto installing = open_store(state_);
    auto held = installing.lock();
    ASSERT_TRUE(held);
    write_text(state_ + "/staging/incoming.pack", "being copied right now");
    auto kiosk = open_store(state_);
    EXPECT_EQ(names_in(state_ + "/staging"), std::vector<std::string>{"incoming.pack"});
    ASSERT_EQ(kiosk.open_messages().size(), 1u);
    EXPECT_NE(kiosk.open_messages()[0].find("another install is running"), std::string::npos);
}

TEST_F(Store, RollbackSwitchesBackAndForth) {
    install(3);
    install(4);
    auto store = open_store(state_);
    for (int round = 0; round < 3; ++round) {
        auto back = store.rollback();
        ASSERT_TRUE(back) << back.error().message;
        EXPECT_EQ(back->version, 3);
        EXPECT_EQ(active_version(store), 3);
        EXPECT_EQ(previous_version(), 4);
        auto active = store.active();
        ASSERT_TRUE(active && *active);
        EXPECT_TRUE(PackReader::open((*active)->path));

        auto forth = store.rollback();
        ASSERT_TRUE(forth) << forth.error().message;
        EXPECT_EQ(forth->version, 4);
        EXPECT_EQ(active_version(store), 4);
        EXPECT_EQ(previous_version(), 3);
    }
}

TEST_F(Store, AfterARollbackAnInstallKeepsTheRolledBackPackAsPrevious) {
    install(3);
    install(4);
    ASSERT_TRUE(open_store(state_).rollback());
    install(5);
    EXPECT_EQ(active_version(open_store(state_)), 5);
    EXPECT_EQ(previous_version(), 3);
}

TEST_F(Store, RollbackWithoutAPreviousPackFails) {
    auto empty = open_store(state_).rollback();
    ASSERT_FALSE(empty);
    EXPECT_NE(empty.error().message.find("nothing to roll back to"), std::string::npos);
    install(3);
    auto store = open_store(state_);
    auto one = store.rollback();
    ASSERT_FALSE(one);
    EXPECT_EQ(active_version(store), 3);
}

TEST_F(Store, ADamagedPointerFileShowsTheBuiltInPackAndKeepsEveryPack) {
    install(3);
    install(4);
    for (const std::string text :
         {"", "garbage\n", "current ../../etc/passwd\n", "current /etc/passwd.pack\n",
          "current mini-pack-v4-zzzzzzzz.pack\n", "previous mini-pack-v3-00000000.pack\n",
          "current mini-pack-v4-00000000.pack"}) {
        write_text(state_ + "/pointers", text);
        auto store = open_store(state_);
        auto active = store.active();
        ASSERT_FALSE(active) << "'" << text << "'";
        EXPECT_EQ(active.error().code, ErrorCode::corrupt);
        EXPECT_NE(active.error().message.find("pointers is damaged"), std::string::npos);
        EXPECT_FALSE(store.collect_garbage());
        EXPECT_EQ(names_in(state_ + "/packs").size(), 4u); // nothing deleted
    }
}

TEST_F(Store, APointerToAMissingPackIsReportedAndAnInstallRepairsIt) {
    install(3);
    for (const auto& name : names_in(state_ + "/packs")) fs::remove(state_ + "/packs/" + name);
    auto active = open_store(state_).active();
    ASSERT_FALSE(active);
    EXPECT_EQ(active.error().code, ErrorCode::corrupt);
    EXPECT_NE(active.error().message.find("which is missing"), std::string::npos);
    // What is installed is unknown, but the floor is not: an older version stays out, a newer
    // one repairs the store.
    auto store = open_store(state_);
    auto older = PackInstaller(store).install(stick_.put_version(2, key_.secret), quiet_options());
    ASSERT_FALSE(older);
    EXPECT_EQ(older.error().code, ErrorCode::not_newer) << older.error().message;
    install(4);
    EXPECT_EQ(active_version(open_store(state_)), 4);
}

TEST_F(Store, TheStoreNeverFollowsALinkForItsFolders) {
    const std::string elsewhere = dir_ / "elsewhere";
    fs::create_directories(elsewhere);
    fs::create_directories(state_);
    fs::create_directory_symlink(elsewhere, state_ + "/packs");
    auto store = PackStore::open(state_);
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().code, ErrorCode::unsafe);
    EXPECT_NE(store.error().message.find("packs is not a directory"), std::string::npos);
}

TEST_F(Store, APointerFileThatIsALinkIsNotFollowed) {
    install(3);
    const std::string forged = dir_ / "forged";
    write_text(forged, read_text(state_ + "/pointers"));
    fs::remove(state_ + "/pointers");
    fs::create_symlink(forged, state_ + "/pointers");
    auto active = open_store(state_).active();
    ASSERT_FALSE(active);
    EXPECT_EQ(active.error().code, ErrorCode::io);
}

TEST_F(Store, TrustedKeysSkipsFilesThatCannotBeUsed) {
    const SigningKey second = make_key();
    trust(state_, "second.pub", second);
    write_text(state_ + "/keys/broken.pub", "untrusted comment: x\nAAAA\n");
    write_text(state_ + "/keys/huge.pub", std::string(100000, 'A'));
    write_text(state_ + "/keys/readme.txt", "not a key, not even looked at");
    fs::create_symlink(state_ + "/keys/second.pub", state_ + "/keys/linked.pub");
    auto keys = open_store(state_).trusted_keys();
    ASSERT_EQ(keys.keys.size(), 2u);
    EXPECT_EQ(keys.keys[0].key_id, key_.secret.key_id);  // operator.pub
    EXPECT_EQ(keys.keys[1].key_id, second.secret.key_id); // second.pub
    ASSERT_EQ(keys.problems.size(), 3u) << ::testing::PrintToString(keys.problems);
    EXPECT_NE(keys.problems[0].find("broken.pub: skipped, not a minisign public key"), std::string::npos);
    EXPECT_NE(keys.problems[1].find("huge.pub: skipped, too large for a key"), std::string::npos);
    EXPECT_NE(keys.problems[2].find("linked.pub: skipped, not a regular file"), std::string::npos);
}

TEST_F(Store, GarbageCollectionRemovesPacksLeftByACrashedInstall) {
    install(3);
    install(4);
    write_text(state_ + "/packs/mini-pack-v9-0badf00d.pack", "orphan of a crash");
    auto store = open_store(state_);
    ASSERT_TRUE(store.collect_garbage());
    const auto names = names_in(state_ + "/packs");
    ASSERT_EQ(names.size(), 4u);
    for (const auto& name : names) EXPECT_EQ(name.find("-v9-"), std::string::npos);
    EXPECT_EQ(active_version(store), 4);
    EXPECT_EQ(previous_version(), 3);
}

TEST_F(Store, PackFileNamesAreIdVersionAndHash) {
    install(3);
    auto active = open_store(state_).active();
    ASSERT_TRUE(active && *active);
    const auto& name = (*active)->file_name;
    ASSERT_EQ(name.size(), std::string("mini-pack-v3-12345678.pack").size()) << name;
    EXPECT_EQ(name.rfind("mini-pack-v3-", 0), 0u) << name;
    EXPECT_TRUE(fs::exists(state_ + "/packs/" + name + ".minisig"));
    EXPECT_EQ(read_text(state_ + "/pointers"), "current " + name + "\nfloor recorded\n");
}

} // namespace
} // namespace pavilion::content::test
