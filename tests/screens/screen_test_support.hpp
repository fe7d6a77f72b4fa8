#pragma once
// Screens drawn on the CPU for tests: an ImGui context and the kiosk's typesetter with a
// CPU-built glyph atlas (no GPU), one frame at a time, and names for what tap targets mean.

#include "pack_fixture.hpp"
#include "typesetter_fixture.hpp"
#include "pavilion/core/ui_scale.hpp"
#include "pavilion/screens/frame.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace pavilion::screens::screen_tests {

// "digit 7", "install candidate 1", "filter europe", "reset map view", "wake up": model
// intents as model::describe() says them, but PIN digits by their digit (describe() never names
// them; the tests must tell the keys apart).
inline std::string name_of(const TapAction& action) {
    struct Name {
        std::string operator()(const model::Intent& intent) const {
            if (const auto* digit = std::get_if<model::PinDigit>(&intent)) return "digit " + std::to_string(digit->digit);
            return model::describe(intent);
        }
        std::string operator()(const SetFilter& filter) const { return "filter " + filter.facet; }
        std::string operator()(const ResetMapView&) const { return "reset map view"; }
        std::string operator()(const WakeUp&) const { return "wake up"; }
        std::string operator()(const OpenLanguageSheet&) const { return "open language sheet"; }
        std::string operator()(const CloseLanguageSheet&) const { return "close language sheet"; }
    };
    return std::visit(Name{}, action);
}

// ImGui's tiny default font, built on the CPU: ImGui needs a built atlas to start a frame.
inline void build_imgui_font() {
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    ImGui::GetIO().Fonts->AddFontDefault();
    ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
}

inline core::Gesture tap_at(ImVec2 at) {
    core::Gesture tap;
    tap.kind = core::Gesture::Kind::tap;
    tap.x = at.x;
    tap.y = at.y;
    return tap;
}

inline ImVec2 centre_of(const TapTargets::Target& target) {
    return ImVec2((target.min.x + target.max.x) / 2, (target.min.y + target.max.y) / 2);
}

class ScreenTest : public ::testing::Test {
protected:
    void SetUp() override {
        context_ = ImGui::CreateContext();
        ImGui::SetCurrentContext(context_); // CreateContext keeps another test's context current
        ImGui::GetIO().IniFilename = nullptr; // a test leaves no imgui.ini behind
        build_imgui_font(); // ImGui starts no frame without one; the screens never draw with it
        use_fonts(core::ui_scale_for(1920, 1080));
    }
    void TearDown() override {
        if (context_) ImGui::DestroyContext(context_);
    }
    // Fonts rasterized for a UI scale (times the visitor's text scale), as the kiosk builds them.
    void use_fonts(float scale) {
        auto built = pavilion::testing::make_typesetter(pavilion::testing::mini_pack().catalog(), scale);
        ASSERT_TRUE(built) << built.error().message;
        typesetter_ = std::move(*built);
        fonts_ = fonts_of(*typesetter_);
    }

    // One frame of draw at size; the tap targets it left. The frame's time moves on a second.
    TapTargets draw_frame(ImVec2 size, const std::function<void(Frame&)>& draw, bool high_contrast = false,
                          const FrameInput& input = {}, float screen_age_s = 5.0f) {
        auto& io = ImGui::GetIO();
        io.DisplaySize = size;
        io.DeltaTime = 1.0f / 60;
        ImGui::NewFrame();
        Theme theme;
        theme.scale = core::ui_scale_for(static_cast<int>(size.x), static_cast<int>(size.y));
        if (high_contrast) theme.palette = high_contrast_palette();
        touch_ = theme.touch();
        TapTargets targets;
        Frame frame{theme, fonts_, images_, ImGui::GetBackgroundDrawList(), size, now_, screen_age_s, input, targets};
        draw(frame);
        ImGui::Render();
        drawn_vertices_ = ImGui::GetDrawData()->TotalVtxCount;
        now_ += 1000;
        return targets;
    }

    ImGuiContext* context_ = nullptr;
    std::unique_ptr<Typesetter> typesetter_;
    Fonts fonts_;
    core::NoImages images_;
    core::Millis now_ = 100000;
    float touch_ = 0;
    int drawn_vertices_ = 0;
};

} // namespace pavilion::screens::screen_tests
