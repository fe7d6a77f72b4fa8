#pragma once
// The file system calls the pack store and installer make, behind one small interface.
//
// Installing from a USB stick must survive a stick pulled out, a full disk and a power cut at any
// instant. Those cannot be produced on demand with real hardware, so every call goes through this
// seam: PosixFileSystem makes the real calls, and tests wrap it to fail call N with a chosen
// errno, cut reads short, report ENOSPC or kill the process mid-install.
//
// Calls follow the kernel's convention: a result >= 0 on success, -errno on failure. No call
// throws and none touches the global errno, so a wrapper cannot lose an error on the way out.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace pavilion::content {

struct FileInfo {
    enum class Type { regular, directory, symlink, other };
    Type type = Type::other;
    std::uint64_t size = 0;
    std::uint64_t device = 0; // st_dev: a mount point lies on another device than its parent
};

class FileSystem {
public:
    // For open(): resolve `path` against the process's working directory (AT_FDCWD).
    static constexpr int kWorkingDirectory = -100;

    virtual ~FileSystem() = default;

    // openat(2): `path` relative to the directory dir_fd (or kWorkingDirectory), O_* flags.
    // Returns a descriptor or -errno.
    virtual int open(int dir_fd, const std::string& path, int flags, unsigned mode = 0) = 0;
    virtual int close(int fd) = 0;
    // Bytes read (0 at end of file) or -errno; EINTR is retried inside.
    virtual long read(int fd, void* buffer, std::size_t size) = 0;
    // Bytes written (possibly fewer than asked) or -errno; EINTR is retried inside.
    virtual long write(int fd, const void* data, std::size_t size) = 0;
    virtual int fsync(int fd) = 0;
    virtual int stat(int fd, FileInfo& info) = 0;                       // fstat(2)
    virtual int lstat(const std::string& path, FileInfo& info) = 0;     // never follows a link
    virtual int available_bytes(int fd, std::uint64_t& bytes) = 0;      // fstatvfs(2), f_bavail
    virtual int rename(const std::string& from, const std::string& to) = 0;
    virtual int unlink(const std::string& path) = 0;
    virtual int mkdir(const std::string& path, unsigned mode) = 0;
    // The names in a directory, without "." and "..", in no particular order.
    virtual int list(const std::string& directory, std::vector<std::string>& names) = 0;
    // flock(LOCK_EX | LOCK_NB): -EWOULDBLOCK while another process holds the lock. The kernel
    // drops the lock when the holder dies, even by SIGKILL, so a crash never wedges the store.
    virtual int try_lock(int fd) = 0;
};

// The real system calls.
class PosixFileSystem final : public FileSystem {
public:
    int open(int dir_fd, const std::string& path, int flags, unsigned mode = 0) override;
    int close(int fd) override;
    long read(int fd, void* buffer, std::size_t size) override;
    long write(int fd, const void* data, std::size_t size) override;
    int fsync(int fd) override;
    int stat(int fd, FileInfo& info) override;
    int lstat(const std::string& path, FileInfo& info) override;
    int available_bytes(int fd, std::uint64_t& bytes) override;
    int rename(const std::string& from, const std::string& to) override;
    int unlink(const std::string& path) override;
    int mkdir(const std::string& path, unsigned mode) override;
    int list(const std::string& directory, std::vector<std::string>& names) override;
    int try_lock(int fd) override;
};

// "No such file or directory" for -ENOENT: the text of a negative result, for messages.
std::string error_text(long negative_errno);

} // namespace pavilion::content
