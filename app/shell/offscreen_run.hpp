#pragma once
// What every off-screen run mode needs: a framebuffer of the requested size to draw into.

#include "run_modes.hpp"

#include "pavilion/platform/offscreen_target.hpp"

#include <memory>

namespace pavilion::shell {

// An off-screen framebuffer of options.screenshot_size, bound; an error if the driver refuses it.
core::Expected<std::unique_ptr<platform::OffscreenTarget>> make_target(const core::KioskOptions& options);

// Writes the target's pixels as a PNG.
core::Status save_png(platform::OffscreenTarget& target, const std::string& path);

} // namespace pavilion::shell
