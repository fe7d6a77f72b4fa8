#include "content_loader.hpp"

#include "pavilion/core/route.hpp"
#include "pavilion/ui/kiosk_ui.hpp"

namespace pavilion::app {

namespace {

void decode_first_pictures(LoadedContent& loaded, const std::string& first_route, const std::string& locale,
                           std::size_t max_pictures) {
    const auto route = core::Route::parse(first_route);
    if (!route || max_pictures == 0) return;
    const auto& catalog = loaded.pack->catalog();
    ui::KioskUi screens(catalog);
    if (!screens.show(*route, locale.empty() ? catalog.meta.default_locale : locale)) return;
    for (const auto& picture : screens.pictures_of_current_screen()) {
        if (loaded.pictures.size() >= max_pictures) break;
        auto bytes = loaded.pack->image_bytes(picture.media_id, picture.thumbnail ? content::ImageVariant::thumbnail
                                                                                  : content::ImageVariant::full);
        if (!bytes) continue; // the texture cache tries again, and says what is wrong
        auto pixels = content::decode_image(bytes->data(), bytes->size(), 4);
        if (pixels) loaded.pictures.push_back({picture.media_id, picture.thumbnail, std::move(pixels).value()});
    }
}

} // namespace

LoadedContent load_content(const std::string& pack_path, float font_scale, int max_texture_side,
                           const std::string& first_route, const std::string& locale, std::size_t max_pictures) {
    LoadedContent loaded;
    // Not the pictures' pages: they are most of the file, and start-up must not grow with them
    // (the installer checked the whole file; a damaged picture shows as a missing one).
    auto pack = content::PackReader::open(pack_path, content::PackCheck::without_pictures);
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
    decode_first_pictures(loaded, first_route, locale, max_pictures);
    return loaded;
}

} // namespace pavilion::app
