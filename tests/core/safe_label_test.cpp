#include "pavilion/core/safe_label.hpp"

#include <gtest/gtest.h>

namespace pavilion::core {
namespace {

TEST(SafeLabel, PlainNamesInAnyScriptPassUnchanged) {
    EXPECT_EQ(safe_label("expo-2027.pack", 48), "expo-2027.pack");
    EXPECT_EQ(safe_label("一带一路.pack", 48), "一带一路.pack");
    EXPECT_EQ(safe_label("معرض.pack", 48), "معرض.pack");
}

TEST(SafeLabel, ControlAndReorderingCharactersBecomeReplacementCharacters) {
    // A right-to-left override would show "kcap.exe" as "exe.pack"-like lies; a newline would
    // start a second line that looks like the kiosk's own message.
    EXPECT_EQ(safe_label("a\nb", 48), "a\xEF\xBF\xBD" "b");
    EXPECT_EQ(safe_label("x\xE2\x80\xAEkcap.txt", 48), "x\xEF\xBF\xBDkcap.txt");
    EXPECT_EQ(safe_label("\xE2\x81\xA6hidden\xE2\x81\xA9", 48), "\xEF\xBF\xBDhidden\xEF\xBF\xBD");
    EXPECT_EQ(safe_label("tab\there", 48), "tab\xEF\xBF\xBDhere");
    EXPECT_EQ(safe_label("\xC2\x85", 48), "\xEF\xBF\xBD");         // NEL (C1)
    EXPECT_EQ(safe_label("z\xE2\x80\x8Bw", 48), "z\xEF\xBF\xBDw"); // zero-width space
}

TEST(SafeLabel, MalformedUtf8BecomesReplacementCharacters) {
    EXPECT_EQ(safe_label("a\xFF" "b", 48), "a\xEF\xBF\xBD" "b");
    EXPECT_EQ(safe_label("\xC0\xAF", 48).find('/'), std::string::npos); // an overlong '/'
}

TEST(SafeLabel, LongTextIsCutAtCodePointsWithAnEllipsis) {
    EXPECT_EQ(safe_label(std::string(100, 'a'), 10), std::string(10, 'a') + "\xE2\x80\xA6");
    EXPECT_EQ(safe_label("一二三四五六", 3), "一二三\xE2\x80\xA6");
    EXPECT_EQ(safe_label("abc", 3), "abc");
    EXPECT_EQ(safe_label("", 3), "");
}

} // namespace
} // namespace pavilion::core
