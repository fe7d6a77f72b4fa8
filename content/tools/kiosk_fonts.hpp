#pragma once
// The fonts the kiosk draws a pack's text with, opened by app/text's FontSet: the pack's own
// font first (pack.toml `font`), then every Noto face of noto_fallback(NotoScript::latin).
// `pavilion-pack build` checks every character of a pack's visitor text against them
// (pavilion/content/glyph_coverage.hpp), so a pack that would show boxes does not build.
//
// Here in the tool, not in pavilion_content: the content layer links no font library.

#include "pavilion/content/glyph_coverage.hpp"
#include "pavilion/text/noto_fonts.hpp"

#include <string>

namespace pavilion::tools {

// The Noto folders are Debian's unless given (tests point them elsewhere to see a missing font).
content::OpenGlyphCoverage kiosk_font_coverage(std::string noto_core_dir = text::kNotoCoreDir,
                                               std::string noto_cjk_dir = text::kNotoCjkDir);

// "NotoNaskhArabic-Regular.ttf" -> "Noto Naskh Arabic": a face's family, for messages.
std::string font_family_of(const std::string& path);

} // namespace pavilion::tools
