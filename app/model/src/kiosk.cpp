#include "pavilion/model/kiosk.hpp"

#include "pavilion/content/catalog_cache.hpp"

#include <algorithm>
#include <ctime>

namespace pavilion::model {
namespace {

std::int64_t system_wall_clock_s() { return static_cast<std::int64_t>(std::time(nullptr)); }

bool has_locale(const content::Catalog& catalog, const std::string& code) {
    const auto& locales = catalog.meta.locales;
    return std::any_of(locales.begin(), locales.end(), [&](const content::Locale& l) { return l.code == code; });
}

// The items a swipe from `ref` reaches: its neighbours in its list.
std::vector<std::string> neighbours_of(const content::Catalog& catalog, const std::string& ref) {
    for (const auto* items : {&catalog.initiatives, &catalog.stories}) {
        for (std::size_t i = 0; i < items->size(); ++i) {
            if ((*items)[i].ref != ref) continue;
            std::vector<std::string> refs;
            if (i > 0) refs.push_back((*items)[i - 1].ref);
            if (i + 1 < items->size()) refs.push_back((*items)[i + 1].ref);
            return refs;
        }
    }
    return {};
}

KioskConfig with_defaults(KioskConfig config) {
    if (!config.wall_clock_s) config.wall_clock_s = system_wall_clock_s;
    return config;
}

} // namespace

Kiosk::Kiosk(std::shared_ptr<const content::PackReader> pack, Device device, KioskConfig config)
    : config_(with_defaults(std::move(config))), workers_(config_.wake), log_(config_.log_sink),
      device_(std::move(device)), pack_(std::move(pack)), session_(core::SessionSettings{}),
      bodies_(workers_, log_), recorder_(device_.stats.get(), workers_, log_, config_.wall_clock_s),
      updates_(device_.packs ? std::make_unique<UpdateService>(*device_.packs, workers_, log_) : nullptr),
      desk_(device_, updates_.get(), workers_, log_, config_.wall_clock_s,
            [this](const std::string& path, std::function<void(core::Status)> done) { show_pack(path, std::move(done)); },
            [this] { return desk_context(); }),
      guard_(device_.packs.get(), workers_, log_,
             [this](const std::string& path, std::function<void(core::Status)> done) { show_pack(path, std::move(done)); },
             [this](const std::string& event) { count_event(event); }) {
    for (auto& line : device_.notices) log_.add(std::move(line));
    device_.notices.clear();
    bodies_.use(pack_);
    if (updates_) updates_->on_refused([this](core::ErrorCode code) {
        if (code == core::ErrorCode::floor_unknown) guard_.refresh_floor();
    });
    guard_.check_at_start(pack_->path(), config_.built_in_pack_path);
    session_ = core::KioskSession(session_settings());
    if (has_locale(pack_->catalog(), config_.start_locale)) session_.set_locale(config_.start_locale);
}

Kiosk::~Kiosk() {
    if (updates_) updates_->cancel();
    // The screen on show is counted, and what the statistics hold is written before the
    // device worker stops (it may first finish a hash under way: seconds at most).
    recorder_.close(last_now_);
    workers_.device.wait_idle();
    workers_.stop();
}

void Kiosk::set_display(const Display& display) {
    display_ = display;
    touch_.set_pixels_per_mm(display.pixels_per_mm);
}

core::SessionSettings Kiosk::session_settings() const {
    const auto& meta = pack_->catalog().meta;
    core::SessionSettings settings;
    settings.idle_timeout_ms = static_cast<core::Millis>(meta.idle_timeout_s) * 1000;
    settings.default_locale = meta.default_locale;
    const auto& chosen = device_.settings;
    if (chosen.idle_timeout_s) settings.idle_timeout_ms = static_cast<core::Millis>(*chosen.idle_timeout_s) * 1000;
    if (chosen.default_locale && has_locale(pack_->catalog(), *chosen.default_locale))
        settings.default_locale = *chosen.default_locale;
    return settings;
}

DeskContext Kiosk::desk_context() const { return {pack_, session_settings()}; }

void Kiosk::new_visit() {
    session_ = core::KioskSession(session_settings());
    ++visit_;
    touch_.reset();
    changed_ = true;
}

void Kiosk::input(core::Millis now, const std::vector<core::PointerEvent>& touches,
                  const std::vector<content::MediaEvent>& media) {
    last_now_ = now;
    if (updates_ && !media.empty()) updates_->receive(media);
    if (desk_.watch(touches, now, display_.corner_px) == OperatorDesk::Change::keypad_opened) keypad_opened(now);
    touch_.feed(touches, session_, desk_.active());
    touch_.tick(now);
    observe(now);
}

void Kiosk::keypad_opened(core::Millis now) {
    touch_.swallow_current_touch(); // the holding finger is not a key press
    recorder_.pause(now);
    changed_ = true;
}

void Kiosk::poll(core::Millis now) {
    last_now_ = now;
    // What the answers change is drawn by the frame this poll belongs to: it needs no other.
    workers_.now = now;
    workers_.results.drain();
    show_installed_packs();
    switch (desk_.tick(now)) {
    case OperatorDesk::Change::keypad_opened: keypad_opened(now); break;
    case OperatorDesk::Change::closed_by_itself: new_visit(); break; // left alone: back to the visitors
    case OperatorDesk::Change::none: break;
    }
    // Operator mode stands in for the visit: the visitor's idle timer waits until it closes
    // (and leaving starts a new visit anyway).
    if (!desk_.active()) {
        const auto before = idle_.phase;
        idle_ = session_.update(now);
        if (idle_.changed) changed_ = true;
        if (idle_.changed && idle_.phase == core::KioskSession::IdleStatus::Phase::attract && before != idle_.phase)
            touch_.reset();
    }
    observe(now);
}

// Every intent named, so a new one does not compile until it is decided here; operators'
// mean nothing outside operator mode.
struct Kiosk::VisitorIntent {
    Kiosk& kiosk;

    void operator()(const OpenRoute& i) { kiosk.open(i.route, false); }
    void operator()(const SwipeTo& i) { kiosk.open(i.route, true); }
    void operator()(const GoBack&) { kiosk.session_.navigator().back(); }
    void operator()(const GoHome&) { kiosk.session_.navigator().home(); }
    void operator()(const ChooseLanguage& i) {
        if (has_locale(kiosk.pack_->catalog(), i.locale)) kiosk.session_.set_locale(i.locale);
    }
    void operator()(const ToggleLargerText&) { kiosk.session_.set_larger_text(!kiosk.session_.larger_text()); }
    void operator()(const ToggleHighContrast&) { kiosk.session_.set_high_contrast(!kiosk.session_.high_contrast()); }
    void operator()(const PinDigit&) {}
    void operator()(const PinBackspace&) {}
    void operator()(const PinSubmit&) {}
    void operator()(const UnlockWithStick&) {}
    void operator()(const LeaveOperatorMode&) {}
    void operator()(const InstallCandidate&) {}
    void operator()(const RollBack&) {}
    void operator()(const AdjustIdleTimeout&) {}
    void operator()(const SetDefaultLanguage&) {}
    void operator()(const ExportStatistics&) {}
    void operator()(const AcceptRebuiltFloor&) {}
    void operator()(const Confirm&) {}
    void operator()(const CancelConfirmation&) {}
};

void Kiosk::apply(const Intent& intent, core::Millis now) {
    changed_ = true; // whatever changed is drawn by the next frame, not at the next event
    if (desk_.active()) {
        // Only from the open panel: the PIN was given.
        if (std::holds_alternative<AcceptRebuiltFloor>(intent) && desk_.stage() == core::OperatorMode::Stage::panel)
            guard_.accept_rebuilt_floor();
        if (desk_.apply(intent, now)) new_visit();
    } else {
        std::visit(VisitorIntent{*this}, intent);
    }
    observe(now);
}

bool Kiosk::can_show(const core::Route& route) const {
    return route.valid() && (!core::is_item_screen(route.screen) || pack_->catalog().find_item(route.to_string()));
}

void Kiosk::open(const core::Route& route, bool replace) {
    if (!can_show(route)) {
        // A link the pack cannot follow (a stale reference): the visitor stays where they are.
        log_.print("pavilion: no such screen " + route.to_string());
        return;
    }
    auto& navigator = session_.navigator();
    if (replace) navigator.replace(route);
    else navigator.open(route);
    touch_.end_gestures(); // a gesture never continues onto the next screen
}

core::Status Kiosk::start_at(const core::Route& route, core::Millis now) {
    if (!can_show(route))
        return core::make_error(core::ErrorCode::invalid_argument,
                                "screen '" + route.to_string() + "' does not exist in this pack");
    auto& navigator = session_.navigator();
    if (route.screen != core::Route::Screen::attract) {
        navigator.wake();
        if (core::is_item_screen(route.screen)) navigator.open(core::parent_of(route));
        if (route.screen != core::Route::Screen::home) navigator.open(route);
    }
    observe(now);
    return core::ok();
}

// Events of the kiosk itself go into the day's counters beside the screens, under "event:",
// so the operator's statistics export shows them (a pack that failed its check at start).
void Kiosk::count_event(const std::string& event) {
    if (!device_.stats) return;
    device_.stats->record_screen(content::local_day(static_cast<std::time_t>(config_.wall_clock_s())),
                                 "event:" + event, "", 0);
    static_cast<void>(device_.stats->flush());
}

void Kiosk::end_visit(core::Millis now) {
    session_.end_session();
    touch_.reset();
    observe(now);
}

void Kiosk::show_pack(const std::string& path, std::function<void(core::Status)> done) {
    workers_.packs.post([this, path, done = std::move(done)] {
        // Checked as at start-up: the installer checked the whole file before it let it in, and
        // a damaged picture shows as a missing one. Its catalog is kept, so the next start
        // restores it.
        content::CatalogCache catalogs(config_.cache_dir);
        auto opened = catalogs.open(path, content::PackCheck::without_pictures);
        core::Status ready = opened ? core::ok() : core::Status(opened.error());
        if (ready && config_.prepare_pack) ready = config_.prepare_pack(*opened);
        std::shared_ptr<const content::PackReader> pack;
        if (ready) pack = std::make_shared<const content::PackReader>(std::move(opened).value());
        workers_.results.post([this, pack, ready, done, notices = catalogs.take_notices()] {
            for (const auto& line : notices) log_.add("pavilion: " + line);
            if (pack) switch_to(pack);
            if (done) done(ready);
        });
    });
}

void Kiosk::switch_to(std::shared_ptr<const content::PackReader> pack) {
    // A visitor under way goes on at the new pack's Home, in its default language; an empty
    // kiosk stays at the attract loop (waking it would count a visit nobody made).
    const bool visit_under_way = !session_.navigator().at_attract();
    pack_ = std::move(pack);
    ++pack_generation_;
    bodies_.use(pack_);
    new_visit();
    if (visit_under_way) session_.navigator().wake();
    desk_.packs_changed();
    observe(workers_.now);
}

bool Kiosk::show_installed_packs() {
    bool started = false;
    while (updates_) {
        auto installed = updates_->take_installed();
        if (!installed) break;
        started = true;
        show_pack(*installed, [this, path = *installed](core::Status shown) {
            if (shown) log_.add("updates: now showing " + path);
            else log_.add("updates: cannot show the new pack: " + shown.error().message);
        });
    }
    return started;
}

void Kiosk::settle(core::Millis now) {
    workers_.now = now;
    do {
        workers_.settle();
    } while (show_installed_packs());
}

void Kiosk::observe(core::Millis now) {
    const auto& navigator = session_.navigator();
    const std::uint64_t revision = (visit_ << 32) + navigator.revision();
    if (revision == shown_revision_ && session_.locale() == shown_locale_) return;
    const bool new_screen = revision != shown_revision_;
    shown_revision_ = revision;
    shown_locale_ = session_.locale();
    changed_ = true;
    log_.print("screen=" + navigator.current().to_string() + " lang=" + session_.locale());
    if (!new_screen) {
        recorder_.spoke(session_.locale());
        return;
    }
    screen_opened_at_ = now;
    if (!desk_.active()) recorder_.entered(navigator.current(), session_.locale(), now);
    want_bodies_around(navigator.current());
}

void Kiosk::want_bodies_around(const core::Route& route) {
    if (!core::is_item_screen(route.screen)) return;
    const auto ref = route.to_string();
    bodies_.want(ref);
    for (const auto& neighbour : neighbours_of(pack_->catalog(), ref)) bodies_.want(neighbour);
}

FrameModel Kiosk::frame(core::Millis now) {
    FrameModel frame;
    frame.catalog = &pack_->catalog();
    frame.pack_generation = pack_generation_;
    frame.route = session_.navigator().current();
    frame.route_revision = shown_revision_;
    frame.locale = session_.locale();
    frame.screen_opened_at = screen_opened_at_;
    if (core::is_item_screen(frame.route.screen)) frame.body = bodies_.find(frame.route.to_string());
    frame.look.larger_text = session_.larger_text();
    frame.look.high_contrast = session_.high_contrast();
    frame.look.text_scale = session_.text_scale();
    frame.look.countdown_seconds = static_cast<float>(session_.settings().countdown_ms) / 1000.0f;
    if (idle_.phase == core::KioskSession::IdleStatus::Phase::still_there)
        frame.look.still_there_seconds = static_cast<float>(idle_.remaining_ms) / 1000.0f;
    if (desk_.stage() == core::OperatorMode::Stage::pin) {
        frame.layer = FrameModel::Layer::pin;
        frame.pin = desk_.pin_view();
    } else if (desk_.stage() == core::OperatorMode::Stage::panel) {
        frame.layer = FrameModel::Layer::panel;
        frame.panel = desk_.panel_view(now, log_.recent());
        frame.panel.store_warnings = guard_.warnings();
    }
    if (updates_) frame.banner = updates_->banner(now);
    frame.gestures = touch_.take_gestures();
    frame.pointer = touch_.pointer();
    const bool banner_moves = frame.banner && frame.banner->state != UpdateBanner::State::installed &&
                              frame.banner->state != UpdateBanner::State::failed;
    frame.animating = changed_ || frame.pointer.down || desk_.holding() || banner_moves;
    changed_ = false;
    const auto visitor_deadline = desk_.active() ? core::kNoDeadline : session_.next_deadline(now);
    frame.next_change = std::min({visitor_deadline, desk_.next_deadline(now),
                                  updates_ ? updates_->next_deadline(now) : core::kNoDeadline});
    return frame;
}

} // namespace pavilion::model
