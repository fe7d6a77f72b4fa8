#include "kiosk_settings.hpp"

#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <unistd.h>

namespace pavilion::shell {
namespace {

std::string path_in(const std::string& state_dir) { return state_dir + "/settings"; }

bool is_locale_code(const std::string& code) {
    if (code.empty() || code.size() > 16) return false;
    for (char c : code)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) return false;
    return true;
}

} // namespace

KioskSettings load_settings(const std::string& state_dir) {
    KioskSettings settings;
    std::ifstream in(path_in(state_dir));
    std::string line;
    while (std::getline(in, line)) {
        const auto equals = line.find('=');
        if (equals == std::string::npos) continue;
        const auto key = line.substr(0, equals), value = line.substr(equals + 1);
        if (key == "idle_timeout_s") {
            char* end = nullptr;
            const long seconds = std::strtol(value.c_str(), &end, 10);
            if (end && *end == '\0' && seconds >= 15 && seconds <= 3600) settings.idle_timeout_s = static_cast<int>(seconds);
        } else if (key == "default_locale" && is_locale_code(value)) {
            settings.default_locale = value;
        }
    }
    return settings;
}

bool save_settings(const std::string& state_dir, const KioskSettings& settings, std::string& error) {
    std::string text;
    if (settings.idle_timeout_s) text += "idle_timeout_s=" + std::to_string(*settings.idle_timeout_s) + "\n";
    if (settings.default_locale) text += "default_locale=" + *settings.default_locale + "\n";
    const auto path = path_in(state_dir), temporary = path + ".new";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    bool ok = fd >= 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    if (fd >= 0) ok = ::close(fd) == 0 && ok;
    ok = ok && std::rename(temporary.c_str(), path.c_str()) == 0;
    if (ok) {
        const int dir = ::open(state_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dir >= 0) ::fsync(dir), ::close(dir);
        return true;
    }
    ::unlink(temporary.c_str());
    error = path + ": cannot save the settings";
    return false;
}

} // namespace pavilion::shell
