// Right-to-left languages mirror the screens (mirror.hpp): the chrome and cards move to the other
// side, taps and swipes are read in the mirrored layout, and text is drawn where it belongs.

#include "screen_test_support.hpp"
#include "pavilion/screens/deck.hpp"
#include "pavilion/screens/mirror.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>

#include <string>
#include <vector>

namespace pavilion::screens {
namespace {

using pavilion::testing::scripts_pack;
using screen_tests::centre_of;
using screen_tests::name_of;
using screen_tests::tap_at;

const ImVec2 kLandscape(1920, 1080);

class MirrorTest : public screen_tests::ScreenTest {
protected:
    void SetUp() override {
        ScreenTest::SetUp();
        auto built = pavilion::testing::make_typesetter(scripts_pack().catalog(), 1.0f);
        ASSERT_TRUE(built) << built.error().message;
        typesetter_ = std::move(*built);
        fonts_ = fonts_of(*typesetter_);
    }

    TapTargets draw(Deck& deck, const FrameInput& input = {}, std::vector<model::Intent>* intents = nullptr) {
        return draw_frame(kLandscape, [&](Frame& f) {
            auto got = deck.draw(f, model::Look{});
            if (intents) *intents = std::move(got);
        }, false, input);
    }

    std::optional<TapTargets::Target> target(Deck& deck, const std::string& name) {
        const auto targets = draw(deck);
        for (const auto& t : targets.all())
            if (name_of(t.action) == name) return t;
        return std::nullopt;
    }
};

TEST_F(MirrorTest, BackAndTheFirstCardMoveToTheRightInArabic) {
    Deck deck(scripts_pack().catalog());
    deck.show(*core::Route::parse("stories"), "en", nullptr);
    const auto back_en = target(deck, "back");
    ASSERT_TRUE(back_en);
    EXPECT_LT(centre_of(*back_en).x, kLandscape.x / 4);
    deck.show(*core::Route::parse("stories"), "ar", nullptr);
    const auto back_ar = target(deck, "back");
    ASSERT_TRUE(back_ar);
    EXPECT_GT(centre_of(*back_ar).x, kLandscape.x * 3 / 4);
    EXPECT_NEAR(centre_of(*back_ar).x, kLandscape.x - centre_of(*back_en).x, 1.0f) << "mirrored, not moved";

    deck.show(*core::Route::parse("stories"), "he", nullptr);
    const auto back_he = target(deck, "back");
    ASSERT_TRUE(back_he);
    EXPECT_GT(centre_of(*back_he).x, kLandscape.x * 3 / 4) << "Hebrew is right to left too";
}

// The target the screens report is where it is on the screen, and a tap there does what it says.
TEST_F(MirrorTest, ATapWhereBackIsDrawnGoesBack) {
    Deck deck(scripts_pack().catalog());
    deck.show(*core::Route::parse("stories"), "ar", nullptr);
    const auto back = target(deck, "back");
    ASSERT_TRUE(back);
    FrameInput input;
    input.gestures.push_back(tap_at(centre_of(*back)));
    std::vector<model::Intent> intents;
    draw(deck, input, &intents);
    EXPECT_EQ(intents, std::vector<model::Intent>{model::GoBack{}});
}

// In Arabic the next story lies to the left: a swipe to the right brings it.
TEST_F(MirrorTest, SwipesTurnRound) {
    Deck deck(scripts_pack().catalog());
    const auto& stories = scripts_pack().catalog().stories;
    ASSERT_GE(stories.size(), 2u);
    deck.show(*core::Route::parse(stories.front().ref), "ar", nullptr);
    auto swipe = [](core::Gesture::Direction direction) {
        core::Gesture g;
        g.kind = core::Gesture::Kind::swipe;
        g.direction = direction;
        g.x = 960, g.y = 600;
        g.dx = direction == core::Gesture::Direction::right ? 600.0f : -600.0f;
        FrameInput input;
        input.gestures.push_back(g);
        return input;
    };
    std::vector<model::Intent> intents;
    draw(deck, swipe(core::Gesture::Direction::right), &intents);
    ASSERT_EQ(intents.size(), 1u);
    EXPECT_TRUE(std::holds_alternative<model::SwipeTo>(intents.front()));
    draw(deck, swipe(core::Gesture::Direction::left), &intents);
    EXPECT_TRUE(intents.empty()) << "the first story has nothing before it";
}

// Text is drawn in place (not flipped twice, not lost): every glyph is on the screen, and the
// screen's title in the bar (drawn right of the middle in Arabic) has glyphs there.
TEST_F(MirrorTest, TextStaysOnTheScreenAndDrawsFromTheAtlas) {
    Deck deck(scripts_pack().catalog());
    const auto page_count = static_cast<std::intptr_t>(typesetter_->atlas().pages.size());
    for (const char* route : {"home", "stories", "figures", "sources"}) {
        deck.show(*core::Route::parse(route), "ar", nullptr);
        draw(deck);
        const auto* list = ImGui::GetBackgroundDrawList();
        int glyph_vertices = 0, right_of_middle = 0;
        for (const auto& command : list->CmdBuffer) {
            const auto texture = reinterpret_cast<std::intptr_t>(command.TextureId);
            if (command.UserCallback || texture < 1 || texture > page_count) continue; // not the text's
            for (unsigned i = 0; i < command.ElemCount; ++i) {
                const auto& vertex = list->VtxBuffer[command.VtxOffset + list->IdxBuffer[command.IdxOffset + i]];
                ASSERT_GE(vertex.pos.x, -1.0f) << route;
                ASSERT_LE(vertex.pos.x, kLandscape.x + 1) << route;
                ++glyph_vertices;
                if (vertex.pos.x > kLandscape.x / 2 && vertex.pos.y < 260) ++right_of_middle;
            }
        }
        EXPECT_GT(glyph_vertices, 100) << route;
        EXPECT_GT(right_of_middle, 0) << route << ": the title at the right of the bar";
    }
    EXPECT_EQ(typesetter_->missing_glyphs(), 0u);
}

TEST(Mirror, FlipsAllButWhatIsKept) {
    ImGuiContext* context = ImGui::CreateContext();
    ImGui::SetCurrentContext(context);
    ImGui::GetIO().IniFilename = nullptr; // a test leaves no imgui.ini behind
    screen_tests::build_imgui_font();
    ImGui::GetIO().DisplaySize = ImVec2(100, 50);
    ImGui::NewFrame();
    ImDrawList& draw = *ImGui::GetBackgroundDrawList();
    Mirror mirror(100);
    draw.AddRectFilled(ImVec2(10, 0), ImVec2(20, 10), IM_COL32_WHITE); // flipped
    const int kept_from = draw.VtxBuffer.Size;
    draw.AddRectFilled(ImVec2(30, 0), ImVec2(40, 10), IM_COL32_WHITE); // kept
    mirror.keep(kept_from, draw.VtxBuffer.Size);
    const int within_from = draw.VtxBuffer.Size;
    draw.AddRectFilled(ImVec2(50, 0), ImVec2(55, 10), IM_COL32_WHITE); // in a box [50, 60): moved
    mirror.flip_within(draw, within_from, 50, 60);
    mirror.apply(draw, 0, 0);
    EXPECT_FLOAT_EQ(draw.VtxBuffer[0].pos.x, 90);
    EXPECT_FLOAT_EQ(draw.VtxBuffer[kept_from].pos.x, 30);
    float lowest = 1e9f, highest = -1e9f;
    for (int v = within_from; v < draw.VtxBuffer.Size; ++v) {
        lowest = std::min(lowest, draw.VtxBuffer[v].pos.x);
        highest = std::max(highest, draw.VtxBuffer[v].pos.x);
    }
    EXPECT_FLOAT_EQ(lowest, 40) << "the box [50, 60) mirrored is [40, 50); the rectangle keeps its side";
    EXPECT_FLOAT_EQ(highest, 45);
    ImGui::EndFrame();
    ImGui::DestroyContext(context);
}

} // namespace
} // namespace pavilion::screens
