// The GPU texture cache with a real GL context (a hidden window under the test's X server):
// it stays under its memory cap, evicting the pictures seen longest ago, never the ones in use.

#include "pack_fixture.hpp"
#include "pavilion/platform/texture_cache.hpp"
#include "pavilion/platform/window.hpp"

#include <gtest/gtest.h>

namespace pavilion::platform {
namespace {

constexpr std::size_t kFullPictureBytes = 1920u * 1080u * 4u; // the default pack's pictures, RGBA

class TextureCacheTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto window = Window::create({"pavilion-test", WindowMode::hidden, 64, 64});
        ASSERT_TRUE(window) << window.error().message;
        window_ = std::move(window).value();
    }
    // One frame in which the screen shows `media_id`, with the decode awaited.
    static std::optional<core::Texture> show(TextureCache& cache, const std::string& media_id) {
        cache.begin_frame();
        auto texture = cache.full(media_id);
        cache.end_frame();
        if (!texture) {
            cache.finish_pending();
            cache.begin_frame();
            texture = cache.full(media_id);
            cache.end_frame();
        }
        return texture;
    }
    std::unique_ptr<Window> window_;
};

TEST_F(TextureCacheTest, StaysUnderItsCapEvictingTheLeastRecentlyUsed) {
    const auto& pack = testing::default_pack();
    TextureCacheConfig config;
    config.budget_bytes = 2 * kFullPictureBytes + kFullPictureBytes / 2; // room for two full pictures
    TextureCache cache(pack, config, {});
    std::vector<std::string> pictures;
    for (const auto& story : pack.catalog().stories) pictures.push_back(story.image);
    ASSERT_GE(pictures.size(), 5u);

    // A visitor swipes through five stories, one picture on screen at a time.
    for (std::size_t i = 0; i < 5; ++i) {
        const auto texture = show(cache, pictures[i]);
        ASSERT_TRUE(texture) << "picture " << i;
        EXPECT_GT(texture->width, 480) << "the full picture, not its thumbnail";
        EXPECT_LE(cache.resident_bytes(), config.budget_bytes) << "after picture " << i;
    }
    // The most recent pictures stay; the first ones made room for them.
    cache.begin_frame();
    const auto latest = cache.full(pictures[4]);
    const auto first = cache.full(pictures[0]);
    cache.end_frame();
    ASSERT_TRUE(latest);
    EXPECT_GT(latest->width, 480);
    EXPECT_FALSE(first && first->width > 480) << "the first picture should have been evicted";
}

TEST_F(TextureCacheTest, APictureInUseIsNeverEvictedEvenOverTheCap) {
    const auto& pack = testing::default_pack();
    TextureCacheConfig config;
    config.budget_bytes = kFullPictureBytes / 2; // smaller than a single picture
    TextureCache cache(pack, config, {});
    const auto& picture = pack.catalog().stories.front().image;
    ASSERT_TRUE(show(cache, picture));
    // Drawn again next frame: still there, not decoded again.
    cache.begin_frame();
    const auto again = cache.full(picture);
    cache.end_frame();
    ASSERT_TRUE(again);
    EXPECT_GT(again->width, 480);
}

TEST_F(TextureCacheTest, AMissingPictureIsReportedOnceAndNotRetried) {
    const auto& pack = testing::default_pack();
    TextureCache cache(pack, {}, {});
    EXPECT_FALSE(cache.full("no-such-picture"));
    cache.finish_pending();
    cache.begin_frame();
    EXPECT_FALSE(cache.full("no-such-picture"));
    cache.end_frame();
    EXPECT_EQ(cache.resident_count(), 0u);
}

} // namespace
} // namespace pavilion::platform
