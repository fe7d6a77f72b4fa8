#pragma once
// A FileSystem that makes the real calls but can be told to misbehave, for the installer tests:
// fail call N with a chosen errno, die by SIGKILL at call N or after N bytes written, cut the
// reads of one file short (a stick pulled out), run out of space, lie about free space.
// It also logs every call, so tests can see which step a call number belongs to.

#include "pavilion/content/file_system.hpp"

#include <signal.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pavilion::testing {

class FaultyFileSystem final : public content::FileSystem {
public:
    struct Plan {
        long fail_call = 0;     // make call number N (1-based) fail; 0: never
        int fail_errno = EIO;
        long kill_at_call = 0;  // raise SIGKILL instead of making call N; 0: never
        // SIGKILL once this many bytes were written in total: the write that crosses the
        // limit writes its first part, then the process dies (a torn write).
        std::optional<std::uint64_t> kill_after_written;
        // Reads of files whose path ends with `short_reads_of` stop after this many bytes:
        // with short_read_errno 0 they report end of file, else they fail with that errno.
        std::string short_reads_of;
        std::optional<std::uint64_t> short_reads_after;
        int short_read_errno = 0;
        // Writes fail with ENOSPC once this many bytes were written in total.
        std::optional<std::uint64_t> space_for_written;
        std::optional<std::uint64_t> available_bytes; // what fstatvfs reports
        // Opens of paths ending with this fail with fail_errno.
        std::string fail_opens_of;
    };

    explicit FaultyFileSystem(std::shared_ptr<content::FileSystem> real =
                                  std::make_shared<content::PosixFileSystem>())
        : real_(std::move(real)) {}

    Plan plan;

    long calls() const { return calls_; }
    std::uint64_t written() const { return written_; }
    const std::vector<std::string>& log() const { return log_; }
    // Starts counting calls and bytes afresh (e.g. after the store was opened).
    void restart() {
        calls_ = 0;
        written_ = 0;
        log_.clear();
    }

    int open(int dir_fd, const std::string& path, int flags, unsigned mode = 0) override {
        if (int rc = enter("open " + path)) return rc;
        if (ends_with(path, plan.fail_opens_of)) return -plan.fail_errno;
        const int fd = real_->open(dir_fd, path, flags, mode);
        if (fd >= 0) paths_[fd] = path;
        return fd;
    }
    int close(int fd) override {
        paths_.erase(fd);
        read_by_fd_.erase(fd);
        if (int rc = enter("close")) {
            real_->close(fd); // the descriptor is gone either way, as with close(2)
            return rc;
        }
        return real_->close(fd);
    }
    long read(int fd, void* buffer, std::size_t size) override {
        if (int rc = enter("read " + path_of(fd))) return rc;
        if (!plan.short_reads_after || !ends_with(path_of(fd), plan.short_reads_of)) {
            return real_->read(fd, buffer, size);
        }
        std::uint64_t& done = read_by_fd_[fd];
        if (done >= *plan.short_reads_after) {
            return plan.short_read_errno ? -plan.short_read_errno : 0;
        }
        const std::size_t allowed = static_cast<std::size_t>(
            std::min<std::uint64_t>(size, *plan.short_reads_after - done));
        const long got = real_->read(fd, buffer, allowed);
        if (got > 0) done += static_cast<std::uint64_t>(got);
        return got;
    }
    long write(int fd, const void* data, std::size_t size) override {
        if (int rc = enter("write " + path_of(fd))) return rc;
        if (plan.space_for_written) {
            if (written_ >= *plan.space_for_written) return -ENOSPC;
            size = static_cast<std::size_t>(
                std::min<std::uint64_t>(size, *plan.space_for_written - written_));
        }
        if (plan.kill_after_written && written_ + size > *plan.kill_after_written) {
            const auto part = static_cast<std::size_t>(*plan.kill_after_written - written_);
            if (part > 0) real_->write(fd, data, part);
            raise(SIGKILL);
        }
        const long put = real_->write(fd, data, size);
        if (put > 0) written_ += static_cast<std::uint64_t>(put);
        return put;
    }
    int fsync(int fd) override {
        if (int rc = enter("fsync " + path_of(fd))) return rc;
        return real_->fsync(fd);
    }
    int stat(int fd, content::FileInfo& info) override {
        if (int rc = enter("stat " + path_of(fd))) return rc;
        return real_->stat(fd, info);
    }
    int lstat(const std::string& path, content::FileInfo& info) override {
        if (int rc = enter("lstat " + path)) return rc;
        return real_->lstat(path, info);
    }
    int available_bytes(int fd, std::uint64_t& bytes) override {
        if (int rc = enter("statvfs " + path_of(fd))) return rc;
        const int rc = real_->available_bytes(fd, bytes);
        if (rc == 0 && plan.available_bytes) bytes = *plan.available_bytes;
        return rc;
    }
    int rename(const std::string& from, const std::string& to) override {
        if (int rc = enter("rename " + from + " -> " + to)) return rc;
        return real_->rename(from, to);
    }
    int unlink(const std::string& path) override {
        if (int rc = enter("unlink " + path)) return rc;
        return real_->unlink(path);
    }
    int mkdir(const std::string& path, unsigned mode) override {
        if (int rc = enter("mkdir " + path)) return rc;
        return real_->mkdir(path, mode);
    }
    int list(const std::string& directory, std::vector<std::string>& names) override {
        if (int rc = enter("list " + directory)) return rc;
        return real_->list(directory, names);
    }
    int try_lock(int fd) override {
        if (int rc = enter("lock " + path_of(fd))) return rc;
        return real_->try_lock(fd);
    }

private:
    static bool ends_with(const std::string& text, const std::string& suffix) {
        return !suffix.empty() && text.size() >= suffix.size() &&
               text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
    }

    // Counts the call; dies or fails it when the plan says so (0: go ahead).
    int enter(std::string what) {
        ++calls_;
        log_.push_back(std::move(what));
        if (plan.kill_at_call == calls_) raise(SIGKILL);
        if (plan.fail_call == calls_) return -plan.fail_errno;
        return 0;
    }

    std::string path_of(int fd) const {
        const auto it = paths_.find(fd);
        return it == paths_.end() ? "?" : it->second;
    }

    std::shared_ptr<content::FileSystem> real_;
    long calls_ = 0;
    std::uint64_t written_ = 0;
    std::vector<std::string> log_;
    std::map<int, std::string> paths_;
    std::map<int, std::uint64_t> read_by_fd_;
};

} // namespace pavilion::testing
