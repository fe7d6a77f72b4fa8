#include "pavilion/screens/sources_screen.hpp"

#include "pavilion/screens/text_draw.hpp"
#include "pavilion/screens/view_builder.hpp"
#include "pavilion/screens/widgets.hpp"

#include <algorithm>

namespace pavilion::screens {
namespace {

// One line: how many pages cite the source, then as many of their titles as fit.
void draw_used_by(Frame& frame, const SourceEntry& source, ImVec2 at, float width) {
    const float size = body_size(frame) * 0.8f;
    float count_width = 0;
    if (!source.used_by_count.empty()) {
        const std::string count = source.used_by_count + "  ·  ";
        draw_line(frame, frame.fonts.body_bold, size, at, frame.theme.palette.text, count);
        count_width = text_width(frame, frame.fonts.body_bold, size, count);
    }
    if (count_width < width)
        draw_text(frame, frame.fonts.body, size, ImVec2(at.x + count_width, at.y), width - count_width,
                  frame.theme.palette.text_muted, source.used_by_line, 1, 1.4f);
}

// One source's card: title, byline, summary, who cites it.
void draw_source_card(Frame& frame, const SourceEntry& source, ImVec2 min, float width, float height, float pad) {
    const auto& p = frame.theme.palette;
    const float body = body_size(frame);
    const float title_size = drawn_size(frame.fonts.heading) * 0.85f;
    const float inner = width - 2 * pad;
    const float x = min.x;
    frame.draw->AddRectFilled(min, ImVec2(x + width, min.y + height), p.surface, frame.dp(frame.theme.metrics.radius));
    float ty = min.y + pad;
    ty += draw_text(frame, frame.fonts.heading, title_size, ImVec2(x + pad, ty), inner, p.text, source.title, 0, 1.25f) +
          frame.dp(8);
    if (!source.byline.empty()) {
        draw_line(frame, frame.fonts.body_bold, body * 0.85f, ImVec2(x + pad, ty), p.accent, source.byline);
        ty += body * 0.85f * 1.4f + frame.dp(8);
    }
    if (!source.summary.empty())
        ty += draw_text(frame, frame.fonts.body, body, ImVec2(x + pad, ty), inner, p.text_muted, source.summary, 0,
                        1.45f) +
              frame.dp(12);
    if (!source.used_by_line.empty()) draw_used_by(frame, source, ImVec2(x + pad, ty), inner);
}

} // namespace

void SourcesScreen::on_open(const ScreenContext& context) {
    view_ = context.views.sources();
    heights_.clear();
}

void SourcesScreen::measure(const Frame& frame, float inner, float pad) {
    const float body = body_size(frame);
    if (heights_.size() == view_.sources.size() && measured_width_ == inner && measured_size_ == body) return;
    const float title_size = drawn_size(frame.fonts.heading) * 0.85f;
    heights_.clear();
    for (const auto& source : view_.sources) {
        float h = pad + text_height(frame, frame.fonts.heading, title_size, source.title, inner, 0, 1.25f) + frame.dp(8);
        if (!source.byline.empty()) h += body * 0.85f * 1.4f + frame.dp(8);
        if (!source.summary.empty()) h += text_height(frame, frame.fonts.body, body, source.summary, inner, 0, 1.45f) + frame.dp(12);
        if (!source.used_by_line.empty()) h += body * 0.8f * 1.4f;
        heights_.push_back(h + pad);
    }
    measured_width_ = inner;
    measured_size_ = body;
}

void SourcesScreen::draw(Frame& frame, float top, std::vector<model::Intent>&) {
    const auto& m = frame.theme.metrics;
    const bool portrait = frame.size.y > frame.size.x;
    const float margin = frame.dp(m.margin) * (portrait ? 0.75f : 1.0f);
    const float offset = scroll_.begin(frame, ImVec2(0, top), frame.size);
    const float width = std::min(frame.size.x - 2 * margin, frame.dp(1400));
    const float x = (frame.size.x - width) / 2;
    const float pad = frame.dp(32);
    measure(frame, width - 2 * pad, pad);
    float y = top + frame.dp(8) - offset;
    for (std::size_t i = 0; i < view_.sources.size(); ++i) {
        const float h = heights_[i];
        // Only cards on screen are drawn.
        if (y + h > top && y < frame.size.y) draw_source_card(frame, view_.sources[i], ImVec2(x, y), width, h, pad);
        y += h + frame.dp(m.gutter);
    }
    scroll_.end(frame, y + offset - top + margin);
}

} // namespace pavilion::screens
