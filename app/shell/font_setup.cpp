#include "font_setup.hpp"

#include "pavilion/text/glyph_atlas_snapshot.hpp"

namespace pavilion::shell {

FontSetup::FontSetup(std::string cache_directory) : cache_(std::move(cache_directory), "glyphs-") {}

core::Status FontSetup::load(const content::PackReader& pack) {
    auto own = pack.font_bytes();
    if (!own) return own.error();
    auto bytes = own->empty() ? nullptr : std::make_shared<const std::vector<std::uint8_t>>(std::move(*own));
    files_ = screens::kiosk_font_files(std::move(bytes));
    return core::ok();
}

core::Expected<screens::TextFonts> FontSetup::build(const content::PackReader& pack, float scale, int max_texture_side) {
    last_build_cached_ = false;
    auto fonts = screens::open_text_fonts(files_, scale);
    if (!fonts) return fonts.error();
    // The key needs no shaping: the pack file's identity stands for its texts.
    const auto key = screens::text_atlas_key(files_, pack.file_identity(), scale, max_texture_side);
    if (auto bytes = cache_.read(key)) {
        auto restored = text::restore_glyph_atlas(bytes->data(), bytes->size(), key, max_texture_side);
        if (restored) {
            fonts->atlas = std::move(*restored);
            last_build_cached_ = true;
            return fonts;
        }
        notices_.push_back(restored.error().message + " (" + cache_.path_of(key) + "); building the glyph atlas again");
    }
    if (auto filled = fill_atlas(*fonts, pack, max_texture_side); !filled) return filled.error();
    if (cache_.enabled()) {
        if (auto kept = cache_.write(key, text::snapshot_glyph_atlas(fonts->atlas, key)); !kept)
            notices_.push_back("glyph atlas not cached: " + kept.error().message);
    }
    return fonts;
}

core::Status FontSetup::fill_atlas(screens::TextFonts& fonts, const content::PackReader& pack, int max_texture_side) {
    screens::TextPlan plan(pack.catalog());
    if (!pack.bodies_in_catalog()) {
        auto read = pack.each_body_text([&](content::BlockKind kind, std::string_view text) { plan.add_body(kind, text); });
        if (!read) return read.error();
    }
    screens::build_text_atlas(fonts, plan, max_texture_side);
    if (const auto& failures = fonts.atlas.failures; !failures.empty())
        notices_.push_back(std::to_string(failures.size()) + " glyphs left out of the atlas, the first because: " +
                           failures.front().reason);
    return core::ok();
}

std::vector<std::string> FontSetup::take_notices() {
    std::vector<std::string> notices;
    notices.swap(notices_);
    return notices;
}

} // namespace pavilion::shell
