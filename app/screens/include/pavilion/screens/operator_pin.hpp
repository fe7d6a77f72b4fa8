#pragma once
// The operator's PIN pad: a keypad under the operator's header, the digits entered as dots (a
// padlock while locked), and a line saying what happened to the last attempt. After three
// lock-outs a row under the keys shows the recovery code and Unlock with stick; after an
// unlock token the prompt asks for a new PIN, then for it again.
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
// entered), PinSubmit (from min_digits), LeaveOperatorMode (always); while locked, only
// LeaveOperatorMode; and with a recovery code, UnlockWithStick (with a stick in, while no token
// or PIN is being checked). Every key is at least frame.theme.touch() in size.
std::vector<model::Intent> draw_operator_pin(Frame& frame, const model::OperatorPinView& view);

// The line under the dots: "Reading the unlock token..." or "Checking..." (or "Saving the new
// PIN...") while the worker is at it, the lock's countdown (from locked_seconds) while locked
// unless a token was just refused, else the last attempt's notice.
OperatorMessage pin_message(const model::OperatorPinView& view);

} // namespace pavilion::screens
