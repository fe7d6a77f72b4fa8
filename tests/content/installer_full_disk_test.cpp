// A really full disk, not the fault seam's pretend one: the state directory on a small tmpfs,
// mounted in a private user and mount namespace (like `unshare -rm`) by a forked child, so no
// root and no cleanup are needed. Skipped, saying why, where namespaces or tmpfs are not allowed.

#include "installer_test_support.hpp"

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <functional>

namespace pavilion::content::test {
namespace {

constexpr const char* kSkip = "SKIP: ";

bool write_proc(const std::string& path, const std::string& text) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    return ok;
}

// In the child: its own namespaces and a tmpfs of size_kib at mount_point. "" or why not.
std::string enter_private_tmpfs(const std::string& mount_point, int size_kib) {
    const auto uid = ::getuid();
    const auto gid = ::getgid();
    if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) {
        return std::string(kSkip) + "no user and mount namespaces here (unshare: " +
               std::strerror(errno) + ")";
    }
    if (!write_proc("/proc/self/setgroups", "deny") ||
        !write_proc("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1") ||
        !write_proc("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1")) {
        return std::string(kSkip) + "cannot map the user into a namespace: " + std::strerror(errno);
    }
    // Private, so the tmpfs can never show up outside this child.
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
        ::mount("tmpfs", mount_point.c_str(), "tmpfs", 0,
                ("size=" + std::to_string(size_kib) + "k").c_str()) != 0) {
        return std::string(kSkip) + "cannot mount a tmpfs in a namespace: " + std::strerror(errno);
    }
    return "";
}

// Runs `body` in a forked child with the tmpfs; returns what it returned ("SKIP: ..." when the
// tmpfs could not be had).
std::string in_private_tmpfs(const std::string& mount_point, int size_kib,
                             const std::function<std::string()>& body) {
    int fds[2];
    if (::pipe(fds) != 0) return "pipe failed";
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        std::string result = enter_private_tmpfs(mount_point, size_kib);
        if (result.empty()) result = body();
        static_cast<void>(::write(fds[1], result.data(), result.size()));
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string output;
    char buffer[4096];
    ssize_t got;
    while ((got = ::read(fds[0], buffer, sizeof buffer)) != 0) {
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) break;
        output.append(buffer, static_cast<std::size_t>(got));
    }
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status)) return "the child died (status " + std::to_string(status) + ")";
    return output;
}

// Fills the file system holding `dir` until it is full.
void fill_up(const std::string& dir) {
    const int fd = ::open((dir + "/filler").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    const std::string block(4096, 'x');
    while (fd >= 0 && ::write(fd, block.data(), block.size()) > 0) {
    }
    if (fd >= 0) ::close(fd);
}

class FullDisk : public ::testing::Test {
protected:
    void SetUp() override { fs::create_directories(mount_); }

    // In the child: a store on the tmpfs trusting our key (with base.pack, version 3, installed
    // if asked), then expo.pack installed; says what came of it.
    std::string install_in_child(const InstallOptions& options, bool with_version_3) {
        trust(state_, "operator.pub", key_);
        auto store = PackStore::open(state_);
        if (!store) return "store: " + store.error().message;
        PackInstaller installer(*store);
        if (with_version_3) {
            auto base = installer.install(stick_.candidate("base.pack"), quiet_options());
            if (!base) return "base: " + base.error().message;
        }
        auto result = installer.install(stick_.candidate("expo.pack"), options);
        auto reopened = PackStore::open(state_);
        // The code first: "no_space: PAVILION/expo.pack: not enough free space ...".
        return (result ? std::string("installed")
                       : std::string(to_string(result.error().code)) + ": " + result.error().message) +
               "|active " + std::to_string(reopened ? active_version(*reopened) : -1) +
               "|staging " + std::to_string(names_in(state_ + "/staging").size());
    }

    TempDir dir_;
    SigningKey key_ = make_key();
    std::string mount_ = dir_ / "small-disk";
    std::string state_ = mount_ + "/state";
    Stick stick_{dir_ / "stick"};
};

TEST_F(FullDisk, APackLargerThanTheFreeSpaceIsRefusedBeforeCopying) {
    stick_.put_version(3, key_.secret);
    const auto result = in_private_tmpfs(mount_, 128, [&] {
        return install_in_child(quiet_options(), false);
    });
    if (result.rfind(kSkip, 0) == 0) GTEST_SKIP() << result.substr(std::strlen(kSkip));
    EXPECT_NE(result.find("no_space: PAVILION/expo.pack: not enough free space on the kiosk"),
              std::string::npos)
        << result;
    EXPECT_NE(result.find("|active 0|staging 0"), std::string::npos) << result;
}

TEST_F(FullDisk, ADiskThatFillsUpDuringTheCopyLeavesTheOldPack) {
    stick_.put_version(3, key_.secret, "base.pack");
    stick_.put_version(4, key_.secret);
    const auto result = in_private_tmpfs(mount_, 1024, [&] {
        auto options = quiet_options();
        options.copy_chunk_bytes = 16 * 1024;
        bool filled = false;
        // Someone else takes the space after the free-space check, during the copy.
        options.on_progress = [&](std::uint64_t copied, std::uint64_t) {
            if (copied > 0 && !filled) {
                fill_up(mount_);
                filled = true;
            }
        };
        return install_in_child(options, true);
    });
    if (result.rfind(kSkip, 0) == 0) GTEST_SKIP() << result.substr(std::strlen(kSkip));
    EXPECT_NE(result.find("no_space: the kiosk's disk is full: cannot copy the pack to"),
              std::string::npos)
        << result;
    EXPECT_NE(result.find("|active 3|staging 0"), std::string::npos) << result;
}

} // namespace
} // namespace pavilion::content::test
