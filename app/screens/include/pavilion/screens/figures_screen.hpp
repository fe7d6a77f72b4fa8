#pragma once
// Key figures: numbers that count up as the screen opens, with their units, labels and sources.

#include "pavilion/screens/scroll_area.hpp"
#include "pavilion/screens/screen.hpp"
#include "pavilion/screens/views.hpp"

#include <string>

namespace pavilion::screens {

// "150", "12.5", "100,000": the value shown after t (0..1) of the count-up.
std::string format_figure(double value, int decimals, float progress, const std::string& locale);

// The figure as shown after t (0..1) of the count-up: the pack's display form for the language,
// its first number counting up ("0万+" … "10万+"), or else the value formatted, with its suffix.
std::string figure_text(const FigureView& figure, float progress, const std::string& locale);

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
    std::string locale_; // numbers are formatted for it
    ScrollArea scroll_;
};

} // namespace pavilion::screens
