#pragma once
// The kiosk without a window: what a visitor and an operator can do, and what happens by
// itself (idle timeouts, packs arriving on sticks), as one object the shell drives each frame.
//
//   input(now, touches, media)  what happened since the last frame
//   poll(now)                   time passing, and the answers of the background work
//   frame(now)                  what to draw (FrameModel)
//   apply(intent, now)          what the visitor or operator asked for on that frame
//
// Time is injected: `now` is the shell's monotonic clock in ms, and the wall clock (for PIN
// lock-outs and the statistics' calendar day) is a function in KioskConfig. No call blocks on
// the disk: SQL, hashing, file IO and pack opening run on the model's workers (workers.hpp) and
// come back through one queue drained in poll(). Tests drive it with fakes (device.hpp) in
// milliseconds; it links core and content only.

#include "pavilion/content/media_event.hpp"
#include "pavilion/content/pack_reader.hpp"
#include "pavilion/core/kiosk_session.hpp"
#include "pavilion/core/pointer_event.hpp"
#include "pavilion/model/device.hpp"
#include "pavilion/model/event_log.hpp"
#include "pavilion/model/frame_model.hpp"
#include "pavilion/model/intent.hpp"
#include "pavilion/model/item_bodies.hpp"
#include "pavilion/model/operator_desk.hpp"
#include "pavilion/model/store_guard.hpp"
#include "pavilion/model/touch_input.hpp"
#include "pavilion/model/update_service.hpp"
#include "pavilion/model/visit_recorder.hpp"
#include "pavilion/model/workers.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace pavilion::model {

struct KioskConfig {
    std::string start_locale; // "" = the pack's default; a visit that ends returns to the default
    std::string cache_dir;    // catalog snapshots for packs shown later ("" = none)
    // Seconds since the epoch; empty: the system clock. Called from the workers too: it must
    // be safe to call from any thread.
    std::function<std::int64_t()> wall_clock_s;
    // Called from any thread when background work has an answer (the live loop sleeps till then).
    std::function<void()> wake;
    EventLog::Sink log_sink; // empty: stderr
    // Runs on a worker once a pack to be shown is open and checked, before it is shown: the shell
    // prepares what it draws with (its fonts). An error keeps the old pack on screen.
    std::function<core::Status(const content::PackReader&)> prepare_pack;
    // The pack the kiosk carries, shown when no installed pack passes its check at start.
    std::string built_in_pack_path;
};

// Facts of the display the model's rules depend on.
struct Display {
    float pixels_per_mm = 96.0f / 25.4f; // gesture thresholds are in millimetres
    float corner_px = 48;                // the side of the operator's hidden corner
};

class Kiosk {
public:
    Kiosk(std::shared_ptr<const content::PackReader> pack, Device device, KioskConfig config);
    ~Kiosk(); // stops the workers first: their jobs refer to the parts below
    Kiosk(const Kiosk&) = delete;
    Kiosk& operator=(const Kiosk&) = delete;

    void set_display(const Display& display);

    void input(core::Millis now, const std::vector<core::PointerEvent>& touches,
               const std::vector<content::MediaEvent>& media = {});
    void poll(core::Millis now);
    // What to draw. It hands over the gestures recognised since the last call and clears the
    // "something changed" flag: call it once per frame.
    FrameModel frame(core::Millis now);
    void apply(const Intent& intent, core::Millis now);

    // Opens a screen as if the visitor had walked there from Home, so Back works as usual
    // (--screen, benchmarks). An item the pack does not have is refused with its name.
    core::Status start_at(const core::Route& route, core::Millis now);
    // Ends the visit at once: attract, the default language, accessibility off.
    void end_visit(core::Millis now);
    // Shows another pack (opened, checked and prepared on a worker first); the visitor starts
    // again at Home. `done` says whether it could be shown.
    void show_pack(const std::string& path, std::function<void(core::Status)> done = {});
    // Waits for every background job and applies their answers at `now` (off-screen runs and
    // tests, which want each frame complete).
    void settle(core::Millis now);

    // The one hand-off from background threads to the main thread, drained in poll(): the
    // shell's own workers (fonts, the base map, pictures) post their results here too.
    core::RunQueue& results() { return workers_.results; }
    // A line for the journal and the operator's recent log (the shell's problems: no
    // touchscreen, no base map, a text size that cannot be built).
    void report(std::string line) { log_.add(std::move(line)); }
    // A line for the journal only (the shell's news: the font atlas built, the map on the GPU).
    void journal(std::string_view line) const { log_.print(line); }

    const std::shared_ptr<const content::PackReader>& pack() const { return pack_; }
    // Changes whenever another pack is shown (FrameModel::pack_generation).
    std::uint64_t pack_generation() const { return pack_generation_; }
    const core::KioskSession& session() const { return session_; }
    const core::KioskSession::IdleStatus& idle() const { return idle_; }
    bool operating() const { return desk_.active(); }

private:
    core::SessionSettings session_settings() const;
    DeskContext desk_context() const;
    struct VisitorIntent; // the visitor over model::Intent (kiosk.cpp)
    void keypad_opened(core::Millis now);
    void open(const core::Route& route, bool replace);
    bool can_show(const core::Route& route) const;
    void new_visit(); // a fresh session with the settings in force
    void switch_to(std::shared_ptr<const content::PackReader> pack);
    bool show_installed_packs(); // true when one was started
    void observe(core::Millis now);
    void want_bodies_around(const core::Route& route);
    void count_event(const std::string& event); // on the device worker

    KioskConfig config_;
    Workers workers_;
    EventLog log_;
    Device device_;
    std::shared_ptr<const content::PackReader> pack_;
    std::uint64_t pack_generation_ = 1;
    core::KioskSession session_;
    std::uint64_t visit_ = 0; // counts sessions, so a new one's route revision never repeats an old one
    core::KioskSession::IdleStatus idle_;
    TouchInput touch_;
    Display display_;
    ItemBodies bodies_;
    VisitRecorder recorder_;
    std::unique_ptr<UpdateService> updates_;
    OperatorDesk desk_;
    StoreGuard guard_;
    // What was observed last, to log each change of screen once and time its entrance.
    std::uint64_t shown_revision_ = ~std::uint64_t{0};
    std::string shown_locale_;
    core::Millis screen_opened_at_ = 0;
    core::Millis last_now_ = 0; // the latest time the shell gave (the statistics' last dwell at shutdown)
    bool changed_ = true; // something to draw since the last frame()
};

} // namespace pavilion::model
