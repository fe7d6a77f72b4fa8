#include "content_loader.hpp"

namespace pavilion::app {

LoadedContent load_content(const std::string& pack_path, float font_scale, int max_texture_side) {
    LoadedContent loaded;
    auto pack = content::PackReader::open(pack_path);
    if (!pack) {
        loaded.error = pack.error().message;
        return loaded;
    }
    loaded.pack.emplace(std::move(pack).value());
    loaded.font_setup = std::make_unique<FontSetup>();
    loaded.atlas = std::make_unique<ImFontAtlas>();
    if (!loaded.font_setup->load(*loaded.pack, loaded.error)) return loaded;
    if (!loaded.font_setup->build(*loaded.atlas, loaded.pack->catalog(), font_scale, max_texture_side, loaded.fonts,
                                  loaded.error))
        return loaded;
    loaded.font_scale = font_scale;
    return loaded;
}

} // namespace pavilion::app
