#include "pavilion/text/glyphs_needed.hpp"

namespace pavilion::text {

core::Expected<std::set<GlyphKey>> glyphs_needed(const std::vector<std::string>& texts, ParagraphLayouter& layouter,
                                                 float size_px, const std::string& locale) {
    std::set<GlyphKey> glyphs;
    const LayoutOptions options{size_px, 0, Direction::auto_detect, locale};
    for (const auto& text : texts) {
        auto paragraph = layouter.layout(text, options);
        if (!paragraph) return paragraph.error();
        for (const auto& line : paragraph->lines)
            for (const auto& run : line.runs)
                for (const auto& glyph : run.glyphs) glyphs.insert(GlyphKey{run.face, glyph.id});
    }
    return glyphs;
}

} // namespace pavilion::text
