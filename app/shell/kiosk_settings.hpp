#pragma once
// The operator's choices that outlive a restart: the idle timeout and the default language.
// A small key=value file in the state directory, written atomically (temporary file, fsync,
// rename), so a power cut leaves either the old file or the new one.

#include <optional>
#include <string>

namespace pavilion::shell {

struct KioskSettings {
    std::optional<int> idle_timeout_s;        // unset: the pack's
    std::optional<std::string> default_locale; // unset: the pack's
};

// A missing or unreadable file gives empty settings (the pack's own).
KioskSettings load_settings(const std::string& state_dir);
// False with a reason when the file cannot be written.
bool save_settings(const std::string& state_dir, const KioskSettings& settings, std::string& error);

} // namespace pavilion::shell
