// The operator panel's facts and actions. Each slow step is a job on the device worker whose
// answer comes back through the results queue; answers for a panel that has since closed (or
// for packs that have since changed) are dropped by their generation.

#include "pavilion/model/operator_desk.hpp"

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

void OperatorDesk::install(std::size_t index) {
    if (!updates_ || index >= updates_->candidates().size()) return;
    const auto candidate = updates_->candidates()[index];
    updates_->install(candidate, true);
    const auto slash = candidate.pack_path.rfind('/');
    say(Notice::about(Kind::installing, candidate.pack_path.substr(slash + 1)),
        "operator: installing " + candidate.pack_path);
}

void OperatorDesk::roll_back() {
    // The switch takes seconds (the pack opened and checked, its fonts built): a second tap
    // meanwhile would swap straight back.
    if (!device_.packs || rolling_back_) return;
    rolling_back_ = true;
    say(Notice::plain(Kind::rolling_back), "operator: rolling back");
    workers_.device.post([this] {
        auto rolled = device_.packs->rollback();
        workers_.results.post([this, rolled = std::move(rolled)] {
            if (!rolled) {
                rolling_back_ = false;
                return say(Notice::failure(Kind::rollback_failed, rolled.error().message),
                           "operator: cannot roll back: " + rolled.error().message);
            }
            const auto pack = *rolled;
            show_pack_(pack.path, [this, pack](core::Status shown) {
                rolling_back_ = false;
                if (!shown)
                    return say(Notice::failure(Kind::rolled_back_unshown, shown.error().message),
                               "operator: rolled back, but cannot show it: " + shown.error().message);
                say(Notice::about(Kind::rolled_back, pack.pack_id, pack.version),
                    "operator: rolled back to " + pack.pack_id + " version " + std::to_string(pack.version));
            });
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
    const auto context = context_();
    const auto folder = updates_ ? updates_->stick_folder() : std::string();
    if (folder.empty()) return say(Notice::plain(Kind::no_stick), "operator: no stick to export to");
    const auto today = content::local_day(static_cast<std::time_t>(wall_clock_s_()));
    const auto path = folder + "/pavilion-visitors-" + content::iso_date(today) + ".csv";
    workers_.device.post([this, path, shown = context.pack] {
        std::map<std::string, std::string> titles;
        const auto& catalog = shown->catalog();
        for (const auto* items : {&catalog.initiatives, &catalog.stories})
            for (const auto& item : *items) titles[item.ref] = title_of(catalog, item.ref);
        device_.stats->flush();
        auto exported = device_.stats->export_csv(path, titles);
        workers_.results.post([this, path, exported] {
            if (exported) say(Notice::about(Kind::exported, path), "operator: exported to " + path);
            else say(Notice::failure(Kind::export_failed, exported.error().message),
                     "operator: " + exported.error().message);
        });
    });
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
        view.stick_present = !updates_->stick_folder().empty();
    }
    view.idle_timeout_s = static_cast<int>(context.session.idle_timeout_ms / 1000);
    view.idle_min_s = kIdleMinS;
    view.idle_max_s = kIdleMaxS;
    view.default_locale = context.session.default_locale;
    for (const auto& locale : context.pack->catalog().meta.locales) view.locales.emplace_back(locale.code, locale.name);
    view.stats = numbers_;
    view.log_lines = std::move(log_lines);
    view.notice = notice_;
    view.seconds_until_auto_leave = static_cast<float>(mode_.idle_ms_left(now)) / 1000.0f;
    return view;
}

} // namespace pavilion::model
