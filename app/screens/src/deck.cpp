#include "pavilion/screens/deck.hpp"

#include "pavilion/screens/chrome.hpp"
#include "pavilion/screens/still_there.hpp"
#include "pavilion/screens/update_banner.hpp"
#include "pavilion/screens/view_builder.hpp"
#include "pavilion/screens/typesetter.hpp"
#include "pavilion/screens/widgets.hpp"
#include "pavilion/text/noto_fonts.hpp"

#include <algorithm>

namespace pavilion::screens {

Deck::Deck(const content::Catalog& catalog) : catalog_(catalog) {
    using Kind = core::Route::Screen;
    table_[index_of(Kind::attract)] = &attract_;
    table_[index_of(Kind::home)] = &home_;
    table_[index_of(Kind::initiatives)] = &initiatives_;
    table_[index_of(Kind::initiative)] = &detail_;
    table_[index_of(Kind::stories)] = &stories_;
    table_[index_of(Kind::story)] = &detail_;
    table_[index_of(Kind::figures)] = &figures_;
    table_[index_of(Kind::map)] = &map_screen_;
    table_[index_of(Kind::sources)] = &sources_;
    show(core::Route{}, catalog.meta.default_locale, nullptr);
}

void Deck::show(const core::Route& route, const std::string& locale, const content::ItemBody* body) {
    const bool moved = !opened_ || route != route_;
    const bool new_language = !opened_ || locale != locale_;
    if (!moved && !new_language && body == body_) return;
    Screen& arriving = *table_[index_of(route.screen)];
    if (opened_ && moved) close_all_but(arriving, route);
    language_sheet_open_ = false; // a new screen or language: the choice is made
    route_ = route;
    locale_ = locale;
    right_to_left_ = text::is_right_to_left(locale_);
    body_ = body;
    opened_ = true;
    const ViewBuilder views(catalog_, locale_);
    if (new_language) {
        chrome_ = views.chrome();
        // Every place and its preview card: built once per language, not at every screen change
        // (a pack of 2,000 stories made that thousands of copied strings per tap).
        map_ = views.map();
    }
    arriving.on_open(ScreenContext{catalog_, views, route_, body_, map_});
}

// Every screen the visitor is not at now hears where they went (each distinct screen once).
void Deck::close_all_but(const Screen& arriving, const core::Route& next) {
    for (auto it = table_.begin(); it != table_.end(); ++it) {
        const bool seen = std::find(table_.begin(), it, *it) != it;
        if (*it != &arriving && !seen) (*it)->on_close(next);
    }
}

std::vector<model::Intent> Deck::draw(Frame& frame, const model::Look& look) {
    if (frame.fonts.text) frame.fonts.text->set_locale(locale_);
    return right_to_left_ ? draw_mirrored(frame, look) : draw_screen(frame, look);
}

// The screens lay out as for a left-to-right language, in a frame whose input is mirrored; then
// what they drew is flipped, all but the text, pictures and map they drew in place (mirror.hpp).
std::vector<model::Intent> Deck::draw_mirrored(Frame& frame, const model::Look& look) {
    Mirror mirror(frame.size.x);
    const FrameInput input = mirrored(frame.input, mirror);
    Frame logical{frame.theme, frame.fonts, frame.images, frame.draw,    frame.size,         frame.now,
                  frame.screen_age_s,        input,        frame.targets, frame.map_renderer, &mirror};
    const int first_vertex = frame.draw->VtxBuffer.Size;
    const int first_command = std::max(0, frame.draw->CmdBuffer.Size - 1);
    auto intents = draw_screen(logical, look);
    mirror.apply(*frame.draw, first_vertex, first_command);
    mirror_targets(frame.targets, mirror);
    return intents;
}

std::vector<model::Intent> Deck::draw_screen(Frame& frame, const model::Look& look) {
    std::vector<model::Intent> intents;
    frame.targets.clear();
    Screen& screen = current();
    if (screen.framed()) draw_framed(frame, screen, look, intents);
    else {
        language_sheet_open_ = false; // the attract loop has no bar
        screen.draw(frame, 0, intents);
    }
    resolve_taps(frame, screen, intents);
    return intents;
}

void Deck::draw_framed(Frame& frame, Screen& screen, const model::Look& look, std::vector<model::Intent>& intents) {
    const auto& p = frame.theme.palette;
    draw_background(frame);
    // The chrome is drawn last so it stays on top of scrolled content; its height is fixed.
    const float top = frame.dp(frame.theme.metrics.bar_height);
    screen.draw(frame, top, intents);
    // A band behind the bar hides content scrolled under it.
    frame.draw->AddRectFilledMultiColor(ImVec2(0, 0), ImVec2(frame.size.x, top), p.background_top, p.background_top,
                                        p.background_top, p.background_top);
    // Back and Home lead nowhere on Home, the one screen no tap leads to.
    const ChromeState state{core::taps_from_home(route_) > 0, look.larger_text, look.high_contrast,
                            language_sheet_open_};
    draw_chrome(frame, chrome_, screen.title(), state);
    if (look.still_there_seconds)
        draw_still_there(frame, chrome_.still_there, chrome_.still_there_hint, *look.still_there_seconds,
                         look.countdown_seconds);
}

// After drawing, so taps meet this frame's targets: the model's intents are returned, the
// screen's own actions handled here (WakeUp needs nothing: the model wakes from the touch).
void Deck::resolve_taps(const Frame& frame, Screen& screen, std::vector<model::Intent>& intents) {
    for (auto& action : actions_from_taps(frame)) {
        // Any tap but the one that opens it closes the language sheet: it is a moment's choice.
        language_sheet_open_ = std::holds_alternative<OpenLanguageSheet>(action);
        if (auto* intent = std::get_if<model::Intent>(&action)) intents.push_back(std::move(*intent));
        else if (!std::holds_alternative<WakeUp>(action) && !std::holds_alternative<CloseLanguageSheet>(action))
            screen.act(action);
    }
}

void Deck::draw_update_banner(Frame& frame, const model::UpdateBanner& banner) const {
    screens::draw_update_banner(frame, banner, update_banner_words(ViewBuilder(catalog_, locale_)));
}

bool Deck::animating(float screen_age_s) const {
    return screen_age_s < 1.0f || current().animating(screen_age_s); // entrance animations first
}

std::vector<Picture> Deck::pictures_of_current_screen() const { return current().first_pictures(); }

} // namespace pavilion::screens
