// The PAVILION folder of a mounted USB stick: only a mount point counts (a folder left behind by
// a pulled stick does not), links are never followed, files are read size-capped and written
// atomically, and the folder is made when an export needs it.

#include "pavilion/content/usb_stick.hpp"

#include "mounted_folders.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

namespace pavilion::content {
namespace {

using pavilion::testing::MountedFolders;
using pavilion::testing::read_text;
using pavilion::testing::TempDir;
using pavilion::testing::write_text;
namespace fs = std::filesystem;

class UsbStickTest : public ::testing::Test {
protected:
    UsbStick stick() {
        auto opened = UsbStick::at(mount_, mounts_);
        if (!opened) throw std::runtime_error(opened.error().message);
        return std::move(opened).value();
    }

    TempDir dir_;
    const std::string mount_ = dir_ / "STICK";
    std::shared_ptr<MountedFolders> mounts_ = std::make_shared<MountedFolders>(std::set<std::string>{mount_});

    void SetUp() override { fs::create_directories(mount_ + "/PAVILION"); }
};

TEST_F(UsbStickTest, OnlyAMountPointIsAStick) {
    EXPECT_TRUE(UsbStick::at(mount_, mounts_));
    for (const std::string& not_a_stick : {dir_ / "STICK", std::string("/"), std::string("relative/STICK"),
                                           mount_ + "/", dir_ / "missing", std::string()}) {
        const auto opened = UsbStick::at(not_a_stick); // the real file system: nothing here is mounted
        ASSERT_FALSE(opened) << not_a_stick;
        EXPECT_EQ(opened.error().code, ErrorCode::unavailable);
        EXPECT_EQ(opened.error().message, "No USB stick at " + not_a_stick + ": it is not mounted");
    }
}

TEST_F(UsbStickTest, FilesAreWrittenAtomicallyIntoPavilion) {
    ASSERT_TRUE(stick().write_file("export.csv", "one"));
    ASSERT_TRUE(stick().write_file("export.csv", "two"));
    EXPECT_EQ(read_text(mount_ + "/PAVILION/export.csv"), "two");
    EXPECT_FALSE(fs::exists(mount_ + "/PAVILION/export.csv.tmp"));
    EXPECT_EQ(*stick().read_file("export.csv", 100), "two");
    EXPECT_EQ(stick().path_of("export.csv"), mount_ + "/PAVILION/export.csv");
}

TEST_F(UsbStickTest, AMissingFolderIsMadeForAWriteButNotForARead) {
    fs::remove(mount_ + "/PAVILION");
    const auto read = stick().read_file("unlock.token", 100);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().code, ErrorCode::unavailable);
    EXPECT_EQ(read.error().message, "the USB stick has no PAVILION folder");
    EXPECT_FALSE(fs::exists(mount_ + "/PAVILION"));
    ASSERT_TRUE(stick().write_file("export.csv", "x"));
    EXPECT_TRUE(fs::is_directory(mount_ + "/PAVILION"));
}

// A stick made to send the kiosk's writes elsewhere: PAVILION as a link to the state folder.
TEST_F(UsbStickTest, APavilionFolderThatIsALinkIsNeverUsed) {
    fs::remove(mount_ + "/PAVILION");
    fs::create_directories(dir_ / "state");
    fs::create_directory_symlink(dir_ / "state", mount_ + "/PAVILION");
    const auto opened = UsbStick::at(mount_, mounts_);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, ErrorCode::unsafe);
    EXPECT_TRUE(fs::is_empty(dir_ / "state"));
}

TEST_F(UsbStickTest, FilesAreReadOnlyWhenPlainRegularAndSmall) {
    write_text(dir_ / "secret", "the kiosk's own file");
    fs::create_symlink(dir_ / "secret", mount_ + "/PAVILION/link.token");
    write_text(mount_ + "/PAVILION/big.token", std::string(5000, 'x'));
    ASSERT_EQ(::mkfifo((mount_ + "/PAVILION/fifo.token").c_str(), 0600), 0);
    const struct {
        std::string name;
        ErrorCode code;
        std::string message;
    } cases[] = {
        {"link.token", ErrorCode::unsafe, "PAVILION/link.token on the USB stick is not a regular file"},
        {"fifo.token", ErrorCode::unsafe, "PAVILION/fifo.token on the USB stick is not a regular file"},
        {"big.token", ErrorCode::too_large, "PAVILION/big.token on the USB stick is too large"},
        {"none.token", ErrorCode::unavailable, "the USB stick has no PAVILION/none.token"},
        {"../secret", ErrorCode::invalid_argument, "not a plain file name: ../secret"},
        {".hidden", ErrorCode::invalid_argument, "not a plain file name: .hidden"},
    };
    for (const auto& c : cases) {
        const auto read = stick().read_file(c.name, 4096);
        ASSERT_FALSE(read) << c.name;
        EXPECT_EQ(read.error().code, c.code) << c.name << ": " << read.error().message;
        EXPECT_EQ(read.error().message, c.message);
    }
    EXPECT_FALSE(stick().write_file("../escape.csv", "x"));
    EXPECT_FALSE(fs::exists(mount_ + "/escape.csv"));
}

} // namespace
} // namespace pavilion::content
