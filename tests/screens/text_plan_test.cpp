// The text plan (which texts each style draws) and the typesetter built from it: every glyph the
// screens lay out is in the atlas, large sizes hold only what is shown large, bodies read apart
// from the catalog plan the same.

#include "pack_fixture.hpp"
#include "typesetter_fixture.hpp"
#include "pavilion/screens/text_plan.hpp"

#include <imgui_internal.h> // ImDrawListSharedData: a draw list without a frame

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

namespace pavilion::screens {
namespace {

using pavilion::testing::mini_pack;

std::multiset<std::string> texts_of(const TextPlan& plan, TextStyle style) {
    std::multiset<std::string> texts;
    for (const auto& planned : plan.texts(style)) texts.emplace(planned.text);
    return texts;
}

bool has(const TextPlan& plan, TextStyle style, const std::string& text) {
    const auto& texts = plan.texts(style);
    return std::any_of(texts.begin(), texts.end(), [&](const PlannedText& t) { return t.text == text; });
}

TEST(TextPlan, BodyHoldsEveryTextOfEveryItemInItsLanguage) {
    const auto& catalog = mini_pack().catalog();
    const TextPlan plan(catalog);
    for (const auto* list : {&catalog.initiatives, &catalog.stories}) {
        for (const auto& item : *list) {
            for (const auto& [locale, text] : item.text) {
                for (const auto& block : text.blocks) EXPECT_TRUE(has(plan, TextStyle::body, block.text)) << block.text;
                for (const auto& point : text.key_points) EXPECT_TRUE(has(plan, TextStyle::body, point)) << point;
                EXPECT_TRUE(has(plan, TextStyle::display, text.title)) << "detail pages set titles large";
            }
        }
    }
    const auto& body = plan.texts(TextStyle::body);
    EXPECT_TRUE(std::any_of(body.begin(), body.end(), [](const PlannedText& t) { return t.locale == "zh"; }));
}

TEST(TextPlan, LargeSizesHoldOnlyWhatIsShownLarge) {
    const auto& catalog = mini_pack().catalog();
    const TextPlan plan(catalog);
    for (const auto& item : catalog.stories)
        for (const auto& [locale, text] : item.text)
            for (const auto& block : text.blocks)
                if (block.kind == content::BlockKind::paragraph) {
                    EXPECT_FALSE(has(plan, TextStyle::display, block.text));
                }
    EXPECT_LT(plan.texts(TextStyle::display).size(), plan.texts(TextStyle::body).size());
}

// A catalog without bodies, plus its bodies read from the pack, plans the same texts as the
// catalog that holds them: the atlas has every glyph either way.
TEST(TextPlan, BodiesReadApartGiveTheSamePlan) {
    auto lazy = content::PackReader::open(mini_pack().path(), content::PackCheck::without_pictures,
                                          content::CatalogBodies::on_demand);
    ASSERT_TRUE(lazy) << lazy.error().message;
    TextPlan plan(lazy->catalog());
    const TextPlan eager(mini_pack().catalog());
    EXPECT_LT(plan.texts(TextStyle::body).size(), eager.texts(TextStyle::body).size());
    ASSERT_TRUE(lazy->each_body_text([&](content::BlockKind kind, std::string_view text) { plan.add_body(kind, text); }));
    for (TextStyle style : {TextStyle::body, TextStyle::heading})
        EXPECT_EQ(texts_of(plan, style), texts_of(eager, style)) << static_cast<int>(style);
}

// Every text of the plan, laid out in its style at sizes the screens use (scaled from the
// atlas's, wrapped or not), draws from glyphs the atlas holds: none left blank.
TEST(Typesetter, EveryPlannedTextDrawsFromTheAtlas) {
    const auto& catalog = mini_pack().catalog();
    auto typesetter = pavilion::testing::make_typesetter(catalog, 1.0f);
    ASSERT_TRUE(typesetter) << typesetter.error().message;
    auto& t = **typesetter;
    const TextPlan plan(catalog);
    ImDrawListSharedData shared;
    ImDrawList draw(&shared);
    draw._ResetForNewFrame();
    draw.PushClipRectFullScreen();
    draw.PushTextureID(ImTextureID{});
    for (TextStyle style : {TextStyle::body, TextStyle::body_bold, TextStyle::heading, TextStyle::display}) {
        for (const auto& planned : plan.texts(style)) {
            t.set_locale(planned.locale);
            for (float size : {26.0f, 20.0f, 40.0f}) {
                const auto laid_out = t.lay_out(style, size, planned.text, 600);
                t.draw(draw, style, size, laid_out, LinePlacement{0, 0, 600, false, size * 1.4f}, IM_COL32_WHITE);
            }
        }
    }
    EXPECT_EQ(t.missing_glyphs(), 0u);
    EXPECT_GT(draw.VtxBuffer.Size, 1000);
    for (const auto& page : t.atlas().pages) {
        EXPECT_LE(page.width, text::kMaxAtlasSide);
        EXPECT_LE(page.height, text::kMaxAtlasSide);
    }
}

// Text laid out at another size than the atlas's is the atlas's layout scaled: widths grow with
// the size, and wrapping happens at the width asked for.
TEST(Typesetter, SizesScaleTheLayoutAndWrapAtTheWidthAsked) {
    auto typesetter = pavilion::testing::make_typesetter(mini_pack().catalog(), 1.0f);
    ASSERT_TRUE(typesetter) << typesetter.error().message;
    auto& t = **typesetter;
    const std::string text = "Connecting infrastructure, rules and people";
    const float at_26 = t.width(TextStyle::body, 26, text), at_52 = t.width(TextStyle::body, 52, text);
    EXPECT_GT(at_26, 200);
    EXPECT_NEAR(at_52, 2 * at_26, 0.5f);
    const auto wrapped = t.lay_out(TextStyle::body, 52, text, at_52 / 2);
    EXPECT_GE(wrapped.line_count(), 2u);
    for (std::size_t i = 0; i < wrapped.line_count(); ++i) EXPECT_LE(wrapped.line_width(i), at_52 / 2 + 0.5f);
    EXPECT_GT(t.width(TextStyle::heading, 26, text), at_26) << "headings are bold";
}

// A long text scrolled mostly out of its clip rectangle makes quads for the lines in view only.
TEST(Typesetter, LinesOutsideTheClipRectangleMakeNoQuads) {
    auto typesetter = pavilion::testing::make_typesetter(mini_pack().catalog(), 1.0f);
    ASSERT_TRUE(typesetter) << typesetter.error().message;
    auto& t = **typesetter;
    std::string text;
    for (int i = 0; i < 40; ++i) text += "Connecting infrastructure, rules and people. ";
    const auto laid_out = t.lay_out(TextStyle::body, 26, text, 400);
    ASSERT_GT(laid_out.line_count(), 20u);
    ImDrawListSharedData shared;
    auto vertices_drawn = [&](ImVec2 clip_min, ImVec2 clip_max) {
        ImDrawList draw(&shared);
        draw._ResetForNewFrame();
        draw.PushClipRect(clip_min, clip_max);
        draw.PushTextureID(ImTextureID{});
        t.draw(draw, TextStyle::body, 26, laid_out, LinePlacement{0, 0, 400, false, 36}, IM_COL32_WHITE);
        return draw.VtxBuffer.Size;
    };
    const int all = vertices_drawn(ImVec2(0, 0), ImVec2(400, 10000));
    const int some = vertices_drawn(ImVec2(0, 360), ImVec2(400, 540)); // five lines in view
    EXPECT_GT(some, 0);
    EXPECT_LT(some * 2, all);
}

// The atlas stays within a Raspberry Pi's texture limit at every size the kiosk sets text at
// (full HD and 4K, larger text on and off) for the default pack in its four languages and the
// seven-script fixture pack, and every glyph their texts shape into is in it.
TEST(Typesetter, AtlasPagesStayWithinTheTextureLimitAtEveryScale) {
    for (const auto* pack : {&pavilion::testing::default_pack(), &pavilion::testing::scripts_pack()}) {
        for (float scale : {1.0f, 1.4f, 2.0f, 2.8f}) {
            auto typesetter = pavilion::testing::make_typesetter(pack->catalog(), scale);
            ASSERT_TRUE(typesetter) << typesetter.error().message;
            const auto& atlas = (*typesetter)->atlas();
            EXPECT_FALSE(atlas.pages.empty());
            EXPECT_TRUE(atlas.failures.empty()) << pack->path() << " at " << scale;
            for (const auto& page : atlas.pages) {
                EXPECT_LE(page.width, text::kMaxAtlasSide) << pack->path() << " at " << scale;
                EXPECT_LE(page.height, text::kMaxAtlasSide) << pack->path() << " at " << scale;
            }
        }
    }
}

} // namespace
} // namespace pavilion::screens
