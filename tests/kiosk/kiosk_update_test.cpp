// The live update path: a running kiosk (in a window under the test's X server) watching an
// inbox installs a newly signed pack and shows it without a restart; a damaged one is refused
// with one clear line and the content on screen stays.
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace pavilion {
namespace {

using testing::run_command;
using testing::TempDir;

struct SignedPack {
    std::string pack, signature;
};

// The mini fixture pack (a different pack id from the default one), built and signed.
SignedPack build_and_sign(const TempDir& dir, const std::string& secret_key) {
    const auto pack = dir / "mini.pack";
    auto built = run_command({PAVILION_PACK_TOOL, "build", std::string(PAVILION_FIXTURES_DIR) + "/mini-pack", "-o", pack});
    EXPECT_EQ(built.exit_code, 0) << built.output;
    auto signed_ = run_command({PAVILION_PACK_TOOL, "sign", pack, "-s", secret_key});
    EXPECT_EQ(signed_.exit_code, 0) << signed_.output;
    return {pack, pack + ".minisig"};
}

// Copies through a temporary name and renames, as a sync tool does, so the watcher sees it whole.
void drop_into(const std::string& inbox, const std::string& file, const std::string& name) {
    std::filesystem::copy_file(file, inbox + "/." + name + ".part");
    std::filesystem::rename(inbox + "/." + name + ".part", inbox + "/" + name);
}

TEST(KioskUpdate, ANewSignedPackInTheInboxShowsWithoutARestartAndABrokenOneIsRefused) {
    TempDir dir;
    const auto state = dir / "state", inbox = dir / "inbox", work = dir / "work";
    for (const auto& d : {state, state + "/keys", inbox, work}) std::filesystem::create_directories(d);
    auto keys = run_command({PAVILION_PACK_TOOL, "keygen", "-p", state + "/keys/operator.pub", "-s", work + "/secret.key"});
    ASSERT_EQ(keys.exit_code, 0) << keys.output;
    TempDir build_dir;
    const auto fresh = build_and_sign(build_dir, work + "/secret.key");

    testing::BackgroundProcess kiosk(
        {PAVILION_KIOSK, "--windowed", "1280x720", "--state", state, "--inbox", inbox, "--touch-device", "none"});
    ASSERT_TRUE(kiosk.wait_for("screen=attract", 20000)) << kiosk.output();

    // A damaged copy first: refused before anything changes.
    const auto damaged = work + "/damaged.pack";
    std::filesystem::copy_file(fresh.pack, damaged);
    std::filesystem::resize_file(damaged, std::filesystem::file_size(damaged) / 2);
    drop_into(inbox, fresh.signature, "mini.pack.minisig");
    drop_into(inbox, damaged, "mini.pack");
    ASSERT_TRUE(kiosk.wait_for("updates: refused: ", 20000)) << kiosk.output();
    EXPECT_NE(kiosk.output().find("mini.pack"), std::string::npos);
    EXPECT_EQ(kiosk.output().find("updates: installed"), std::string::npos) << kiosk.output();
    EXPECT_TRUE(std::filesystem::is_empty(state + "/staging"));

    // The real one: installed, and the kiosk switches to it in the same process. Nobody was
    // using it, so it stays at the attract loop, now the new pack's (no visit is made up).
    std::filesystem::remove(inbox + "/mini.pack");
    drop_into(inbox, fresh.pack, "mini.pack");
    ASSERT_TRUE(kiosk.wait_for("updates: installed", 20000)) << kiosk.output();
    ASSERT_TRUE(kiosk.wait_for("updates: now showing", 20000)) << kiosk.output();
    const auto& output = kiosk.output();
    EXPECT_EQ(output.find("screen=home"), std::string::npos) << output;
    // Two attract loops: the first pack's, then the new pack's, logged as the switch happened.
    const auto first = output.find("screen=attract lang=en");
    const auto second = output.find("screen=attract lang=en", first + 1);
    ASSERT_NE(second, std::string::npos) << output;
    EXPECT_LT(second, output.find("updates: now showing")) << output;
    // A report for the operator beside the pack in the inbox.
    EXPECT_NE(testing::read_text(inbox + "/mini.pack.report.txt").find("installed"), std::string::npos);
    EXPECT_TRUE(std::filesystem::is_empty(state + "/staging"));
}

} // namespace
} // namespace pavilion
