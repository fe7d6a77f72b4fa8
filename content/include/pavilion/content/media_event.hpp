#pragma once
// What the media watcher (platform/media_watcher.hpp) found: a stick arriving or leaving, a signed
// pack to offer, a problem for the log. Plain data, in content so that the model, which may not
// link the platform, can consume the events; the pack installer verifies each candidate.

#include <string>

namespace pavilion::content {

struct PackCandidate {
    enum class Source { stick, inbox };
    std::string pack_path;      // <source_dir>/<name>.pack
    std::string signature_path; // <source_dir>/<name>.pack.minisig
    std::string source_dir;     // <mount>/PAVILION, or the inbox folder
    Source kind = Source::stick;
    std::string mount_point;    // the stick's mount point; "" for an inbox
};

struct MediaEvent {
    enum class Type {
        stick_inserted, // mount_point: a stick appeared (its candidates follow, if it has any)
        candidate,      // candidate: a signed pack to offer for installation
        stick_removed,  // mount_point: the stick is gone ("stick removed" on screen)
        problem,        // message: one line for the log (an unreadable folder, ...)
    };
    Type type = Type::problem;
    std::string mount_point;
    PackCandidate candidate;
    std::string message;
};

} // namespace pavilion::content
