#include "pavilion/content/pack_builder.hpp"

#include "base_map_builder.hpp"
#include "control_characters.hpp"
#include "image_pipeline.hpp"
#include "pack_source.hpp"
#include "pack_writer.hpp"
#include "picture_limits.hpp"
#include "uncovered_characters.hpp"

#include <sodium.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

namespace pavilion::content {
namespace {

constexpr std::uintmax_t kMaxFontBytes = 32ull * 1024 * 1024;

// Processes every image once and rewrites the catalog's image paths into media ids.
std::vector<EncodedImage> process_images(const std::string& root, PackSource& source,
                                         Diagnostics& diagnostics) {
    std::vector<EncodedImage> images;
    std::map<std::string, std::string> id_of_path;
    PicturePixelBudget pixels; // as the reader counts them at open
    for (const auto& reference : source.images) {
        auto image = process_image_file(root + "/" + reference.path);
        if (!image) {
            diagnostics.error(reference.file, reference.line,
                              "image '" + reference.path + "': " + image.error().message);
            continue;
        }
        id_of_path[reference.path] = image->id;
        const bool duplicate = std::any_of(images.begin(), images.end(),
                                           [&](const EncodedImage& e) { return e.id == image->id; });
        if (duplicate) continue;
        if (auto over = pixels.add(image->width, image->height))
            diagnostics.error(reference.file, reference.line, "image '" + reference.path + "': " + *over);
        images.push_back(std::move(image).value());
    }
    for (auto* list : {&source.catalog.initiatives, &source.catalog.stories}) {
        for (auto& item : *list) item.image = id_of_path[item.image];
    }
    for (auto& slide : source.catalog.slides) slide.image = id_of_path[slide.image];
    // Sorted by id so the media table's content does not depend on reference order.
    std::sort(images.begin(), images.end(),
              [](const EncodedImage& a, const EncodedImage& b) { return a.id < b.id; });
    return images;
}

std::optional<PackFont> load_font(const std::string& root, PackSource& source,
                                  Diagnostics& diagnostics) {
    if (source.font_path.empty()) return std::nullopt;
    const auto path = root + "/" + source.font_path;
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size == 0 || size > kMaxFontBytes) {
        diagnostics.error("pack.toml", source.font_line, "font file is missing, empty or over 32 MB");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    PackFont font;
    font.data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    const auto extension = std::filesystem::path(path).extension().string();
    font.mime = extension == ".otf" ? "font/otf" : extension == ".ttc" ? "font/collection" : "font/ttf";
    source.catalog.meta.font_media = media_id_of(font.data);
    return font;
}

} // namespace

Expected<BuildReport> build_pack(const std::string& source_dir, const std::string& output_path,
                                 const BuildOptions& options) {
    if (sodium_init() < 0) return make_error(ErrorCode::io, "libsodium cannot start");
    Diagnostics diagnostics;
    PackSource source = parse_pack_source(source_dir, diagnostics);
    if (!diagnostics.empty()) return make_error(ErrorCode::authoring, diagnostics.joined());

    auto images = process_images(source_dir, source, diagnostics);
    auto font = load_font(source_dir, source, diagnostics);
    BaseMap base_map; // no levels: no base map
    if (source.base_map) {
        if (auto built = build_base_map(source_dir, *source.base_map, options.world_atlas_dir, diagnostics))
            base_map = std::move(*built);
    }
    // (A pack font that failed to load is reported already; its coverage is not asked for.)
    if (options.glyph_coverage && (source.font_path.empty() || font)) {
        if (auto checked = check_glyph_coverage(source_dir, source, options.glyph_coverage, diagnostics); !checked)
            return checked.error();
    }
    if (!diagnostics.empty()) return make_error(ErrorCode::authoring, diagnostics.joined());

    if (auto written = write_pack(source.catalog, images, font ? &*font : nullptr, base_map, output_path);
        !written)
        return written.error();

    BuildReport report;
    report.pack_id = source.catalog.meta.id;
    report.version = source.catalog.meta.version;
    report.initiatives = static_cast<int>(source.catalog.initiatives.size());
    report.stories = static_cast<int>(source.catalog.stories.size());
    report.figures = static_cast<int>(source.catalog.figures.size());
    report.images = static_cast<int>(images.size());
    report.base_map_levels = static_cast<int>(base_map.levels.size());
    std::error_code ec;
    report.bytes = std::filesystem::file_size(output_path, ec);
    report.warnings = find_control_characters(source_dir);
    return report;
}

} // namespace pavilion::content
