// The operator's screens, drawn on the CPU (an ImGui context with a CPU-built font atlas, no GPU):
// which tap targets they leave, how large, and that none overlaps another.

#include "pack_fixture.hpp"
#include "pavilion/core/ui_scale.hpp"
#include "pavilion/platform/font_files.hpp"
#include "pavilion/screens/font_atlas.hpp"
#include "pavilion/screens/operator_screens.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cfloat>
#include <climits>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace pavilion::screens {
namespace {

// Where one intent catches taps, found by asking TapTargets::hit() at every pixel centre.
struct Region {
    int min_x = INT_MAX, min_y = INT_MAX, max_x = -1, max_y = -1; // pixels, inclusive
    long pixels = 0;
    int width() const { return max_x - min_x + 1; }
    int height() const { return max_y - min_y + 1; }
    ImVec2 centre() const { return ImVec2((min_x + max_x + 1) / 2.0f, (min_y + max_y + 1) / 2.0f); }
};

using Regions = std::map<std::string, Region>;

const ImVec2 kLandscape(1920, 1080);
const ImVec2 kPortrait(1080, 1920);

Regions scan(const TapTargets& targets, ImVec2 size) {
    Regions regions;
    for (int y = 0; y < static_cast<int>(size.y); ++y) {
        for (int x = 0; x < static_cast<int>(size.x); ++x) {
            const auto intent = targets.hit(ImVec2(x + 0.5f, y + 0.5f));
            if (!intent) continue;
            EXPECT_EQ(intent->kind, Intent::Kind::operator_action) << intent->value;
            auto& r = regions[intent->value];
            r.min_x = std::min(r.min_x, x), r.min_y = std::min(r.min_y, y);
            r.max_x = std::max(r.max_x, x), r.max_y = std::max(r.max_y, y);
            ++r.pixels;
        }
    }
    return regions;
}

// What overlaps: each target must catch taps on a whole rectangle (a target drawn over part of
// another leaves a hole or a notch in it, or cuts it so the two touch), and between any two there
// must be at least one pixel that belongs to neither.
std::vector<std::string> overlaps(const Regions& regions) {
    std::vector<std::string> found;
    for (const auto& [name, r] : regions) {
        if (r.pixels != static_cast<long>(r.width()) * r.height()) found.push_back(name + " is not a rectangle");
    }
    for (auto a = regions.begin(); a != regions.end(); ++a) {
        for (auto b = std::next(a); b != regions.end(); ++b) {
            const auto& p = a->second;
            const auto& q = b->second;
            const bool apart = p.max_x + 1 < q.min_x || q.max_x + 1 < p.min_x || p.max_y + 1 < q.min_y ||
                               q.max_y + 1 < p.min_y;
            if (!apart) found.push_back(a->first + " and " + b->first + " overlap or touch");
        }
    }
    return found;
}

void expect_apart(const Regions& regions, const std::string& where) {
    EXPECT_EQ(overlaps(regions), std::vector<std::string>{}) << where;
}

class OperatorScreensTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string error;
        auto files = platform::locate_system_fonts(error);
        ASSERT_TRUE(files) << error;
        files_ = std::move(*files);
        auto face = [](const platform::FontFile& f) { return FontFace{f.data(), f.size(), f.face_index}; };
        sources_ = {face(files_.latin_regular), face(files_.latin_bold), face(files_.cjk_regular), face(files_.cjk_bold)};
        context_ = ImGui::CreateContext();
        ImGui::SetCurrentContext(context_); // CreateContext keeps another test's context current
        ImGui::GetIO().IniFilename = nullptr; // a test leaves no imgui.ini behind
        use_fonts(core::ui_scale_for(1920, 1080));
    }
    // Fonts rasterized for a UI scale (times the visitor's text scale), as the kiosk builds them.
    void use_fonts(float scale) {
        auto built = builder_.build(*ImGui::GetIO().Fonts, sources_, plan_glyphs(testing::mini_pack().catalog()), scale,
                                    4096);
        ASSERT_TRUE(built) << built.error().message;
        fonts_ = *built;
    }
    void TearDown() override {
        if (context_) ImGui::DestroyContext(context_);
    }

    // One frame of draw at size; the tap targets it left.
    TapTargets draw_frame(ImVec2 size, const std::function<void(Frame&)>& draw, bool high_contrast = false,
                          const FrameInput& input = {}) {
        auto& io = ImGui::GetIO();
        io.DisplaySize = size;
        io.DeltaTime = 1.0f / 60;
        ImGui::NewFrame();
        Theme theme;
        theme.scale = core::ui_scale_for(static_cast<int>(size.x), static_cast<int>(size.y));
        if (high_contrast) theme.palette = high_contrast_palette();
        touch_ = theme.touch();
        TapTargets targets;
        Frame frame{theme, fonts_, images_, ImGui::GetBackgroundDrawList(), size, now_, 5.0f, input, targets};
        draw(frame);
        ImGui::Render();
        drawn_vertices_ = ImGui::GetDrawData()->TotalVtxCount;
        return targets;
    }

    // Every target at least a fingertip in both directions; bottom_edge: a target cut by the
    // bottom of a scrolling area is exempt from the height check.
    void expect_touch_sized(const Regions& regions, const std::string& where, int bottom_edge = INT_MAX) const {
        const int least = static_cast<int>(touch_) - 1; // pixel centres: a rectangle of 76 px covers 75 or 76
        for (const auto& [name, r] : regions) {
            EXPECT_GE(r.width(), least) << where << ": " << name;
            if (r.max_y < bottom_edge) {
                EXPECT_GE(r.height(), least) << where << ": " << name;
            }
        }
    }

    platform::SystemFonts files_;
    FontSources sources_;
    FontAtlasBuilder builder_;
    ImGuiContext* context_ = nullptr;
    Fonts fonts_;
    core::NoImages images_;
    core::Millis now_ = 100000;
    float touch_ = 0;
    int drawn_vertices_ = 0;
};

std::string name_of(ImVec2 size, bool high_contrast) {
    return std::to_string(static_cast<int>(size.x)) + "x" + std::to_string(static_cast<int>(size.y)) +
           (high_contrast ? " high contrast" : "");
}

OperatorView full_view() {
    OperatorView view;
    view.current = {true, "Belt and Road Pavilion", "expo-2027", "2027-03-01", "built-in", 3};
    view.previous = {true, "Belt and Road Pavilion", "expo-2027", "2027-02-11", "1A2B3C4D5E6F7081", 2};
    view.candidates = {{"expo-2027-v4.pack", "stick /media/usb0"}, {"expo-2027-hotfix.pack", "inbox /srv/pavilion/inbox"}};
    view.default_locale = "en";
    view.locales = {{"en", "English"}, {"zh", "中文"}};
    view.stats.sessions_today = 37;
    view.stats.sessions_week = 1284;
    view.stats.top_items = {{"China-Laos Railway", 310}, {"Mozura Wind Farm", 207}, {"Overview", 96},
                            {"Key figures", 40}, {"Sources", 12}, {"Map", 3}};
    view.stats.languages = {{"en", 802}, {"zh", 482}};
    for (int i = 0; i < 30; ++i)
        view.log_lines.push_back("2027-03-04 10:" + std::to_string(10 + i) + " screen=story/china-laos-railway lang=zh "
                                 "and a long tail that has to be cut at the edge of the card, again and again");
    view.diagnostics = {59.8, 8.4, 15.9, 142.5, 63.2, "V3D 7.1.7.0", 4096, "1.4.0"};
    view.stick_present = true;
    return view;
}

// The check would notice a target drawn over the side of another, inside it, or right against it.
TEST(OperatorScreenChecks, OverlapsAreCaught) {
    auto check = [](ImVec2 b_min, ImVec2 b_max) {
        TapTargets targets;
        targets.add(ImVec2(10, 10), ImVec2(100, 100), Intent{Intent::Kind::operator_action, "a"});
        targets.add(b_min, b_max, Intent{Intent::Kind::operator_action, "b"});
        return overlaps(scan(targets, ImVec2(300, 200)));
    };
    EXPECT_EQ(check(ImVec2(90, 0), ImVec2(200, 120)), std::vector<std::string>{"a and b overlap or touch"});
    EXPECT_EQ(check(ImVec2(40, 40), ImVec2(60, 60)),
              (std::vector<std::string>{"a is not a rectangle", "a and b overlap or touch"}));
    EXPECT_EQ(check(ImVec2(100, 10), ImVec2(200, 100)), std::vector<std::string>{"a and b overlap or touch"});
    EXPECT_EQ(check(ImVec2(110, 10), ImVec2(200, 100)), std::vector<std::string>{});
}

// ---- the PIN pad ----

TEST_F(OperatorScreensTest, EveryKeyOfThePinPadIsATouchSizedTarget) {
    for (ImVec2 size : {kLandscape, kPortrait}) {
        for (bool high_contrast : {false, true}) {
            OperatorPinView view;
            view.digits_entered = 5;
            view.message = "Wrong PIN, 2 tries left";
            const auto targets = draw_frame(size, [&](Frame& f) { draw_operator_pin(f, view); }, high_contrast);
            const auto regions = scan(targets, size);
            const std::string where = name_of(size, high_contrast);
            for (int digit = 0; digit <= 9; ++digit)
                EXPECT_EQ(regions.count("digit:" + std::to_string(digit)), 1u) << where << ": digit " << digit;
            for (const char* key : {"backspace", "submit", "leave"})
                EXPECT_EQ(regions.count(key), 1u) << where << ": " << key;
            EXPECT_EQ(regions.size(), 13u) << where;
            expect_touch_sized(regions, where);
            expect_apart(regions, where);
            // The keys are where they are drawn: 1 2 3 over 4 5 6, 0 under 8.
            EXPECT_LT(regions.at("digit:1").max_x, regions.at("digit:2").min_x);
            EXPECT_LT(regions.at("digit:2").max_y, regions.at("digit:5").min_y);
            EXPECT_LT(regions.at("digit:8").max_y, regions.at("digit:0").min_y);
            EXPECT_EQ(targets.hit(regions.at("digit:7").centre())->value, "digit:7");
        }
    }
}

TEST_F(OperatorScreensTest, SubmitNeedsFourDigits) {
    for (int digits = 0; digits <= 8; ++digits) {
        OperatorPinView view;
        view.digits_entered = digits;
        const auto regions = scan(draw_frame(kLandscape, [&](Frame& f) { draw_operator_pin(f, view); }), kLandscape);
        EXPECT_EQ(regions.count("submit"), digits >= 4 ? 1u : 0u) << digits << " digits";
        EXPECT_EQ(regions.count("backspace"), digits > 0 ? 1u : 0u) << digits << " digits";
        EXPECT_EQ(regions.count("digit:3"), digits < 8 ? 1u : 0u) << digits << " digits"; // full: no more digits
        EXPECT_EQ(regions.count("leave"), 1u);
    }
}

TEST_F(OperatorScreensTest, ALockedPadOffersOnlyLeave) {
    for (ImVec2 size : {kLandscape, kPortrait}) {
        OperatorPinView view;
        view.digits_entered = 6;
        view.locked = true;
        view.message = "Locked: try again in 4 min";
        const auto regions = scan(draw_frame(size, [&](Frame& f) { draw_operator_pin(f, view); }), size);
        ASSERT_EQ(regions.size(), 1u);
        EXPECT_EQ(regions.begin()->first, "leave");
    }
}

// ---- the panel ----

TEST_F(OperatorScreensTest, PanelOffersEveryActionWithoutOverlaps) {
    for (ImVec2 size : {kLandscape, kPortrait}) {
        for (bool high_contrast : {false, true}) {
            for (bool with_message : {false, true}) {
                OperatorPanel panel;
                auto view = full_view();
                if (with_message) {
                    view.message = "Cannot roll back: the previous pack failed its signature check, so it stays where it is";
                    view.message_is_error = true;
                    view.seconds_until_auto_leave = 12.4f;
                }
                const auto targets = draw_frame(size, [&](Frame& f) { panel.draw(f, view); }, high_contrast);
                const auto regions = scan(targets, size);
                const std::string where = name_of(size, high_contrast) + (with_message ? " with a message" : "");
                for (const char* action : {"install:0", "install:1", "rollback", "idle:-30", "idle:+30", "locale:en",
                                           "locale:zh", "export", "leave"})
                    EXPECT_EQ(regions.count(action), 1u) << where << ": " << action;
                EXPECT_EQ(regions.size(), 9u) << where;
                expect_touch_sized(regions, where, static_cast<int>(size.y) - 1);
                expect_apart(regions, where);
                EXPECT_EQ(targets.hit(regions.at("install:1").centre())->value, "install:1");
            }
        }
    }
}

// Small panels (the UI scales down, fingers do not) and the visitor's larger text left on.
TEST_F(OperatorScreensTest, SmallScreensAndLargerTextKeepTargetsApart) {
    struct Case {
        ImVec2 size;
        float text_scale;
    };
    for (const Case& c : {Case{ImVec2(1280, 720), 1.0f}, Case{ImVec2(800, 480), 1.0f}, Case{ImVec2(480, 800), 1.0f},
                          Case{kLandscape, 1.4f}, Case{kPortrait, 1.4f}}) {
        use_fonts(core::ui_scale_for(static_cast<int>(c.size.x), static_cast<int>(c.size.y)) * c.text_scale);
        const std::string where = name_of(c.size, false) + " text x" + std::to_string(c.text_scale);
        OperatorPinView pin;
        pin.digits_entered = 4;
        pin.message = "Wrong PIN, 2 tries left";
        const auto keys = scan(draw_frame(c.size, [&](Frame& f) { draw_operator_pin(f, pin); }), c.size);
        EXPECT_EQ(keys.size(), 13u) << where;
        expect_touch_sized(keys, where);
        expect_apart(keys, where);
        for (const auto& [name, r] : keys) {
            EXPECT_GE(r.min_y, 0) << where << ": " << name;
            EXPECT_LT(r.max_y, static_cast<int>(c.size.y)) << where << ": " << name;
        }

        OperatorPanel panel;
        auto view = full_view();
        view.message = "Exported to /media/usb0/pavilion-visitors-2027-03-04.csv";
        view.seconds_until_auto_leave = 9;
        const auto regions = scan(draw_frame(c.size, [&](Frame& f) { panel.draw(f, view); }), c.size);
        EXPECT_EQ(regions.count("leave"), 1u) << where;
        EXPECT_EQ(regions.count("install:0"), 1u) << where;
        expect_touch_sized(regions, where, static_cast<int>(c.size.y) - 1);
        expect_apart(regions, where);
    }
}

TEST_F(OperatorScreensTest, PanelOffersOnlyWhatCanBeDone) {
    for (ImVec2 size : {kLandscape, kPortrait}) {
        OperatorPanel panel;
        auto view = full_view();
        view.previous = {};
        view.stick_present = false;
        view.candidates.clear();
        view.idle_timeout_s = view.idle_max_s;
        const auto regions = scan(draw_frame(size, [&](Frame& f) { panel.draw(f, view); }), size);
        EXPECT_EQ(regions.count("rollback"), 0u);
        EXPECT_EQ(regions.count("export"), 0u);
        EXPECT_EQ(regions.count("install:0"), 0u);
        EXPECT_EQ(regions.count("idle:+30"), 0u); // at the longest timeout already
        EXPECT_EQ(regions.count("idle:-30"), 1u);
        EXPECT_EQ(regions.count("locale:zh"), 1u);
        EXPECT_EQ(regions.count("leave"), 1u);
        expect_apart(regions, name_of(size, false));
    }
}

TEST_F(OperatorScreensTest, AnEmptyPanelDrawsWithoutTargetsButLeaveAndSettings) {
    OperatorPanel panel;
    const OperatorView view;
    const auto regions = scan(draw_frame(kPortrait, [&](Frame& f) { panel.draw(f, view); }), kPortrait);
    EXPECT_EQ(regions.count("leave"), 1u);
    EXPECT_EQ(regions.count("rollback"), 0u);
    EXPECT_EQ(regions.count("export"), 0u);
    EXPECT_GT(drawn_vertices_, 0);
}

TEST_F(OperatorScreensTest, CardsScrollUnderAFixedHeader) {
    OperatorPanel panel;
    const auto view = full_view();
    const auto before = scan(draw_frame(kLandscape, [&](Frame& f) { panel.draw(f, view); }), kLandscape);
    // A finger drags the cards 150 px up.
    FrameInput input;
    const float x = kLandscape.x / 2, y = 700;
    auto drag = [&](core::Gesture::Kind kind, float dy, core::Millis time) {
        core::Gesture g;
        g.kind = kind;
        g.x = x;
        g.y = y + dy;
        g.dy = kind == core::Gesture::Kind::drag_begin ? dy : dy + 20;
        g.time = time;
        return g;
    };
    input.gestures = {drag(core::Gesture::Kind::drag_begin, -20, now_), drag(core::Gesture::Kind::drag, -150, now_ + 100)};
    now_ += 100;
    const auto after = scan(draw_frame(kLandscape, [&](Frame& f) { panel.draw(f, view); }, false, input), kLandscape);
    EXPECT_EQ(after.at("leave").min_y, before.at("leave").min_y);
    EXPECT_NEAR(after.at("install:0").min_y, before.at("install:0").min_y - 150, 2);
}

// ---- the update banner ----

TEST_F(OperatorScreensTest, TheBannerDrawsEveryStateWithoutTargets) {
    using State = UpdateBanner::State;
    for (ImVec2 size : {kLandscape, kPortrait}) {
        for (State state : {State::copying, State::verifying, State::installed, State::failed}) {
            UpdateBanner banner;
            banner.state = state;
            banner.title = "expo-2027-v4.pack";
            banner.copied_mb = 120.5;
            banner.total_mb = 480;
            banner.seconds_left = 42;
            banner.message = state == State::failed
                                 ? "The signature does not match any trusted key, so the pack was not installed and "
                                   "the kiosk keeps showing version 3 of the current content"
                                 : "Now showing version 4";
            const auto targets = draw_frame(size, [&](Frame& f) { draw_update_banner(f, banner); });
            EXPECT_GT(drawn_vertices_, 0);
            for (float y = 0; y < size.y; y += 7)
                for (float x = 0; x < size.x; x += 7) ASSERT_FALSE(targets.hit(ImVec2(x, y))) << x << "," << y;
        }
    }
    UpdateBanner banner;
    banner.state = State::verifying;
    EXPECT_TRUE(update_banner_animating(banner));
    banner.state = State::installed;
    EXPECT_FALSE(update_banner_animating(banner));
}

} // namespace
} // namespace pavilion::screens
