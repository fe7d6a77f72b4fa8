#include "font_setup.hpp"

#include "pavilion/screens/font_atlas_snapshot.hpp"
#include "pavilion/screens/glyph_plan.hpp"

namespace pavilion::shell {
namespace {

screens::FontFace face_of(const platform::FontFile& file) { return {file.data(), file.size(), file.face_index}; }

} // namespace

FontSetup::FontSetup(std::string cache_directory) : cache_(std::move(cache_directory), "fonts-") {}

core::Status FontSetup::load(const content::PackReader& pack) {
    auto own = pack.font_bytes();
    if (!own) return own.error();
    if (!own->empty()) { // a pack's own font is used alone, for every style: no system fonts needed
        files_ = platform::SystemFonts{};
        files_.cjk_regular = platform::FontFile{"pack", 0, {}, std::move(*own)};
    } else {
        auto system = platform::locate_system_fonts();
        if (!system) return system.error();
        files_ = std::move(system).value();
    }
    files_identity_ = platform::identity_of(files_);
    return core::ok();
}

core::Expected<screens::Fonts> FontSetup::build(ImFontAtlas& atlas, const content::PackReader& pack, float scale,
                                                int max_texture_side) {
    last_build_cached_ = false;
    // The key needs no pass over the bodies: the pack file's identity stands for its text (and
    // the plan of the catalog's short texts for the characters the interface adds itself).
    auto plan = screens::plan_glyphs(pack.catalog());
    const auto key = screens::font_atlas_key(plan, files_identity_ + pack.file_identity(), scale, max_texture_side);
    if (auto bytes = cache_.read(key)) {
        auto restored = screens::restore_atlas(bytes->data(), bytes->size(), key, max_texture_side, atlas);
        if (restored) {
            last_build_cached_ = true;
            return restored;
        }
        notices_.push_back(restored.error().message + " (" + cache_.path_of(key) + "); building the fonts again");
    }

    if (!pack.bodies_in_catalog()) {
        screens::BodyGlyphs bodies;
        auto read = pack.each_body_text([&](content::BlockKind kind, std::string_view text) { bodies.add(kind, text); });
        if (!read) return read.error();
        bodies.add_to(plan);
    }
    // A pack's own font has no bold file: the regular one serves both.
    const auto& cjk_bold = files_.cjk_bold.size() ? files_.cjk_bold : files_.cjk_regular;
    const screens::FontSources sources{face_of(files_.latin_regular), face_of(files_.latin_bold),
                                       face_of(files_.cjk_regular), face_of(cjk_bold)};
    auto built = builder_.build(atlas, sources, plan, scale, max_texture_side);
    if (!built) return built;
    if (cache_.enabled()) {
        const auto snapshot = screens::snapshot_atlas(atlas, *built, key);
        if (auto kept = snapshot.empty() ? core::ok() : cache_.write(key, snapshot); !kept)
            notices_.push_back("fonts not cached: " + kept.error().message);
    }
    return built;
}

std::vector<std::string> FontSetup::take_notices() {
    std::vector<std::string> notices;
    notices.swap(notices_);
    return notices;
}

} // namespace pavilion::shell
