#include "pavilion/core/fnv_hash.hpp"

#include <gtest/gtest.h>

namespace pavilion::core {
namespace {

// The published FNV-1a 64 test vectors: the cache keys written by one build are read by the next.
TEST(Fnv1a64Test, MatchesThePublishedVectors) {
    EXPECT_EQ(Fnv1a64().value(), 0xcbf29ce484222325ULL);
    EXPECT_EQ(Fnv1a64().add("a", 1).value(), 0xaf63dc4c8601ec8cULL);
    EXPECT_EQ(Fnv1a64().add("foobar", 6).value(), 0x85944171f73967e8ULL);
}

TEST(Fnv1a64Test, TextsAreLengthPrefixedSoSplitsDiffer) {
    EXPECT_NE(Fnv1a64().add(std::string_view("ab")).add(std::string_view("c")).value(),
              Fnv1a64().add(std::string_view("a")).add(std::string_view("bc")).value());
}

} // namespace
} // namespace pavilion::core
