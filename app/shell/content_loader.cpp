#include "content_loader.hpp"

#include "pavilion/content/catalog_cache.hpp"
#include "pavilion/screens/deck.hpp"

#include <chrono>
#include <future>

namespace pavilion::shell {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::vector<EarlyPicture> decode_first_pictures(const content::PackReader& pack, const core::Route& first_route,
                                                const std::string& locale, std::size_t max_pictures) {
    std::vector<EarlyPicture> pictures;
    const auto& catalog = pack.catalog();
    screens::Deck deck(catalog);
    deck.show(first_route, locale.empty() ? catalog.meta.default_locale : locale, nullptr);
    for (const auto& picture : deck.pictures_of_current_screen()) {
        if (pictures.size() >= max_pictures) break;
        // Checked against the pack's pixel limits before it is decoded, as the texture cache does.
        auto pixels = pack.decode_picture(picture.media_id, picture.thumbnail ? content::ImageVariant::thumbnail
                                                                              : content::ImageVariant::full);
        if (!pixels) continue; // the texture cache tries again, and says what is wrong
        pictures.push_back({picture.media_id, picture.thumbnail, std::move(pixels).value()});
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

core::Expected<LoadedContent> load_content(const ContentRequest& request) {
    LoadedContent loaded;
    // The device's files and databases open beside the pack: both are on start-up's path.
    auto device = std::async(std::launch::async, [&] { return model::open_device(request.state_dir, request.built_in); });
    auto start = Clock::now();
    // Not the pictures' pages: they are most of the file, and start-up must not grow with them
    // (the installer checked the whole file; a damaged picture shows as a missing one).
    content::CatalogCache catalogs(request.cache_dir);
    auto pack = catalogs.open(request.pack_path, content::PackCheck::without_pictures);
    loaded.notices = catalogs.take_notices();
    loaded.device = device.get();
    if (!pack) return pack.error();
    loaded.pack = std::make_shared<const content::PackReader>(std::move(pack).value());
    loaded.timings.pack = ms_since(start);
    loaded.timings.catalog_cached = catalogs.last_open_cached();

    // The first screen's pictures decode on their own thread while the atlas rasterizes here:
    // both are on start-up's critical path and would otherwise add up. (The pack's reads are
    // safe from two threads: SQLite serializes its connection, as for the texture cache.)
    auto pictures = std::async(std::launch::async, [&] {
        const auto picture_start = Clock::now();
        std::vector<EarlyPicture> decoded;
        if (request.first_route && request.max_pictures > 0)
            decoded = decode_first_pictures(*loaded.pack, *request.first_route, request.locale, request.max_pictures);
        loaded.timings.pictures = ms_since(picture_start);
        return decoded;
    });
    start = Clock::now();
    auto fonts = build_fonts(*loaded.pack, request.font_scale, request.max_texture_side, request.cache_dir);
    loaded.timings.fonts = ms_since(start);
    loaded.pictures = pictures.get();
    if (!fonts) return fonts.error();
    loaded.timings.fonts_cached = fonts->setup->last_build_cached();
    loaded.fonts = std::move(fonts).value();
    return loaded;
}

} // namespace pavilion::shell
