// The window's errors and planned size. Without a display the failure is one line with the
// code unavailable; that runs in a re-executed child (a "threadsafe" death test), since GLFW,
// once initialized by another test in this process, would not look for the display again.

#include "pavilion/platform/window.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

namespace pavilion::platform {
namespace {

TEST(Window, PlannedSizeOfAWindowedKioskIsTheConfiguredOne) {
    const auto size = Window::planned_size({"pavilion-test", WindowMode::windowed, 800, 480});
    ASSERT_TRUE(size) << size.error().message;
    EXPECT_EQ(size->width, 800);
    EXPECT_EQ(size->height, 480);
}

TEST(Window, PlannedSizeFullScreenIsTheMonitorsMode) {
    const auto size = Window::planned_size({"pavilion-test", WindowMode::fullscreen, 800, 480});
    ASSERT_TRUE(size) << size.error().message;
    EXPECT_GT(size->width, 0);
    EXPECT_GT(size->height, 0);
}

// Exits 0 when error is unavailable, after printing its message for the parent to match.
[[noreturn]] void exit_with(const core::Error& error) {
    std::fprintf(stderr, "%s\n", error.message.c_str());
    std::exit(error.code == core::ErrorCode::unavailable ? 0 : 2);
}

TEST(WindowDeathTest, WithoutADisplayCreateSaysSoInOneLine) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_EXIT(
        {
            ::unsetenv("DISPLAY");
            ::unsetenv("WAYLAND_DISPLAY");
            const auto window = Window::create({"pavilion-test", WindowMode::hidden, 64, 64});
            if (window) std::exit(1);
            exit_with(window.error());
        },
        ::testing::ExitedWithCode(0), "^no display available \\([^\n]+\\)\n$");
}

TEST(WindowDeathTest, WithoutADisplayPlannedSizeSaysSo) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_EXIT(
        {
            ::unsetenv("DISPLAY");
            ::unsetenv("WAYLAND_DISPLAY");
            const auto size = Window::planned_size({"pavilion-test", WindowMode::fullscreen, 64, 64});
            if (size) std::exit(1);
            exit_with(size.error());
        },
        ::testing::ExitedWithCode(0), "^no display available \\(");
}

} // namespace
} // namespace pavilion::platform
