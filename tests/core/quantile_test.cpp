#include "pavilion/core/quantile.hpp"

#include <gtest/gtest.h>

namespace pavilion::core {
namespace {

TEST(Quantile, OneRuleForMediansAndTails) {
    EXPECT_DOUBLE_EQ(quantile({}, 0.5), 0);
    EXPECT_DOUBLE_EQ(quantile({7}, 0.99), 7);
    EXPECT_DOUBLE_EQ(quantile({3, 1, 2}, 0.5), 2);        // odd count: the middle sample
    EXPECT_DOUBLE_EQ(quantile({4, 1, 3, 2}, 0.5), 2.5);   // even count: the mean of the middle two
    EXPECT_DOUBLE_EQ(quantile({1, 2, 3, 4, 5}, 0), 1);
    EXPECT_DOUBLE_EQ(quantile({1, 2, 3, 4, 5}, 1), 5);
    EXPECT_DOUBLE_EQ(quantile({1, 2, 3, 4, 5}, 0.9), 4.6); // between the 4th and 5th
    EXPECT_DOUBLE_EQ(quantile({1, 2}, 2.0), 2);           // p outside 0..1 is clamped
}

} // namespace
} // namespace pavilion::core
