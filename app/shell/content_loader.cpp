#include "content_loader.hpp"

#include "pavilion/content/catalog_cache.hpp"

#include "pavilion/core/route.hpp"
#include "pavilion/screens/kiosk_ui.hpp"

#include <chrono>
#include <future>

namespace pavilion::shell {

namespace {

std::vector<EarlyPicture> decode_first_pictures(const content::PackReader& pack, const std::string& first_route,
                                                const std::string& locale, std::size_t max_pictures) {
    std::vector<EarlyPicture> pictures;
    const auto route = core::Route::parse(first_route);
    if (!route || max_pictures == 0) return pictures;
    const auto& catalog = pack.catalog();
    screens::KioskUi screens(catalog);
    if (!screens.show(*route, locale.empty() ? catalog.meta.default_locale : locale)) return pictures;
    for (const auto& picture : screens.pictures_of_current_screen()) {
        if (pictures.size() >= max_pictures) break;
        auto bytes = pack.image_bytes(picture.media_id, picture.thumbnail ? content::ImageVariant::thumbnail
                                                                          : content::ImageVariant::full);
        if (!bytes) continue; // the texture cache tries again, and says what is wrong
        auto pixels = content::decode_image(bytes->data(), bytes->size(), 4);
        if (pixels) pictures.push_back({picture.media_id, picture.thumbnail, std::move(pixels).value()});
    }
    return pictures;
}

} // namespace

std::string cache_directory(const core::KioskOptions& options) {
    if (options.cache_dir == "none") return {};
    if (!options.cache_dir.empty()) return options.cache_dir;
    if (!options.state_dir.empty()) return options.state_dir + "/cache";
    return content::KeyedFileCache::user_cache_directory();
}

LoadedContent load_content(const ContentRequest& request) {
    LoadedContent loaded;
    using Clock = std::chrono::steady_clock;
    auto since = [](Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); };
    auto start = Clock::now();
    // Not the pictures' pages: they are most of the file, and start-up must not grow with them
    // (the installer checked the whole file; a damaged picture shows as a missing one).
    content::CatalogCache catalogs(request.cache_dir);
    auto pack = catalogs.open(request.pack_path, content::PackCheck::without_pictures);
    if (!pack) {
        loaded.error = pack.error().message;
        return loaded;
    }
    loaded.pack.emplace(std::move(pack).value());
    loaded.timings.pack = since(start);
    loaded.timings.catalog_cached = catalogs.last_open_cached();

    // The first screen's pictures decode on their own thread while the atlas rasterizes here:
    // both are on start-up's critical path and would otherwise add up. (The pack's reads are
    // safe from two threads: SQLite serializes its connection, as for the texture cache.)
    auto pictures = std::async(std::launch::async, [&] {
        const auto picture_start = Clock::now();
        auto decoded = decode_first_pictures(*loaded.pack, request.first_route, request.locale, request.max_pictures);
        loaded.timings.pictures = since(picture_start);
        return decoded;
    });
    start = Clock::now();
    loaded.font_setup = std::make_unique<FontSetup>(request.cache_dir);
    loaded.atlas = std::make_unique<ImFontAtlas>();
    if (loaded.font_setup->load(*loaded.pack, loaded.error) &&
        loaded.font_setup->build(*loaded.atlas, *loaded.pack, request.font_scale, request.max_texture_side,
                                 loaded.fonts, loaded.error))
        loaded.font_scale = request.font_scale;
    loaded.timings.fonts = since(start);
    loaded.timings.fonts_cached = loaded.font_setup->last_build_cached();
    loaded.pictures = pictures.get();
    return loaded;
}

} // namespace pavilion::shell
