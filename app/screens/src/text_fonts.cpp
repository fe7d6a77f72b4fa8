#include "pavilion/screens/text_fonts.hpp"

#include "pavilion/core/fnv_hash.hpp"
#include "pavilion/text/layout.hpp"
#include "pavilion/text/noto_fonts.hpp"

#include <set>

namespace pavilion::screens {
namespace {

constexpr std::uint32_t kKeyVersion = 1;

std::vector<text::FontFile> with_pack_font(std::vector<text::FontFile> noto,
                                           const std::shared_ptr<const std::vector<std::uint8_t>>& pack_font) {
    if (pack_font) noto.insert(noto.begin(), text::FontFile{"pack font", 0, pack_font});
    return noto;
}

// From the first face's hhea metrics: a line box is its ascender to its descender.
LineMetrics metrics_of(const text::FontSet& fonts) {
    const auto face = fonts.metrics(0);
    const float ascender = static_cast<float>(face.ascender), descender = static_cast<float>(face.descender);
    const float box = ascender - descender;
    if (box <= 0 || face.units_per_em <= 0) return {};
    return {static_cast<float>(face.units_per_em) / box, ascender / box};
}

std::set<text::GlyphKey> shaped_glyphs(const std::vector<PlannedText>& texts, text::ParagraphLayouter& layouter,
                                       float em_px) {
    std::set<text::GlyphKey> glyphs;
    text::LayoutOptions options{em_px, 0, text::Direction::auto_detect, ""};
    for (const auto& planned : texts) {
        options.locale.assign(planned.locale);
        auto paragraph = layouter.layout(planned.text, options);
        if (!paragraph) continue; // over kMaxParagraphBytes: never drawn either
        for (const auto& line : paragraph->lines)
            for (const auto& run : line.runs)
                for (const auto& glyph : run.glyphs) glyphs.insert(text::GlyphKey{run.face, glyph.id});
    }
    return glyphs;
}

} // namespace

FontFiles kiosk_font_files(std::shared_ptr<const std::vector<std::uint8_t>> pack_font) {
    using text::FontWeight;
    using text::NotoScript;
    return {with_pack_font(text::noto_fallback(NotoScript::latin, FontWeight::regular), pack_font),
            with_pack_font(text::noto_fallback(NotoScript::latin, FontWeight::bold), pack_font)};
}

core::Expected<TextFonts> open_text_fonts(FontFiles files, float scale) {
    auto regular = text::FontSet::open(files.regular);
    if (!regular) return regular.error();
    auto bold = text::FontSet::open(files.bold);
    if (!bold) return bold.error();
    TextFonts fonts;
    fonts.files = std::move(files);
    fonts.regular = std::make_unique<text::FontSet>(std::move(*regular));
    fonts.bold = std::make_unique<text::FontSet>(std::move(*bold));
    fonts.metrics = metrics_of(*fonts.regular);
    fonts.scale = scale;
    const FontSizes sizes;
    const float em = fonts.metrics.em * scale;
    fonts.em_px = {sizes.body * em, sizes.body * em, sizes.heading * em, sizes.display * em};
    return fonts;
}

void build_text_atlas(TextFonts& fonts, const TextPlan& plan, int max_side) {
    text::ParagraphLayouter regular(*fonts.regular), bold(*fonts.bold);
    std::set<text::AtlasKey> keys;
    for (TextStyle style : {TextStyle::body, TextStyle::body_bold, TextStyle::heading, TextStyle::display}) {
        const float em = fonts.em_px[index_of(style)];
        for (const auto& glyph : shaped_glyphs(plan.texts(style), is_bold(style) ? bold : regular, em))
            keys.insert(text::atlas_key(fonts.atlas_face(style, glyph.face), glyph.glyph, em));
    }
    // One set of every face, regular then bold, so one atlas (one texture, most often) holds all.
    auto all_files = fonts.files.regular;
    all_files.insert(all_files.end(), fonts.files.bold.begin(), fonts.files.bold.end());
    auto all = text::FontSet::open(all_files);
    if (!all) return; // both halves opened a moment ago; an empty atlas draws nothing, never crashes
    text::AtlasOptions options;
    options.max_side = max_side;
    fonts.atlas = text::build_glyph_atlas(*all, keys, options);
}

std::uint64_t text_atlas_key(const FontFiles& files, std::string_view texts_identity, float scale, int max_side) {
    core::Fnv1a64 hash;
    // The version stands for what the key cannot see: the interface's own texts (TextPlan) and
    // how glyphs are rasterized; change it with them. (A FreeType update rasterizes the same
    // glyphs of the same files: an atlas kept from before it is still right.)
    const FontSizes sizes;
    hash.add_value(kKeyVersion).add_value(scale).add_value(max_side).add(texts_identity);
    hash.add_value(sizes.body).add_value(sizes.heading).add_value(sizes.display);
    for (const auto* list : {&files.regular, &files.bold}) {
        hash.add_value(list->size());
        for (const auto& file : *list) hash.add_value(text::file_identity(file));
    }
    return hash.value();
}

} // namespace pavilion::screens
