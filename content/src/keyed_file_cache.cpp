#include "pavilion/content/keyed_file_cache.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pavilion::content {
namespace fs = std::filesystem;

namespace {

// Closes a descriptor on every path out.
struct Descriptor {
    int fd = -1;
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
};

bool write_all(int fd, const std::uint8_t* data, std::size_t size) {
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return false;
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return true;
}

} // namespace

KeyedFileCache::KeyedFileCache(std::string directory, std::string prefix, std::size_t keep, std::size_t max_bytes)
    : directory_(std::move(directory)), prefix_(std::move(prefix)), keep_(std::max<std::size_t>(keep, 1)),
      max_bytes_(max_bytes) {}

std::string KeyedFileCache::path_of(std::uint64_t key) const {
    char name[17];
    std::snprintf(name, sizeof name, "%016llx", static_cast<unsigned long long>(key));
    return directory_ + "/" + prefix_ + name;
}

std::optional<std::vector<std::uint8_t>> KeyedFileCache::read(std::uint64_t key) const {
    if (!enabled()) return std::nullopt;
    Descriptor file{::open(path_of(key).c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)};
    struct stat info {};
    if (file.fd < 0 || ::fstat(file.fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_size <= 0 ||
        static_cast<std::uint64_t>(info.st_size) > max_bytes_)
        return std::nullopt;
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(info.st_size));
    std::size_t have = 0;
    while (have < bytes.size()) {
        const ssize_t got = ::read(file.fd, bytes.data() + have, bytes.size() - have);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return std::nullopt; // shrunk under us: someone else's business, not ours
        have += static_cast<std::size_t>(got);
    }
    // Marks the entry as used, so pruning removes the ones no start has needed for longest.
    ::futimens(file.fd, nullptr);
    return bytes;
}

Status KeyedFileCache::write(std::uint64_t key, const std::vector<std::uint8_t>& bytes) const {
    if (!enabled()) return ok();
    if (bytes.size() > max_bytes_) {
        return make_error(ErrorCode::too_large, path_of(key) + ": the entry is larger than the cache allows");
    }
    std::error_code ec;
    fs::create_directories(directory_, ec);
    if (ec) {
        return make_error(ErrorCode::io, "cannot make " + directory_ + ": " + ec.message());
    }
    const std::string final_path = path_of(key);
    const std::string temporary = final_path + ".tmp" + std::to_string(::getpid());
    {
        Descriptor file{::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644)};
        if (file.fd < 0 || !write_all(file.fd, bytes.data(), bytes.size())) {
            const std::string why = std::strerror(errno);
            ::unlink(temporary.c_str());
            return make_error(ErrorCode::io, "cannot write " + temporary + ": " + why);
        }
    }
    // No fsync: after a power cut the entry may be empty or short, which read() and the
    // snapshot's checksum turn into a rebuild. A start is not worth waiting for the disk.
    if (::rename(temporary.c_str(), final_path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(temporary.c_str());
        return make_error(ErrorCode::io, "cannot rename " + temporary + ": " + why);
    }
    remove_oldest_entries();
    return ok();
}

void KeyedFileCache::remove_oldest_entries() const {
    struct Entry {
        fs::path path;
        fs::file_time_type used;
    };
    std::vector<Entry> entries;
    std::error_code ec;
    for (fs::directory_iterator it(directory_, ec), end; !ec && it != end; it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (name.rfind(prefix_, 0) != 0) continue; // not ours
        std::error_code time_ec;
        const auto used = fs::last_write_time(it->path(), time_ec);
        if (time_ec) continue;
        if (name.size() != prefix_.size() + 16) {
            // A temporary file: another process's write in progress, or one cut short by a crash
            // long ago, which nothing else would ever remove.
            if (fs::file_time_type::clock::now() - used > std::chrono::minutes(10)) fs::remove(it->path(), time_ec);
            continue;
        }
        entries.push_back({it->path(), used});
    }
    if (entries.size() <= keep_) return;
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.used > b.used; });
    for (std::size_t i = keep_; i < entries.size(); ++i) fs::remove(entries[i].path, ec);
}

std::string KeyedFileCache::user_cache_directory() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') return std::string(xdg) + "/pavilion";
    if (const char* home = std::getenv("HOME"); home && *home == '/') return std::string(home) + "/.cache/pavilion";
    return {};
}

} // namespace pavilion::content
