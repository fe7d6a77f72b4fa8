#pragma once
// Key figures: numbers that count up as the screen opens, with their units, labels and sources.

#include "pavilion/screens/scroll_area.hpp"
#include "pavilion/screens/screen.hpp"
#include "pavilion/screens/views.hpp"

#include <string>
#include <vector>

namespace pavilion::screens {

// The figure as shown after t (0..1) of the count-up: the pack's display form for the language,
// its first number counting up ("0万+" … "10万+"), or else the value as the language writes it
// ("100,000", "100 000", "١٠٠٬٠٠٠"; in compact form "100K", "10万"), with its suffix.
std::string figure_text(const FigureView& figure, float progress, text::NumberForm form,
                        const text::NumberStyle& style, text::NumberFormats& formats);

// How a figure is set so it fits its card: the full form at the display size if it fits, else
// the compact form ("1T", "1 трлн"), else whichever is narrower, set smaller until it fits. Decided
// on the settled text, so the count-up never changes form or size on the way.
struct FigureSetting {
    text::NumberForm form = text::NumberForm::full;
    float size = 0;
};

class FiguresScreen final : public Screen {
public:
    static constexpr float kCountSeconds = 1.6f;

    void on_open(const ScreenContext& context) override;
    void on_close(const core::Route&) override { scroll_.reset(); }
    void draw(Frame& frame, float top, std::vector<model::Intent>& intents) override;
    bool animating(float screen_age_s) const override {
        return scroll_.animating() || screen_age_s < kCountSeconds + 0.5f;
    }
    std::string title() const override { return view_.title; }

private:
    FiguresView view_;
    text::NumberFormats formats_;
    std::vector<FigureSetting> settings_; // per figure, for cards settings_room_ wide
    float settings_room_ = 0;             // at a display size of settings_display_ px
    float settings_display_ = 0;
    ScrollArea scroll_;
};

} // namespace pavilion::screens
