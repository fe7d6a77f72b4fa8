#include "pavilion/screens/widgets.hpp"

#include "pavilion/core/numbers.hpp"
#include "pavilion/screens/text_draw.hpp"
#include "pavilion/screens/typesetter.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>
#include <utility>

namespace pavilion::screens {
namespace {

void pop_code_point(std::string& text) {
    while (!text.empty()) {
        const auto byte = static_cast<unsigned char>(text.back());
        text.pop_back();
        if ((byte & 0xC0) != 0x80) break; // stop after the lead byte
    }
}

// The same corners seen in a mirror: left ones become right ones.
ImDrawFlags mirrored_corners(ImDrawFlags corners) {
    const ImDrawFlags all = ImDrawFlags_RoundCornersAll;
    if ((corners & all) == 0 || (corners & all) == all) return corners;
    ImDrawFlags out = corners & ~all;
    if (corners & ImDrawFlags_RoundCornersTopLeft) out |= ImDrawFlags_RoundCornersTopRight;
    if (corners & ImDrawFlags_RoundCornersTopRight) out |= ImDrawFlags_RoundCornersTopLeft;
    if (corners & ImDrawFlags_RoundCornersBottomLeft) out |= ImDrawFlags_RoundCornersBottomRight;
    if (corners & ImDrawFlags_RoundCornersBottomRight) out |= ImDrawFlags_RoundCornersBottomLeft;
    return out;
}

// Where a line cut to fit room px ends (a byte of the text): the longest start of the line whose
// glyphs, by their shaped advances, take at most room. No shaping: a frame pays a pass over the
// line's glyphs, not a layout per candidate length.
std::size_t fitting_end(const text::Line& line, float scale, float room) {
    std::vector<std::pair<std::uint32_t, float>> clusters; // (first byte, advance), logical order
    for (const auto& run : line.runs)
        for (const auto& glyph : run.glyphs) clusters.emplace_back(glyph.cluster, glyph.x_advance * scale);
    std::sort(clusters.begin(), clusters.end());
    float used = 0;
    for (std::size_t i = 0; i < clusters.size();) {
        const std::uint32_t start = clusters[i].first;
        float width = 0;
        for (; i < clusters.size() && clusters[i].first == start; ++i) width += clusters[i].second;
        if (used + width > room) return std::max<std::size_t>(start, line.byte_begin);
        used += width;
    }
    return line.byte_end;
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
    if (!frame.mirrored()) {
        frame.draw->AddImageRounded(id, min, max, ImVec2(u0, v0), ImVec2(u0 + u, v0 + v),
                                    with_alpha(IM_COL32_WHITE, alpha), rounding, corners);
        return;
    }
    // A picture is never mirrored: drawn in its mirrored box as it is (mirror.hpp).
    const int first_vertex = frame.draw->VtxBuffer.Size;
    const float left = frame.mirror->left_of(min.x, box_w);
    frame.draw->AddImageRounded(id, ImVec2(left, min.y), ImVec2(left + box_w, max.y), ImVec2(u0, v0),
                                ImVec2(u0 + u, v0 + v), with_alpha(IM_COL32_WHITE, alpha), rounding,
                                mirrored_corners(corners));
    frame.mirror->keep(first_vertex, frame.draw->VtxBuffer.Size);
}

void draw_image_placeholder(Frame& frame, ImVec2 min, ImVec2 max, float rounding, ImDrawFlags corners) {
    frame.draw->AddRectFilled(min, max, frame.theme.palette.surface, rounding, corners);
}

float pill_width(const Frame& frame, float height, std::string_view label, std::optional<Font> font) {
    const Font f = font.value_or(frame.fonts.body);
    return text_width(frame, f, drawn_size(f), label) + height * 0.9f;
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
                const TapAction& action, std::optional<Font> font) {
    const Font f = font.value_or(frame.fonts.body);
    const float width = pill_width(frame, height, label, f);
    const ImU32 text = draw_pill_shape(frame, pos, ImVec2(pos.x + width, pos.y + height), style, action);
    const float size = drawn_size(f);
    draw_line(frame, f, size, ImVec2(pos.x + height * 0.45f, pos.y + (height - size) / 2 - size * 0.04f), text, label);
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
        const Font font = frame.fonts.heading;
        const float big = drawn_size(font), small = big * 0.7f;
        const float small_w = text_width(frame, font, small, "A");
        const float w = small_w + text_width(frame, font, big, "A");
        draw_line(frame, font, small, ImVec2(c.x - w / 2, c.y - small * 0.62f + (big - small) * 0.35f), ink, "A");
        draw_line(frame, font, big, ImVec2(c.x - w / 2 + small_w, c.y - big * 0.62f), ink, "A");
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

float text_height(const Frame& frame, Font font, float size, std::string_view text, float width, int max_lines,
                  float line_height) {
    if (!frame.fonts.text) return 0;
    auto lines = frame.fonts.text->lay_out(font.style, size, text, width).line_count();
    if (max_lines > 0) lines = std::min(lines, static_cast<std::size_t>(max_lines));
    return static_cast<float>(lines) * size * line_height;
}

float draw_text(Frame& frame, Font font, float size, ImVec2 pos, float width, ImU32 color, std::string_view text,
                int max_lines, float line_height) {
    if (!frame.fonts.text) return 0;
    auto& typesetter = *frame.fonts.text;
    const auto laid_out = typesetter.lay_out(font.style, size, text, width);
    const std::size_t lines = laid_out.line_count();
    const std::size_t shown = max_lines > 0 ? std::min(lines, static_cast<std::size_t>(max_lines)) : lines;
    const float advance = size * line_height;
    if (shown == lines) {
        draw_laid_out(frame, font, size, laid_out, pos, width, advance, color);
        return static_cast<float>(shown) * advance;
    }
    // The last line shown ends in an ellipsis, inside the width.
    draw_laid_out(frame, font, size, laid_out, pos, width, advance, color, shown - 1);
    const auto& last = laid_out.paragraph->lines[shown - 1];
    const std::string ellipsis = "\xE2\x80\xA6";
    const float room = width - typesetter.width(font.style, size, ellipsis);
    const std::size_t end = fitting_end(last, laid_out.scale, room);
    std::string piece(text.substr(last.byte_begin, end - last.byte_begin));
    while (!piece.empty() && piece.back() == ' ') piece.pop_back();
    // Cut text is shaped anew (an Arabic letter at the cut takes its final form): rarely a hair
    // wider than its parts were, then a letter more goes.
    while (!piece.empty() && typesetter.width(font.style, size, piece + ellipsis) > width) pop_code_point(piece);
    const auto cut = typesetter.lay_out(font.style, size, piece + ellipsis);
    draw_laid_out(frame, font, size, cut, ImVec2(pos.x, pos.y + static_cast<float>(shown - 1) * advance), width, advance,
                  color);
    return static_cast<float>(shown) * advance;
}

namespace {

// Emphasis in the accent (no italic face covers Chinese or Arabic), strong heavier.
std::vector<TextSpan> spans_of(const content::Block& block, ImU32 accent, ImU32 color) {
    std::vector<TextSpan> spans;
    for (const auto& span : block.spans) {
        const bool strong = span.style == content::SpanStyle::strong;
        spans.push_back(TextSpan{span.begin, span.end, strong ? color : accent, strong});
    }
    // An emphasis inside strong text keeps the accent: emphasis spans first.
    std::stable_sort(spans.begin(), spans.end(), [](const TextSpan& a, const TextSpan& b) { return !a.strong && b.strong; });
    return spans;
}

} // namespace

float draw_block(Frame& frame, const content::Block& block, ImVec2 pos, float width, bool draw) {
    if (!frame.fonts.text) return 0;
    const auto& p = frame.theme.palette;
    const bool heading = block.kind == content::BlockKind::heading;
    const Font font = heading ? frame.fonts.heading : frame.fonts.body;
    const float size = heading ? drawn_size(frame.fonts.heading) * (block.level <= 1 ? 1.0f : 0.82f)
                               : drawn_size(frame.fonts.body);
    const float indent = block.kind == content::BlockKind::bullet ? frame.dp(34)
                         : block.kind == content::BlockKind::quote ? frame.dp(30)
                                                                   : 0.0f;
    const float line_height = heading ? 1.3f : 1.5f;
    const auto laid_out = frame.fonts.text->lay_out(font.style, size, block.text, width - indent);
    const float height = static_cast<float>(laid_out.line_count()) * size * line_height;
    if (!draw) return height;

    const ImU32 color = heading ? p.accent : block.kind == content::BlockKind::quote ? p.text_muted : p.text;
    if (block.kind == content::BlockKind::bullet)
        frame.draw->AddCircleFilled(ImVec2(pos.x + frame.dp(10), pos.y + size * 0.72f), frame.dp(5), p.accent, 16);
    if (block.kind == content::BlockKind::quote)
        frame.draw->AddRectFilled(ImVec2(pos.x, pos.y + size * 0.2f), ImVec2(pos.x + frame.dp(5), pos.y + height - size * 0.3f),
                                  p.accent_soft, frame.dp(3));
    draw_laid_out(frame, font, size, laid_out, ImVec2(pos.x + indent, pos.y), width - indent, size * line_height, color,
                  laid_out.line_count(), spans_of(block, p.accent, color));
    return height;
}

} // namespace pavilion::screens
