// The default pack's atlas: the texts of every language it has, shaped in that language, fit
// pages of at most 4096 px at every size the kiosk draws (body, heading and display type at the
// UI scales of 1920x1080 and 3840x2160, each with larger text), and every glyph they lay out into
// has an entry. Prints the atlas size and build time per scale: the figures the README reports.

#include "pack_fixture.hpp"
#include "text_fixture.hpp"

#include "pavilion/core/kiosk_session.hpp"
#include "pavilion/core/ui_scale.hpp"
#include "pavilion/text/glyph_atlas.hpp"
#include "pavilion/text/glyph_atlas_snapshot.hpp"

#include <chrono>
#include <cstdio>

namespace pavilion::text {
namespace {

using content::Catalog;

// app/screens' FontSizes (dp): body, heading, display.
constexpr float kBody = 26, kHeading = 34, kDisplay = 68;

void add_localized(const content::Localized& texts, const std::string& locale, std::vector<std::string>& out) {
    const auto found = texts.find(locale);
    if (found != texts.end()) out.push_back(found->second);
}

// What a visitor reads in one locale, in the body or heading size (all of it may be either).
std::vector<std::string> texts_in(const Catalog& catalog, const std::string& locale) {
    std::vector<std::string> out;
    for (const auto* texts : {&catalog.meta.title, &catalog.meta.subtitle}) add_localized(*texts, locale, out);
    for (const auto& language : catalog.meta.locales) out.push_back(language.name); // the language switch
    if (const auto strings = catalog.strings.find(locale); strings != catalog.strings.end())
        for (const auto& [key, text] : strings->second) out.push_back(text);
    for (const auto* list : {&catalog.initiatives, &catalog.stories})
        for (const auto& item : *list) {
            const auto text = item.text.find(locale);
            if (text == item.text.end()) continue;
            for (const auto& one : {text->second.title, text->second.summary, text->second.place_name}) out.push_back(one);
            out.insert(out.end(), text->second.key_points.begin(), text->second.key_points.end());
            for (const auto& block : text->second.blocks) out.push_back(block.text);
        }
    for (const auto& figure : catalog.figures)
        if (const auto text = figure.text.find(locale); text != figure.text.end())
            for (const auto& one : {text->second.label, text->second.unit, text->second.display}) out.push_back(one);
    for (const auto& source : catalog.sources) {
        out.push_back(source.author);
        out.push_back(source.outlet);
        if (const auto text = source.text.find(locale); text != source.text.end())
            for (const auto& one : {text->second.title, text->second.summary, text->second.author, text->second.outlet})
                out.push_back(one);
    }
    for (const auto& feature : catalog.features) add_localized(feature.name, locale, out);
    for (const auto& slide : catalog.slides) add_localized(slide.caption, locale, out);
    for (const auto& facet : catalog.facets) add_localized(facet.name, locale, out);
    return out;
}

// What is set in the display size (as app/screens' glyph plan has it): the pack title, item
// titles on detail pages, figure values, and the digits figures are formatted with.
std::vector<std::string> display_texts_in(const Catalog& catalog, const std::string& locale) {
    std::vector<std::string> out = {"0123456789.,+-% \xE2\x80\xA6\xC2\xB7\xE2\x80\x93"};
    add_localized(catalog.meta.title, locale, out);
    for (const auto* list : {&catalog.initiatives, &catalog.stories})
        for (const auto& item : *list)
            if (const auto text = item.text.find(locale); text != item.text.end()) out.push_back(text->second.title);
    for (const auto& figure : catalog.figures) {
        out.push_back(figure.suffix);
        if (const auto text = figure.text.find(locale); text != figure.text.end()) out.push_back(text->second.display);
    }
    return out;
}

std::set<AtlasKey> keys_at(const std::set<GlyphKey>& glyphs, float size_px) { return atlas_keys(glyphs, {size_px}); }

double milliseconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

TEST(GlyphAtlasDefaultPack, EveryLanguageFitsPagesOf4096AtEveryKioskSizeWithEveryGlyphPresent) {
    std::string why;
    auto fonts = testing::open_noto(NotoScript::latin, why);
    if (!fonts) GTEST_SKIP() << why;
    ParagraphLayouter layouter(*fonts);
    const Catalog& catalog = pavilion::testing::default_pack().catalog();
    ASSERT_GE(catalog.meta.locales.size(), 2u);

    // Glyph ids do not depend on the size (HarfBuzz's OpenType functions, no hinting): shaped once.
    std::set<GlyphKey> text_glyphs, display_glyphs;
    std::string languages;
    for (const auto& language : catalog.meta.locales) {
        languages += language.code + " ";
        auto text = glyphs_needed(texts_in(catalog, language.code), layouter, kBody, language.code);
        auto display = glyphs_needed(display_texts_in(catalog, language.code), layouter, kDisplay, language.code);
        ASSERT_TRUE(text && display) << language.code;
        text_glyphs.insert(text->begin(), text->end());
        display_glyphs.insert(display->begin(), display->end());
    }
    std::printf("[ atlas    ] default pack (%s): %zu glyphs in body/heading text, %zu in display text\n",
                languages.c_str(), text_glyphs.size(), display_glyphs.size());

    const float hd = core::ui_scale_for(1920, 1080), uhd = core::ui_scale_for(3840, 2160);
    for (float scale : {hd, hd * core::kLargerTextScale, uhd, uhd * core::kLargerTextScale}) {
        std::set<AtlasKey> keys = keys_at(text_glyphs, kBody * scale);
        for (const auto& key : keys_at(text_glyphs, kHeading * scale)) keys.insert(key);
        for (const auto& key : keys_at(display_glyphs, kDisplay * scale)) keys.insert(key);

        const auto start = std::chrono::steady_clock::now();
        const auto atlas = build_glyph_atlas(*fonts, keys);
        const double build_ms = milliseconds_since(start);
        EXPECT_TRUE(atlas.failures.empty()) << atlas.failures.front().reason;
        EXPECT_EQ(atlas.glyphs.size(), keys.size());
        for (const auto& key : keys) ASSERT_NE(atlas.find(key), nullptr) << "glyph " << key.glyph << " face " << key.face;

        std::string sides;
        std::size_t bytes = 0;
        for (const auto& page : atlas.pages) {
            EXPECT_LE(page.width, kMaxAtlasSide);
            EXPECT_LE(page.height, kMaxAtlasSide);
            sides += " " + std::to_string(page.width) + "x" + std::to_string(page.height);
            bytes += page.alpha.size();
        }
        const auto snapshot = snapshot_glyph_atlas(atlas, 1);
        const auto restore_start = std::chrono::steady_clock::now();
        const auto restored = restore_glyph_atlas(snapshot.data(), snapshot.size(), 1);
        const double restore_ms = milliseconds_since(restore_start);
        ASSERT_TRUE(restored);
        std::printf("[ atlas    ] scale %.2f (body %.0f, heading %.0f, display %.0f px): %zu glyphs, %zu page(s)%s, "
                    "%.1f MB; built in %.0f ms, restored from its snapshot in %.1f ms\n",
                    scale, kBody * scale, kHeading * scale, kDisplay * scale, atlas.glyphs.size(), atlas.pages.size(),
                    sides.c_str(), bytes / 1e6, build_ms, restore_ms);
    }
}

} // namespace
} // namespace pavilion::text
