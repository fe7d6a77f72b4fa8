#include "pavilion/screens/home_screen.hpp"

#include "pavilion/screens/figures_screen.hpp"
#include "pavilion/screens/text_draw.hpp"
#include "pavilion/screens/view_builder.hpp"
#include "pavilion/screens/widgets.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace pavilion::screens {
namespace {

using Screen = core::Route::Screen;

struct Rect {
    ImVec2 min;
    ImVec2 max;
};

// What a tile needs besides its own view.
struct TileExtras {
    const std::vector<content::MapFeature>* features; // for the map tile's sketch; none before on_open
    const std::string& first_figure;                  // for the figures tile
    MapSketch& sketch;
};

// The tile's own decoration: a picture, a map sketch, a big number or a stack of pages.
void draw_tile_art(Frame& frame, const HomeTile& tile, const TileExtras& extras, Rect r, float radius) {
    const auto& p = frame.theme.palette;
    if (!tile.image.empty()) {
        if (auto texture = frame.images.full(tile.image)) draw_image_cover(frame, *texture, r.min, r.max, radius);
        else draw_image_placeholder(frame, r.min, r.max, radius);
        // A scrim under the words keeps them readable over any picture.
        // Gradients cannot be rounded, so the last corner-high band is a solid rounded rectangle.
        const float band_top = r.max.y - radius;
        frame.draw->AddRectFilledMultiColor(ImVec2(r.min.x, r.max.y - (r.max.y - r.min.y) * 0.55f),
                                            ImVec2(r.max.x, band_top), IM_COL32(0, 0, 0, 0), IM_COL32(0, 0, 0, 0),
                                            p.scrim, p.scrim);
        frame.draw->AddRectFilled(ImVec2(r.min.x, band_top), r.max, p.scrim, radius, ImDrawFlags_RoundCornersBottom);
        return;
    }
    frame.draw->AddRectFilled(r.min, r.max, p.surface, radius);
    if (tile.route.screen == Screen::map && extras.features) {
        const float aspect = (r.max.x - r.min.x) / (r.max.y - r.min.y);
        SketchStyle style;
        style.line_width_dp = 3;
        auto& sketch = extras.sketch;
        sketch.draw(frame, *extras.features, sketch.window_fitting(*extras.features, aspect), r.min, r.max, style);
    } else if (tile.route.screen == Screen::sources) {
        // Three offset pages.
        const float w = frame.dp(70), h = frame.dp(88);
        for (int i = 2; i >= 0; --i) {
            const ImVec2 a(r.max.x - frame.dp(56) - w - i * frame.dp(14), r.min.y + frame.dp(28) + i * frame.dp(10));
            frame.draw->AddRectFilled(a, ImVec2(a.x + w, a.y + h), i == 0 ? p.text : p.surface_pressed, frame.dp(8));
            if (i == 0) {
                for (int line = 0; line < 4; ++line)
                    frame.draw->AddRectFilled(ImVec2(a.x + frame.dp(12), a.y + frame.dp(18 + 16 * line)),
                                              ImVec2(a.x + w - frame.dp(line == 3 ? 30 : 12), a.y + frame.dp(24 + 16 * line)),
                                              p.background_top, frame.dp(3));
            }
        }
    }
}

void draw_tile(Frame& frame, const HomeTile& tile, const TileExtras& extras, Rect r, int index) {
    const auto& p = frame.theme.palette;
    const float radius = frame.dp(frame.theme.metrics.radius);
    // Tiles rise into place one after another when Home opens.
    const float t = std::clamp((frame.screen_age_s - index * 0.05f) / 0.35f, 0.0f, 1.0f);
    const float ease = 1 - (1 - t) * (1 - t) * (1 - t);
    const float rise = (1 - ease) * frame.dp(24);
    r.min.y += rise, r.max.y += rise;
    const bool pressed = frame.pressed(r.min, r.max);
    if (pressed) { // sink slightly under the finger
        const float inset = frame.dp(4);
        r.min.x += inset, r.min.y += inset, r.max.x -= inset, r.max.y -= inset;
    }
    draw_tile_art(frame, tile, extras, r, radius);
    if (pressed) frame.draw->AddRectFilled(r.min, r.max, p.surface_pressed, radius);

    const float pad = frame.dp(frame.theme.metrics.padding);
    const Font title_font = frame.fonts.heading;
    const float size = drawn_size(title_font);
    const float width = r.max.x - r.min.x - 2 * pad;
    const float caption_size = body_size(frame);
    const float title_h = text_height(frame, title_font, size, tile.title, width, 2, 1.25f);
    const float bottom = r.max.y - pad;
    const float caption_top = bottom - (tile.caption.empty() ? 0 : caption_size * 1.3f);
    draw_text(frame, title_font, size, ImVec2(r.min.x + pad, caption_top - title_h), width, p.text, tile.title, 2, 1.25f);
    if (tile.route.screen == Screen::figures && !extras.first_figure.empty()) {
        // The first key figure, large, above the title, when the tile is tall enough for it.
        const Font display = frame.fonts.display;
        // Set smaller when it would run past the tile (a figure in the trillions).
        const float natural = text_width(frame, display, drawn_size(display), extras.first_figure);
        const float number = drawn_size(display) * std::min(1.0f, width / std::max(natural, 1.0f));
        const float top = caption_top - title_h - number * 1.1f;
        if (top >= r.min.y + pad * 0.5f)
            draw_line(frame, display, number, ImVec2(r.min.x + pad, top), p.accent, extras.first_figure);
    }
    if (!tile.caption.empty())
        draw_line(frame, frame.fonts.body, caption_size, ImVec2(r.min.x + pad, caption_top), p.text_muted, tile.caption);
    // An arrow in the corner says "this opens".
    const ImVec2 c(r.max.x - pad - frame.dp(10), r.max.y - pad - caption_size * 0.4f - title_h * 0.3f);
    frame.draw->AddLine(ImVec2(c.x - frame.dp(12), c.y), ImVec2(c.x + frame.dp(6), c.y), p.accent, frame.dp(3));
    frame.draw->AddPolyline(std::array<ImVec2, 3>{ImVec2(c.x - frame.dp(2), c.y - frame.dp(8)), ImVec2(c.x + frame.dp(7), c.y),
                                                  ImVec2(c.x - frame.dp(2), c.y + frame.dp(8))}.data(), 3, p.accent, 0, frame.dp(3));
    frame.targets.add(r.min, r.max, model::Intent{model::OpenRoute{tile.route}});
}

// The pack's title and subtitle; returns the y below them, where the tiles start.
float draw_title_block(Frame& frame, const HomeView& view, float top, float margin) {
    const auto& p = frame.theme.palette;
    const bool portrait = frame.size.y > frame.size.x;
    float y = top + frame.dp(portrait ? 24 : 8);
    const float title_width = frame.size.x - 2 * margin;
    const Font display = frame.fonts.display;
    y += draw_text(frame, display, drawn_size(display), ImVec2(margin, y), title_width * (portrait ? 1.0f : 0.8f),
                   p.text, view.title, 3, 1.15f);
    if (!view.subtitle.empty()) {
        y += frame.dp(10);
        y += draw_text(frame, frame.fonts.body, body_size(frame), ImVec2(margin, y), title_width, p.text_muted,
                       view.subtitle, 2);
    }
    return y + frame.dp(portrait ? 40 : 32);
}

// [ big ][ big ][ small / small / small ]: the two picture tiles first, the others stacked.
std::vector<Rect> landscape_tiles(std::size_t n, float left, float right, float y, float bottom, float gutter) {
    std::vector<Rect> rects;
    const std::size_t big = std::min<std::size_t>(2, n);
    const float column = (right - left - 2 * gutter) / 3;
    for (std::size_t i = 0; i < big; ++i)
        rects.push_back({ImVec2(left + i * (column + gutter), y), ImVec2(left + i * (column + gutter) + column, bottom)});
    const std::size_t small = n - big;
    const float x = left + big * (column + gutter);
    const float w = big == 2 ? column : right - x;
    const float h = small ? (bottom - y - gutter * (small - 1)) / small : 0;
    for (std::size_t i = 0; i < small; ++i)
        rects.push_back({ImVec2(x, y + i * (h + gutter)), ImVec2(x + w, y + i * (h + gutter) + h)});
    return rects;
}

// [ big ] / [ big ] / [ small | small | small ]
std::vector<Rect> portrait_tiles(std::size_t n, float left, float right, float y, float bottom, float gutter,
                                 float small_h) {
    std::vector<Rect> rects;
    const std::size_t big = std::min<std::size_t>(2, n);
    const std::size_t small = n - big;
    const float big_h = big ? (bottom - y - small_h - gutter * big) / big : 0;
    for (std::size_t i = 0; i < big; ++i)
        rects.push_back({ImVec2(left, y + i * (big_h + gutter)), ImVec2(right, y + i * (big_h + gutter) + big_h)});
    const float sy = y + big * (big_h + gutter);
    const float w = small ? (right - left - gutter * (small - 1)) / small : 0;
    for (std::size_t i = 0; i < small; ++i)
        rects.push_back({ImVec2(left + i * (w + gutter), sy), ImVec2(left + i * (w + gutter) + w, bottom)});
    return rects;
}

} // namespace

void HomeScreen::on_open(const ScreenContext& context) {
    view_ = context.views.home();
    map_ = &context.map;
    first_figure_.clear();
    const auto figures = context.views.figures();
    text::NumberFormats formats;
    if (!figures.figures.empty())
        first_figure_ = figure_text(figures.figures.front(), 1, text::NumberForm::full, figures.numbers, formats);
}

void HomeScreen::draw(Frame& frame, float top, std::vector<model::Intent>&) {
    const auto& m = frame.theme.metrics;
    const bool portrait = frame.size.y > frame.size.x;
    const float margin = frame.dp(m.margin) * (portrait ? 0.75f : 1.0f);
    const float gutter = frame.dp(m.gutter);
    const float y = draw_title_block(frame, view_, top, margin);
    const float bottom = frame.size.y - margin;
    const float left = margin, right = frame.size.x - margin;
    const std::size_t n = view_.tiles.size();
    const auto rects = portrait ? portrait_tiles(n, left, right, y, bottom, gutter, frame.dp(230))
                                : landscape_tiles(n, left, right, y, bottom, gutter);
    const TileExtras extras{map_ ? &map_->features : nullptr, first_figure_, sketch_};
    for (std::size_t i = 0; i < n; ++i) draw_tile(frame, view_.tiles[i], extras, rects[i], static_cast<int>(i));
}

std::vector<Picture> HomeScreen::first_pictures() const {
    std::vector<Picture> pictures;
    for (const auto& tile : view_.tiles) {
        if (!tile.image.empty()) pictures.push_back({tile.image, false});
    }
    return pictures;
}

} // namespace pavilion::screens
