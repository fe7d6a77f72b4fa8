#pragma once
// The three reference screens: key figures (numbers that count up as the screen opens), the
// sources behind the pack, and the map (a schematic until the full base map lands).

#include "pavilion/screens/scroll_area.hpp"
#include "pavilion/screens/views.hpp"

#include <string>

namespace pavilion::screens {

// "150", "12.5", "100,000": the value shown after t (0..1) of the count-up.
std::string format_figure(double value, int decimals, float progress, const std::string& locale);

class FiguresScreen {
public:
    void draw(Frame& frame, const FiguresView& view, const std::string& locale, float top);
    bool animating(float screen_age_s) const { return scroll_.animating() || screen_age_s < kCountSeconds + 0.5f; }
    void reset() { scroll_.reset(); }
    static constexpr float kCountSeconds = 1.6f;

private:
    ScrollArea scroll_;
};

class SourcesScreen {
public:
    void draw(Frame& frame, const SourcesView& view, float top);
    bool animating() const { return scroll_.animating(); }
    void reset() {
        scroll_.reset();
        forget_layout();
    }
    // The texts changed: card heights are measured again on the next frame.
    void forget_layout() { heights_.clear(); }

private:
    ScrollArea scroll_;
    // Card heights, measured once per text, width and font size rather than every frame.
    std::vector<float> heights_;
    float measured_width_ = 0;
    float measured_size_ = 0;
};

} // namespace pavilion::screens
