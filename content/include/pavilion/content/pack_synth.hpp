#pragma once
// Synthetic pack sources, for measuring how the builder and the kiosk scale with the number of
// stories (deploy/run-scale.sh). The output is an ordinary pack source in the authoring format
// (AUTHORING.md): English and Chinese text composed from a fixed vocabulary drawn from the
// default pack (so the character set is realistic but bounded), a place, theme and region per
// story, and a generated full-HD picture per story. The same options always give the same files.

#include "pavilion/content/expected.hpp"

#include <cstdint>
#include <string>

namespace pavilion::content {

struct SynthOptions {
    int stories = 20;            // 1 .. kMaxSynthStories
    std::uint64_t seed = 1;      // the same seed, the same source, byte for byte
    int image_width = 1920;      // a hero picture as an author would give it;
    int image_height = 1080;     // the builder makes the thumbnail from it as usual
    bool base_map = true;        // map.toml asks for the world-atlas base map (build needs it)
};

constexpr int kMaxSynthStories = 99999; // ids have five digits; `order` stays below its limit

struct SynthReport {
    int stories = 0;
    int initiatives = 0;
    int images = 0; // picture files written
};

// Writes a pack source into out_dir, which must not exist or be empty (an author's folder is
// never overwritten). Errors: invalid_argument for bad options or a non-empty folder, io when a
// file cannot be written.
Expected<SynthReport> write_synthetic_source(const std::string& out_dir, const SynthOptions& options);

} // namespace pavilion::content
