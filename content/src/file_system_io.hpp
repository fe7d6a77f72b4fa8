#pragma once
// Small helpers over the FileSystem seam, internal to the content library: a descriptor that
// closes itself, whole writes, capped reads, directory fsync.

#include "pavilion/content/file_system.hpp"

#include <cstddef>
#include <string>

namespace pavilion::content::fsio {

// Owns a descriptor opened through `fs`; closes it when it goes out of scope.
class ScopedFd {
public:
    ScopedFd() = default;
    ScopedFd(FileSystem& fs, int fd) : fs_(&fs), fd_(fd) {}
    ScopedFd(ScopedFd&& other) noexcept : fs_(other.fs_), fd_(other.fd_) { other.fd_ = -1; }
    ScopedFd& operator=(ScopedFd&& other) noexcept;
    ScopedFd(const ScopedFd&) = delete;
    ScopedFd& operator=(const ScopedFd&) = delete;
    ~ScopedFd() { reset(); }

    int get() const { return fd_; }
    bool valid() const { return fd_ >= 0; }
    // Closes now and returns close's result: for files just written, a failed close can mean
    // the data did not make it (NFS, some USB drivers), so writers check it.
    int close();

private:
    void reset();
    FileSystem* fs_ = nullptr;
    int fd_ = -1;
};

// Writes every byte (write(2) may write fewer than asked). 0 or -errno.
long write_all(FileSystem& fs, int fd, const void* data, std::size_t size);

// Reads a whole small file (at most max_bytes; -EFBIG when larger) into `out`. 0 or -errno.
int read_capped(FileSystem& fs, int fd, std::size_t max_bytes, std::string& out);

// A whole small regular file that may come from a stick: opened without following a link or
// blocking on a FIFO, refused (-EINVAL) when it is not a regular file, at most max_bytes
// (-EFBIG). 0 or -errno (-ENOENT: no such file).
int read_regular_file(FileSystem& fs, const std::string& path, std::size_t max_bytes, std::string& out);

// fsync of a directory makes the renames and unlinks inside it durable. 0 or -errno.
int sync_directory(FileSystem& fs, const std::string& path);

// Writes `text` to a new file at `path` (replacing one left there) and fsyncs it: the data is
// on disk before anyone renames the file into place. 0 or -errno.
int write_durably(FileSystem& fs, const std::string& path, const std::string& text);

// write_durably to temp_path, rename it over final_path, then fsync final_directory: after a
// crash the file holds the old text or the new, never a mix. 0 or -errno.
int replace_file(FileSystem& fs, const std::string& temp_path, const std::string& final_path,
                 const std::string& final_directory, const std::string& text);

} // namespace pavilion::content::fsio
