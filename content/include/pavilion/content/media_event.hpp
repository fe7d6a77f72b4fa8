#pragma once
// What the kiosk's media watcher (platform/media_watcher.hpp) finds: USB sticks coming and going
// and signed packs on them or in inbox folders. Plain data, here in content so the model, which
// installs the packs and may not link the platform, can take it.

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
