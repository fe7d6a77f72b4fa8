#include "pavilion/screens/attract_screen.hpp"

#include "pavilion/core/numbers.hpp"
#include "pavilion/screens/text_draw.hpp"
#include "pavilion/screens/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace pavilion::screens {
namespace {

// Slow zoom in, drifting a different way on each slide ("Ken Burns").
void draw_slide(Frame& frame, const AttractSlideView& slide, std::size_t index, float slide_time, float alpha) {
    const auto texture = frame.images.full(slide.image);
    if (!texture) return;
    const float t = std::clamp(slide_time / (kAttractSlideSeconds + kAttractFadeSeconds), 0.0f, 1.0f);
    const float zoom = 1.04f + 0.10f * t;
    static constexpr float kDrift[][2] = {{-1, -0.4f}, {1, 0.3f}, {-0.6f, 1}, {0.8f, -1}};
    const auto& drift = kDrift[index % 4];
    draw_image_cover(frame, *texture, ImVec2(0, 0), frame.size, 0, alpha, zoom,
                     ImVec2(drift[0] * (t * 2 - 1) * 0.8f, drift[1] * (t * 2 - 1) * 0.8f));
}

} // namespace

void draw_attract(Frame& frame, const AttractView& view) {
    const auto& p = frame.theme.palette;
    draw_background(frame);
    const float age = frame.screen_age_s;
    const std::size_t count = std::max<std::size_t>(view.slides.size(), 1);
    const auto current = static_cast<std::size_t>(age / kAttractSlideSeconds) % count;
    const float into = std::fmod(age, kAttractSlideSeconds);
    if (!view.slides.empty()) {
        const std::size_t previous = (current + count - 1) % count;
        // The outgoing slide keeps moving under the incoming one while it fades in.
        if (age >= kAttractSlideSeconds && into < kAttractFadeSeconds)
            draw_slide(frame, view.slides[previous], previous, into + kAttractSlideSeconds, 1);
        const float alpha = age < kAttractSlideSeconds ? 1 : std::clamp(into / kAttractFadeSeconds, 0.0f, 1.0f);
        draw_slide(frame, view.slides[current], current, into, alpha);
    }
    // Scrims top and bottom keep text readable over any picture.
    const float h = frame.size.y;
    frame.draw->AddRectFilledMultiColor(ImVec2(0, h * 0.45f), frame.size, IM_COL32(0, 0, 0, 0), IM_COL32(0, 0, 0, 0),
                                        p.scrim, p.scrim);
    frame.draw->AddRectFilledMultiColor(ImVec2(0, 0), ImVec2(frame.size.x, h * 0.22f), IM_COL32(0, 0, 0, 120),
                                        IM_COL32(0, 0, 0, 120), IM_COL32(0, 0, 0, 0), IM_COL32(0, 0, 0, 0));

    const bool portrait = frame.size.y > frame.size.x;
    const float margin = frame.dp(frame.theme.metrics.margin) * (portrait ? 0.75f : 1.4f);
    const float width = frame.size.x - 2 * margin;
    frame.draw->AddText(frame.fonts.heading, drawn_size(frame.fonts.heading), ImVec2(margin, margin * 0.8f), p.text,
                        view.title.c_str());

    // The prompt: every language, in a pill that breathes gently.
    std::string prompt;
    for (const auto& line : view.touch_prompts) prompt += (prompt.empty() ? "" : "   ·   ") + line;
    const float pill_h = frame.theme.touch();
    const float pill_w = pill_width(frame, pill_h, prompt, frame.fonts.heading);
    const float breathe = 0.88f + 0.12f * std::sin(age * 2.2f); // alive, never faded
    const ImVec2 pill_min((frame.size.x - pill_w) / 2, h - margin - pill_h);
    frame.draw->AddRectFilled(pill_min, ImVec2(pill_min.x + pill_w, pill_min.y + pill_h),
                              with_alpha(p.accent, breathe), pill_h / 2);
    const float prompt_size = drawn_size(frame.fonts.heading);
    frame.draw->AddText(frame.fonts.heading, prompt_size,
                        ImVec2(pill_min.x + pill_h * 0.45f, pill_min.y + (pill_h - prompt_size) / 2), p.on_accent,
                        prompt.c_str());

    // Captions: the default language large, the others beneath it; they fade with their slide.
    if (!view.slides.empty()) {
        const auto& captions = view.slides[current].captions;
        const float fade = std::min({1.0f, into / 0.8f, (kAttractSlideSeconds - into) / 0.6f});
        const auto ink = with_alpha(p.text, fade);
        float y = pill_min.y - frame.dp(48);
        ImFont* display = frame.fonts.display;
        for (std::size_t i = captions.size(); i-- > 0;) {
            ImFont* font = i == 0 ? display : frame.fonts.heading;
            const float size = i == 0 ? drawn_size(display) * 0.8f : drawn_size(frame.fonts.heading);
            y -= text_height(font, size, captions[i], width, 2, 1.2f);
            draw_text(frame, font, size, ImVec2(margin, y), width, ink, captions[i], 2, 1.2f);
            y -= frame.dp(10);
        }
    }
    // The whole screen is one target: the first touch wakes the kiosk and nothing else.
    frame.targets.add(ImVec2(0, 0), frame.size, Intent{Intent::Kind::wake, ""});
}

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
    frame.draw->PathArcTo(centre, radius, -core::pi_v<float> / 2, -core::pi_v<float> / 2 + share * 2 * core::pi_v<float>, 64);
    frame.draw->PathStroke(p.accent, 0, frame.dp(10));
    const std::string seconds = std::to_string(static_cast<int>(std::ceil(seconds_left)));
    ImFont* display = frame.fonts.display;
    const float size = drawn_size(display) * 0.8f;
    const float sw = display->CalcTextSizeA(size, FLT_MAX, 0, seconds.c_str()).x;
    frame.draw->AddText(display, size, ImVec2(centre.x - sw / 2, centre.y - size * 0.58f), p.text, seconds.c_str());
    ImFont* heading = frame.fonts.heading;
    const float qs = drawn_size(heading) * 1.2f;
    const float qw = heading->CalcTextSizeA(qs, FLT_MAX, 0, question.c_str()).x;
    frame.draw->AddText(heading, qs, ImVec2(frame.size.x / 2 - qw / 2, min.y + frame.dp(240)), p.text, question.c_str());
    const float hs = body_size(frame);
    const float hw = frame.fonts.body->CalcTextSizeA(hs, FLT_MAX, 0, hint.c_str()).x;
    frame.draw->AddText(frame.fonts.body, hs, ImVec2(frame.size.x / 2 - std::min(hw, w) / 2, min.y + frame.dp(320)),
                        p.text_muted, hint.c_str());
    frame.targets.add(ImVec2(0, 0), frame.size, Intent{Intent::Kind::wake, ""});
}

} // namespace pavilion::screens
