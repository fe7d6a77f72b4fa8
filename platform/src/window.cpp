#include "pavilion/platform/window.hpp"

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>

#include <ctime>
#include <filesystem>

namespace pavilion::platform {
namespace {

// GLFW's last error on this thread, to explain a failure. Asked for with glfwGetError rather
// than kept from an error callback, so no state lives outside GLFW.
std::string last_glfw_error() {
    const char* description = nullptr;
    glfwGetError(&description);
    return description ? description : "GLFW gave no reason";
}

GLFWwindow* create_native(const WindowConfig& config, int context_api) {
    glfwDefaultWindowHints();
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_CREATION_API, context_api);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_VISIBLE, config.mode == WindowMode::hidden ? GLFW_FALSE : GLFW_TRUE);
    if (config.mode == WindowMode::fullscreen) {
        GLFWmonitor* monitor = glfwGetPrimaryMonitor();
        const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
        if (!mode) return nullptr;
        // Keeping the monitor's current mode avoids a mode switch (and a black flash) at start.
        glfwWindowHint(GLFW_RED_BITS, mode->redBits);
        glfwWindowHint(GLFW_GREEN_BITS, mode->greenBits);
        glfwWindowHint(GLFW_BLUE_BITS, mode->blueBits);
        glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
        return glfwCreateWindow(mode->width, mode->height, config.title.c_str(), monitor, nullptr);
    }
    return glfwCreateWindow(config.width, config.height, config.title.c_str(), nullptr, nullptr);
}

core::Status init_glfw() {
    if (glfwInit()) return core::ok(); // a second call while initialized returns at once
    return core::make_error(core::ErrorCode::unavailable, "no display available (" + last_glfw_error() + ")");
}

} // namespace

core::Expected<core::PixelSize> Window::planned_size(const WindowConfig& config) {
    if (const core::Status ready = init_glfw(); !ready) return ready.error();
    if (config.mode != WindowMode::fullscreen) return core::PixelSize{config.width, config.height};
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (!mode) return core::make_error(core::ErrorCode::unavailable, "no monitor to show the kiosk on");
    return core::PixelSize{mode->width, mode->height};
}

core::Expected<std::unique_ptr<Window>> Window::create(const WindowConfig& config) {
    if (const core::Status ready = init_glfw(); !ready) return ready.error();
    // EGL first: Mesa's native path for OpenGL ES (V3D on a Pi, llvmpipe here), and faster to
    // start than GLX (screenshots went from 1.2 s to 0.5 s). GLX stays as the fallback.
    GLFWwindow* window = create_native(config, GLFW_EGL_CONTEXT_API);
    if (!window) window = create_native(config, GLFW_NATIVE_CONTEXT_API);
    if (!window) {
        const std::string reason = last_glfw_error(); // before glfwTerminate frees its text
        glfwTerminate();
        return core::make_error(core::ErrorCode::unavailable, "cannot create an OpenGL ES 3.0 window (" + reason + ")");
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1); // animations at the display's refresh, no tearing
    std::unique_ptr<Window> result(new Window(window));
    result->watch_activity();
    return result;
}

// Installed before ImGui's backend, which chains to these callbacks after its own.
void Window::watch_activity() {
    glfwSetWindowUserPointer(window_, this);
    glfwSetCursorPosCallback(window_, [](GLFWwindow* w, double x, double y) {
        auto* self = static_cast<Window*>(glfwGetWindowUserPointer(w));
        if (!self->button_down_) return; // no hover: only a pressed pointer moves anything
        self->activity_ = true;
        self->pointer_events_.push_back({core::PointerEvent::Type::move, 0, static_cast<float>(x),
                                         static_cast<float>(y), self->now_ms()});
    });
    glfwSetMouseButtonCallback(window_, [](GLFWwindow* w, int button, int action, int) {
        auto* self = static_cast<Window*>(glfwGetWindowUserPointer(w));
        self->activity_ = true;
        if (button != GLFW_MOUSE_BUTTON_LEFT) return;
        double x = 0, y = 0;
        glfwGetCursorPos(w, &x, &y);
        self->button_down_ = action == GLFW_PRESS;
        self->pointer_events_.push_back({action == GLFW_PRESS ? core::PointerEvent::Type::down
                                                              : core::PointerEvent::Type::up,
                                         0, static_cast<float>(x), static_cast<float>(y), self->now_ms()});
    });
    glfwSetScrollCallback(window_, [](GLFWwindow* w, double, double y_offset) {
        auto* self = static_cast<Window*>(glfwGetWindowUserPointer(w));
        self->activity_ = true;
        double x = 0, y = 0;
        glfwGetCursorPos(w, &x, &y);
        self->wheel_.steps += static_cast<float>(y_offset);
        self->wheel_.x = static_cast<float>(x);
        self->wheel_.y = static_cast<float>(y);
    });
    glfwSetKeyCallback(window_, [](GLFWwindow* w, int, int, int, int) { mark_activity(w); });
    glfwSetFramebufferSizeCallback(window_, [](GLFWwindow* w, int, int) { mark_activity(w); });
    glfwSetWindowRefreshCallback(window_, [](GLFWwindow* w) { mark_activity(w); });
}

void Window::mark_activity(GLFWwindow* window) {
    static_cast<Window*>(glfwGetWindowUserPointer(window))->activity_ = true;
}

Window::Wheel Window::take_wheel() {
    const Wheel wheel = wheel_;
    wheel_.steps = 0;
    return wheel;
}

std::vector<core::PointerEvent> Window::take_pointer_events() {
    std::vector<core::PointerEvent> events;
    events.swap(pointer_events_);
    return events;
}

// CLOCK_MONOTONIC, the clock evdev stamps touches with, so both input sources share one timeline.
core::Millis Window::now_ms() const {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<core::Millis>(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

void Window::post_wake() { glfwPostEmptyEvent(); }

bool Window::take_activity() {
    const bool seen = activity_;
    activity_ = false;
    return seen;
}

std::string executable_dir() {
    std::error_code ec;
    const auto path = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : path.parent_path().string();
}

Window::~Window() {
    glfwDestroyWindow(window_);
    glfwTerminate();
}

void Window::framebuffer_size(int& width, int& height) const {
    glfwGetFramebufferSize(window_, &width, &height);
}

int Window::width() const {
    int width = 0, height = 0;
    framebuffer_size(width, height);
    return width;
}

int Window::height() const {
    int width = 0, height = 0;
    framebuffer_size(width, height);
    return height;
}

void Window::bind() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

void Window::finish() { swap_buffers(); }

bool Window::should_close() const { return glfwWindowShouldClose(window_); }
void Window::swap_buffers() { glfwSwapBuffers(window_); }
void Window::wait_events(double timeout_s) { glfwWaitEventsTimeout(timeout_s); }
void Window::poll_events() { glfwPollEvents(); }
float Window::pixels_per_mm() const {
    constexpr float kFallback = 96.0f / 25.4f;
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    int width_mm = 0, height_mm = 0;
    if (monitor) glfwGetMonitorPhysicalSize(monitor, &width_mm, &height_mm);
    if (!mode || width_mm <= 0) return kFallback;
    const float density = static_cast<float>(mode->width) / static_cast<float>(width_mm);
    return density > 1.5f && density < 20.0f ? density : kFallback; // 38..508 dpi
}

void Window::hide_cursor() { glfwSetInputMode(window_, GLFW_CURSOR, GLFW_CURSOR_HIDDEN); }

} // namespace pavilion::platform
