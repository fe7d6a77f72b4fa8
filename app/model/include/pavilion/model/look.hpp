#pragma once
// How the visitor's screen looks this frame: their accessibility choices and the idle question.

#include <optional>

namespace pavilion::model {

struct Look {
    bool larger_text = false;
    bool high_contrast = false;
    float text_scale = 1;                     // 1, or core::kLargerTextScale with larger text
    std::optional<float> still_there_seconds; // the countdown, while "Still there?" shows
    float countdown_seconds = 10;             // what it counts down from
};

} // namespace pavilion::model
