#include "text_fixture.hpp"

namespace pavilion::text {
namespace {

TEST(TextSmoke, LaysOutEnglish) {
    std::string why;
    auto fonts = testing::open_noto(NotoScript::latin, why);
    if (!fonts) GTEST_SKIP() << why;
    auto paragraph = layout_paragraph(*fonts, "Hello world", LayoutOptions{24, 0, Direction::auto_detect, "en"});
    ASSERT_TRUE(paragraph) << paragraph.error().message;
    ASSERT_EQ(paragraph->lines.size(), 1u);
    EXPECT_GT(paragraph->lines[0].width, 50);
}

} // namespace
} // namespace pavilion::text
