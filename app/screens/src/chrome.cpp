#include "pavilion/screens/chrome.hpp"

#include "pavilion/screens/text_draw.hpp"
#include "pavilion/screens/widgets.hpp"

namespace pavilion::screens {

float draw_chrome(Frame& frame, const ChromeText& text, const std::string& title, const ChromeState& state) {
    const auto& m = frame.theme.metrics;
    const float bar = frame.dp(m.bar_height);
    const float button = frame.theme.touch();
    const float top = (bar - button) / 2;
    const float margin = frame.dp(m.margin) * (frame.size.y > frame.size.x ? 0.6f : 1.0f);
    const float gap = frame.dp(14);

    // Right side first: its width decides how much room the title has.
    float right = frame.size.x - margin;
    for (auto it = text.languages.rbegin(); it != text.languages.rend(); ++it) {
        const float width = pill_width(frame, button, it->name);
        right -= width;
        draw_pill(frame, ImVec2(right, top), button, it->name,
                  it->current ? PillStyle::filled : PillStyle::outlined,
                  model::Intent{model::ChooseLanguage{it->code}});
        right -= gap;
    }
    right -= gap;
    right -= button;
    draw_icon_button(frame, ImVec2(right, top), Icon::contrast, state.high_contrast,
                     model::Intent{model::ToggleHighContrast{}});
    right -= gap + button;
    draw_icon_button(frame, ImVec2(right, top), Icon::larger_text, state.larger_text,
                     model::Intent{model::ToggleLargerText{}});

    float left = margin;
    if (state.show_navigation) {
        draw_icon_button(frame, ImVec2(left, top), Icon::back, false, model::Intent{model::GoBack{}});
        left += button + gap;
        draw_icon_button(frame, ImVec2(left, top), Icon::home, false, model::Intent{model::GoHome{}});
        left += button + gap * 2;
    }
    if (!title.empty()) {
        ImFont* font = frame.fonts.heading;
        const float size = drawn_size(font);
        draw_text(frame, font, size, ImVec2(left, (bar - size * 1.3f) / 2 + size * 0.1f),
                  right - left - gap * 2, frame.theme.palette.text, title, 1, 1.3f);
    }
    return bar;
}

} // namespace pavilion::screens
