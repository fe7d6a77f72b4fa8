#include "pavilion/screens/attract_screen.hpp"

#include "pavilion/screens/text_draw.hpp"
#include "pavilion/screens/view_builder.hpp"
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

// Which slide shows, and how far into it the loop is.
struct SlideClock {
    std::size_t current;
    float into; // seconds into the current slide
};

SlideClock slide_clock(const AttractView& view, float age) {
    const std::size_t count = std::max<std::size_t>(view.slides.size(), 1);
    return {static_cast<std::size_t>(age / kAttractSlideSeconds) % count, std::fmod(age, kAttractSlideSeconds)};
}

void draw_slides(Frame& frame, const AttractView& view, SlideClock clock) {
    if (view.slides.empty()) return;
    const float age = frame.screen_age_s;
    const std::size_t count = view.slides.size();
    const std::size_t previous = (clock.current + count - 1) % count;
    // The outgoing slide keeps moving under the incoming one while it fades in.
    if (age >= kAttractSlideSeconds && clock.into < kAttractFadeSeconds)
        draw_slide(frame, view.slides[previous], previous, clock.into + kAttractSlideSeconds, 1);
    const float alpha = age < kAttractSlideSeconds ? 1 : std::clamp(clock.into / kAttractFadeSeconds, 0.0f, 1.0f);
    draw_slide(frame, view.slides[clock.current], clock.current, clock.into, alpha);
}

// Scrims top and bottom keep text readable over any picture.
void draw_scrims(Frame& frame) {
    const float h = frame.size.y;
    const ImU32 clear = IM_COL32(0, 0, 0, 0);
    frame.draw->AddRectFilledMultiColor(ImVec2(0, h * 0.45f), frame.size, clear, clear, frame.theme.palette.scrim,
                                        frame.theme.palette.scrim);
    frame.draw->AddRectFilledMultiColor(ImVec2(0, 0), ImVec2(frame.size.x, h * 0.22f), IM_COL32(0, 0, 0, 120),
                                        IM_COL32(0, 0, 0, 120), clear, clear);
}

// The prompt: every language, in a pill that breathes gently. Returns the pill's top.
float draw_prompt(Frame& frame, const AttractView& view, float margin) {
    const auto& p = frame.theme.palette;
    std::string prompt;
    for (const auto& line : view.touch_prompts) prompt += (prompt.empty() ? "" : "   ·   ") + line;
    const float pill_h = frame.theme.touch();
    const float pill_w = pill_width(frame, pill_h, prompt, frame.fonts.heading);
    const float breathe = 0.88f + 0.12f * std::sin(frame.screen_age_s * 2.2f); // alive, never faded
    const ImVec2 pill_min((frame.size.x - pill_w) / 2, frame.size.y - margin - pill_h);
    frame.draw->AddRectFilled(pill_min, ImVec2(pill_min.x + pill_w, pill_min.y + pill_h), with_alpha(p.accent, breathe),
                              pill_h / 2);
    const float prompt_size = drawn_size(frame.fonts.heading);
    draw_line(frame, frame.fonts.heading, prompt_size, ImVec2(pill_min.x + pill_h * 0.45f, pill_min.y + (pill_h - prompt_size) / 2), p.on_accent, prompt);
    return pill_min.y;
}

// Captions above the prompt: the default language large, the others beneath it; they fade with
// their slide.
void draw_captions(Frame& frame, const AttractSlideView& slide, float into, float margin, float bottom) {
    const float fade = std::min({1.0f, into / 0.8f, (kAttractSlideSeconds - into) / 0.6f});
    const auto ink = with_alpha(frame.theme.palette.text, fade);
    const float width = frame.size.x - 2 * margin;
    float y = bottom - frame.dp(48);
    const Font display = frame.fonts.display;
    const auto& captions = slide.captions;
    for (std::size_t i = captions.size(); i-- > 0;) {
        const Font font = i == 0 ? display : frame.fonts.heading;
        const float size = i == 0 ? drawn_size(display) * 0.8f : drawn_size(frame.fonts.heading);
        y -= text_height(frame, font, size, captions[i], width, 2, 1.2f);
        draw_text(frame, font, size, ImVec2(margin, y), width, ink, captions[i], 2, 1.2f);
        y -= frame.dp(10);
    }
}

} // namespace

void AttractScreen::on_open(const ScreenContext& context) { view_ = context.views.attract(); }

void AttractScreen::draw(Frame& frame, float, std::vector<model::Intent>&) {
    draw_background(frame);
    const SlideClock clock = slide_clock(view_, frame.screen_age_s);
    draw_slides(frame, view_, clock);
    draw_scrims(frame);
    const bool portrait = frame.size.y > frame.size.x;
    const float margin = frame.dp(frame.theme.metrics.margin) * (portrait ? 0.75f : 1.4f);
    draw_line(frame, frame.fonts.heading, drawn_size(frame.fonts.heading), ImVec2(margin, margin * 0.8f), frame.theme.palette.text, view_.title);
    const float prompt_top = draw_prompt(frame, view_, margin);
    if (!view_.slides.empty()) draw_captions(frame, view_.slides[clock.current], clock.into, margin, prompt_top);
    // The whole screen is one target: the first touch wakes the kiosk and nothing else.
    frame.targets.add(ImVec2(0, 0), frame.size, WakeUp{});
}

std::vector<Picture> AttractScreen::first_pictures() const {
    std::vector<Picture> pictures;
    for (const auto& slide : view_.slides) pictures.push_back({slide.image, false});
    return pictures;
}

} // namespace pavilion::screens
