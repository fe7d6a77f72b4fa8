#include "pavilion/screens/figures_screen.hpp"

#include "pavilion/screens/text_draw.hpp"
#include "pavilion/screens/view_builder.hpp"
#include "pavilion/screens/widgets.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace pavilion::screens {

std::string figure_text(const FigureView& figure, float progress, text::NumberForm form,
                        const text::NumberStyle& style, text::NumberFormats& formats) {
    if (figure.display.empty()) return formats.count_up(figure.value, figure.decimals, form, progress, style) + figure.suffix;
    if (progress >= 1) return figure.display; // exactly as the author wrote it
    // The first number in the display form counts up; the words and signs around it stay.
    const auto& display = figure.display;
    const auto begin = display.find_first_of("0123456789");
    if (begin == std::string::npos) return display;
    auto end = display.find_first_not_of("0123456789", begin);
    int decimals = 0;
    if (end != std::string::npos && display[end] == '.' && end + 1 < display.size() &&
        std::isdigit(static_cast<unsigned char>(display[end + 1]))) {
        const auto fraction_end = display.find_first_not_of("0123456789", end + 1);
        decimals = static_cast<int>((fraction_end == std::string::npos ? display.size() : fraction_end) - end - 1);
        end = fraction_end;
    }
    const std::string number = display.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
    char digits[400]; // room for any double in %f
    std::snprintf(digits, sizeof digits, "%.*f", std::clamp(decimals, 0, 6),
                  text::counted_up(std::strtod(number.c_str(), nullptr), progress));
    return display.substr(0, begin) + digits + (end == std::string::npos ? "" : display.substr(end));
}

namespace {

// The height of every card: a number, a unit line, three lines of label, two of source.
float figure_card_height(const Frame& frame, float pad) {
    const float number = drawn_size(frame.fonts.display);
    const float label_size = body_size(frame);
    return pad + number * 1.1f + drawn_size(frame.fonts.heading) * 0.8f * 1.3f + frame.dp(10) + label_size * 1.4f * 3 +
           frame.dp(8) + label_size * 0.75f * 1.35f * 2 + pad;
}

FigureSetting fit_figure(const Frame& frame, const FigureView& figure, const text::NumberStyle& style,
                         text::NumberFormats& formats, float room) {
    const float size = drawn_size(frame.fonts.display);
    auto width_of = [&](text::NumberForm form) {
        return text_width(frame, frame.fonts.display, size, figure_text(figure, 1, form, style, formats));
    };
    const float full = width_of(text::NumberForm::full);
    if (full <= room || !figure.display.empty()) return {text::NumberForm::full, full <= room ? size : size * room / full};
    const float compact = width_of(text::NumberForm::compact);
    if (compact <= room) return {text::NumberForm::compact, size};
    return {text::NumberForm::compact, size * room / compact};
}

void draw_figure_card(Frame& frame, const FigureView& figure, const std::string& value, float number, ImVec2 min,
                      float width, float height, float pad) {
    const auto& p = frame.theme.palette;
    const ImVec2 max(min.x + width, min.y + height);
    const float label_size = body_size(frame);
    frame.draw->AddRectFilled(min, max, p.surface, frame.dp(frame.theme.metrics.radius));
    float y = min.y + pad;
    const float display = drawn_size(frame.fonts.display);
    // A figure set smaller sits on the same baseline as its neighbours.
    draw_line(frame, frame.fonts.display, number, ImVec2(min.x + pad, y + (display - number) * 0.78f), p.accent, value);
    y += display * 1.1f;
    const float unit_size = drawn_size(frame.fonts.heading) * 0.8f;
    y += draw_text(frame, frame.fonts.heading, unit_size, ImVec2(min.x + pad, y), width - 2 * pad, p.text, figure.unit,
                   1, 1.3f);
    y += frame.dp(10);
    y += draw_text(frame, frame.fonts.body, label_size, ImVec2(min.x + pad, y), width - 2 * pad, p.text, figure.label,
                   3, 1.4f);
    draw_text(frame, frame.fonts.body, label_size * 0.75f,
              ImVec2(min.x + pad, max.y - pad - label_size * 0.75f * 1.35f * 2), width - 2 * pad, p.text_muted,
              figure.source, 2);
}

} // namespace

void FiguresScreen::on_open(const ScreenContext& context) {
    view_ = context.views.figures();
    settings_.clear();
}

void FiguresScreen::draw(Frame& frame, float top, std::vector<model::Intent>&) {
    const auto& m = frame.theme.metrics;
    const bool portrait = frame.size.y > frame.size.x;
    const float margin = frame.dp(m.margin) * (portrait ? 0.75f : 1.0f);
    const float gutter = frame.dp(m.gutter);
    const float offset = scroll_.begin(frame, ImVec2(0, top), frame.size);
    const int columns = portrait ? 2 : 4;
    const float width = (frame.size.x - 2 * margin - gutter * (columns - 1)) / columns;
    const float pad = frame.dp(28);
    const float height = figure_card_height(frame, pad);
    const float start_y = top + frame.dp(8) - offset;
    const float progress = frame.screen_age_s / kCountSeconds;
    for (std::size_t i = 0; i < view_.figures.size(); ++i) {
        const auto& figure = view_.figures[i];
        const int column = static_cast<int>(i) % columns, row = static_cast<int>(i) / columns;
        const ImVec2 min(margin + column * (width + gutter), start_y + row * (height + gutter));
        // Each card starts counting a little after the one before it.
        const float delayed = progress - static_cast<float>(i) * 0.06f;
        // Decided once per card width and text size (the settled text does not change while the
        // screen is open), not every frame.
        const float display = drawn_size(frame.fonts.display);
        if (settings_room_ != width - 2 * pad || settings_display_ != display || settings_.size() != view_.figures.size()) {
            settings_room_ = width - 2 * pad;
            settings_display_ = display;
            settings_.clear();
            for (const auto& each : view_.figures)
                settings_.push_back(fit_figure(frame, each, view_.numbers, formats_, settings_room_));
        }
        const auto& setting = settings_[i];
        const std::string value = figure_text(figure, delayed, setting.form, view_.numbers, formats_);
        draw_figure_card(frame, figure, value, setting.size, min, width, height, pad);
    }
    const int rows = (static_cast<int>(view_.figures.size()) + columns - 1) / columns;
    scroll_.end(frame, frame.dp(8) + rows * (height + gutter) + margin);
}

} // namespace pavilion::screens
