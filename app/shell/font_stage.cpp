#include "font_stage.hpp"

#include <cstdio>

namespace pavilion::shell {

core::Expected<BuiltFonts> build_fonts(const content::PackReader& pack, float scale, int max_texture_side,
                                       const std::string& cache_dir) {
    BuiltFonts built;
    built.setup = std::make_unique<FontSetup>(cache_dir);
    if (auto loaded = built.setup->load(pack); !loaded) return loaded.error();
    auto fonts = built.setup->build(pack, scale, max_texture_side);
    if (!fonts) return fonts.error();
    built.fonts = std::move(*fonts);
    built.scale = scale;
    built.pack_path = pack.path();
    return built;
}

FontStage::FontStage(Graphics& graphics, core::RunQueue& results, std::string cache_dir, int max_texture_side,
                     std::function<void(std::string)> report)
    : graphics_(graphics), results_(results), cache_dir_(std::move(cache_dir)), max_texture_side_(max_texture_side),
      report_(std::move(report)) {}

void FontStage::adopt(BuiltFonts built) { take(std::move(built)); }

void FontStage::take(BuiltFonts built) {
    for (auto& line : built.setup->take_notices()) report_("pavilion: " + line);
    // The old atlas's textures go only now: the frames before this one still drew with them.
    auto pages = graphics_.use_glyph_pages(built.fonts.atlas);
    typesetter_ = std::make_unique<screens::Typesetter>(std::move(built.fonts), std::move(pages));
    fonts_ = screens::fonts_of(*typesetter_);
    scale_ = built.scale;
    pack_path_ = built.pack_path;
}

core::Status FontStage::prepare(const content::PackReader& pack) {
    auto built = build_fonts(pack, base_scale_, max_texture_side_, cache_dir_);
    if (!built) return built.error();
    std::lock_guard<std::mutex> lock(prepared_mutex_);
    prepared_.insert_or_assign(pack.path(), std::move(built).value());
    return core::ok();
}

void FontStage::show_pack(const std::string& path) {
    std::optional<BuiltFonts> prepared;
    {
        std::lock_guard<std::mutex> lock(prepared_mutex_);
        if (auto found = prepared_.find(path); found != prepared_.end()) {
            prepared = std::move(found->second);
            prepared_.erase(found);
        }
    }
    ++generation_; // a build for the old pack's characters is of no use now
    building_ = false;
    building_scale_ = 0;
    unavailable_scale_ = 0;
    // Without a prepared atlas (not expected: the model shows a pack only once it was
    // prepared), want_scale() builds one for the new pack at the next frame.
    if (prepared) take(std::move(*prepared));
}

void FontStage::want_scale(const std::shared_ptr<const content::PackReader>& pack, float scale) {
    if (scale == unavailable_scale_) return; // tried, and it cannot be built: the text stays as it is
    if (scale == scale_ && pack_path_ == pack->path()) {
        building_ = false; // a build under way is no longer wanted (larger text on and off again)
        building_scale_ = 0;
        return;
    }
    if (building_ && scale == building_scale_) return;
    building_ = true;
    building_scale_ = scale;
    worker_.post([this, pack, scale, generation = generation_] {
        auto built = build_fonts(*pack, scale, max_texture_side_, cache_dir_);
        // Shared, because a task in the queue must be copyable.
        auto result = std::make_shared<core::Expected<BuiltFonts>>(std::move(built));
        results_.post([this, result, scale, generation] {
            if (generation != generation_ || scale != building_scale_) return; // overtaken
            building_ = false;
            building_scale_ = 0;
            if (*result) return take(std::move(**result));
            report_("pavilion: text at this size is unavailable: " + result->error().message);
            unavailable_scale_ = scale;
        });
    });
}

} // namespace pavilion::shell
