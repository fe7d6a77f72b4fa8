// `pavilion-pack install`, the real binary: an operator's whole flow (keygen, sign, install),
// progress on the console, one line on stderr for a refusal, exit codes, and a pack signed by
// Debian's minisign installing just the same.

#include "installer_test_support.hpp"

namespace pavilion::content::test {
namespace {

using pavilion::testing::CommandResult;
using pavilion::testing::read_text;
using pavilion::testing::run_command;

const char* const kMinisign = "/usr/bin/minisign";

CommandResult pack_tool(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {PAVILION_PACK_TOOL};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv);
}

std::string describe(const CommandResult& result) {
    return "exit " + std::to_string(result.exit_code) + ", output:\n" + result.output;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

class PackCliInstall : public ::testing::Test {
protected:
    void SetUp() override {
        fs::create_directories(stick_);
        fs::create_directories(state_ + "/keys");
        ASSERT_EQ(pack_tool({"keygen", "-p", state_ + "/keys/operator.pub", "-s", secret_}).exit_code, 0);
    }
    void put_pack() const { fs::copy_file(mini_pack_v(3), pack_); }

    TempDir dir_;
    const std::string stick_ = dir_ / "PAVILION";
    const std::string pack_ = stick_ + "/expo.pack";
    const std::string state_ = dir_ / "state";
    const std::string secret_ = dir_ / "operator.key";
};

TEST_F(PackCliInstall, SignThenInstallPrintsProgressAndWhatWasInstalled) {
    put_pack();
    ASSERT_EQ(pack_tool({"sign", pack_, "-s", secret_}).exit_code, 0);
    const auto result = pack_tool({"install", pack_, "--state", state_});
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_TRUE(contains(result.output, "copying 100%")) << result.output;
    EXPECT_TRUE(contains(result.output, "installed pack mini-pack version 3, signed by key "))
        << result.output;
    EXPECT_TRUE(contains(read_text(state_ + "/pointers"), "current mini-pack-v3-"));
    EXPECT_TRUE(contains(read_text(pack_ + ".report.txt"), "result:    ok"));

    // Again: refused with one line on stderr; with --force it is fine.
    const auto again = pack_tool({"install", pack_, "--state", state_});
    EXPECT_EQ(again.exit_code, 1) << describe(again);
    EXPECT_EQ(again.output, "pavilion-pack: PAVILION/expo.pack: version 3 of pack 'mini-pack' is "
                            "installed already (install with force to install it again)\n");
    const auto forced = pack_tool({"install", pack_, "--state", state_, "--force"});
    EXPECT_EQ(forced.exit_code, 0) << describe(forced);
    EXPECT_TRUE(contains(forced.output, "(it was installed already)")) << forced.output;
}

TEST_F(PackCliInstall, AnUnsignedPackExitsOneWithOneLine) {
    put_pack();
    const auto result = pack_tool({"install", pack_, "--state", state_});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_EQ(result.output, "pavilion-pack: PAVILION/expo.pack.minisig: no signature file (packs "
                             "are installed only when signed)\n");
}

TEST_F(PackCliInstall, UsageErrorsExitTwo) {
    EXPECT_EQ(pack_tool({"install", pack_}).exit_code, 2);
    EXPECT_EQ(pack_tool({"install", "--state", state_}).exit_code, 2);
    EXPECT_EQ(pack_tool({"install", pack_, "--state", state_, "--bogus"}).exit_code, 2);
    const auto help = pack_tool({"install", "--help"});
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_TRUE(contains(help.output, "usage: pavilion-pack install PACK --state DIR [--force]"));
    EXPECT_TRUE(contains(pack_tool({"--help"}).output, "install PACK --state DIR"));
}

TEST_F(PackCliInstall, APackSignedWithDebiansMinisignInstalls) {
    if (!fs::exists(kMinisign)) GTEST_SKIP() << kMinisign << " is not installed";
    put_pack();
    const std::string pub = dir_ / "minisign.pub";
    const std::string sec = dir_ / "minisign.key";
    ASSERT_EQ(run_command({kMinisign, "-G", "-W", "-p", pub, "-s", sec}).exit_code, 0);
    fs::copy_file(pub, state_ + "/keys/minisign.pub");
    const auto signed_by_minisign = run_command(
        {kMinisign, "-S", "-s", sec, "-m", pack_, "-t",
         format_pack_claim(claim_for("mini-pack", 3, "expo.pack"))});
    ASSERT_EQ(signed_by_minisign.exit_code, 0) << describe(signed_by_minisign);
    const auto result = pack_tool({"install", pack_, "--state", state_});
    ASSERT_EQ(result.exit_code, 0) << describe(result);
    EXPECT_TRUE(contains(result.output, "installed pack mini-pack version 3")) << result.output;
}

} // namespace
} // namespace pavilion::content::test

namespace pavilion::content::test {
namespace {

TEST_F(PackCliInstall, FloorShowsFixesAndRebuildsTheVersionFloor) {
    const auto fresh = pack_tool({"floor", "--state", state_, "--pack-id", "mini-pack"});
    ASSERT_EQ(fresh.exit_code, 0) << describe(fresh);
    EXPECT_TRUE(contains(fresh.output, "device pack id: mini-pack")) << fresh.output;
    const auto other = pack_tool({"floor", "--state", state_, "--pack-id", "expo"});
    EXPECT_EQ(other.exit_code, 1) << describe(other);
    EXPECT_TRUE(contains(other.output, "takes pack 'mini-pack' already")) << other.output;

    put_pack();
    ASSERT_EQ(pack_tool({"sign", pack_, "-s", secret_}).exit_code, 0);
    ASSERT_EQ(pack_tool({"install", pack_, "--state", state_}).exit_code, 0);
    const auto shown = pack_tool({"floor", "--state", state_});
    EXPECT_TRUE(contains(shown.output, "floor: pack mini-pack version 3\n")) << shown.output;

    pavilion::testing::write_text(state_ + "/floor", "damaged");
    const auto lost = pack_tool({"install", pack_, "--state", state_, "--force"});
    EXPECT_EQ(lost.exit_code, 1) << describe(lost);
    EXPECT_TRUE(contains(lost.output, "floor is damaged")) << lost.output;
    const auto rebuilt = pack_tool({"floor", "--state", state_, "--accept-rebuilt"});
    ASSERT_EQ(rebuilt.exit_code, 0) << describe(rebuilt);
    EXPECT_TRUE(contains(rebuilt.output, "floor: pack mini-pack version 3\n")) << rebuilt.output;
}

} // namespace
} // namespace pavilion::content::test
