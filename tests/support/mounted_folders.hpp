#pragma once
// A FileSystem that makes the real calls but reports the folders it is given as mount points
// (lstat gives them a device of their own), so tests can stand in a temporary folder for a
// mounted USB stick without mounting anything (content::UsbStick checks the device numbers).

#include "pavilion/content/file_system.hpp"

#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace pavilion::testing {

class MountedFolders final : public content::FileSystem {
public:
    explicit MountedFolders(std::set<std::string> mount_points = {},
                            std::shared_ptr<content::FileSystem> real = std::make_shared<content::PosixFileSystem>())
        : mount_points_(std::move(mount_points)), real_(std::move(real)) {}

    // Safe while another thread uses the file system (the model's workers do).
    void mount(const std::string& path) {
        std::lock_guard<std::mutex> lock(mutex_);
        mount_points_.insert(path);
    }
    void unmount(const std::string& path) {
        std::lock_guard<std::mutex> lock(mutex_);
        mount_points_.erase(path);
    }

    int lstat(const std::string& path, content::FileInfo& info) override {
        const int rc = real_->lstat(path, info);
        std::lock_guard<std::mutex> lock(mutex_);
        if (rc == 0 && mount_points_.count(path)) info.device = ~info.device; // a device of its own
        return rc;
    }
    int open(int dir_fd, const std::string& path, int flags, unsigned mode) override {
        return real_->open(dir_fd, path, flags, mode);
    }
    int close(int fd) override { return real_->close(fd); }
    long read(int fd, void* buffer, std::size_t size) override { return real_->read(fd, buffer, size); }
    long write(int fd, const void* data, std::size_t size) override { return real_->write(fd, data, size); }
    int fsync(int fd) override { return real_->fsync(fd); }
    int stat(int fd, content::FileInfo& info) override { return real_->stat(fd, info); }
    int available_bytes(int fd, std::uint64_t& bytes) override { return real_->available_bytes(fd, bytes); }
    int rename(const std::string& from, const std::string& to) override { return real_->rename(from, to); }
    int unlink(const std::string& path) override { return real_->unlink(path); }
    int mkdir(const std::string& path, unsigned mode) override { return real_->mkdir(path, mode); }
    int list(const std::string& directory, std::vector<std::string>& names) override {
        return real_->list(directory, names);
    }
    int try_lock(int fd) override { return real_->try_lock(fd); }

private:
    std::mutex mutex_;
    std::set<std::string> mount_points_;
    std::shared_ptr<content::FileSystem> real_;
};

} // namespace pavilion::testing
