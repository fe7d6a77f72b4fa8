#include "pavilion/screens/kiosk_ui.hpp"

#include "pavilion/screens/attract_screen.hpp"
#include "pavilion/screens/chrome.hpp"
#include "pavilion/screens/home_screen.hpp"
#include "pavilion/screens/view_builder.hpp"
#include "pavilion/screens/widgets.hpp"

namespace pavilion::screens {

using Screen = core::Route::Screen;

KioskUi::KioskUi(const content::Catalog& catalog, BodyLookup bodies)
    : catalog_(catalog), bodies_(std::move(bodies)) {}

const content::ItemBody* KioskUi::body_of(const std::string& ref) {
    if (!bodies_) return nullptr;
    if (body_ref_ != ref || !body_) {
        body_ref_ = ref;
        body_ = bodies_(ref);
    }
    return body_ ? &*body_ : nullptr;
}

bool KioskUi::show(const core::Route& route, const std::string& locale) {
    const bool same_screen = route.screen == route_.screen && route.id == route_.id;
    std::optional<DetailView> detail;
    if (core::is_item_screen(route.screen)) {
        const auto ref = std::string(core::screen_name(route.screen)) + "/" + route.id;
        detail = ViewBuilder(catalog_, locale).detail(ref, body_of(ref));
        if (!detail) return false; // an item this pack does not have
    }
    if (!same_screen) {
        // Lists keep their filter and scroll while the visitor goes into their items and back;
        // leaving for anywhere else starts them afresh.
        const bool in_lists = route.screen == Screen::initiatives || route.screen == Screen::stories ||
                              core::is_item_screen(route.screen);
        if (!in_lists) {
            initiatives_screen_.reset();
            stories_screen_.reset();
        }
        detail_screen_.reset();
        figures_screen_.reset();
        sources_screen_.reset();
    }
    route_ = route;
    locale_ = locale;
    detail_ = std::move(detail);
    rebuild();
    return true;
}

void KioskUi::rebuild() {
    const ViewBuilder builder(catalog_, locale_);
    chrome_ = builder.chrome();
    switch (route_.screen) {
    case Screen::attract: attract_ = builder.attract(); title_.clear(); break;
    case Screen::home:
        home_ = builder.home();
        update_map(builder, "");
        first_figure_.clear();
        if (!catalog_.figures.empty()) {
            const auto& f = catalog_.figures.front();
            first_figure_ = format_figure(f.value, f.decimals, 1, locale_) + f.suffix;
        }
        title_.clear();
        break;
    case Screen::initiatives:
    case Screen::stories:
        list_ = builder.list(route_.screen == Screen::stories ? content::ItemKind::story : content::ItemKind::initiative);
        title_ = list_.title;
        break;
    case Screen::initiative:
    case Screen::story:
        update_map(builder, ""); // detail_ was built by show(), which needed it to accept the route
        title_ = detail_ ? detail_->kind_label : "";
        break;
    case Screen::figures: figures_ = builder.figures(); title_ = figures_.title; break;
    case Screen::sources:
        sources_ = builder.sources();
        title_ = sources_.title;
        sources_screen_.forget_layout(); // new texts (another language)
        break;
    case Screen::map:
        update_map(builder, route_.id);
        title_ = map_.title;
        map_screen_.show(map_);
        break;
    }
}

std::vector<Intent> KioskUi::draw(Frame& frame, const SessionLook& look) {
    std::vector<Intent> intents;
    frame.targets.clear();
    if (route_.screen == Screen::attract) {
        draw_attract(frame, attract_);
    } else {
        draw_background(frame);
        const ChromeState state{route_.screen != Screen::home, look.larger_text, look.high_contrast};
        // The chrome is drawn last so it stays on top of scrolled content; its height is fixed.
        const float top = frame.dp(frame.theme.metrics.bar_height);
        switch (route_.screen) {
        case Screen::home: draw_home(frame, home_, HomeExtras{&map_.features, first_figure_, &home_sketch_}, top); break;
        case Screen::initiatives:
        case Screen::stories: list_screen_for(route_.screen).draw(frame, list_, top); break;
        case Screen::initiative:
        case Screen::story:
            if (detail_) detail_screen_.draw(frame, *detail_, map_, top, intents);
            break;
        case Screen::figures: figures_screen_.draw(frame, figures_, locale_, top); break;
        case Screen::sources: sources_screen_.draw(frame, sources_, top); break;
        case Screen::map: map_screen_.draw(frame, map_, top, intents); break;
        case Screen::attract: break;
        }
        // A band behind the bar hides content scrolled under it.
        frame.draw->AddRectFilledMultiColor(ImVec2(0, 0), ImVec2(frame.size.x, top), frame.theme.palette.background_top,
                                            frame.theme.palette.background_top, frame.theme.palette.background_top,
                                            frame.theme.palette.background_top);
        draw_chrome(frame, chrome_, title_, state);
        if (look.still_there_seconds)
            draw_still_there(frame, chrome_.still_there, chrome_.still_there_hint, *look.still_there_seconds,
                             look.countdown_seconds);
    }
    for (const auto& gesture : frame.input.gestures) {
        if (gesture.kind != core::Gesture::Kind::tap) continue;
        if (auto intent = frame.targets.hit(ImVec2(gesture.x, gesture.y))) {
            if (intent->kind == Intent::Kind::filter) list_screen_for(route_.screen).set_filter(intent->value);
            else if (intent->kind == Intent::Kind::map_reset) map_screen_.reset_view();
            else intents.push_back(*intent);
        }
    }
    return intents;
}

void KioskUi::update_map(const ViewBuilder& builder, const std::string& focus) {
    // Every place and its preview card: built once per language, not at every screen change
    // (a pack of 2,000 stories made that thousands of copied strings per tap).
    if (!map_built_ || map_.locale != locale_) {
        map_ = builder.map();
        map_built_ = true;
    }
    map_.focus = focus;
}

ListScreen& KioskUi::list_screen_for(core::Route::Screen screen) {
    return screen == Screen::stories || screen == Screen::story ? stories_screen_ : initiatives_screen_;
}

bool KioskUi::animating(float screen_age_s) const {
    if (screen_age_s < 1.0f) return true; // entrance animations
    switch (route_.screen) {
    case Screen::attract: return true;
    case Screen::initiatives:
    case Screen::stories: return initiatives_screen_.animating() || stories_screen_.animating();
    case Screen::initiative:
    case Screen::story: return detail_screen_.animating(screen_age_s);
    case Screen::figures: return figures_screen_.animating(screen_age_s);
    case Screen::sources: return sources_screen_.animating();
    case Screen::map: return map_screen_.animating(screen_age_s);
    default: return false;
    }
}

std::vector<KioskUi::Picture> KioskUi::pictures_of_current_screen() const {
    std::vector<Picture> pictures;
    switch (route_.screen) {
    case Screen::attract:
        for (const auto& slide : attract_.slides) pictures.push_back({slide.image, false});
        break;
    case Screen::home:
        for (const auto& tile : home_.tiles) {
            if (!tile.image.empty()) pictures.push_back({tile.image, false});
        }
        break;
    case Screen::initiatives:
    case Screen::stories:
        // Cards show thumbnails, and only the first screenful is wanted before the first frame
        // (4 columns by 4 rows is more than any supported layout shows at once). A list of
        // thousands would otherwise queue thousands of decodes at start-up.
        for (const auto& card : list_.cards) {
            if (pictures.size() == kFirstScreenCards) break;
            pictures.push_back({card.image, true});
        }
        break;
    case Screen::initiative:
    case Screen::story:
        if (detail_) pictures.push_back({detail_->image, false});
        break;
    default: break;
    }
    return pictures;
}

} // namespace pavilion::screens
