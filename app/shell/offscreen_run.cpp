#include "offscreen_run.hpp"

namespace pavilion::shell {

core::Expected<std::unique_ptr<platform::OffscreenTarget>> make_target(const core::KioskOptions& options) {
    const auto size = options.screenshot_size;
    auto target = std::make_unique<platform::OffscreenTarget>(size.width, size.height);
    if (!target->complete())
        return core::make_error(core::ErrorCode::unavailable, "cannot create an off-screen framebuffer");
    return target;
}

core::Status save_png(platform::OffscreenTarget& target, const std::string& path) {
    return platform::write_png(path, target.width(), target.height(), target.read_pixels());
}

} // namespace pavilion::shell
