#include "font_setup.hpp"

#include "pavilion/screens/font_atlas_snapshot.hpp"
#include "pavilion/screens/glyph_plan.hpp"

#include <cstdio>

namespace pavilion::shell {

FontSetup::FontSetup(std::string cache_directory) : cache_(std::move(cache_directory), "fonts-") {}

bool FontSetup::load(const content::PackReader& pack, std::string& error) {
    auto own = pack.font_bytes();
    if (!own) {
        error = own.error().message;
        return false;
    }
    if (!own->empty()) { // a pack's own font is used alone, for every style: no system fonts needed
        files_ = platform::SystemFonts{};
        files_.cjk_regular = platform::FontFile{"pack", 0, {}, std::move(*own)};
    } else {
        auto system = platform::locate_system_fonts(error);
        if (!system) return false;
        files_ = std::move(*system);
    }
    files_identity_ = platform::identity_of(files_);
    return true;
}

bool FontSetup::build(ImFontAtlas& atlas, const content::PackReader& pack, float scale, int max_texture_side,
                      screens::Fonts& fonts, std::string& error) {
    last_build_cached_ = false;
    // The key needs no pass over the bodies: the pack file's identity stands for its text (and
    // the plan of the catalog's short texts for the characters the interface adds itself).
    auto plan = screens::plan_glyphs(pack.catalog());
    const auto key = screens::font_atlas_key(plan, files_identity_ + pack.file_identity(), scale, max_texture_side);
    if (auto bytes = cache_.read(key)) {
        std::string why;
        if (screens::restore_atlas(bytes->data(), bytes->size(), key, max_texture_side, atlas, fonts, why)) {
            last_build_cached_ = true;
            return true;
        }
        std::fprintf(stderr, "pavilion: %s (%s); building the fonts again\n", why.c_str(),
                     cache_.path_of(key).c_str());
    }

    if (!pack.bodies_in_catalog()) {
        screens::BodyGlyphs bodies;
        auto read = pack.each_body_text([&](content::BlockKind kind, std::string_view text) { bodies.add(kind, text); });
        if (!read) {
            error = read.error().message;
            return false;
        }
        bodies.add_to(plan);
    }
    auto face = [](const platform::FontFile& file) { return screens::FontFace{file.data(), file.size(), file.face_index}; };
    // A pack's own font has no bold file: the regular one serves both.
    const auto& cjk_bold = files_.cjk_bold.size() ? files_.cjk_bold : files_.cjk_regular;
    const screens::FontSources sources{face(files_.latin_regular), face(files_.latin_bold), face(files_.cjk_regular),
                                  face(cjk_bold)};
    auto built = builder_.build(atlas, sources, plan, scale, max_texture_side, error);
    if (!built) return false;
    fonts = *built;
    if (cache_.enabled()) {
        const auto snapshot = screens::snapshot_atlas(atlas, fonts, key);
        if (auto kept = snapshot.empty() ? core::ok() : cache_.write(key, snapshot); !kept)
            std::fprintf(stderr, "pavilion: fonts not cached: %s\n", kept.error().message.c_str());
    }
    return true;
}

} // namespace pavilion::shell
