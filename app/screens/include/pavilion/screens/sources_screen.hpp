#pragma once
// The sources behind the pack: title, byline, summary, and how often and where each is cited.

#include "pavilion/screens/scroll_area.hpp"
#include "pavilion/screens/screen.hpp"
#include "pavilion/screens/views.hpp"

#include <vector>

namespace pavilion::screens {

class SourcesScreen final : public Screen {
public:
    // A new language: new texts, so card heights are measured again (the scroll stays).
    void on_open(const ScreenContext& context) override;
    void on_close(const core::Route&) override {
        scroll_.reset();
        heights_.clear();
    }
    void draw(Frame& frame, float top, std::vector<model::Intent>& intents) override;
    bool animating(float) const override { return scroll_.animating(); }
    std::string title() const override { return view_.title; }

private:
    // Card heights, measured once per text, width and font size rather than every frame.
    void measure(const Frame& frame, float inner, float pad);

    SourcesView view_;
    ScrollArea scroll_;
    std::vector<float> heights_;
    float measured_width_ = 0;
    float measured_size_ = 0;
};

} // namespace pavilion::screens
