#include "pavilion/core/byte_budget_lru.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pavilion::core {
namespace {

using Keys = std::vector<std::string>;
using Lru = ByteBudgetLru<std::string>;

TEST(ByteBudgetLru, CountsBytes) {
    Lru lru;
    EXPECT_TRUE(lru.empty());
    lru.insert("a", 100);
    lru.insert("b", 50);
    EXPECT_EQ(lru.total_bytes(), 150u);
    EXPECT_EQ(lru.size(), 2u);
    EXPECT_TRUE(lru.contains("a"));
    EXPECT_FALSE(lru.contains("c"));
    EXPECT_EQ(lru.bytes("b"), 50u);
    EXPECT_FALSE(lru.bytes("c").has_value());
}

TEST(ByteBudgetLru, EvictsLeastRecentlyUsedFirstUntilUnderTheBudget) {
    Lru lru;
    lru.insert("a", 100);
    lru.insert("b", 100);
    lru.insert("c", 100);
    lru.insert("d", 100);
    EXPECT_TRUE(lru.evict_to_fit(400).empty()); // at the cap is within it
    EXPECT_EQ(lru.evict_to_fit(250), (Keys{"a", "b"}));
    EXPECT_EQ(lru.total_bytes(), 200u);
    EXPECT_FALSE(lru.contains("a"));
    EXPECT_TRUE(lru.contains("c"));
    EXPECT_EQ(lru.evict_to_fit(0), (Keys{"c", "d"}));
    EXPECT_TRUE(lru.empty());
    EXPECT_EQ(lru.total_bytes(), 0u);
}

TEST(ByteBudgetLru, EvictsOnlyAsMuchAsNeeded) {
    Lru lru;
    lru.insert("small-old", 10);
    lru.insert("big", 1000);
    lru.insert("small-new", 10);
    EXPECT_EQ(lru.evict_to_fit(1015), (Keys{"small-old"}));
    EXPECT_EQ(lru.evict_to_fit(500), (Keys{"big"}));
    EXPECT_EQ(lru.total_bytes(), 10u);
}

TEST(ByteBudgetLru, TouchRefreshes) {
    Lru lru;
    lru.insert("a", 100);
    lru.insert("b", 100);
    lru.insert("c", 100);
    EXPECT_TRUE(lru.touch("a"));
    EXPECT_FALSE(lru.touch("missing"));
    EXPECT_EQ(lru.recency(), (std::list<std::string>{"a", "c", "b"}));
    EXPECT_EQ(lru.evict_to_fit(200), (Keys{"b"}));
    EXPECT_EQ(lru.evict_to_fit(100), (Keys{"c"}));
    EXPECT_TRUE(lru.contains("a"));
}

TEST(ByteBudgetLru, PinnedEntriesAreNeverEvicted) {
    Lru lru;
    lru.insert("a", 100);
    lru.insert("b", 100);
    lru.insert("c", 100);
    EXPECT_TRUE(lru.pin("a")); // drawn this frame
    EXPECT_FALSE(lru.pin("missing"));
    lru.touch("b");
    lru.touch("c"); // "a" is now the least recently used, but pinned
    EXPECT_TRUE(lru.pinned("a"));
    EXPECT_EQ(lru.evict_to_fit(100), (Keys{"b", "c"}));
    EXPECT_TRUE(lru.contains("a"));
    EXPECT_TRUE(lru.evict_to_fit(0).empty()); // only pinned entries left: over budget, kept
    EXPECT_EQ(lru.total_bytes(), 100u);
    EXPECT_TRUE(lru.unpin("a"));
    EXPECT_FALSE(lru.pinned("a"));
    EXPECT_EQ(lru.evict_to_fit(0), (Keys{"a"}));
}

TEST(ByteBudgetLru, PinningCountsAsAUse) {
    Lru lru;
    lru.insert("a", 100);
    lru.insert("b", 100);
    lru.pin("a");
    lru.unpin("a");
    EXPECT_EQ(lru.evict_to_fit(100), (Keys{"b"}));
}

TEST(ByteBudgetLru, PinsAreOnOffNotCounted) {
    Lru lru;
    lru.insert("a", 100);
    lru.pin("a");
    lru.pin("a"); // drawn twice in one frame
    lru.unpin("a");
    EXPECT_EQ(lru.evict_to_fit(0), (Keys{"a"}));
}

TEST(ByteBudgetLru, AnEntryLargerThanTheBudgetIsAllowedWhilePinned) {
    Lru lru;
    lru.insert("poster", 64u << 20);
    lru.pin("poster");
    lru.insert("thumb", 1u << 20);
    EXPECT_EQ(lru.evict_to_fit(32u << 20), (Keys{"thumb"}));
    EXPECT_TRUE(lru.contains("poster"));
    EXPECT_EQ(lru.total_bytes(), 64u << 20);
    lru.unpin_all(); // end of frame
    EXPECT_EQ(lru.evict_to_fit(32u << 20), (Keys{"poster"}));
}

TEST(ByteBudgetLru, ReinsertUpdatesTheCostAndRefreshes) {
    Lru lru;
    lru.insert("a", 100);
    lru.insert("b", 100);
    lru.insert("a", 300); // re-decoded larger
    EXPECT_EQ(lru.size(), 2u);
    EXPECT_EQ(lru.total_bytes(), 400u);
    EXPECT_EQ(lru.bytes("a"), 300u);
    EXPECT_EQ(lru.evict_to_fit(300), (Keys{"b"}));
    lru.insert("a", 50);
    EXPECT_EQ(lru.total_bytes(), 50u);
}

TEST(ByteBudgetLru, ReinsertKeepsThePin) {
    Lru lru;
    lru.insert("a", 100);
    lru.pin("a");
    lru.insert("a", 200);
    EXPECT_TRUE(lru.pinned("a"));
    EXPECT_TRUE(lru.evict_to_fit(0).empty());
}

TEST(ByteBudgetLru, EraseRemovesEvenPinnedEntries) {
    Lru lru;
    lru.insert("a", 100);
    lru.insert("b", 100);
    lru.pin("a");
    EXPECT_TRUE(lru.erase("a"));
    EXPECT_FALSE(lru.erase("a"));
    EXPECT_FALSE(lru.contains("a"));
    EXPECT_EQ(lru.total_bytes(), 100u);
    EXPECT_EQ(lru.evict_to_fit(0), (Keys{"b"}));
}

TEST(ByteBudgetLru, WorksWithOtherKeyTypes) {
    ByteBudgetLru<int> lru;
    lru.insert(3, 10);
    lru.insert(1, 10);
    lru.insert(2, 10);
    lru.touch(3);
    EXPECT_EQ(lru.evict_to_fit(10), (std::vector<int>{1, 2}));
}

// Like the texture cache's key: ordered, with no hash and no ==.
struct MediaKey {
    std::string media_id;
    bool thumbnail = false;
    friend bool operator<(const MediaKey& a, const MediaKey& b) {
        return a.thumbnail != b.thumbnail ? a.thumbnail < b.thumbnail : a.media_id < b.media_id;
    }
};

TEST(ByteBudgetLru, NeedsOnlyAnOrderedKey) {
    ByteBudgetLru<MediaKey> lru;
    lru.insert({"map", false}, 100);
    lru.insert({"map", true}, 10); // same picture, thumbnail: a different entry
    lru.insert({"poster", false}, 100);
    EXPECT_EQ(lru.size(), 3u);
    lru.pin({"map", false});
    const auto evicted = lru.evict_to_fit(100);
    ASSERT_EQ(evicted.size(), 2u);
    EXPECT_EQ(evicted[0].media_id, "map");
    EXPECT_TRUE(evicted[0].thumbnail);
    EXPECT_EQ(evicted[1].media_id, "poster");
    EXPECT_TRUE(lru.contains({"map", false}));
}

} // namespace
} // namespace pavilion::core
