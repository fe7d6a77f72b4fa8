#include "pavilion/screens/still_there.hpp"

#include "pavilion/core/numbers.hpp"
#include "pavilion/screens/text_draw.hpp"
#include "pavilion/screens/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace pavilion::screens {

void draw_still_there(Frame& frame, const std::string& question, const std::string& hint, float seconds_left,
                      float countdown_seconds) {
    const auto& p = frame.theme.palette;
    frame.draw->AddRectFilled(ImVec2(0, 0), frame.size, IM_COL32(0, 0, 0, 170));
    const float w = std::min(frame.size.x * 0.85f, frame.dp(900));
    const float h = frame.dp(460);
    const ImVec2 min((frame.size.x - w) / 2, (frame.size.y - h) / 2), max(min.x + w, min.y + h);
    frame.draw->AddRectFilled(min, max, p.background_top, frame.dp(28));
    frame.draw->AddRect(min, max, p.outline, frame.dp(28), 0, frame.dp(2));
    const ImVec2 centre(frame.size.x / 2, min.y + frame.dp(130));
    const float radius = frame.dp(64);
    frame.draw->AddCircle(centre, radius, p.surface_pressed, 64, frame.dp(10));
    const float share = std::clamp(seconds_left / std::max(countdown_seconds, 0.001f), 0.0f, 1.0f);
    const float start = -core::pi_v<float> / 2;
    frame.draw->PathArcTo(centre, radius, start, start + share * 2 * core::pi_v<float>, 64);
    frame.draw->PathStroke(p.accent, 0, frame.dp(10));
    const std::string seconds = std::to_string(static_cast<int>(std::ceil(seconds_left)));
    const Font display = frame.fonts.display;
    const float size = drawn_size(display) * 0.8f;
    const float sw = text_width(frame, display, size, seconds);
    draw_line(frame, display, size, ImVec2(centre.x - sw / 2, centre.y - size * 0.58f), p.text, seconds);
    const Font heading = frame.fonts.heading;
    const float qs = drawn_size(heading) * 1.2f;
    const float qw = text_width(frame, heading, qs, question);
    draw_line(frame, heading, qs, ImVec2(frame.size.x / 2 - qw / 2, min.y + frame.dp(240)), p.text, question);
    const float hs = body_size(frame);
    const float hw = text_width(frame, frame.fonts.body, hs, hint);
    draw_line(frame, frame.fonts.body, hs, ImVec2(frame.size.x / 2 - std::min(hw, w) / 2, min.y + frame.dp(320)), p.text_muted, hint);
    frame.targets.add(ImVec2(0, 0), frame.size, WakeUp{});
}

} // namespace pavilion::screens
