#pragma once
// Local, anonymous visitor statistics (content::VisitStats): every screen a visitor leaves is
// counted with its dwell time, an item's page as one open of that item, and each visit when it
// ends (back at the attract loop) in the language it ended in: the one the visitor chose, not
// the default every visit starts in. Operator mode is no visit. The counters live on the device
// worker, which owns the SQLite file; they are written out once a minute and when a visit ends.

#include "pavilion/content/visit_stats.hpp"
#include "pavilion/core/pointer_event.hpp"
#include "pavilion/core/route.hpp"
#include "pavilion/model/event_log.hpp"
#include "pavilion/model/workers.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace pavilion::model {

class VisitRecorder {
public:
    static constexpr core::Millis kFlushEveryMs = 60000;

    // stats: null records nothing. wall_clock_s: seconds since the epoch, for the calendar day.
    VisitRecorder(content::VisitStats* stats, Workers& workers, EventLog& log,
                  std::function<std::int64_t()> wall_clock_s);

    // The visitor is now on `route` in `locale`, since `now`. Call on every change of screen.
    void entered(const core::Route& route, const std::string& locale, core::Millis now);
    // The visitor chose another language on the same screen.
    void spoke(const std::string& locale) { visit_locale_ = locale; }
    // Operator mode hides the visitor's screen: nothing is counted until it closes.
    void pause(core::Millis now);
    // The kiosk is closing: the screen on show is counted and everything written out.
    void close(core::Millis now);

    bool enabled() const { return stats_ != nullptr; }

private:
    content::Day today() const;
    void flush(core::Millis now);

    content::VisitStats* stats_;
    Workers& workers_;
    EventLog& log_;
    std::function<std::int64_t()> wall_clock_s_;
    std::optional<core::Route> shown_; // the screen being visited, none while paused
    std::string visit_locale_;
    core::Millis shown_since_ = 0;
    core::Millis flushed_at_ = 0;
};

} // namespace pavilion::model
