#include "font_setup.hpp"

#include "pavilion/ui/glyph_plan.hpp"

namespace pavilion::app {

bool FontSetup::load(const content::PackReader& pack, std::string& error) {
    auto own = pack.font_bytes();
    if (!own) {
        error = own.error().message;
        return false;
    }
    if (!own->empty()) { // a pack's own font is used alone, for every style: no system fonts needed
        files_ = platform::SystemFonts{};
        files_.cjk_regular = platform::FontFile{"pack", 0, {}, std::move(*own)};
        return true;
    }
    auto system = platform::locate_system_fonts(error);
    if (!system) return false;
    files_ = std::move(*system);
    return true;
}

bool FontSetup::build(ImFontAtlas& atlas, const content::Catalog& catalog, float scale, int max_texture_side,
                      ui::Fonts& fonts, std::string& error) {
    auto face = [](const platform::FontFile& file) { return ui::FontFace{file.data(), file.size(), file.face_index}; };
    // A pack's own font has no bold file: the regular one serves both.
    const auto& cjk_bold = files_.cjk_bold.size() ? files_.cjk_bold : files_.cjk_regular;
    const ui::FontSources sources{face(files_.latin_regular), face(files_.latin_bold), face(files_.cjk_regular),
                                  face(cjk_bold)};
    auto built = builder_.build(atlas, sources, ui::plan_glyphs(catalog), scale, max_texture_side, error);
    if (!built) return false;
    fonts = *built;
    return true;
}

} // namespace pavilion::app
