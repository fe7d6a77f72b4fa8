#include "pavilion/screens/info_screens.hpp"

#include "pavilion/screens/map_sketch.hpp"
#include "pavilion/screens/text_draw.hpp"
#include "pavilion/screens/widgets.hpp"

namespace pavilion::screens {

namespace {

// One line: how many pages cite the source, then as many of their titles as fit.
void draw_used_by(Frame& frame, const SourceEntry& source, ImVec2 at, float width) {
    const float size = body_size(frame) * 0.8f;
    float count_width = 0;
    if (!source.used_by_count.empty()) {
        const std::string count = source.used_by_count + "  ·  ";
        frame.draw->AddText(frame.fonts.body_bold, size, at, frame.theme.palette.text, count.c_str());
        count_width = frame.fonts.body_bold->CalcTextSizeA(size, 1e9f, 0, count.c_str()).x;
    }
    if (count_width < width)
        draw_text(frame, frame.fonts.body, size, ImVec2(at.x + count_width, at.y), width - count_width,
                  frame.theme.palette.text_muted, source.used_by_line, 1, 1.4f);
}

} // namespace

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
    const float title_size = drawn_size(frame.fonts.heading) * 0.85f;
    if (heights_.size() != view.sources.size() || measured_width_ != inner || measured_size_ != body) {
        heights_.clear();
        for (const auto& source : view.sources) {
            float h = pad + text_height(frame.fonts.heading, title_size, source.title, inner, 0, 1.25f) + frame.dp(8);
            if (!source.byline.empty()) h += body * 0.85f * 1.4f + frame.dp(8);
            if (!source.summary.empty()) h += text_height(frame.fonts.body, body, source.summary, inner, 0, 1.45f) + frame.dp(12);
            if (!source.used_by_line.empty()) h += body * 0.8f * 1.4f;
            heights_.push_back(h + pad);
        }
        measured_width_ = inner;
        measured_size_ = body;
    }
    float y = top + frame.dp(8) - offset;
    for (std::size_t i = 0; i < view.sources.size(); ++i) {
        const auto& source = view.sources[i];
        const float h = heights_[i];
        const ImVec2 min(x, y), max(x + width, y + h);
        if (max.y > top && min.y < frame.size.y) { // only cards on screen are drawn
            frame.draw->AddRectFilled(min, max, p.surface, frame.dp(m.radius));
            float ty = y + pad;
            ty += draw_text(frame, frame.fonts.heading, title_size, ImVec2(x + pad, ty), inner, p.text, source.title, 0, 1.25f) + frame.dp(8);
            if (!source.byline.empty()) {
                frame.draw->AddText(frame.fonts.body_bold, body * 0.85f, ImVec2(x + pad, ty), p.accent, source.byline.c_str());
                ty += body * 0.85f * 1.4f + frame.dp(8);
            }
            if (!source.summary.empty())
                ty += draw_text(frame, frame.fonts.body, body, ImVec2(x + pad, ty), inner, p.text_muted, source.summary, 0, 1.45f) + frame.dp(12);
            if (!source.used_by_line.empty()) draw_used_by(frame, source, ImVec2(x + pad, ty), inner);
        }
        y += h + frame.dp(m.gutter);
    }
    scroll_.end(frame, y + offset - top + margin);
}

} // namespace pavilion::screens
