#include "pavilion/content/file_system.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <system_error>

namespace pavilion::content {
namespace {

static_assert(FileSystem::kWorkingDirectory == AT_FDCWD, "kWorkingDirectory must be AT_FDCWD");

int result(int rc) { return rc < 0 ? -errno : rc; }

FileInfo::Type type_of(mode_t mode) {
    if (S_ISREG(mode)) return FileInfo::Type::regular;
    if (S_ISDIR(mode)) return FileInfo::Type::directory;
    if (S_ISLNK(mode)) return FileInfo::Type::symlink;
    return FileInfo::Type::other;
}

void fill(const struct stat& st, FileInfo& info) {
    info.type = type_of(st.st_mode);
    info.size = st.st_size > 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
    info.device = static_cast<std::uint64_t>(st.st_dev);
}

struct DirCloser {
    void operator()(DIR* dir) const { closedir(dir); }
};

} // namespace

int PosixFileSystem::open(int dir_fd, const std::string& path, int flags, unsigned mode) {
    // Descriptors never leak into programs the kiosk starts.
    return result(::openat(dir_fd, path.c_str(), flags | O_CLOEXEC, static_cast<mode_t>(mode)));
}

// close(2) must not be retried on EINTR on Linux: the descriptor is gone either way.
int PosixFileSystem::close(int fd) { return result(::close(fd)); }

long PosixFileSystem::read(int fd, void* buffer, std::size_t size) {
    ssize_t got;
    do got = ::read(fd, buffer, size);
    while (got < 0 && errno == EINTR);
    return got < 0 ? -errno : static_cast<long>(got);
}

long PosixFileSystem::write(int fd, const void* data, std::size_t size) {
    ssize_t put;
    do put = ::write(fd, data, size);
    while (put < 0 && errno == EINTR);
    return put < 0 ? -errno : static_cast<long>(put);
}

int PosixFileSystem::fsync(int fd) { return result(::fsync(fd)); }

int PosixFileSystem::stat(int fd, FileInfo& info) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) return -errno;
    fill(st, info);
    return 0;
}

int PosixFileSystem::lstat(const std::string& path, FileInfo& info) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return -errno;
    fill(st, info);
    return 0;
}

int PosixFileSystem::available_bytes(int fd, std::uint64_t& bytes) {
    struct statvfs vfs {};
    if (::fstatvfs(fd, &vfs) != 0) return -errno;
    // f_bavail: what an unprivileged writer may use (root's reserve is not ours to take).
    bytes = static_cast<std::uint64_t>(vfs.f_bavail) * static_cast<std::uint64_t>(vfs.f_frsize);
    return 0;
}

int PosixFileSystem::rename(const std::string& from, const std::string& to) {
    return result(::rename(from.c_str(), to.c_str()));
}

int PosixFileSystem::unlink(const std::string& path) { return result(::unlink(path.c_str())); }

int PosixFileSystem::mkdir(const std::string& path, unsigned mode) {
    return result(::mkdir(path.c_str(), static_cast<mode_t>(mode)));
}

int PosixFileSystem::list(const std::string& directory, std::vector<std::string>& names) {
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return -errno;
    const std::unique_ptr<DIR, DirCloser> dir(::fdopendir(fd));
    if (!dir) {
        const int error = errno;
        ::close(fd);
        return -error;
    }
    names.clear();
    errno = 0;
    while (const dirent* entry = ::readdir(dir.get())) {
        const std::string name = entry->d_name;
        if (name != "." && name != "..") names.push_back(name);
        errno = 0;
    }
    return errno != 0 ? -errno : 0;
}

int PosixFileSystem::try_lock(int fd) { return result(::flock(fd, LOCK_EX | LOCK_NB)); }

std::string error_text(long negative_errno) {
    return std::generic_category().message(static_cast<int>(-negative_errno));
}

} // namespace pavilion::content
