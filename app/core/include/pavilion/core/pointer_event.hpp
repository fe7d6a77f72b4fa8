#pragma once
// Timestamped pointer input, the one currency of touch handling. GLFW's mouse (a single touch
// under X11/Xwayland), the evdev multi-touch reader and scripted replays all produce these;
// the gesture recognizer consumes them. Time is injected, never read from a clock here.

#include <cstdint>

namespace pavilion::core {

// Milliseconds on a monotonic clock chosen by the caller (tests use their own).
using Millis = std::int64_t;

struct PointerEvent {
    enum class Type { down, move, up, cancel };
    Type type = Type::move;
    int id = 0;     // which finger: stable from down to up (0 for the mouse)
    float x = 0;    // screen pixels, origin top-left
    float y = 0;
    Millis time = 0;
};

} // namespace pavilion::core
