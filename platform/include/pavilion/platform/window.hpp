#pragma once
// The kiosk's window and its OpenGL ES 3.0 context (GLFW, X11 build).
//
// GLES 3.0 is what a Raspberry Pi's V3D offers (desktop GL core contexts fail there); Mesa gives
// the same API under Xvfb, so tests run the device's code path. GLFW stays out of this header.

#include "pavilion/core/expected.hpp"
#include "pavilion/core/kiosk_options.hpp"
#include "pavilion/core/pointer_event.hpp"
#include "pavilion/platform/render_surface.hpp"

#include <memory>
#include <string>
#include <vector>

struct GLFWwindow;

namespace pavilion::platform {

enum class WindowMode {
    fullscreen, // the whole primary monitor, no decorations
    windowed,   // a desktop window of the given size
    hidden,     // never shown: for off-screen rendering (screenshots, tests)
};

struct WindowConfig {
    std::string title = "Pavilion";
    WindowMode mode = WindowMode::fullscreen;
    int width = 1280;  // windowed and hidden modes
    int height = 720;
};

// Also the surface the live loop presents frames on: its back buffer, swapped by finish().
class Window : public RenderSurface {
public:
    // The window with its context current, or unavailable with one line, e.g. "no display
    // available (...)" or "cannot create an OpenGL ES 3.0 window (...)".
    static core::Expected<std::unique_ptr<Window>> create(const WindowConfig& config);
    // The size create() will give the window, known before any GL exists (the monitor's mode when
    // full-screen), so start-up can rasterize fonts while the context is being made.
    // unavailable when no display or no monitor is there.
    static core::Expected<core::PixelSize> planned_size(const WindowConfig& config);
    ~Window() override;
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    GLFWwindow* native() const { return window_; }
    void framebuffer_size(int& width, int& height) const;
    // RenderSurface: the framebuffer's size now, the default framebuffer, swap_buffers().
    int width() const override;
    int height() const override;
    void bind() override;
    void finish() override;
    bool should_close() const;
    void swap_buffers();
    // Sleeps until input arrives or timeout_s passes: an idle kiosk uses no CPU.
    void wait_events(double timeout_s);
    void poll_events();
    void hide_cursor();
    // The primary monitor's density from its physical size, or 96 dpi when it does not say
    // (Xvfb, some HDMI panels) or says something implausible.
    float pixels_per_mm() const;
    // True when input or a redraw request arrived since the last call: the loop renders only then.
    bool take_activity();
    // The mouse as one pointer (a single touch arrives as the mouse under X11 and Xwayland):
    // presses, moves while pressed, releases, since the last call.
    std::vector<core::PointerEvent> take_pointer_events();
    // Mouse wheel notches since the last call (up positive) and where the pointer was: desktops
    // zoom the map with it.
    struct Wheel {
        float steps = 0;
        float x = 0, y = 0;
    };
    Wheel take_wheel();
    // Milliseconds on the clock pointer events are stamped with (monotonic).
    core::Millis now_ms() const;
    // Wakes wait_events() from another thread (image decoder, touch reader).
    static void post_wake();

private:
    explicit Window(GLFWwindow* window) : window_(window) {}
    void watch_activity();
    static void mark_activity(GLFWwindow* window);

    GLFWwindow* window_;
    bool activity_ = true;
    bool button_down_ = false;
    std::vector<core::PointerEvent> pointer_events_;
    Wheel wheel_;
};

// The folder of the running executable ("" if unknown): the build tree keeps packs beside it.
std::string executable_dir();

} // namespace pavilion::platform
