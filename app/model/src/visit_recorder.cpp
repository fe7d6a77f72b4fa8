#include "pavilion/model/visit_recorder.hpp"

namespace pavilion::model {

VisitRecorder::VisitRecorder(content::VisitStats* stats, Workers& workers, EventLog& log,
                             std::function<std::int64_t()> wall_clock_s)
    : stats_(stats), workers_(workers), log_(log), wall_clock_s_(std::move(wall_clock_s)) {}

content::Day VisitRecorder::today() const { return content::local_day(static_cast<std::time_t>(wall_clock_s_())); }

void VisitRecorder::entered(const core::Route& route, const std::string& locale, core::Millis now) {
    if (!stats_) return;
    const content::Day day = today();
    if (shown_) {
        // The screen left: its kind, and for an item's page the item, with how long it was read.
        const std::string kind(core::screen_name(shown_->screen));
        const std::string item = core::is_item_screen(shown_->screen) ? shown_->to_string() : "";
        const core::Millis dwell = now - shown_since_;
        const bool visit_ended = shown_->screen != core::Route::Screen::attract &&
                                 route.screen == core::Route::Screen::attract;
        workers_.device.post([stats = stats_, day, kind, item, dwell, visit_ended, visit_locale = visit_locale_] {
            stats->record_screen(day, kind, item, dwell);
            if (visit_ended) stats->record_session(day, visit_locale);
        });
    }
    visit_locale_ = locale;
    shown_ = route;
    shown_since_ = now;
    if (route.screen == core::Route::Screen::attract || now - flushed_at_ > kFlushEveryMs) flush(now);
}

void VisitRecorder::pause(core::Millis now) {
    if (!stats_ || !shown_) return;
    shown_.reset();
    flush(now);
}

void VisitRecorder::close(core::Millis now) {
    if (!stats_) return;
    if (shown_ && shown_->screen != core::Route::Screen::attract) {
        const std::string kind(core::screen_name(shown_->screen));
        const std::string item = core::is_item_screen(shown_->screen) ? shown_->to_string() : "";
        workers_.device.post([stats = stats_, day = today(), kind, item, dwell = now - shown_since_] {
            stats->record_screen(day, kind, item, dwell);
        });
    }
    shown_.reset();
    // Not flush(): its failure would be posted to a queue nobody drains any more.
    workers_.device.post([stats = stats_] { stats->flush(); });
}

void VisitRecorder::flush(core::Millis now) {
    flushed_at_ = now;
    workers_.device.post([this, stats = stats_] {
        if (auto flushed = stats->flush(); !flushed)
            workers_.results.post([this, line = "statistics: " + flushed.error().message] { log_.add(line); });
    });
}

} // namespace pavilion::model
