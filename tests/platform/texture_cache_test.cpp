// The GPU texture cache with a real GL context (a hidden window under the test's X server):
// it stays under its memory cap, evicting the pictures seen longest ago, never the ones in use;
// decoded pictures come back through the owner's RunQueue, drained here where the shell would.

#include "pavilion/content/pack_reader.hpp"
#include "pavilion/core/run_queue.hpp"
#include "pavilion/platform/texture_cache.hpp"
#include "pavilion/platform/window.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pavilion::platform {
namespace {

constexpr std::size_t kFullPictureBytes = 1920u * 1080u * 4u; // the default pack's pictures, RGBA

class TextureCacheTest : public ::testing::Test {
protected:
    // The cache shares ownership of its pack, so the tests open one of their own.
    static void SetUpTestSuite() {
        auto opened = content::PackReader::open(PAVILION_DEFAULT_PACK);
        ASSERT_TRUE(opened) << opened.error().message;
        pack_ = std::make_shared<const content::PackReader>(std::move(opened).value());
    }
    static void TearDownTestSuite() { pack_.reset(); }

    void SetUp() override {
        ASSERT_TRUE(pack_) << "the default pack did not open";
        auto window = Window::create({"pavilion-test", WindowMode::hidden, 64, 64});
        ASSERT_TRUE(window) << window.error().message;
        window_ = std::move(window).value();
    }

    std::vector<std::string> story_pictures() const {
        std::vector<std::string> pictures;
        for (const auto& story : pack_->catalog().stories)
            if (!story.image.empty()) pictures.push_back(story.image);
        return pictures;
    }
    // What an off-screen run does for a complete frame: every decode finished, its result drained
    // from the queue (the pictures arrive), and all of them uploaded.
    void settle(TextureCache& cache) {
        cache.wait_for_decodes();
        results_.drain();
        cache.upload_arrived();
    }
    // One frame in which the screen shows `media_id`, with the decode awaited.
    std::optional<core::Texture> show(TextureCache& cache, const std::string& media_id) {
        cache.begin_frame();
        auto texture = cache.full(media_id);
        cache.end_frame();
        if (!texture) {
            settle(cache);
            cache.begin_frame();
            texture = cache.full(media_id);
            cache.end_frame();
        }
        return texture;
    }

    static std::shared_ptr<const content::PackReader> pack_;
    core::RunQueue results_; // the owner's one hand-off; declared before any cache, so it outlives them
    std::unique_ptr<Window> window_;
};

std::shared_ptr<const content::PackReader> TextureCacheTest::pack_;

TEST_F(TextureCacheTest, StaysUnderItsCapEvictingTheLeastRecentlyUsed) {
    TextureCacheConfig config;
    config.budget_bytes = 2 * kFullPictureBytes + kFullPictureBytes / 2; // room for two full pictures
    TextureCache cache(pack_, config, results_);
    const auto pictures = story_pictures();
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
    TextureCacheConfig config;
    config.budget_bytes = kFullPictureBytes / 2; // smaller than a single picture
    TextureCache cache(pack_, config, results_);
    const auto picture = story_pictures().front();
    ASSERT_TRUE(show(cache, picture));
    // Drawn again next frame: still there, not decoded again.
    cache.begin_frame();
    const auto again = cache.full(picture);
    cache.end_frame();
    ASSERT_TRUE(again);
    EXPECT_GT(again->width, 480);
    cache.wait_for_decodes();
    EXPECT_FALSE(results_.pending()) << "a resident picture must not be decoded again";
}

TEST_F(TextureCacheTest, AMissingPictureIsReportedOnceAndNotRetried) {
    TextureCache cache(pack_, {}, results_);
    EXPECT_FALSE(cache.full("no-such-picture"));
    settle(cache);
    EXPECT_FALSE(cache.busy()) << "a failed decode is done with, not pending";
    cache.begin_frame();
    EXPECT_FALSE(cache.full("no-such-picture"));
    cache.end_frame();
    EXPECT_EQ(cache.resident_count(), 0u);
    cache.wait_for_decodes();
    EXPECT_FALSE(results_.pending()) << "asked again after it failed: it must not be decoded again";
    EXPECT_FALSE(cache.busy());
}

} // namespace
} // namespace pavilion::platform
