#include "font_setup.hpp"

#include "pavilion/ui/glyph_plan.hpp"

namespace pavilion::app {

bool FontSetup::load(const content::PackReader& pack, std::string& error) {
    auto own = pack.font_bytes();
    if (!own) {
        error = own.error().message;
        return false;
    }
    auto system = platform::locate_system_fonts(error);
    if (!system) return false;
    files_ = std::move(*system);
    if (!own->empty()) { // a pack's own font is used alone, for every style
        files_ = platform::SystemFonts{};
        files_.cjk_regular = platform::FontFile{"pack", 0, {}, *own};
        files_.cjk_bold = platform::FontFile{"pack", 0, {}, std::move(*own)};
    }
    return true;
}

bool FontSetup::build(ImFontAtlas& atlas, const content::Catalog& catalog, float scale, int max_texture_side,
                      ui::Fonts& fonts, std::string& error) {
    auto face = [](const platform::FontFile& file) { return ui::FontFace{file.data(), file.size(), file.face_index}; };
    const ui::FontSources sources{face(files_.latin_regular), face(files_.latin_bold), face(files_.cjk_regular),
                                  face(files_.cjk_bold)};
    auto built = builder_.build(atlas, sources, ui::plan_glyphs(catalog), scale, max_texture_side, error);
    if (!built) return false;
    fonts = *built;
    return true;
}

} // namespace pavilion::app
