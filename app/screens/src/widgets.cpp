#include "pavilion/screens/widgets.hpp"

#include "pavilion/core/line_breaker.hpp"
#include "pavilion/core/numbers.hpp"
#include "pavilion/screens/text_draw.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace pavilion::screens {
namespace {

void pop_code_point(std::string& text) {
    while (!text.empty()) {
        const auto byte = static_cast<unsigned char>(text.back());
        text.pop_back();
        if ((byte & 0xC0) != 0x80) break; // stop after the lead byte
    }
}

float measure(ImFont* font, float size, std::string_view text) {
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

} // namespace

float body_size(const Frame& frame) { return drawn_size(frame.fonts.body); }

void draw_background(Frame& frame) {
    const auto& p = frame.theme.palette;
    frame.draw->AddRectFilledMultiColor(ImVec2(0, 0), frame.size, p.background_top, p.background_top,
                                        p.background_bottom, p.background_bottom);
}

void draw_image_cover(Frame& frame, const core::Texture& texture, ImVec2 min, ImVec2 max, float rounding,
                      float alpha, float zoom, ImVec2 pan, ImDrawFlags corners) {
    if (!texture.handle || texture.width <= 0 || texture.height <= 0) return;
    const float box_w = max.x - min.x, box_h = max.y - min.y;
    if (box_w <= 0 || box_h <= 0) return;
    // The visible fraction of the texture on each axis, so the box is covered without distortion.
    const float image_aspect = static_cast<float>(texture.width) / texture.height;
    const float box_aspect = box_w / box_h;
    float u = 1, v = 1;
    if (image_aspect > box_aspect) u = box_aspect / image_aspect;
    else v = image_aspect / box_aspect;
    u /= std::max(zoom, 1.0f);
    v /= std::max(zoom, 1.0f);
    const float u0 = (1 - u) / 2 * (1 + std::clamp(pan.x, -1.0f, 1.0f));
    const float v0 = (1 - v) / 2 * (1 + std::clamp(pan.y, -1.0f, 1.0f));
    const auto id = reinterpret_cast<ImTextureID>(texture.handle);
    frame.draw->AddImageRounded(id, min, max, ImVec2(u0, v0), ImVec2(u0 + u, v0 + v),
                                with_alpha(IM_COL32_WHITE, alpha), rounding, corners);
}

void draw_image_placeholder(Frame& frame, ImVec2 min, ImVec2 max, float rounding, ImDrawFlags corners) {
    frame.draw->AddRectFilled(min, max, frame.theme.palette.surface, rounding, corners);
}

float pill_width(const Frame& frame, float height, std::string_view label, ImFont* font) {
    font = font ? font : frame.fonts.body;
    return measure(font, drawn_size(font), label) + height * 0.9f;
}

ImU32 draw_pill_shape(Frame& frame, ImVec2 min, ImVec2 max, PillStyle style, const TapAction& action) {
    const auto& p = frame.theme.palette;
    const bool pressed = frame.pressed(min, max);
    const float radius = (max.y - min.y) / 2;
    frame.targets.add(min, max, action);
    if (style == PillStyle::filled) {
        frame.draw->AddRectFilled(min, max, p.accent, radius);
        return p.on_accent;
    }
    frame.draw->AddRectFilled(min, max, pressed ? p.surface_pressed : p.surface, radius);
    if (style == PillStyle::outlined) frame.draw->AddRect(min, max, p.outline, radius, 0, frame.dp(2));
    return p.text;
}

float draw_pill(Frame& frame, ImVec2 pos, float height, std::string_view label, PillStyle style,
                const TapAction& action, ImFont* font) {
    font = font ? font : frame.fonts.body;
    const float width = pill_width(frame, height, label, font);
    const ImU32 text = draw_pill_shape(frame, pos, ImVec2(pos.x + width, pos.y + height), style, action);
    const float size = drawn_size(font);
    const std::string label_text(label);
    frame.draw->AddText(font, size, ImVec2(pos.x + height * 0.45f, pos.y + (height - size) / 2 - size * 0.04f),
                        text, label_text.c_str());
    return width;
}

void draw_icon_button(Frame& frame, ImVec2 pos, Icon icon, bool active, const TapAction& action) {
    const auto& p = frame.theme.palette;
    const float size = frame.theme.touch();
    const ImVec2 max(pos.x + size, pos.y + size);
    const ImVec2 c(pos.x + size / 2, pos.y + size / 2);
    const bool pressed = frame.pressed(pos, max);
    ImDrawList* d = frame.draw;
    d->AddCircleFilled(c, size / 2, active ? p.accent : (pressed ? p.surface_pressed : p.surface), 48);
    const ImU32 ink = active ? p.on_accent : p.text;
    const float s = size * 0.2f; // icon half-size
    const float stroke = frame.dp(3.2f);
    switch (icon) {
    case Icon::back:
        d->AddPolyline(std::array<ImVec2, 3>{ImVec2(c.x + s * 0.35f, c.y - s), ImVec2(c.x - s * 0.65f, c.y),
                                             ImVec2(c.x + s * 0.35f, c.y + s)}.data(),
                       3, ink, 0, stroke);
        break;
    case Icon::home: {
        const std::array<ImVec2, 5> house{ImVec2(c.x - s, c.y - s * 0.05f), ImVec2(c.x, c.y - s * 1.0f),
                                          ImVec2(c.x + s, c.y - s * 0.05f), ImVec2(c.x + s * 0.75f, c.y + s),
                                          ImVec2(c.x - s * 0.75f, c.y + s)};
        d->AddPolyline(house.data(), 3, ink, 0, stroke);
        d->AddPolyline(std::array<ImVec2, 4>{ImVec2(c.x - s * 0.75f, c.y + s * 0.05f), house[4], house[3],
                                             ImVec2(c.x + s * 0.75f, c.y + s * 0.05f)}.data(),
                       4, ink, 0, stroke);
        break;
    }
    case Icon::larger_text: {
        ImFont* font = frame.fonts.heading;
        const float big = drawn_size(font), small = big * 0.7f;
        const float w = measure(font, small, "A") + measure(font, big, "A");
        d->AddText(font, small, ImVec2(c.x - w / 2, c.y - small * 0.62f + (big - small) * 0.35f), ink, "A");
        d->AddText(font, big, ImVec2(c.x - w / 2 + measure(font, small, "A"), c.y - big * 0.62f), ink, "A");
        break;
    }
    case Icon::contrast:
        d->AddCircle(c, s * 1.05f, ink, 40, stroke);
        d->PathArcTo(c, s * 1.05f, -core::pi_v<float> / 2, core::pi_v<float> / 2, 24);
        d->PathFillConvex(ink);
        break;
    }
    frame.targets.add(pos, max, action);
}

float text_height(ImFont* font, float size, std::string_view text, float width, int max_lines,
                  float line_height) {
    const core::MeasureText m = [&](std::string_view piece) { return measure(font, size, piece); };
    const auto lines = core::break_lines(text, width, m, static_cast<std::size_t>(std::max(0, max_lines))).size();
    return static_cast<float>(lines) * size * line_height;
}

float draw_text(Frame& frame, ImFont* font, float size, ImVec2 pos, float width, ImU32 color,
                std::string_view text, int max_lines, float line_height) {
    const core::MeasureText m = [&](std::string_view piece) { return measure(font, size, piece); };
    // One line more than shown tells whether the last shown line needs an ellipsis.
    const auto lines = core::break_lines(text, width, m, max_lines > 0 ? static_cast<std::size_t>(max_lines) + 1 : 0);
    float y = pos.y;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string piece(text.substr(lines[i].begin, lines[i].end - lines[i].begin));
        const bool last = max_lines > 0 && i + 1 == static_cast<std::size_t>(max_lines);
        if (last && i + 1 < lines.size()) {
            // Make room for the ellipsis so it stays inside the width.
            const std::string ellipsis = "\xE2\x80\xA6";
            while (!piece.empty() && measure(font, size, piece + ellipsis) > width) pop_code_point(piece);
            piece += ellipsis;
        }
        frame.draw->AddText(font, size, ImVec2(pos.x, y), color, piece.c_str());
        y += size * line_height;
        if (last) break;
    }
    return y - pos.y;
}

namespace {

// A run of one style inside a block's text.
struct StyledRun {
    std::size_t begin;
    std::size_t end;
    bool strong;
    bool emphasis;
};

std::vector<StyledRun> runs_of(const content::Block& block) {
    std::vector<std::size_t> cuts{0, block.text.size()};
    for (const auto& span : block.spans) {
        cuts.push_back(span.begin);
        cuts.push_back(span.end);
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::vector<StyledRun> runs;
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
        StyledRun run{cuts[i], cuts[i + 1], false, false};
        for (const auto& span : block.spans) {
            if (span.begin <= run.begin && run.end <= span.end)
                (span.style == content::SpanStyle::strong ? run.strong : run.emphasis) = true;
        }
        runs.push_back(run);
    }
    return runs;
}

} // namespace

float draw_block(Frame& frame, const content::Block& block, ImVec2 pos, float width, bool draw) {
    const auto& p = frame.theme.palette;
    const bool heading = block.kind == content::BlockKind::heading;
    ImFont* regular = heading ? frame.fonts.heading : frame.fonts.body;
    ImFont* bold = heading ? frame.fonts.heading : frame.fonts.body_bold;
    const float size = heading ? drawn_size(frame.fonts.heading) * (block.level <= 1 ? 1.0f : 0.82f)
                               : drawn_size(frame.fonts.body);
    const float indent = block.kind == content::BlockKind::bullet ? frame.dp(34)
                         : block.kind == content::BlockKind::quote ? frame.dp(30)
                                                                   : 0.0f;
    const float line_height = heading ? 1.3f : 1.5f;
    const auto runs = runs_of(block);
    const std::string_view text = block.text;

    // Width of any piece of the text, with each run in its own font.
    auto run_font = [&](const StyledRun& run) { return run.strong ? bold : regular; };
    const core::MeasureText m = [&](std::string_view piece) {
        const auto begin = static_cast<std::size_t>(piece.data() - text.data());
        const auto end = begin + piece.size();
        float w = 0;
        for (const auto& run : runs) {
            const auto a = std::max(begin, run.begin), b = std::min(end, run.end);
            if (a < b) w += measure(run_font(run), size, text.substr(a, b - a));
        }
        return w;
    };
    const auto lines = core::break_lines(text, width - indent, m);
    const float height = static_cast<float>(lines.size()) * size * line_height;
    if (!draw) return height;

    const ImU32 color = block.kind == content::BlockKind::quote ? p.text_muted : p.text;
    if (block.kind == content::BlockKind::bullet)
        frame.draw->AddCircleFilled(ImVec2(pos.x + frame.dp(10), pos.y + size * 0.72f), frame.dp(5), p.accent, 16);
    if (block.kind == content::BlockKind::quote)
        frame.draw->AddRectFilled(ImVec2(pos.x, pos.y + size * 0.2f), ImVec2(pos.x + frame.dp(5), pos.y + height - size * 0.3f),
                                  p.accent_soft, frame.dp(3));
    float y = pos.y;
    for (const auto& line : lines) {
        float x = pos.x + indent;
        for (const auto& run : runs) {
            const auto a = std::max(line.begin, run.begin), b = std::min(line.end, run.end);
            if (a >= b) continue;
            const std::string piece(text.substr(a, b - a));
            // No italic face covers Chinese, so emphasis is shown in the accent colour.
            frame.draw->AddText(run_font(run), size, ImVec2(x, y), run.emphasis ? p.accent : (heading ? p.accent : color),
                                piece.c_str());
            x += measure(run_font(run), size, piece);
        }
        y += size * line_height;
    }
    return height;
}

} // namespace pavilion::screens
