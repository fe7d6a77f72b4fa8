#include "pavilion/screens/chrome.hpp"

#include "pavilion/screens/text_draw.hpp"
#include "pavilion/screens/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace pavilion::screens {

LanguageSwitch choose_language_switch(std::size_t languages, float pills_width, float title_width,
                                      float room_for_title_and_pills) {
    if (languages < 2) return LanguageSwitch::none;
    if (languages > 3) return LanguageSwitch::sheet;
    return pills_width + title_width <= room_for_title_and_pills ? LanguageSwitch::pills : LanguageSwitch::sheet;
}

namespace {

struct BarLayout {
    float button, top, margin, gap;
};

BarLayout bar_layout(const Frame& frame) {
    const auto& m = frame.theme.metrics;
    const float bar = frame.dp(m.bar_height);
    const float button = frame.theme.touch();
    return {button, (bar - button) / 2, frame.dp(m.margin) * (frame.size.y > frame.size.x ? 0.6f : 1.0f),
            frame.dp(14)};
}

float pills_width(const Frame& frame, const ChromeText& text, const BarLayout& bar) {
    float width = 0;
    for (const auto& language : text.languages) width += pill_width(frame, bar.button, language.name) + bar.gap;
    return width;
}

// A small globe (a circle, its equator and a meridian) drawn with lines, so no font needs a glyph.
void draw_globe(Frame& frame, ImVec2 centre, float radius, ImU32 colour) {
    const float stroke = std::max(1.5f, radius * 0.14f);
    frame.draw->AddCircle(centre, radius, colour, 32, stroke);
    frame.draw->AddLine(ImVec2(centre.x - radius, centre.y), ImVec2(centre.x + radius, centre.y), colour, stroke);
    frame.draw->AddBezierCubic(ImVec2(centre.x, centre.y - radius), ImVec2(centre.x + radius * 0.75f, centre.y - radius * 0.5f),
                               ImVec2(centre.x + radius * 0.75f, centre.y + radius * 0.5f), ImVec2(centre.x, centre.y + radius),
                               colour, stroke);
    frame.draw->AddBezierCubic(ImVec2(centre.x, centre.y - radius), ImVec2(centre.x - radius * 0.75f, centre.y - radius * 0.5f),
                               ImVec2(centre.x - radius * 0.75f, centre.y + radius * 0.5f), ImVec2(centre.x, centre.y + radius),
                               colour, stroke);
}

const LanguageChoice* current_language(const ChromeText& text) {
    for (const auto& language : text.languages)
        if (language.current) return &language;
    return text.languages.empty() ? nullptr : &text.languages.front();
}

// The sheet's button: a globe and the current language's own name; returns its left edge.
float draw_language_button(Frame& frame, const ChromeText& text, const BarLayout& bar, float right, bool open) {
    const auto* current = current_language(text);
    const std::string name = current ? current->name : std::string();
    const float globe = bar.button * 0.36f;
    const float width = pill_width(frame, bar.button, name) + globe * 2 + bar.gap * 0.5f;
    const float left = right - width;
    const ImU32 ink = draw_pill_shape(frame, ImVec2(left, bar.top), ImVec2(right, bar.top + bar.button),
                                      open ? PillStyle::filled : PillStyle::outlined,
                                      open ? TapAction{CloseLanguageSheet{}} : TapAction{OpenLanguageSheet{}});
    const float pad = bar.button * 0.42f;
    draw_globe(frame, ImVec2(left + pad + globe / 2, bar.top + bar.button / 2), globe / 2, ink);
    const Font font = frame.fonts.body;
    const float size = drawn_size(font);
    draw_line(frame, font, size, ImVec2(left + pad + globe + bar.gap * 0.5f, bar.top + (bar.button - size) / 2), ink, name);
    return left;
}

// Below the bar at the right: every language in its own name, the current one filled; a tap
// anywhere else closes it. Drawn last, so it lies over the screen and its targets win.
void draw_language_sheet(Frame& frame, const ChromeText& text) {
    const BarLayout bar = bar_layout(frame);
    const float top = frame.dp(frame.theme.metrics.bar_height);
    frame.targets.add(ImVec2(0, 0), frame.size, CloseLanguageSheet{});
    frame.draw->AddRectFilled(ImVec2(0, top), frame.size, with_alpha(frame.theme.palette.scrim, 0.6f));
    float width = frame.dp(280);
    for (const auto& language : text.languages) width = std::max(width, pill_width(frame, bar.button, language.name));
    const float pad = frame.dp(16);
    const float row = bar.button + frame.dp(10);
    const ImVec2 min(frame.size.x - bar.margin - width - 2 * pad, top);
    const ImVec2 max(frame.size.x - bar.margin, top + 2 * pad + row * static_cast<float>(text.languages.size()) - frame.dp(10));
    // Opaque under the (translucent) surface colour: the screen must not show through the names.
    const float radius = frame.dp(frame.theme.metrics.radius);
    frame.draw->AddRectFilled(min, max, frame.theme.palette.background_top, radius);
    frame.draw->AddRectFilled(min, max, frame.theme.palette.surface, radius);
    float y = min.y + pad;
    for (const auto& language : text.languages) {
        const ImVec2 at(min.x + pad, y);
        const ImU32 ink = draw_pill_shape(frame, at, ImVec2(at.x + width, at.y + bar.button),
                                          language.current ? PillStyle::filled : PillStyle::outlined,
                                          model::Intent{model::ChooseLanguage{language.code}});
        const Font font = frame.fonts.body;
        const float size = drawn_size(font);
        draw_line(frame, font, size, ImVec2(at.x + bar.button * 0.45f, at.y + (bar.button - size) / 2), ink, language.name);
        y += row;
    }
}

} // namespace

float draw_chrome(Frame& frame, const ChromeText& text, const std::string& title, const ChromeState& state) {
    const BarLayout bar = bar_layout(frame);
    const float bar_height = frame.dp(frame.theme.metrics.bar_height);
    float left = bar.margin;
    if (state.show_navigation) left += 2 * (bar.button + bar.gap) + bar.gap;
    // The accessibility switches: two round buttons and their gaps.
    const float switches = 2 * (bar.button + bar.gap) + bar.gap;
    const Font heading = frame.fonts.heading;
    const float title_size = drawn_size(heading);
    const float title_width = title.empty() ? 0 : text_width(frame, heading, title_size, title) + 2 * bar.gap;
    const auto language_switch = choose_language_switch(text.languages.size(), pills_width(frame, text, bar),
                                                        title_width, frame.size.x - bar.margin - switches - left);

    float right = frame.size.x - bar.margin;
    if (language_switch == LanguageSwitch::sheet) {
        right = draw_language_button(frame, text, bar, right, state.language_sheet_open) - bar.gap;
    } else if (language_switch == LanguageSwitch::pills) {
        for (auto it = text.languages.rbegin(); it != text.languages.rend(); ++it) {
            right -= pill_width(frame, bar.button, it->name);
            draw_pill(frame, ImVec2(right, bar.top), bar.button, it->name,
                      it->current ? PillStyle::filled : PillStyle::outlined,
                      model::Intent{model::ChooseLanguage{it->code}});
            right -= bar.gap;
        }
    }
    right -= bar.gap + bar.button;
    draw_icon_button(frame, ImVec2(right, bar.top), Icon::contrast, state.high_contrast,
                     model::Intent{model::ToggleHighContrast{}});
    right -= bar.gap + bar.button;
    draw_icon_button(frame, ImVec2(right, bar.top), Icon::larger_text, state.larger_text,
                     model::Intent{model::ToggleLargerText{}});

    if (state.show_navigation) {
        draw_icon_button(frame, ImVec2(bar.margin, bar.top), Icon::back, false, model::Intent{model::GoBack{}});
        draw_icon_button(frame, ImVec2(bar.margin + bar.button + bar.gap, bar.top), Icon::home, false,
                         model::Intent{model::GoHome{}});
    }
    if (!title.empty())
        draw_text(frame, heading, title_size, ImVec2(left, (bar_height - title_size * 1.3f) / 2 + title_size * 0.1f),
                  right - left - bar.gap * 2, frame.theme.palette.text, title, 1, 1.3f);
    if (state.language_sheet_open && language_switch == LanguageSwitch::sheet) draw_language_sheet(frame, text);
    return bar_height;
}

} // namespace pavilion::screens
