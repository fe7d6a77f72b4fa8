#include "pavilion/platform/process_memory.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace pavilion::platform {
namespace {

TEST(ProcessMemory, ReadsKilobytesOfANamedLine) {
    const std::string status = "Name:\tpavilion\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\nThreads:\t5\n";
    EXPECT_EQ(proc_kilobytes(status, "VmRSS"), 102400);
    EXPECT_EQ(proc_kilobytes(status, "VmHWM"), 204800);
    EXPECT_EQ(proc_kilobytes(status, "VmSwap"), -1);
    // A name must match a whole label at the start of a line, not a prefix of another.
    EXPECT_EQ(proc_kilobytes("Pss_Anon:  7 kB\nPss:  9 kB\n", "Pss"), 9);
    EXPECT_EQ(proc_kilobytes("VmRSS: lots\n", "VmRSS"), -1);
}

TEST(ProcessMemory, GrowsWhenThisProcessTouchesMemory) {
    const auto before = read_process_memory();
    ASSERT_GT(before.rss_mb, 0);
    EXPECT_GE(before.peak_rss_mb, before.rss_mb);
    const double resident_before = read_resident_mb();
    std::vector<char> block(64u << 20, 1); // 64 MB, every page written
    const auto after = read_process_memory();
    EXPECT_GE(after.rss_mb, before.rss_mb + 60);
    EXPECT_GE(read_resident_mb(), resident_before + 60) << "the cheap reading sees the same memory";
    EXPECT_GE(after.peak_rss_mb, after.rss_mb);
    EXPECT_GT(after.pss_mb, 0);
    EXPECT_EQ(block[12345], 1);
}

} // namespace
} // namespace pavilion::platform
