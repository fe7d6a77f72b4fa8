#pragma once
// Input scripts: `pavilion --script FILE` replays touches deterministically, with time driven by
// the script instead of a clock. This parses the text and expands each command into timestamped
// steps; the kiosk delivers every step whose `at` has been reached, frame by frame.
//
//   # comment (also after a command); blank lines and CRLF line ends are fine
//   tap X Y                    one finger (id 0) down at X Y, up 60 ms later at the same spot
//   drag X1 Y1 X2 Y2 MS        down at 1; moves every ~16 ms along the line, the last exactly at
//                              2 at +MS; up at 2 at +MS
//   pinch CX CY SCALE MS       fingers 0 and 1 down at CX-100 and CX+100 (y = CY); their
//                              distance changes linearly to 200*SCALE by +MS, in ~16 ms steps;
//                              finger 1 then finger 0 up at +MS
//   wait MS                    let MS ms pass
//   shot NAME.png              take a screenshot now
//   key NAME                   press a named key now (e.g. escape); the kiosk maps names
//
// Timing, from `start` (default 0):
//   - A pointer command (tap, drag, pinch) begins at the script time and ends at its last
//     event. It then leaves a settle gap of kScriptSettleMs (400 ms) pending, longer than the
//     recognizer's 300 ms double-tap window, so `tap` `tap` is two taps, and the UI has reacted
//     before a following `shot`.
//   - `wait MS` replaces a pending settle gap (counted from the end of the gesture), so
//     `tap 10 10` / `wait 100` / `tap 10 10` is a double tap, and `wait 0` means "at once".
//   - Any other command first lets a pending settle gap pass. `shot` and `key` take no time.
//   - end_time is the script time after the last command, including a trailing settle gap.
// Durations are whole, non-negative milliseconds up to kScriptMaxDurationMs; coordinates are
// screen pixels (decimals allowed); SCALE is positive.

#include "pavilion/core/expected.hpp"
#include "pavilion/core/pointer_event.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pavilion::core {

constexpr Millis kScriptTapHoldMs = 60;        // a tap's down-to-up time
constexpr Millis kScriptSettleMs = 400;        // the gap after a pointer command (see above)
constexpr Millis kScriptMoveStepMs = 16;       // about one 60 Hz frame between moves
constexpr float kScriptPinchHalfSpanPx = 100;  // pinch fingers start this far from the centre
constexpr Millis kScriptMaxDurationMs = 600000; // ten minutes: anything longer is a typo

struct ScriptStep {
    enum class Kind { pointer, wait, screenshot, key };
    Kind kind = Kind::pointer;
    PointerEvent event;     // pointer: the event, event.time == at
    Millis wait_ms = 0;     // wait: how long
    std::string screenshot; // screenshot: the file name as written
    std::string key;        // key: the key's name as written
    Millis at = 0;          // absolute script time of this step
    int line = 0;           // the script line it came from, for the kiosk's own messages
};

struct InputScript {
    std::vector<ScriptStep> steps;
    Millis end_time = 0;
};

// The whole script, or ErrorCode::invalid_argument with one line naming the file and line of
// the first mistake ("script.txt:7: drag needs X1 Y1 X2 Y2 MS"): never half a script to run.
Expected<InputScript> parse_input_script(std::string_view text, const std::string& file_name,
                                         Millis start = 0);

} // namespace pavilion::core
