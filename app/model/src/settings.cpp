#include "pavilion/model/settings.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <unistd.h>

namespace pavilion::model {
namespace {

std::string path_in(const std::string& state_dir) { return state_dir + "/settings"; }

bool is_locale_code(const std::string& code) {
    if (code.empty() || code.size() > 16) return false;
    for (char c : code)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) return false;
    return true;
}

std::optional<int> parse_idle_timeout(const std::string& value) {
    char* end = nullptr;
    const long seconds = std::strtol(value.c_str(), &end, 10);
    if (end == value.c_str() || *end != '\0' || seconds < 15 || seconds > 3600) return std::nullopt;
    return static_cast<int>(seconds);
}

bool write_whole(int fd, const std::string& text) {
    return ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
}

} // namespace

DeviceSettings load_settings(const std::string& state_dir) {
    DeviceSettings settings;
    std::ifstream in(path_in(state_dir));
    std::string line;
    while (std::getline(in, line)) {
        const auto equals = line.find('=');
        if (equals == std::string::npos) continue;
        const auto key = line.substr(0, equals), value = line.substr(equals + 1);
        if (key == "idle_timeout_s") settings.idle_timeout_s = parse_idle_timeout(value);
        else if (key == "default_locale" && is_locale_code(value)) settings.default_locale = value;
    }
    return settings;
}

core::Status save_settings(const std::string& state_dir, const DeviceSettings& settings) {
    std::string text;
    if (settings.idle_timeout_s) text += "idle_timeout_s=" + std::to_string(*settings.idle_timeout_s) + "\n";
    if (settings.default_locale) text += "default_locale=" + *settings.default_locale + "\n";
    const auto path = path_in(state_dir), temporary = path + ".new";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    bool written = fd >= 0 && write_whole(fd, text);
    int cause = written ? 0 : errno; // the first failure is the one to report
    if (fd >= 0 && ::close(fd) != 0 && written) {
        written = false;
        cause = errno;
    }
    if (written && std::rename(temporary.c_str(), path.c_str()) != 0) {
        written = false;
        cause = errno;
    }
    if (!written) {
        if (cause == 0) cause = EIO; // a short write sets no errno
        ::unlink(temporary.c_str());
        return core::make_error(cause == ENOSPC ? core::ErrorCode::no_space : core::ErrorCode::io,
                                path + ": cannot save the settings (" + std::strerror(cause) + ")");
    }
    // The rename is only durable once the directory is on disk too.
    if (const int dir = ::open(state_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return core::ok();
}

} // namespace pavilion::model
