#include "pavilion/ui/home_screen.hpp"

#include "pavilion/ui/text_draw.hpp"

#include <algorithm>
#include <cmath>

namespace pavilion::ui {
namespace {

constexpr ImGuiWindowFlags kScreenFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoMove |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

void draw_background(const Theme& theme, ImVec2 size) {
    ImGui::GetBackgroundDrawList()->AddRectFilledMultiColor(
        ImVec2(0, 0), size, theme.palette.background_top, theme.palette.background_top,
        theme.palette.background_bottom, theme.palette.background_bottom);
}

// Language pills, right-aligned at top; returns the chosen locale when one is tapped.
std::optional<Intent> draw_language_switch(const HomeView& view, const Theme& theme,
                                           const Fonts& fonts, ImVec2 top_right) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float height = theme.dp(theme.metrics.min_touch * 0.85f);
    const float pad = theme.dp(28);
    const float size = drawn_size(fonts.body);
    float x = top_right.x;
    std::optional<Intent> intent;
    for (auto it = view.languages.rbegin(); it != view.languages.rend(); ++it) {
        const float text_width = fonts.body->CalcTextSizeA(size, FLT_MAX, 0, it->name.c_str()).x;
        const float width = text_width + 2 * pad;
        x -= width;
        const ImVec2 min(x, top_right.y), max(x + width, top_right.y + height);
        ImGui::SetCursorScreenPos(min);
        ImGui::PushID(it->code.c_str());
        if (ImGui::InvisibleButton("language", ImVec2(width, height)) && !it->current)
            intent = Intent{Intent::Kind::switch_language, it->code};
        const bool pressed = ImGui::IsItemActive();
        ImGui::PopID();
        const float radius = height / 2;
        if (it->current) {
            list->AddRectFilled(min, max, theme.palette.accent, radius);
        } else {
            list->AddRectFilled(min, max, pressed ? theme.palette.surface_pressed : theme.palette.surface, radius);
            list->AddRect(min, max, theme.palette.outline, radius, 0, theme.dp(2));
        }
        list->AddText(fonts.body, size, ImVec2(x + pad, min.y + (height - size) / 2),
                      it->current ? theme.palette.on_accent : theme.palette.text, it->name.c_str());
        x -= theme.dp(12);
    }
    return intent;
}

std::optional<Intent> draw_tile(const Tile& tile, const Theme& theme, const Fonts& fonts,
                                ImVec2 min, ImVec2 size, ImU32 accent) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    ImGui::SetCursorScreenPos(min);
    ImGui::PushID(tile.ref.c_str());
    const bool clicked = ImGui::InvisibleButton("tile", size);
    const bool pressed = ImGui::IsItemActive();
    ImGui::PopID();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    const float radius = theme.dp(theme.metrics.card_radius);
    list->AddRectFilled(min, max, pressed ? theme.palette.surface_pressed : theme.palette.surface, radius);
    list->AddRectFilled(min, ImVec2(min.x + theme.dp(6), max.y), accent, radius,
                        ImDrawFlags_RoundCornersLeft);
    const float pad = theme.dp(theme.metrics.card_padding);
    const float text_width = size.x - 2 * pad - theme.dp(6);
    const float text_height = wrapped_text_height(fonts.heading, tile.title, text_width, 2);
    draw_wrapped_text(list, fonts.heading,
                      ImVec2(min.x + pad + theme.dp(6), min.y + (size.y - text_height) / 2),
                      text_width, theme.palette.text, tile.title, 2);
    if (clicked) return Intent{Intent::Kind::open_item, tile.ref};
    return std::nullopt;
}

} // namespace

std::optional<Intent> HomeScreen::draw(const HomeView& view, const Theme& theme, const Fonts& fonts) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    draw_background(theme, display);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("home", nullptr, kScreenFlags);
    ImDrawList* list = ImGui::GetWindowDrawList();
    std::optional<Intent> intent;

    const bool portrait = display.y > display.x;
    const float margin = theme.dp(portrait ? theme.metrics.margin * 0.75f : theme.metrics.margin);
    const float width = display.x - 2 * margin;
    const ImVec2 origin = ImGui::GetWindowPos();
    const float scroll = ImGui::GetScrollY();
    float y = origin.y + margin - scroll;

    if (auto chosen = draw_language_switch(view, theme, fonts, ImVec2(origin.x + display.x - margin, y)))
        intent = chosen;

    // Header: the pack title large, its subtitle below, a short gold rule under both.
    const float header_width = portrait ? width : width * 0.7f;
    const float title_top = portrait ? y + theme.dp(theme.metrics.min_touch + 24) : y;
    float header_y = title_top + draw_wrapped_text(list, fonts.display, ImVec2(origin.x + margin, title_top),
                                                   header_width, theme.palette.text, view.title, 3);
    if (!view.subtitle.empty()) {
        header_y += theme.dp(8);
        header_y += draw_wrapped_text(list, fonts.body, ImVec2(origin.x + margin, header_y),
                                      header_width, theme.palette.text_muted, view.subtitle, 2);
    }
    header_y += theme.dp(24);
    list->AddRectFilled(ImVec2(origin.x + margin, header_y),
                        ImVec2(origin.x + margin + theme.dp(96), header_y + theme.dp(5)),
                        theme.palette.accent, theme.dp(3));
    y = header_y + theme.dp(40);

    const float gutter = theme.dp(theme.metrics.gutter);
    const int columns = std::clamp(
        static_cast<int>(std::floor((width + gutter) / (theme.dp(400) + gutter))), 1, 4);
    const float tile_width = (width - gutter * (columns - 1)) / columns;
    const float tile_height = theme.dp(theme.metrics.tile_height);
    const ImU32 accents[] = {theme.palette.accent, theme.palette.accent_soft};
    for (std::size_t s = 0; s < view.sections.size(); ++s) {
        const auto& section = view.sections[s];
        list->AddText(fonts.heading, drawn_size(fonts.heading), ImVec2(origin.x + margin, y),
                      theme.palette.accent, section.heading.c_str());
        y += drawn_size(fonts.heading) * 1.3f + theme.dp(16);
        for (std::size_t i = 0; i < section.tiles.size(); ++i) {
            const int column = static_cast<int>(i % columns);
            const ImVec2 min(origin.x + margin + column * (tile_width + gutter), y);
            if (auto chosen = draw_tile(section.tiles[i], theme, fonts, min,
                                        ImVec2(tile_width, tile_height), accents[s % 2]))
                intent = chosen;
            if (column == columns - 1 || i + 1 == section.tiles.size()) y += tile_height + gutter;
        }
        y += theme.dp(32);
    }
    // Tell ImGui how tall the content is, so the window can scroll to the end.
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y + margin - theme.dp(32)));
    ImGui::Dummy(ImVec2(1, 1));
    ImGui::End();
    ImGui::PopStyleVar();
    return intent;
}

} // namespace pavilion::ui
