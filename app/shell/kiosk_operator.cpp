// The kiosk's device services: USB and inbox updates, operator mode, visitor statistics.
// All of them need --state DIR; without it the kiosk is a plain viewer of its pack.

#include "kiosk.hpp"

#include "pavilion/content/minisign.hpp"
#include "pavilion/platform/offscreen_target.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>

namespace pavilion::shell {
namespace {

constexpr std::size_t kLogLines = 40;
constexpr core::Millis kStatsFlushMs = 60000;

std::string localized(const content::Localized& text, const std::string& locale) {
    if (auto it = text.find(locale); it != text.end()) return it->second;
    return text.empty() ? "" : text.begin()->second;
}

double resident_mb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
    return 0;
}

content::Day today() { return content::local_day(std::time(nullptr)); }

// Title, version, date and signer of an installed pack (re-verified against the trusted keys).
screens::OperatorPackInfo describe(const content::InstalledPack& installed, const content::PackStore& store,
                              const std::string& locale) {
    screens::OperatorPackInfo info;
    info.present = true;
    info.id = installed.pack_id;
    info.version = installed.version;
    // The installer checked the whole file; the panel needs only its title.
    if (auto pack = content::PackReader::open(installed.path, content::PackCheck::without_pictures,
                                              content::CatalogBodies::on_demand)) {
        info.title = localized(pack->catalog().meta.title, locale);
        info.created = pack->catalog().meta.created;
    } else {
        info.title = "(cannot be opened: " + pack.error().message + ")";
    }
    std::ifstream in(installed.path + ".minisig");
    const std::string signature((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto hash = content::minisign::hash_file(installed.path);
    auto verified = hash ? content::minisign::verify(store.trusted_keys().keys, signature, *hash)
                         : content::Expected<content::minisign::Verified>(hash.error());
    info.signer = verified ? content::minisign::key_id_hex(verified->key_id) : "NOT VERIFIED: " + verified.error().message;
    return info;
}

} // namespace

void Kiosk::remember(const std::string& line, bool print) {
    if (print) std::fprintf(stderr, "%s\n", line.c_str()); // the journal, on a deployed kiosk
    log_lines_.push_back(line);
    while (log_lines_.size() > kLogLines) log_lines_.pop_front();
}

void Kiosk::start_device_services() {
    if (options_.state_dir.empty()) return;
    settings_ = load_settings(options_.state_dir);
    session_ = core::KioskSession(current_session_settings());
    std::string error;
    updates_ = UpdateService::start(options_.state_dir, options_.inboxes,
                                    interactive_ ? platform::Window::post_wake : std::function<void()>{}, error);
    if (!updates_) remember("updates: unavailable: " + error);
    if (auto pins = content::PinLock::open(options_.state_dir)) pins_.emplace(std::move(pins).value());
    else remember("operator: " + pins.error().message);
    if (auto stats = content::VisitStats::open(options_.state_dir + "/stats.sqlite")) stats_.emplace(std::move(stats).value());
    else remember("statistics: " + stats.error().message);
}

void Kiosk::poll_updates() {
    if (!updates_) return;
    updates_->poll();
    for (auto& line : updates_->take_log_lines()) {
        remember(line, false);          // printed as it happened
        operator_facts_stale_ = true; // a stick came or went, a pack was installed
    }
    if (auto installed = updates_->take_installed()) {
        std::string error;
        if (reload(*installed, error)) remember("updates: now showing " + *installed);
        else remember("updates: cannot show the new pack: " + error);
    }
}

void Kiosk::record_screen_change(core::Millis now) {
    if (!stats_ || operator_.stage() != core::OperatorMode::Stage::off) return;
    const auto& route = session_.navigator().current();
    if (!stats_screen_.empty()) {
        const auto slash = stats_screen_.find('/');
        const auto kind = stats_screen_.substr(0, slash);
        const auto item = slash == std::string::npos ? "" : stats_screen_;
        stats_->record_screen(today(), kind, item, now - screen_opened_);
    }
    if (route.screen == core::Route::Screen::home && stats_screen_.rfind("attract", 0) == 0)
        stats_->record_session(today(), session_.locale());
    stats_screen_ = route.to_string();
    if (route.screen == core::Route::Screen::attract || now - stats_flushed_ > kStatsFlushMs) {
        if (auto flushed = stats_->flush(); !flushed) remember("statistics: " + flushed.error().message);
        stats_flushed_ = now;
    }
}

void Kiosk::draw_operator(screens::Frame& frame) {
    if (operator_.stage() == core::OperatorMode::Stage::pin) {
        screens::OperatorPinView view;
        view.digits_entered = static_cast<int>(operator_.pin().size());
        view.message = operator_.message;
        const auto now_s = static_cast<std::int64_t>(std::time(nullptr));
        view.locked = pins_ && pins_->locked_for(now_s) > 0;
        if (view.locked) view.message = "Locked: try again in " + std::to_string(pins_->locked_for(now_s)) + " s";
        screens::draw_operator_pin(frame, view);
    } else {
        operator_panel_.draw(frame, operator_view(frame.now));
    }
    for (const auto& gesture : frame.input.gestures) {
        if (gesture.kind != core::Gesture::Kind::tap) continue;
        if (auto intent = frame.targets.hit(ImVec2(gesture.x, gesture.y));
            intent && intent->kind == screens::Intent::Kind::operator_action)
            operator_action(intent->value, frame.now);
    }
}

// What the panel shows that costs something to find out: each pack is opened and its signature
// re-verified (the whole file hashed), statistics are queried. Done when the panel opens and
// after each action or update, never per frame.
void Kiosk::refresh_operator_facts() {
    auto& view = operator_facts_;
    view = {};
    const auto& meta = pack_.catalog().meta;
    view.current.present = true;
    view.current.title = localized(meta.title, meta.default_locale);
    view.current.id = meta.id;
    view.current.version = meta.version;
    view.current.created = meta.created;
    view.current.signer = "built-in";
    if (updates_) {
        auto& store = updates_->store();
        if (auto active = store.active(); active && *active && (*active)->path == pack_.path())
            view.current = describe(**active, store, meta.default_locale);
        if (auto previous = store.previous(); previous && *previous)
            view.previous = describe(**previous, store, meta.default_locale);
        for (const auto& candidate : updates_->candidates()) {
            const auto slash = candidate.pack_path.rfind('/');
            view.candidates.push_back({candidate.pack_path.substr(slash + 1),
                                       candidate.kind == platform::PackCandidate::Source::stick
                                           ? "stick " + candidate.mount_point
                                           : "inbox " + candidate.source_dir});
        }
        view.stick_present = !updates_->stick_folder().empty();
    }
    const auto settings = current_session_settings();
    view.idle_timeout_s = static_cast<int>(settings.idle_timeout_ms / 1000);
    view.default_locale = settings.default_locale;
    for (const auto& locale : meta.locales) view.locales.push_back({locale.code, locale.name});
    if (stats_) {
        stats_->flush();
        if (auto day = stats_->summary(today(), 1)) view.stats.sessions_today = static_cast<int>(day->sessions);
        if (auto week = stats_->summary(today(), 7)) {
            view.stats.sessions_week = static_cast<int>(week->sessions);
            for (const auto& item : week->top_items) {
                const auto* found = pack_.catalog().find_item(item.item);
                std::string title = item.item;
                if (found)
                    if (auto it = found->text.find(meta.default_locale); it != found->text.end()) title = it->second.title;
                view.stats.top_items.push_back({title, static_cast<int>(item.opens)});
            }
            for (const auto& language : week->languages)
                view.stats.languages.push_back({language.locale, static_cast<int>(language.sessions)});
        }
    }
    const auto gl = platform::query_gl_info();
    view.diagnostics.gl_renderer = gl.renderer;
    view.diagnostics.max_texture = gl.max_texture_size;
    view.diagnostics.version = PAVILION_VERSION;
    operator_facts_stale_ = false;
}

screens::OperatorView Kiosk::operator_view(core::Millis now) {
    if (operator_facts_stale_) refresh_operator_facts();
    screens::OperatorView view = operator_facts_;
    view.log_lines.assign(log_lines_.begin(), log_lines_.end());
    if (!frame_ms_.empty()) {
        auto sorted = frame_ms_;
        std::sort(sorted.begin(), sorted.end());
        view.diagnostics.frame_p50_ms = sorted[sorted.size() / 2];
        view.diagnostics.frame_p99_ms = sorted[sorted.size() * 99 / 100];
    }
    // Frames drawn in the last second (an idle kiosk draws none: that is the point).
    view.diagnostics.fps = static_cast<double>(std::count_if(frame_starts_.begin(), frame_starts_.end(),
                                                             [&](core::Millis t) { return now - t <= 1000; }));
    view.diagnostics.rss_mb = resident_mb();
    view.diagnostics.textures_mb = textures_ ? static_cast<double>(textures_->resident_bytes()) / 1e6 : 0;
    view.message = operator_.message;
    view.message_is_error = operator_.message_is_error;
    view.seconds_until_auto_leave = static_cast<float>(operator_.idle_ms_left(now)) / 1000.0f;
    return view;
}

void Kiosk::operator_action(const std::string& action, core::Millis now) {
    operator_.touched(now);
    operator_facts_stale_ = true;
    needs_frame_ = true;
    auto say = [&](const std::string& message, bool error) {
        operator_.message = message;
        operator_.message_is_error = error;
        remember("operator: " + message);
    };
    auto& pin = operator_.pin();
    if (action.rfind("digit:", 0) == 0) {
        if (pin.size() < 8) pin += action.substr(6);
    } else if (action == "backspace") {
        if (!pin.empty()) pin.pop_back();
    } else if (action == "submit") {
        if (!pins_) return say("No PIN store on this kiosk (run it with --state)", true);
        // Checking costs a deliberate fraction of a second (crypto_pwhash): the keypad waits.
        auto check = pins_->check(pin, static_cast<std::int64_t>(std::time(nullptr)));
        pin.clear();
        using Outcome = content::PinCheck::Outcome;
        if (!check) return say(check.error().message, true);
        switch (check->outcome) {
        case Outcome::accepted:
            operator_.open_panel(now);
            operator_panel_.reset();
            remember("operator: panel opened");
            break;
        case Outcome::wrong:
            say("Wrong PIN. " + std::to_string(check->attempts_left) + " more before a pause", true);
            break;
        case Outcome::locked: say("Locked: try again in " + std::to_string(check->seconds_remaining) + " s", true); break;
        case Outcome::not_configured: say("No operator PIN is set (pavilion --state DIR --set-pin)", true); break;
        }
    } else if (action == "leave") {
        operator_.leave();
        session_ = core::KioskSession(current_session_settings());
        remember("operator: left");
    } else if (action.rfind("install:", 0) == 0 && updates_) {
        const auto index = std::strtoul(action.c_str() + 8, nullptr, 10);
        const auto& candidates = updates_->candidates();
        if (index < candidates.size()) {
            updates_->install(candidates[index], true);
            say("Installing " + candidates[index].pack_path, false);
        }
    } else if (action == "rollback" && updates_) {
        auto rolled = updates_->store().rollback();
        std::string error;
        if (!rolled) say("Cannot roll back: " + rolled.error().message, true);
        else if (!reload(rolled->path, error)) say("Rolled back, but cannot show it: " + error, true);
        else say("Rolled back to " + rolled->pack_id + " version " + std::to_string(rolled->version), false);
        operator_.open_panel(now); // reload() reset the session; the panel stays
    } else if (action.rfind("idle:", 0) == 0 || action.rfind("locale:", 0) == 0) {
        if (action[0] == 'i') {
            const int current = static_cast<int>(current_session_settings().idle_timeout_ms / 1000);
            settings_.idle_timeout_s = std::clamp(current + std::atoi(action.c_str() + 5), 30, 600);
        } else {
            settings_.default_locale = action.substr(7);
        }
        std::string error;
        if (save_settings(options_.state_dir, settings_, error)) say("Settings saved", false);
        else say(error, true);
    } else if (action == "export" && stats_ && updates_) {
        const auto folder = updates_->stick_folder();
        std::map<std::string, std::string> titles;
        for (const auto* items : {&pack_.catalog().initiatives, &pack_.catalog().stories})
            for (const auto& item : *items)
                if (auto it = item.text.find(pack_.catalog().meta.default_locale); it != item.text.end())
                    titles[item.ref] = it->second.title;
        const auto path = folder + "/pavilion-visitors-" + content::iso_date(today()) + ".csv";
        stats_->flush();
        if (auto exported = stats_->export_csv(path, titles)) say("Exported to " + path, false);
        else say(exported.error().message, true);
    }
}

} // namespace pavilion::shell
