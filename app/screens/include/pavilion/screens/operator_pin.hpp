#pragma once
// The operator's PIN pad: a keypad under the operator's header, the digits entered as dots (a
// padlock while locked), and a line saying what happened to the last attempt.
//
// Like every operator screen it draws the whole display (clearing the frame's tap targets
// first), and returns the intents of this frame's taps.

#include "pavilion/model/intent.hpp"
#include "pavilion/model/operator_view.hpp"
#include "pavilion/screens/frame.hpp"
#include "pavilion/screens/operator_notice.hpp"

#include <vector>

namespace pavilion::screens {

// Intents: PinDigit{d} (while fewer than max_digits are entered), PinBackspace (once a digit is
// entered), PinSubmit (from 4 digits), LeaveOperatorMode (always); while locked, only
// LeaveOperatorMode. Every key is at least frame.theme.touch() in size.
std::vector<model::Intent> draw_operator_pin(Frame& frame, const model::OperatorPinView& view);

// The line under the dots: "Checking..." while a PIN is checked, the lock's countdown (from
// locked_seconds) while locked, else the last attempt's notice.
OperatorMessage pin_message(const model::OperatorPinView& view);

} // namespace pavilion::screens
