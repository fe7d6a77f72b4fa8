#pragma once
// The operator screens' words for what the model reports (model::OperatorNotice): English, as
// operators are staff, and plain ASCII (see operator_drawing.hpp in src/).

#include "pavilion/model/operator_view.hpp"

#include <string>

namespace pavilion::screens {

// "Wrong PIN. 2 more before a pause", "Rolled back to expo-2027 version 3", ...; "" for none.
std::string operator_notice_text(const model::OperatorNotice& notice);

// A line under the PIN pad's dots or the panel's header, and whether it reports a problem.
struct OperatorMessage {
    std::string text; // "" = nothing to say
    bool is_error = false;
};

} // namespace pavilion::screens
