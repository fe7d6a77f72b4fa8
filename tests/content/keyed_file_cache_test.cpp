// The cache of derived files beside the packs (font atlases, catalog snapshots): entries by key,
// only the newest kept, and a kiosk that carries on when the folder cannot be written.

#include "pavilion/content/keyed_file_cache.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

namespace pavilion::content {
namespace {

TEST(KeyedFileCache, StoresReadsAndKeepsOnlyTheNewestEntries) {
    testing::TempDir dir;
    const KeyedFileCache cache(dir / "cache", "fonts-", 2);
    EXPECT_FALSE(cache.read(1)); // nothing yet, and no directory
    ASSERT_TRUE(cache.write(1, {1, 2, 3}));
    EXPECT_EQ(cache.read(1), (std::vector<std::uint8_t>{1, 2, 3}));
    EXPECT_FALSE(cache.read(2));
    std::this_thread::sleep_for(std::chrono::milliseconds(20)); // distinct modification times
    ASSERT_TRUE(cache.write(2, {4}));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ASSERT_TRUE(cache.read(1)); // used: now newer than 2
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ASSERT_TRUE(cache.write(3, {5}));
    EXPECT_TRUE(cache.read(1));
    EXPECT_FALSE(cache.read(2)) << "the least recently used entry goes";
    EXPECT_TRUE(cache.read(3));
    EXPECT_EQ(cache.path_of(0xabc), dir / "cache/fonts-0000000000000abc");
}

TEST(KeyedFileCache, IgnoresOtherFilesAndCopesWithAnUnwritableDirectory) {
    testing::TempDir dir;
    { std::ofstream(dir / "keep-me") << "x"; }
    const KeyedFileCache cache(dir.path().string(), "fonts-", 1);
    ASSERT_TRUE(cache.write(1, {1}));
    ASSERT_TRUE(cache.write(2, {2}));
    EXPECT_TRUE(std::filesystem::exists(dir / "keep-me"));
    const KeyedFileCache blocked(dir / "keep-me/below", "fonts-");
    const auto refused = blocked.write(1, {1});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::io);
    EXPECT_NE(refused.error().message.find("keep-me"), std::string::npos) << refused.error().message;
    const KeyedFileCache disabled("", "fonts-");
    EXPECT_TRUE(disabled.write(1, {1}));
    EXPECT_FALSE(disabled.read(1));
}

} // namespace
} // namespace pavilion::content
