#pragma once
// The glyphs a pack's texts need, found by shaping them: the atlas rasterizes exactly these
// (a font's glyphs for a script are not its characters: Arabic joining forms, Indic conjuncts and
// ligatures exist only after shaping).

#include "pavilion/core/expected.hpp"
#include "pavilion/text/layout.hpp"

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace pavilion::text {

struct GlyphKey {
    std::size_t face = 0; // index into the FontSet
    std::uint32_t glyph = 0;

    bool operator<(const GlyphKey& other) const { return std::tie(face, glyph) < std::tie(other.face, other.glyph); }
    bool operator==(const GlyphKey& other) const { return face == other.face && glyph == other.glyph; }
};

// Every (face, glyph) the texts lay out into at size_px in locale (lines unbroken: where a line
// breaks changes no glyph, since runs are shaped whole). The first text that cannot be laid out
// (over kMaxParagraphBytes) is the error.
core::Expected<std::set<GlyphKey>> glyphs_needed(const std::vector<std::string>& texts, ParagraphLayouter& layouter,
                                                 float size_px, const std::string& locale = "");

} // namespace pavilion::text
