#pragma once
// The touchscreen read straight from the kernel (evdev, through libevdev) on a thread of its own.
//
// GLFW has no touch API, and under X11/Xwayland one finger arrives only as the mouse pointer, so
// pinches need the kernel's multi-touch events. The device is opened read-only and not grabbed:
// the X server keeps its pointer emulation, and the kiosk should ignore GLFW's mouse buttons while
// a reader is running (both report a touch, both with id 0).
//
// Timestamps: the device's clock is set to CLOCK_MONOTONIC (libevdev_set_clock_id), so event
// times are CLOCK_MONOTONIC milliseconds, comparable with monotonic_millis() but not with
// glfwGetTime() (same clock, different origin). libevdev stays out of this header.

#include "pavilion/core/expected.hpp"
#include "pavilion/core/pointer_event.hpp"
#include "pavilion/platform/multitouch.hpp"

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace pavilion::platform {

// The hand-over from the reader thread to the UI thread: the reader pushes each batch of
// decoded events and wakes the UI; the UI drains once per frame. Thread-safe.
class PointerEventQueue {
public:
    explicit PointerEventQueue(std::function<void()> wake = {});
    void push(const std::vector<core::PointerEvent>& events); // wakes unless events is empty
    void close(core::Error failure);                          // the producer ended; wakes
    std::vector<core::PointerEvent> drain();
    std::optional<core::Error> take_failure(); // the close() reason once, then nullopt
    bool closed() const;

private:
    void wake() const;

    mutable std::mutex mutex_;
    std::vector<core::PointerEvent> events_;
    std::optional<core::Error> failure_;
    bool closed_ = false;
    std::function<void()> wake_;
};

struct TouchReaderOptions {
    // "" = $PAVILION_TOUCH_DEVICE, else the first direct-touch device under /dev/input
    // (multi-touch protocol B preferred, single-touch ABS_X/ABS_Y + BTN_TOUCH as fallback).
    std::string device_path;
    int screen_width = 0; // the pixels PointerEvents are in: the fullscreen window's size
    int screen_height = 0;
    Rotation rotation = Rotation::none;
    bool flip_x = false;
    bool flip_y = false;
    // Called on the reader thread after events (or a failure) were queued; the kiosk passes
    // glfwPostEmptyEvent so a render loop sleeping in glfwWaitEvents wakes up. Must not block,
    // and must stay callable until the reader is destroyed (destroy it before glfwTerminate).
    std::function<void()> wake;
};

class EvdevTouchReader {
public:
    // A running reader, or one line saying why not: unavailable for "no touchscreen found";
    // io for a node that cannot be opened or set up, e.g. "cannot open /dev/input/event3:
    // Permission denied (is the kiosk user in group input?)"; invalid_argument for a path that
    // is not a usable touch device ("/dev/null is not an input device (...)"); unavailable
    // without an eventfd or a thread.
    static core::Expected<std::unique_ptr<EvdevTouchReader>> open(const TouchReaderOptions& options);
    // The path open() would pick without device_path or $PAVILION_TOUCH_DEVICE. unavailable
    // when no device is a touchscreen; io with the first permission failure when a device that
    // might be one could not be read (the usual set-up mistake, worth saying over "none found").
    static core::Expected<std::string> find_touchscreen();

    // Stops and joins the reader thread.
    ~EvdevTouchReader();
    EvdevTouchReader(const EvdevTouchReader&) = delete;
    EvdevTouchReader& operator=(const EvdevTouchReader&) = delete;

    // Everything queued since the last call, oldest first. Call once per frame on the UI thread.
    std::vector<core::PointerEvent> drain();
    // Why the reader stopped, exactly once; nullopt while it runs and on every later call.
    // unavailable when the device went away ("touchscreen /dev/input/event3 disconnected") or
    // the thread failed, io when reading it failed. Contacts in progress were cancelled first.
    std::optional<core::Error> take_failure();
    bool running() const;

    // Screen resize or rotation change; applies from the next frame of touch events.
    void set_screen(int width, int height, Rotation rotation, bool flip_x, bool flip_y);

    const std::string& device_path() const;
    const std::string& device_name() const; // as the kernel names it, for logs
    TouchProtocol protocol() const;

private:
    struct Impl;
    explicit EvdevTouchReader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// CLOCK_MONOTONIC now, in the milliseconds touch events carry.
core::Millis monotonic_millis();

} // namespace pavilion::platform
