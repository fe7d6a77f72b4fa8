#pragma once
// The operator's screens: the PIN pad, the operator panel (content, settings, visitor numbers,
// diagnostics, log) and the banner shown over the visitor's screen while a pack installs.
//
// Like the visitor screens they draw from plain views and leave tap targets in the frame; every
// target's intent is Intent{Intent::Kind::operator_action, "<action>"}, resolved by the caller
// with frame.targets.hit() after drawing. The caller clears frame.targets before drawing.
//
// Operator text is English only (operators are staff) and plain ASCII: the font atlas holds
// ASCII plus the pack's own characters, so marks such as arrows, ticks and ellipses are drawn as
// shapes or spelled "...".

#include "pavilion/screens/frame.hpp"
#include "pavilion/screens/scroll_area.hpp"

#include <string>
#include <utility>
#include <vector>

namespace pavilion::screens {

struct OperatorPinView {
    int digits_entered = 0;     // shown as dots, never the digits
    int max_digits = 8;
    std::string message;        // "Wrong PIN, 2 tries left" / "Locked: try again in 4 min" / ""
    bool message_is_error = true; // false: the message is shown as a plain hint
    bool locked = false;        // keypad disabled while locked
};

// A keypad. Actions: "digit:0".."digit:9" (while fewer than max_digits are entered),
// "backspace" (once a digit is entered), "submit" (from 4 digits), "leave" (always).
// While locked only "leave" is registered. Every key is at least frame.theme.touch() in size.
void draw_operator_pin(Frame& frame, const OperatorPinView& view);

struct OperatorPackInfo {
    bool present = false;
    std::string title, id, created, signer; // signer: the minisign key id, hex, or "built-in"
    long long version = 0;
};

struct OperatorCandidate {
    std::string name;  // "expo-2027.pack"
    std::string where; // "stick /media/usb0"
};

struct OperatorView {
    OperatorPackInfo current, previous;
    std::vector<OperatorCandidate> candidates; // packs found on sticks and inboxes
    int idle_timeout_s = 90;
    int idle_min_s = 30;  // "idle:-30" is not offered at or below this
    int idle_max_s = 600; // nor "idle:+30" at or above this
    std::string default_locale;
    std::vector<std::pair<std::string, std::string>> locales; // code, name
    struct Stats {
        int sessions_today = 0, sessions_week = 0;
        std::vector<std::pair<std::string, int>> top_items; // title, opens (7 days); the first 5 are shown
        std::vector<std::pair<std::string, int>> languages; // code, sessions (7 days)
    } stats;
    std::vector<std::string> log_lines; // recent, newest last; the last 12 are shown
    struct Diagnostics {
        double fps = 0, frame_p50_ms = 0, frame_p99_ms = 0, rss_mb = 0, textures_mb = 0;
        std::string gl_renderer;
        int max_texture = 0;
        std::string version;
    } diagnostics;
    std::string message; // the result of the last action, shown prominently ("" = none)
    bool message_is_error = false;
    bool stick_present = false;         // export needs a writable stick
    float seconds_until_auto_leave = 0; // shown as a small countdown near Leave when < 30 (and > 0)
};

// The panel: a fixed header ("Operator", the auto-leave countdown, Leave), the last action's
// result under it, and cards in a grid that scrolls with the finger (two columns in landscape,
// one in portrait): Content, Settings, Visitors, Diagnostics, Recent log.
// Actions: "install:<index>" (install that candidate, even if not newer: the operator forces it),
// "rollback" (when previous.present), "idle:-30" / "idle:+30" (within idle_min_s..idle_max_s),
// "locale:<code>" (one per language; the default's pill is filled), "export" (statistics CSV to
// the stick; when stick_present), "leave". Only what is scrolled into view catches taps.
// A class because it keeps its scroll position between frames.
class OperatorPanel {
public:
    void draw(Frame& frame, const OperatorView& view);
    // Scrolling inertia: the next frame differs without input.
    bool animating() const { return scroll_.animating(); }
    // Back to the top (call when operator mode is entered).
    void reset() { scroll_.reset(); }

private:
    ScrollArea scroll_;
};

// Over the visitor's screen while a pack installs, and for a while after: progress or outcome.
// A card at the bottom centre; it registers no tap targets (the visitor's screen stays usable).
struct UpdateBanner {
    enum class State { copying, verifying, installed, failed } state = State::copying;
    std::string title;        // the pack's file name or title
    double copied_mb = 0, total_mb = 0;
    double seconds_left = -1; // < 0: unknown
    std::string message;      // installed: "Now showing version 3"; failed: the one-line reason
    std::string heading;      // "" = the state's own English heading ("Copying new content", ...)
};
void draw_update_banner(Frame& frame, const UpdateBanner& banner);
// True while the banner animates on its own (verifying, or copying with an unknown size), so the
// caller keeps drawing frames.
bool update_banner_animating(const UpdateBanner& banner);

} // namespace pavilion::screens
