// The GPU texture cache with a real GL context (a hidden window under the test's X server):
// it stays under its memory cap, evicting the pictures seen longest ago, never the ones in use;
// decoded pictures come back through the owner's RunQueue, drained here where the shell would.

#include "forged_pack.hpp"
#include "pavilion/content/pack_reader.hpp"
#include "pavilion/core/run_queue.hpp"
#include "pavilion/platform/texture_cache.hpp"
#include "pavilion/platform/window.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>

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

TEST_F(TextureCacheTest, ADecodeDrainedAfterItsCacheIsGoneDoesNothing) {
    const auto pictures = story_pictures();
    ASSERT_GE(pictures.size(), 2u);
    // On the heap and freed before the drain: a result that kept a raw `this` would write into
    // freed memory (ASan reports it; without ASan it may pass, which the second part covers).
    auto gone = std::make_unique<TextureCache>(pack_, TextureCacheConfig{}, results_);
    gone->prefetch(pictures[0], false);
    gone->wait_for_decodes();
    ASSERT_TRUE(results_.pending()) << "the decode should have posted its result";
    gone.reset();
    EXPECT_EQ(results_.drain(), 1u) << "the result ran, and did nothing";

    // The same storage for the old cache and the new one, as when a pack switch replaces the cache
    // in place: a result that kept a raw `this` would land in the new cache.
    std::optional<TextureCache> cache;
    cache.emplace(pack_, TextureCacheConfig{}, results_);
    cache->prefetch(pictures[0], false);
    cache->prefetch(pictures[1], true);
    cache->wait_for_decodes();
    ASSERT_TRUE(results_.pending()) << "both decodes should have posted their results";
    cache.reset();

    cache.emplace(pack_, TextureCacheConfig{}, results_);
    EXPECT_EQ(results_.drain(), 2u) << "the old cache's two results ran";
    EXPECT_FALSE(cache->busy()) << "the old cache's pictures must not arrive in the new one";
    cache->begin_frame();
    EXPECT_FALSE(cache->end_frame()) << "nothing arrived, nothing to upload";
    EXPECT_EQ(cache->resident_count(), 0u);
    EXPECT_FALSE(cache->resident(pictures[0], false));
    EXPECT_FALSE(cache->resident(pictures[1], true));
}

TEST_F(TextureCacheTest, EndFrameUploadsWithinItsBudgetAndUploadArrivedIgnoresIt) {
    const auto pictures = story_pictures();
    ASSERT_GE(pictures.size(), 3u);
    TextureCacheConfig config;
    config.upload_bytes_per_frame = 2 * kFullPictureBytes; // two full pictures a frame
    TextureCache cache(pack_, config, results_);
    for (std::size_t i = 0; i < 3; ++i) cache.prefetch(pictures[i], false);
    cache.wait_for_decodes();
    EXPECT_EQ(results_.drain(), 3u);

    cache.begin_frame();
    EXPECT_TRUE(cache.end_frame());
    EXPECT_EQ(cache.resident_count(), 2u) << "the third picture is over this frame's budget";
    EXPECT_EQ(cache.resident_bytes(), 2 * kFullPictureBytes);
    EXPECT_TRUE(cache.busy()) << "one arrived picture still waits";
    cache.begin_frame();
    EXPECT_TRUE(cache.end_frame());
    EXPECT_EQ(cache.resident_count(), 3u);
    EXPECT_FALSE(cache.busy());
    cache.begin_frame();
    EXPECT_FALSE(cache.end_frame()) << "nothing new";

    // A picture larger than the budget still arrives, one a frame.
    config.upload_bytes_per_frame = 1;
    TextureCache tight(pack_, config, results_);
    for (std::size_t i = 0; i < 3; ++i) tight.prefetch(pictures[i], false);
    tight.wait_for_decodes();
    EXPECT_EQ(results_.drain(), 3u);
    tight.begin_frame();
    EXPECT_TRUE(tight.end_frame());
    EXPECT_EQ(tight.resident_count(), 1u);

    // upload_arrived takes the rest at once, whatever the budget.
    tight.upload_arrived();
    EXPECT_EQ(tight.resident_count(), 3u);
    EXPECT_EQ(tight.resident_bytes(), 3 * kFullPictureBytes);
    EXPECT_FALSE(tight.busy());
}

TEST_F(TextureCacheTest, BusyUntilTheRequestedPictureIsUploaded) {
    TextureCache cache(pack_, {}, results_);
    EXPECT_FALSE(cache.busy()) << "nothing asked for yet";
    const auto picture = story_pictures().front();
    cache.prefetch(picture, false);
    EXPECT_TRUE(cache.busy()) << "queued or decoding";
    cache.wait_for_decodes();
    EXPECT_TRUE(cache.busy()) << "decoded, its result not yet drained";
    results_.drain();
    EXPECT_TRUE(cache.busy()) << "arrived, not yet uploaded";
    EXPECT_FALSE(cache.resident(picture, false));
    cache.begin_frame();
    EXPECT_TRUE(cache.end_frame());
    EXPECT_TRUE(cache.resident(picture, false));
    EXPECT_FALSE(cache.busy());
}

TEST_F(TextureCacheTest, AnAdoptedPictureArrivesAtOnceWithoutADecode) {
    TextureCache cache(pack_, {}, results_);
    content::Pixels pixels{64, 32, 4, std::vector<std::uint8_t>(64u * 32u * 4u, 0x80)};
    cache.adopt("early-picture", true, std::move(pixels));
    EXPECT_TRUE(cache.busy()) << "arrived, not yet uploaded";
    cache.wait_for_decodes();
    EXPECT_FALSE(results_.pending()) << "an adopted picture needs no decode and no hand-off";
    cache.begin_frame();
    EXPECT_TRUE(cache.end_frame());
    ASSERT_TRUE(cache.resident("early-picture", true));
    const auto texture = cache.thumbnail("early-picture");
    ASSERT_TRUE(texture);
    EXPECT_EQ(texture->width, 64);
    EXPECT_EQ(texture->height, 32);
    EXPECT_FALSE(cache.busy());
}

// A picture whose header is over the pack's pixel limits (a forged pack: the builder never
// writes one) is refused from its header by the decode thread, never decoded, and not asked
// again: the screen keeps its placeholder.
TEST_F(TextureCacheTest, APictureOverThePixelLimitIsRefusedOnceWithoutADecode) {
    pavilion::testing::TempDir dir;
    const std::string path = dir / "forged.pack";
    std::filesystem::copy_file(PAVILION_MINI_PACK, path);
    std::string picture;
    {
        auto reader = content::PackReader::open(path);
        ASSERT_TRUE(reader) << reader.error().message;
        picture = reader->catalog().stories.front().image;
    }
    pavilion::testing::forge(path, "UPDATE media SET data = ?1, thumb_data = ?1 WHERE id = '" + picture + "'",
                             pavilion::testing::png_header(4000, 4000));
    auto forged = content::PackReader::open(path);
    ASSERT_TRUE(forged) << forged.error().message;
    TextureCache cache(std::make_shared<const content::PackReader>(std::move(forged).value()), {}, results_);
    EXPECT_FALSE(show(cache, picture)) << "neither the picture nor its thumbnail";
    EXPECT_FALSE(cache.busy());
    EXPECT_EQ(cache.resident_count(), 0u);
    cache.begin_frame();
    EXPECT_FALSE(cache.full(picture));
    cache.end_frame();
    cache.wait_for_decodes();
    EXPECT_FALSE(results_.pending()) << "refused once, never asked again";
}

TEST_F(TextureCacheTest, WithoutAPackEveryPictureFailsOnceAndNothingCrashes) {
    TextureCache cache(nullptr, {}, results_);
    EXPECT_FALSE(cache.full("anything"));
    settle(cache);
    EXPECT_FALSE(cache.busy());
    EXPECT_FALSE(cache.full("anything"));
    EXPECT_FALSE(cache.busy()) << "failed once, never asked again";
    EXPECT_EQ(cache.resident_count(), 0u);
}

} // namespace
} // namespace pavilion::platform
