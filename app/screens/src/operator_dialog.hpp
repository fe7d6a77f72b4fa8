#pragma once
// The question the panel asks before an action that is easy to regret (model::PendingConfirmation),
// drawn over the panel: a scrim over everything, a card with the question and two buttons.
// Private to operator_panel.cpp.

#include "pavilion/model/operator_view.hpp"
#include "pavilion/screens/frame.hpp"

namespace pavilion::screens::operator_dialog {

// Draws the question on top of what the frame holds and makes its two buttons the frame's only
// tap targets (CancelConfirmation, Confirm): nothing under it takes a tap until it is answered.
void draw(Frame& frame, const model::PendingConfirmation& question);

} // namespace pavilion::screens::operator_dialog
