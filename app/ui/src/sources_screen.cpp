#include "pavilion/ui/info_screens.hpp"

#include "pavilion/ui/map_sketch.hpp"
#include "pavilion/ui/text_draw.hpp"
#include "pavilion/ui/widgets.hpp"

namespace pavilion::ui {

void SourcesScreen::draw(Frame& frame, const SourcesView& view, float top) {
    const auto& p = frame.theme.palette;
    const auto& m = frame.theme.metrics;
    const bool portrait = frame.size.y > frame.size.x;
    const float margin = frame.dp(m.margin) * (portrait ? 0.75f : 1.0f);
    const float offset = scroll_.begin(frame, ImVec2(0, top), frame.size);
    const float width = std::min(frame.size.x - 2 * margin, frame.dp(1400));
    const float x = (frame.size.x - width) / 2;
    const float pad = frame.dp(32);
    const float inner = width - 2 * pad;
    const float body = body_size(frame);
    float y = top + frame.dp(8) - offset;
    for (const auto& source : view.sources) {
        // Measure first, so the card's background goes under its text.
        const float title_size = drawn_size(frame.fonts.heading) * 0.85f;
        float h = pad + text_height(frame.fonts.heading, title_size, source.title, inner, 0, 1.25f) + frame.dp(8);
        if (!source.byline.empty()) h += body * 0.85f * 1.4f + frame.dp(8);
        if (!source.summary.empty()) h += text_height(frame.fonts.body, body, source.summary, inner, 0, 1.45f) + frame.dp(12);
        std::string used;
        for (const auto& title : source.used_by) used += (used.empty() ? "" : "  ·  ") + title;
        if (!used.empty()) h += text_height(frame.fonts.body, body * 0.8f, used, inner, 3, 1.4f);
        h += pad;
        const ImVec2 min(x, y), max(x + width, y + h);
        if (max.y > top && min.y < frame.size.y) {
            frame.draw->AddRectFilled(min, max, p.surface, frame.dp(m.radius));
            float ty = y + pad;
            ty += draw_text(frame, frame.fonts.heading, title_size, ImVec2(x + pad, ty), inner, p.text, source.title, 0, 1.25f) + frame.dp(8);
            if (!source.byline.empty()) {
                frame.draw->AddText(frame.fonts.body_bold, body * 0.85f, ImVec2(x + pad, ty), p.accent, source.byline.c_str());
                ty += body * 0.85f * 1.4f + frame.dp(8);
            }
            if (!source.summary.empty())
                ty += draw_text(frame, frame.fonts.body, body, ImVec2(x + pad, ty), inner, p.text_muted, source.summary, 0, 1.45f) + frame.dp(12);
            if (!used.empty()) draw_text(frame, frame.fonts.body, body * 0.8f, ImVec2(x + pad, ty), inner, p.text_muted, used, 3, 1.4f);
        }
        y += h + frame.dp(m.gutter);
    }
    scroll_.end(frame, y + offset - top + margin);
}

void draw_map_screen(Frame& frame, const MapView& view, float top) {
    const auto& m = frame.theme.metrics;
    const float margin = frame.dp(m.margin) * 0.5f;
    const ImVec2 min(margin, top), max(frame.size.x - margin, frame.size.y - margin);
    frame.draw->AddRectFilled(min, max, frame.theme.palette.surface, frame.dp(m.radius));
    SketchStyle style;
    style.labels = true;
    style.tap_targets = true;
    style.locale = view.locale;
    draw_map_sketch(frame, view.features, fit_window(view.features, (max.x - min.x) / (max.y - min.y)), min, max, style);
}

} // namespace pavilion::ui
