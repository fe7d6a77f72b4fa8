#include "pavilion/platform/evdev_touch_reader.hpp"

#include "unique_fd.hpp"

#include <libevdev/libevdev.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <filesystem>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>

namespace pavilion::platform {

// --- PointerEventQueue ----------------------------------------------------------------------

PointerEventQueue::PointerEventQueue(std::function<void()> wake) : wake_(std::move(wake)) {}

void PointerEventQueue::push(const std::vector<core::PointerEvent>& events) {
    if (events.empty()) return;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        events_.insert(events_.end(), events.begin(), events.end());
    }
    wake(); // outside the lock: the UI thread may be about to drain
}

void PointerEventQueue::close(core::Error failure) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (closed_) return;
        closed_ = true;
        failure_ = std::move(failure);
    }
    wake();
}

std::vector<core::PointerEvent> PointerEventQueue::drain() {
    std::vector<core::PointerEvent> events;
    std::lock_guard<std::mutex> lock(mutex_);
    events.swap(events_);
    return events;
}

std::optional<core::Error> PointerEventQueue::take_failure() {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::exchange(failure_, std::nullopt);
}

bool PointerEventQueue::closed() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return closed_;
}

void PointerEventQueue::wake() const {
    if (wake_) wake_();
}

// --- device helpers -------------------------------------------------------------------------

namespace {

struct EvdevFree {
    void operator()(libevdev* device) const { libevdev_free(device); }
};
using EvdevPtr = std::unique_ptr<libevdev, EvdevFree>;

// An open evdev node. The libevdev handle is declared after the fd so it is freed first.
struct OpenDevice {
    std::string path;
    Fd fd;
    EvdevPtr evdev;
};

std::string error_text(int error) { return std::generic_category().message(error); }

core::Error open_failure(const std::string& path, int error) {
    std::string reason = "cannot open " + path + ": " + error_text(error);
    // The usual cause on a fresh kiosk image: /dev/input/event* are root:input 0660.
    if (error == EACCES || error == EPERM) reason += " (is the kiosk user in group input?)";
    return core::make_error(core::ErrorCode::io, std::move(reason));
}

bool permission_denied(int error) { return error == EACCES || error == EPERM; }

// The node opened read-only; an invalid Fd with errno set when it cannot be. Non-blocking: the
// reader drains with libevdev until -EAGAIN after each poll().
Fd open_node(const std::string& path) { return Fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)); }

// An opened node with its capabilities read.
core::Expected<OpenDevice> read_capabilities(const std::string& path, Fd fd) {
    OpenDevice device{path, std::move(fd), nullptr};
    libevdev* evdev = nullptr;
    if (const int rc = libevdev_new_from_fd(device.fd.get(), &evdev); rc < 0)
        return core::make_error(core::ErrorCode::invalid_argument,
                                path + " is not an input device (" + error_text(-rc) + ")");
    device.evdev.reset(evdev);
    return device;
}

core::Expected<OpenDevice> open_device(const std::string& path) {
    Fd fd = open_node(path);
    if (!fd) return open_failure(path, errno);
    return read_capabilities(path, std::move(fd));
}

bool has_abs(const libevdev* evdev, unsigned int code) {
    return libevdev_has_event_code(evdev, EV_ABS, code) == 1;
}

// What the device can be decoded as; nullopt for anything that is not a touch surface.
std::optional<TouchProtocol> touch_protocol(const libevdev* evdev) {
    if (has_abs(evdev, ABS_MT_SLOT) && has_abs(evdev, ABS_MT_TRACKING_ID) &&
        has_abs(evdev, ABS_MT_POSITION_X) && has_abs(evdev, ABS_MT_POSITION_Y))
        return TouchProtocol::multitouch_slots;
    if (has_abs(evdev, ABS_X) && has_abs(evdev, ABS_Y) &&
        libevdev_has_event_code(evdev, EV_KEY, BTN_TOUCH) == 1)
        return TouchProtocol::single_touch;
    return std::nullopt;
}

// A touchscreen rather than a touchpad or tablet: touches land where they are drawn.
bool is_direct(const libevdev* evdev) { return libevdev_has_property(evdev, INPUT_PROP_DIRECT) == 1; }

// /dev/input/event* in numeric order (event2 before event10): the scan is reproducible.
std::vector<std::string> event_nodes() {
    std::vector<std::pair<int, std::string>> numbered;
    std::error_code ignored;
    for (std::filesystem::directory_iterator it("/dev/input", ignored), end; !ignored && it != end;
         it.increment(ignored)) {
        const std::string name = it->path().filename().string();
        if (name.rfind("event", 0) != 0 || name.size() == 5) continue;
        const std::string digits = name.substr(5);
        if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
            continue;
        numbered.emplace_back(std::atoi(digits.c_str()), it->path().string());
    }
    std::sort(numbered.begin(), numbered.end());
    std::vector<std::string> paths;
    for (auto& [number, path] : numbered) paths.push_back(std::move(path));
    return paths;
}

AxisRange axis_range(const libevdev* evdev, unsigned int code) {
    const input_absinfo* info = libevdev_get_abs_info(evdev, code);
    return info ? AxisRange{info->minimum, info->maximum} : AxisRange{};
}

// The kernel only sends values that change, so the decoder starts from the device's state.
void start_from_device(MultitouchDecoder& decoder, const libevdev* evdev, TouchProtocol protocol) {
    std::vector<SlotState> slots;
    if (protocol == TouchProtocol::single_touch) {
        SlotState only;
        only.tracking_id = libevdev_get_event_value(evdev, EV_KEY, BTN_TOUCH) ? 0 : -1;
        only.raw_x = libevdev_get_event_value(evdev, EV_ABS, ABS_X);
        only.raw_y = libevdev_get_event_value(evdev, EV_ABS, ABS_Y);
        slots.push_back(only);
        decoder.start_from(0, slots);
        return;
    }
    const int count = std::min(libevdev_get_num_slots(evdev), MultitouchDecoder::max_slots);
    for (int slot = 0; slot < count; ++slot) {
        SlotState state;
        state.tracking_id = libevdev_get_slot_value(evdev, slot, ABS_MT_TRACKING_ID);
        state.raw_x = libevdev_get_slot_value(evdev, slot, ABS_MT_POSITION_X);
        state.raw_y = libevdev_get_slot_value(evdev, slot, ABS_MT_POSITION_Y);
        slots.push_back(state);
    }
    decoder.start_from(libevdev_get_current_slot(evdev), slots);
}

std::string device_label(const OpenDevice& device) {
    return device.path + " (" + libevdev_get_name(device.evdev.get()) + ")";
}

} // namespace

// --- the reader -----------------------------------------------------------------------------

struct EvdevTouchReader::Impl {
    Impl(OpenDevice opened, TouchProtocol kind, TouchMapping mapping, Fd stop,
         std::function<void()> wake)
        : device(std::move(opened)), name(libevdev_get_name(device.evdev.get())),
          protocol(kind), stop_fd(std::move(stop)), decoder(mapping, kind),
          pending_mapping(mapping), queue(std::move(wake)) {}

    ~Impl() { stop(); }

    void start() { thread = std::thread([this] { run(); }); }

    void stop() {
        if (!thread.joinable()) return;
        const std::uint64_t one = 1;
        // An eventfd write of 1 cannot fail short of overflowing 2^64 - 1 stops.
        [[maybe_unused]] const ssize_t written = ::write(stop_fd.get(), &one, sizeof one);
        thread.join();
    }

    // The thread body: nothing may escape a std::thread (std::terminate), so failures become the
    // queue's close reason.
    void run() noexcept {
        try {
            loop();
        } catch (const std::exception& e) {
            finish_quietly(std::string("touch reader stopped: ") + e.what());
        } catch (...) {
            finish_quietly("touch reader stopped: unknown error");
        }
    }

    void finish_quietly(const std::string& reason) noexcept {
        try {
            finish(core::make_error(core::ErrorCode::unavailable, reason));
        } catch (...) {
            // Out of memory, or the wake callback threw again: nothing left to report with.
        }
    }

    core::Error disconnected() const {
        return core::make_error(core::ErrorCode::unavailable, "touchscreen " + device.path + " disconnected");
    }

    void loop() {
        for (;;) {
            pollfd fds[2] = {{device.fd.get(), POLLIN, 0}, {stop_fd.get(), POLLIN, 0}};
            if (::poll(fds, 2, -1) < 0) {
                if (errno == EINTR) continue;
                finish(core::make_error(core::ErrorCode::io, "polling " + device.path + " failed: " + error_text(errno)));
                return;
            }
            if (fds[1].revents != 0) return; // stop() asked
            if (fds[0].revents & POLLNVAL) {
                finish(core::make_error(core::ErrorCode::io, "polling " + device.path + " failed: descriptor closed"));
                return;
            }
            apply_pending_mapping();
            std::vector<core::PointerEvent> events;
            const core::Status read = read_available(events);
            queue.push(events);
            if (!read) {
                finish(read.error());
                return;
            }
            // A hung-up descriptor that reads nothing would otherwise wake poll() forever.
            if (fds[0].revents & (POLLHUP | POLLERR)) {
                finish(disconnected());
                return;
            }
        }
    }

    // Reads until the device has nothing more; an error when the device is gone (unavailable) or
    // cannot be read (io). A SYN_DROPPED (the kernel's buffer overflowed) goes to the decoder,
    // which cancels every contact; then libevdev's sync mode replays the difference between the
    // state we saw and the device's, so later frames start from truth.
    core::Status read_available(std::vector<core::PointerEvent>& out) {
        unsigned int flags = LIBEVDEV_READ_FLAG_NORMAL;
        input_event event{};
        for (;;) {
            const int rc = libevdev_next_event(device.evdev.get(), flags, &event);
            if (rc == LIBEVDEV_READ_STATUS_SUCCESS || rc == LIBEVDEV_READ_STATUS_SYNC) {
                if (rc == LIBEVDEV_READ_STATUS_SYNC) flags = LIBEVDEV_READ_FLAG_SYNC;
                const std::vector<core::PointerEvent> decoded = decoder.feed(event);
                out.insert(out.end(), decoded.begin(), decoded.end());
            } else if (rc == -EAGAIN) {
                if (flags == LIBEVDEV_READ_FLAG_NORMAL) return core::ok();
                flags = LIBEVDEV_READ_FLAG_NORMAL; // sync done; events may have queued meanwhile
            } else if (rc == -ENODEV) {
                return disconnected();
            } else if (rc != -EINTR) {
                return core::make_error(core::ErrorCode::io, "reading " + device.path + " failed: " + error_text(-rc));
            }
        }
    }

    // Ends the UI's contacts (their fingers will never send an up now) and reports why, once.
    void finish(core::Error reason) {
        queue.push(decoder.cancel_all(monotonic_millis()));
        queue.close(std::move(reason));
    }

    void apply_pending_mapping() {
        std::lock_guard<std::mutex> lock(mapping_mutex);
        if (!mapping_changed) return;
        decoder.set_mapping(pending_mapping);
        mapping_changed = false;
    }

    void set_screen(int width, int height, Rotation rotation, bool flip_x, bool flip_y) {
        std::lock_guard<std::mutex> lock(mapping_mutex);
        pending_mapping.screen_width = width;
        pending_mapping.screen_height = height;
        pending_mapping.rotation = rotation;
        pending_mapping.flip_x = flip_x;
        pending_mapping.flip_y = flip_y;
        mapping_changed = true;
    }

    OpenDevice device;
    const std::string name;
    const TouchProtocol protocol;
    Fd stop_fd; // an eventfd: written once to end poll() in the thread
    MultitouchDecoder decoder; // the reader thread's alone once it runs

    std::mutex mapping_mutex; // guards the two below: set by the UI, picked up by the thread
    TouchMapping pending_mapping;
    bool mapping_changed = false;

    PointerEventQueue queue;
    std::thread thread; // last: started after everything it uses exists, joined in ~Impl
};

namespace {

// Where to look: the caller's path, else $PAVILION_TOUCH_DEVICE, else a scan.
core::Expected<std::string> resolve_path(const TouchReaderOptions& options) {
    if (!options.device_path.empty()) return options.device_path;
    const char* from_env = std::getenv("PAVILION_TOUCH_DEVICE");
    if (from_env && *from_env) return std::string(from_env);
    return EvdevTouchReader::find_touchscreen();
}

TouchMapping initial_mapping(const libevdev* evdev, TouchProtocol protocol,
                             const TouchReaderOptions& options) {
    const bool mt = protocol == TouchProtocol::multitouch_slots;
    TouchMapping mapping;
    mapping.x = axis_range(evdev, mt ? ABS_MT_POSITION_X : ABS_X);
    mapping.y = axis_range(evdev, mt ? ABS_MT_POSITION_Y : ABS_Y);
    mapping.screen_width = options.screen_width;
    mapping.screen_height = options.screen_height;
    mapping.rotation = options.rotation;
    mapping.flip_x = options.flip_x;
    mapping.flip_y = options.flip_y;
    return mapping;
}

} // namespace

core::Expected<std::string> EvdevTouchReader::find_touchscreen() {
    std::string single_touch;                   // a fallback if no multi-touch screen turns up
    std::optional<core::Error> permission_error; // why a device that might be the screen could not be read
    for (const std::string& path : event_nodes()) {
        Fd fd = open_node(path);
        if (!fd) {
            const int error = errno;
            if (permission_denied(error) && !permission_error) permission_error = open_failure(path, error);
            continue;
        }
        const core::Expected<OpenDevice> device = read_capabilities(path, std::move(fd));
        if (!device) continue;
        const std::optional<TouchProtocol> protocol = touch_protocol(device->evdev.get());
        if (!protocol || !is_direct(device->evdev.get())) continue;
        if (*protocol == TouchProtocol::multitouch_slots) return path;
        if (single_touch.empty()) single_touch = path;
    }
    if (!single_touch.empty()) return single_touch;
    if (permission_error) return *permission_error;
    return core::make_error(core::ErrorCode::unavailable, "no touchscreen found");
}

namespace {

struct TouchSetup {
    TouchProtocol protocol;
    TouchMapping mapping;
};

// How the device's events are decoded, checked usable: a path given by hand is trusted to be on
// the screen, so INPUT_PROP_DIRECT is not required.
core::Expected<TouchSetup> touch_setup(const OpenDevice& device, const TouchReaderOptions& options) {
    const libevdev* evdev = device.evdev.get();
    const std::optional<TouchProtocol> protocol = touch_protocol(evdev);
    if (!protocol)
        return core::make_error(core::ErrorCode::invalid_argument,
                                device_label(device) +
                                    " is not a touchscreen (no multi-touch slots, no ABS_X/ABS_Y with BTN_TOUCH)");
    const TouchMapping mapping = initial_mapping(evdev, *protocol, options);
    if (mapping.x.maximum <= mapping.x.minimum || mapping.y.maximum <= mapping.y.minimum)
        return core::make_error(core::ErrorCode::invalid_argument, device_label(device) + " reports an empty coordinate range");
    return TouchSetup{*protocol, mapping};
}

} // namespace

core::Expected<std::unique_ptr<EvdevTouchReader>> EvdevTouchReader::open(const TouchReaderOptions& options) {
    using core::ErrorCode;
    const core::Expected<std::string> path = resolve_path(options);
    if (!path) return path.error();
    core::Expected<OpenDevice> device = open_device(*path);
    if (!device) return device.error();
    const auto setup = touch_setup(*device, options);
    if (!setup) return setup.error();
    const auto [protocol, mapping] = *setup;
    // Event times on CLOCK_MONOTONIC (the kernel's default is CLOCK_REALTIME, which jumps when
    // NTP sets the clock after boot and would break tap and double-tap timing).
    if (const int rc = libevdev_set_clock_id(device->evdev.get(), CLOCK_MONOTONIC); rc < 0)
        return core::make_error(ErrorCode::io, "cannot use CLOCK_MONOTONIC on " + *path + ": " + error_text(-rc));
    Fd stop(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
    if (!stop)
        return core::make_error(ErrorCode::unavailable, "cannot create an eventfd for the touch reader: " + error_text(errno));

    auto impl = std::make_unique<Impl>(std::move(*device), protocol, mapping, std::move(stop), options.wake);
    start_from_device(impl->decoder, impl->device.evdev.get(), protocol);
    try {
        impl->start();
    } catch (const std::system_error& e) {
        return core::make_error(ErrorCode::unavailable, std::string("cannot start the touch reader thread: ") + e.what());
    }
    return std::unique_ptr<EvdevTouchReader>(new EvdevTouchReader(std::move(impl)));
}

EvdevTouchReader::EvdevTouchReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

EvdevTouchReader::~EvdevTouchReader() = default; // ~Impl stops and joins the thread

std::vector<core::PointerEvent> EvdevTouchReader::drain() { return impl_->queue.drain(); }

std::optional<core::Error> EvdevTouchReader::take_failure() { return impl_->queue.take_failure(); }

bool EvdevTouchReader::running() const { return !impl_->queue.closed(); }

void EvdevTouchReader::set_screen(int width, int height, Rotation rotation, bool flip_x,
                                  bool flip_y) {
    impl_->set_screen(width, height, rotation, flip_x, flip_y);
}

const std::string& EvdevTouchReader::device_path() const { return impl_->device.path; }

const std::string& EvdevTouchReader::device_name() const { return impl_->name; }

TouchProtocol EvdevTouchReader::protocol() const { return impl_->protocol; }

core::Millis monotonic_millis() {
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<core::Millis>(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

} // namespace pavilion::platform
