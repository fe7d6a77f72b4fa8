#pragma once
// The attract loop: full-screen pictures that slowly pan and zoom and cross-fade, a line about
// each in every language, and "Touch to explore" in every language. Any touch wakes the kiosk
// (the model does that from the touch itself); the whole screen is one WakeUp target.

#include "pavilion/screens/screen.hpp"
#include "pavilion/screens/views.hpp"

namespace pavilion::screens {

constexpr float kAttractSlideSeconds = 8.0f;
constexpr float kAttractFadeSeconds = 1.4f;

class AttractScreen final : public Screen {
public:
    void on_open(const ScreenContext& context) override;
    void draw(Frame& frame, float top, std::vector<model::Intent>& intents) override;
    bool animating(float) const override { return true; } // the pictures never stop moving
    std::vector<Picture> first_pictures() const override;
    bool framed() const override { return false; }

private:
    AttractView view_;
};

} // namespace pavilion::screens
