#pragma once
// Everything the shell needs to draw one frame, as the model sees it at that moment: which
// screen in which language, how it looks, whether operator mode or an update banner covers it,
// the gestures for the screens to act on, and when the model next changes by itself.

#include "pavilion/content/model.hpp"
#include "pavilion/core/gesture_recognizer.hpp"
#include "pavilion/core/route.hpp"
#include "pavilion/model/look.hpp"
#include "pavilion/model/operator_view.hpp"
#include "pavilion/model/touch_input.hpp"
#include "pavilion/model/update_banner.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pavilion::model {

struct FrameModel {
    // The pack shown (Kiosk::pack() shares it); the generation changes when another pack is shown.
    const content::Catalog* catalog = nullptr;
    std::uint64_t pack_generation = 0;

    core::Route route;
    std::uint64_t route_revision = 0; // changes with every change of screen
    std::string locale;
    core::Millis screen_opened_at = 0;   // entrance animations run from here
    const content::ItemBody* body = nullptr; // an item's text once read; nullptr before (and when
                                             // the catalog holds its items' texts itself)
    Look look;

    enum class Layer { visitor, pin, panel };
    Layer layer = Layer::visitor;
    OperatorPinView pin;     // layer pin
    OperatorView panel;      // layer panel
    std::optional<UpdateBanner> banner;

    std::vector<core::Gesture> gestures; // recognised since the last frame, for the screens
    Pointer pointer;

    // The model wants another frame soon without input: a finger is down, the operator's hold
    // is under way, the banner moves by itself.
    bool animating = false;
    // When the model changes next by itself (the idle question, the end of a visit, operator
    // mode closing, the banner going): sleep until then at most. core::kNoDeadline: never.
    core::Millis next_change = 0;
};

} // namespace pavilion::model
