#pragma once
// Compiles a pack source folder (see content/AUTHORING.md) into a pack file.

#include "pavilion/content/expected.hpp"
#include "pavilion/content/glyph_coverage.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace pavilion::content {

struct BuildReport {
    std::string pack_id;
    std::int64_t version = 0;
    int initiatives = 0;
    int stories = 0;
    int figures = 0;
    int images = 0;
    int base_map_levels = 0; // 0: the pack has no base map
    std::uintmax_t bytes = 0;
    // "file:line: what" for what builds but a visitor should not get: invisible control and
    // bidi characters in the text (see control_characters.hpp).
    std::vector<std::string> warnings;
};

struct BuildOptions {
    // Where world-atlas's countries-110m.json and countries-50m.json are, for a source whose
    // map.toml has a [base_map] without files of its own; "" when not given.
    std::string world_atlas_dir;
    // The fonts the kiosk draws the pack's text with. When set, a character of visitor text
    // that none of them covers is an authoring error at its file:line (the visitor would see a
    // box); unset (library users, tests about other things), nothing is checked.
    OpenGlyphCoverage glyph_coverage;
};

// On failure the error's code is `authoring` and its message lists every problem, one
// "file:line: what is wrong" per line; the output file is left untouched.
Expected<BuildReport> build_pack(const std::string& source_dir, const std::string& output_path,
                                 const BuildOptions& options = {});

} // namespace pavilion::content
