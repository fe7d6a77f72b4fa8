#pragma once
// The operator's choices that outlive a restart: the idle timeout and the default language.
// A small key=value file in the state directory, written atomically (temporary file, fsync,
// rename, directory fsync), so a power cut leaves either the old file or the new one.

#include "pavilion/core/expected.hpp"

#include <optional>
#include <string>

namespace pavilion::model {

struct DeviceSettings {
    std::optional<int> idle_timeout_s;         // unset: the pack's
    std::optional<std::string> default_locale; // unset: the pack's
};

// A missing or unreadable file, or a line that makes no sense, gives the pack's own values.
DeviceSettings load_settings(const std::string& state_dir);
core::Status save_settings(const std::string& state_dir, const DeviceSettings& settings);

} // namespace pavilion::model
