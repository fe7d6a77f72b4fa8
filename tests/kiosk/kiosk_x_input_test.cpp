// Real X input: xdotool moves and clicks the X server's pointer over the running kiosk, proving
// that pointer events from the X server (how a touch arrives under X11 and Xwayland) drive it.

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace pavilion {
namespace {

using testing::run_command;

bool have_xdotool() { return std::filesystem::exists("/usr/bin/xdotool"); }

TEST(KioskXInput, ClicksFromTheXServerWakeAndNavigateTheKiosk) {
    if (!have_xdotool()) GTEST_SKIP() << "xdotool is not installed";
    testing::BackgroundProcess kiosk({PAVILION_KIOSK, "--windowed", "1280x720"});
    ASSERT_TRUE(kiosk.started());
    ASSERT_TRUE(kiosk.wait_for("screen=attract", 20000)) << kiosk.output();
    // By process, visible windows only: other tests' off-screen kiosks have hidden windows with
    // the same title on the same X server.
    const auto window = run_command({"xdotool", "search", "--sync", "--onlyvisible", "--pid",
                                     std::to_string(kiosk.pid())});
    ASSERT_EQ(window.exit_code, 0) << window.output;
    const std::string id = window.output.substr(0, window.output.find('\n'));

    auto click = [&](int x, int y) {
        const auto result = run_command({"xdotool", "mousemove", "--window", id, std::to_string(x),
                                         std::to_string(y), "mousedown", "1", "sleep", "0.05", "mouseup", "1"});
        ASSERT_EQ(result.exit_code, 0) << result.output;
    };
    click(640, 360); // the first touch wakes the kiosk
    ASSERT_TRUE(kiosk.wait_for("screen=home lang=en", 10000)) << kiosk.output();
    click(640, 460); // the stories tile (1280x720: the middle column)
    EXPECT_TRUE(kiosk.wait_for("screen=stories lang=en", 10000)) << kiosk.output();
    // A drag is not a tap: dragging across the list must not open a story.
    run_command({"xdotool", "mousemove", "--window", id, "400", "600", "mousedown", "1", "mousemove", "--window", id,
                 "400", "500", "mousemove", "--window", id, "400", "300", "mouseup", "1"});
    click(63, 37); // Back (top-left)
    EXPECT_TRUE(kiosk.wait_for("screen=home lang=en\n", 10000)) << kiosk.output();
    EXPECT_EQ(kiosk.output().find("screen=story/"), std::string::npos) << kiosk.output();
}

} // namespace
} // namespace pavilion
