#pragma once
// The fonts of a running kiosk: which files, kept mapped while the atlas refers to them.

#include "pavilion/content/pack_reader.hpp"
#include "pavilion/platform/font_files.hpp"
#include "pavilion/ui/font_atlas.hpp"

#include <string>

namespace pavilion::app {

class FontSetup {
public:
    // The pack's own font if it brings one, else Noto Sans with Noto Sans CJK.
    bool load(const content::PackReader& pack, std::string& error);
    // Rebuilds ImGui's atlas at this scale (dp scale times the visitor's text scale).
    bool build(ImFontAtlas& atlas, const content::Catalog& catalog, float scale, int max_texture_side,
               ui::Fonts& fonts, std::string& error);

private:
    platform::SystemFonts files_;
    ui::FontAtlasBuilder builder_;
};

} // namespace pavilion::app
