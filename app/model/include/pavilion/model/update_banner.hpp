#pragma once
// What the visitor's screen shows while a pack from a stick or an inbox installs, and for a
// while after: the progress, then the outcome. Plain data; the screens choose the words (in the
// visitor's language where the pack has them).

#include "pavilion/core/expected.hpp"

#include <cstdint>
#include <string>

namespace pavilion::model {

struct UpdateBanner {
    enum class State { copying, verifying, installed, failed };
    State state = State::copying;
    // The pack's file name on the stick or in the inbox, as a short sanitized label: a stick's
    // names are not ours, so nothing longer or stranger reaches the visitor's screen.
    std::string file_name;
    // copying, verifying:
    std::uint64_t copied_bytes = 0;
    std::uint64_t total_bytes = 0; // 0 while unknown
    double seconds_left = -1;      // < 0 while unknown
    // installed:
    std::string pack_id;
    std::int64_t version = 0;
    // failed: what kind of refusal. The installer's own line (which quotes the stick's names and
    // claims) goes to the operator's log, not here: the screens say it in their own words.
    core::ErrorCode problem = core::ErrorCode::io;

    // True while the banner moves by itself (a check of unknown length, a copy of unknown size).
    bool animating() const {
        return state == State::verifying || (state == State::copying && total_bytes == 0);
    }
};

} // namespace pavilion::model
