#include "file_system_io.hpp"

#include <fcntl.h>

#include <cerrno>

namespace pavilion::content::fsio {

ScopedFd& ScopedFd::operator=(ScopedFd&& other) noexcept {
    if (this != &other) {
        reset();
        fs_ = other.fs_;
        fd_ = other.fd_;
        other.fd_ = -1;
    }
    return *this;
}

int ScopedFd::close() {
    if (fd_ < 0) return 0;
    const int rc = fs_->close(fd_);
    fd_ = -1;
    return rc;
}

void ScopedFd::reset() { static_cast<void>(close()); }

long write_all(FileSystem& fs, int fd, const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    while (size > 0) {
        const long put = fs.write(fd, bytes, size);
        if (put < 0) return put;
        if (put == 0) return -EIO; // no progress and no error: do not spin
        bytes += put;
        size -= static_cast<std::size_t>(put);
    }
    return 0;
}

int read_capped(FileSystem& fs, int fd, std::size_t max_bytes, std::string& out) {
    out.clear();
    char buffer[4096];
    for (;;) {
        const long got = fs.read(fd, buffer, sizeof buffer);
        if (got < 0) return static_cast<int>(got);
        if (got == 0) return 0;
        if (out.size() + static_cast<std::size_t>(got) > max_bytes) return -EFBIG;
        out.append(buffer, static_cast<std::size_t>(got));
    }
}

int read_regular_file(FileSystem& fs, const std::string& path, std::size_t max_bytes, std::string& out) {
    ScopedFd file(fs, fs.open(FileSystem::kWorkingDirectory, path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK));
    if (!file.valid()) return file.get();
    FileInfo info;
    if (const int rc = fs.stat(file.get(), info); rc < 0) return rc;
    if (info.type != FileInfo::Type::regular) return -EINVAL;
    return read_capped(fs, file.get(), max_bytes, out);
}

int sync_directory(FileSystem& fs, const std::string& path) {
    ScopedFd dir(fs, fs.open(FileSystem::kWorkingDirectory, path, O_RDONLY | O_DIRECTORY));
    if (!dir.valid()) return dir.get();
    const int rc = fs.fsync(dir.get());
    const int closed = dir.close();
    return rc < 0 ? rc : closed;
}

int write_durably(FileSystem& fs, const std::string& path, const std::string& text) {
    ScopedFd file(fs, fs.open(FileSystem::kWorkingDirectory, path,
                              O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0644));
    if (!file.valid()) return file.get();
    if (const long rc = write_all(fs, file.get(), text.data(), text.size()); rc < 0) {
        return static_cast<int>(rc);
    }
    // Without this, a power cut after the rename can leave the new name on an empty file
    // (the classic ext4 zero-length-after-rename problem).
    if (const int rc = fs.fsync(file.get()); rc < 0) return rc;
    return file.close();
}

int replace_file(FileSystem& fs, const std::string& temp_path, const std::string& final_path,
                 const std::string& final_directory, const std::string& text) {
    if (const int rc = write_durably(fs, temp_path, text); rc < 0) return rc;
    if (const int rc = fs.rename(temp_path, final_path); rc < 0) return rc;
    return sync_directory(fs, final_directory);
}

} // namespace pavilion::content::fsio
