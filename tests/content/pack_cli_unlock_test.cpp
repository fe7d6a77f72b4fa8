// `pavilion-pack unlock-token`, the real binary: a token for the code a kiosk shows, written where
// asked and accepted by the kiosk's own check; usage mistakes exit 2 with one line.

#include "pavilion/content/unlock_token.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace pavilion::content {
namespace {

using pavilion::testing::CommandResult;
using pavilion::testing::read_text;
using pavilion::testing::run_command;
using pavilion::testing::TempDir;

CommandResult pack_tool(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {PAVILION_PACK_TOOL};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_command(argv);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class PackCliUnlock : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(pack_tool({"keygen", "-p", pub_, "-s", secret_}).exit_code, 0);
        trusted_ = {*minisign::parse_public_key(read_text(pub_))};
    }

    TempDir dir_;
    const std::string pub_ = dir_ / "operator.pub";
    const std::string secret_ = dir_ / "operator.key";
    std::vector<minisign::PublicKey> trusted_;
};

TEST_F(PackCliUnlock, WritesATokenTheKioskAcceptsForThatCode) {
    const std::string token = dir_ / "unlock.token";
    // As read off the keypad, in lower case and with an O for a 0.
    const auto result = pack_tool({"unlock-token", "7k2qd-m9xaO", "-s", secret_, "-o", token});
    ASSERT_EQ(result.exit_code, 0) << result.output;
    EXPECT_TRUE(contains(result.output, "unlock token for code 7K2QD-M9XA0, signed by key ")) << result.output;
    EXPECT_TRUE(contains(result.output, "copy it to PAVILION/unlock.token on a USB stick")) << result.output;
    const auto checked = verify_unlock_token(trusted_, read_text(token), "7K2QDM9XA0");
    EXPECT_TRUE(checked) << checked.error().message;
    EXPECT_FALSE(verify_unlock_token(trusted_, read_text(token), "7K2QDM9XA1"));
}

TEST_F(PackCliUnlock, WritesUnlockTokenInTheCurrentFolderByDefault) {
    const auto result = run_command({"/bin/sh", "-c",
                                     "cd '" + dir_.path().string() + "' && '" + PAVILION_PACK_TOOL +
                                         "' unlock-token 7K2QDM9XAT -s operator.key"});
    ASSERT_EQ(result.exit_code, 0) << result.output;
    EXPECT_TRUE(verify_unlock_token(trusted_, read_text(dir_ / "unlock.token"), "7K2QDM9XAT"));
}

TEST_F(PackCliUnlock, MistakesSayWhatIsWrong) {
    const auto bad_code = pack_tool({"unlock-token", "7K2QD-M9XA", "-s", secret_});
    EXPECT_EQ(bad_code.exit_code, 2);
    EXPECT_TRUE(contains(bad_code.output, "pavilion-pack: '7K2QD-M9XA' is not a recovery code: 10 letters and digits"))
        << bad_code.output;
    EXPECT_EQ(pack_tool({"unlock-token", "7K2QDM9XAT"}).exit_code, 2) << "no key";
    EXPECT_EQ(pack_tool({"unlock-token", "-s", secret_}).exit_code, 2) << "no code";
    const auto no_key = pack_tool({"unlock-token", "7K2QDM9XAT", "-s", dir_ / "missing.key"});
    EXPECT_EQ(no_key.exit_code, 1);
    EXPECT_EQ(no_key.output, "pavilion-pack: " + (dir_ / "missing.key") + ": cannot read the secret key\n");
    const auto public_as_secret = pack_tool({"unlock-token", "7K2QDM9XAT", "-s", pub_});
    EXPECT_EQ(public_as_secret.exit_code, 1) << public_as_secret.output;
    const auto help = pack_tool({"unlock-token", "--help"});
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_TRUE(contains(help.output, "usage: pavilion-pack unlock-token CODE -s SECRETKEY_FILE [-o TOKEN_FILE]"));
    EXPECT_TRUE(contains(pack_tool({"--help"}).output, "unlock-token CODE -s SECRET"));
}

} // namespace
} // namespace pavilion::content
