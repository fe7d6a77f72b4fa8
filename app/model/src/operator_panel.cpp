// The operator panel's facts and actions. Each slow step is a job on the device worker whose
// answer comes back through the results queue; answers for a panel that has since closed (or
// for packs that have since changed) are dropped by their generation.

#include "pavilion/model/operator_desk.hpp"

#include "pavilion/content/usb_stick.hpp"

#include <algorithm>
#include <map>

namespace pavilion::model {

using Notice = OperatorNotice;
using Kind = OperatorNotice::Kind;
namespace {

// What the catalog itself says of the pack shown: enough for the panel's first frame, and all
// there is to say of the built-in pack.
OperatorPackInfo built_in_info(const content::PackReader& pack) {
    const auto& meta = pack.catalog().meta;
    OperatorPackInfo info;
    info.present = true;
    info.title = content::localized(meta.title, meta.default_locale, meta.default_locale);
    info.id = meta.id;
    info.version = meta.version;
    info.created = meta.created;
    info.signature.state = PackSignature::State::built_in;
    return info;
}

std::string title_of(const content::Catalog& catalog, const std::string& ref) {
    const auto* item = catalog.find_item(ref);
    const auto* text = item ? content::in_locale(item->text, catalog.meta.default_locale, catalog.meta.default_locale)
                            : nullptr;
    return text ? text->title : ref;
}

VisitorNumbers read_numbers(content::VisitStats& stats, content::Day today, const content::Catalog& catalog) {
    VisitorNumbers numbers;
    stats.flush();
    if (auto day = stats.summary(today, 1)) numbers.sessions_today = static_cast<int>(day->sessions);
    if (auto week = stats.summary(today, 7)) {
        numbers.sessions_week = static_cast<int>(week->sessions);
        for (const auto& item : week->top_items)
            numbers.top_items.emplace_back(title_of(catalog, item.item), static_cast<int>(item.opens));
        for (const auto& language : week->languages)
            numbers.languages.emplace_back(language.locale, static_cast<int>(language.sessions));
    }
    numbers.ready = true;
    return numbers;
}

} // namespace

void OperatorDesk::open_panel(core::Millis now) {
    mode_.open_panel(now);
    notice_ = {};
    log_.add("operator: panel opened");
    packs_changed();
    refresh_visitor_numbers();
}

void OperatorDesk::packs_changed() {
    if (!panel_open()) return;
    withdraw_question();
    const auto context = context_();
    const auto generation = ++packs_generation_;
    packs_ready_ = false;
    current_ = built_in_info(*context.pack);
    current_.signature.state = device_.packs ? PackSignature::State::checking : PackSignature::State::built_in;
    previous_ = {};
    if (!device_.packs) {
        packs_ready_ = true;
        return;
    }
    // Opens each installed pack and checks its signature again: the whole file is hashed.
    workers_.device.post([this, generation, shown = context.pack] {
        auto current = built_in_info(*shown);
        OperatorPackInfo previous;
        const auto& locale = shown->catalog().meta.default_locale;
        if (auto active = device_.packs->active(); active && *active && (*active)->path == shown->path())
            current = device_.packs->describe(**active, locale);
        if (auto before = device_.packs->previous(); before && *before)
            previous = device_.packs->describe(**before, locale);
        workers_.results.post([this, generation, current, previous] {
            if (generation != packs_generation_) return;
            current_ = current;
            previous_ = previous;
            packs_ready_ = true;
        });
    });
}

void OperatorDesk::refresh_visitor_numbers() {
    numbers_ = {};
    if (!device_.stats) return;
    const auto context = context_();
    const auto today = content::local_day(static_cast<std::time_t>(wall_clock_s_()));
    workers_.device.post([this, generation = visit_generation_, today, shown = context.pack] {
        auto numbers = read_numbers(*device_.stats, today, shown->catalog());
        workers_.results.post([this, generation, numbers = std::move(numbers)]() mutable {
            if (generation == visit_generation_) numbers_ = std::move(numbers);
        });
    });
}

void OperatorDesk::adjust_idle_timeout(int delta_s) {
    const int current = static_cast<int>(context_().session.idle_timeout_ms / 1000);
    device_.settings.idle_timeout_s = std::clamp(current + delta_s, kIdleMinS, kIdleMaxS);
    save_settings();
}

void OperatorDesk::set_default_locale(const std::string& locale) {
    device_.settings.default_locale = locale;
    save_settings();
}

void OperatorDesk::save_settings() {
    if (device_.state_dir.empty()) return;
    workers_.device.post([this, dir = device_.state_dir, settings = device_.settings] {
        auto saved = model::save_settings(dir, settings);
        workers_.results.post([this, saved] {
            if (saved) say(Notice::plain(Kind::settings_saved), "operator: settings saved");
            else say(Notice::failure(Kind::settings_failed, saved.error().message),
                     "operator: " + saved.error().message);
        });
    });
}

void OperatorDesk::export_statistics() {
    if (!device_.stats) return;
    const auto mount_point = stick_mount_point();
    if (mount_point.empty()) return say(Notice::plain(Kind::no_stick), "operator: no USB stick to export to");
    const auto today = content::local_day(static_cast<std::time_t>(wall_clock_s_()));
    const auto file_name = "pavilion-visitors-" + content::iso_date(today) + ".csv";
    workers_.device.post([this, mount_point, file_name, pack = context_().pack] {
        auto written = write_export(mount_point, file_name, *pack);
        workers_.results.post([this, written = std::move(written)] {
            if (written) return say(Notice::about(Kind::exported, shown(*written)), "operator: exported to " + shown(*written));
            const std::string why = shown(written.error().message); // the path names the stick's label
            // The stick went between the tap and the write (or was never a mounted stick).
            if (written.error().code == core::ErrorCode::unavailable)
                return say(Notice::failure(Kind::no_stick, why), "operator: " + why);
            say(Notice::failure(Kind::export_failed, why), "operator: " + why);
        });
    });
}

// On the device worker: the CSV, written into the PAVILION folder of the stick at mount_point
// and nowhere else. The path written, or why not.
core::Expected<std::string> OperatorDesk::write_export(const std::string& mount_point, const std::string& file_name,
                                                       const content::PackReader& shown) {
    auto stick = content::UsbStick::at(mount_point, device_.sticks);
    if (!stick) return stick.error();
    std::map<std::string, std::string> titles;
    const auto& catalog = shown.catalog();
    for (const auto* items : {&catalog.initiatives, &catalog.stories})
        for (const auto& item : *items) titles[item.ref] = title_of(catalog, item.ref);
    auto csv = device_.stats->export_csv(titles);
    if (!csv) return csv.error();
    if (auto written = stick->write_file(file_name, *csv); !written) return written.error();
    return stick->path_of(file_name);
}

OperatorView OperatorDesk::panel_view(core::Millis now, std::vector<std::string> log_lines) const {
    const auto context = context_();
    OperatorView view;
    view.current = current_;
    view.previous = previous_;
    view.packs_ready = packs_ready_;
    if (updates_) {
        for (const auto& candidate : updates_->candidates()) {
            const auto slash = candidate.pack_path.rfind('/');
            const bool stick = candidate.kind == content::PackCandidate::Source::stick;
            view.candidates.push_back({candidate.pack_path.substr(slash + 1),
                                       stick ? OperatorCandidate::Source::stick : OperatorCandidate::Source::inbox,
                                       stick ? candidate.mount_point : candidate.source_dir});
        }
        view.stick_present = !updates_->stick_mount_point().empty();
    }
    view.idle_timeout_s = static_cast<int>(context.session.idle_timeout_ms / 1000);
    view.idle_min_s = kIdleMinS;
    view.idle_max_s = kIdleMaxS;
    view.default_locale = context.session.default_locale;
    for (const auto& locale : context.pack->catalog().meta.locales) view.locales.emplace_back(locale.code, locale.name);
    view.stats = numbers_;
    view.log_lines = std::move(log_lines);
    view.notice = notice_;
    if (pending_) view.confirmation = pending_->question;
    view.seconds_until_auto_leave = static_cast<float>(mode_.idle_ms_left(now)) / 1000.0f;
    return view;
}

} // namespace pavilion::model
