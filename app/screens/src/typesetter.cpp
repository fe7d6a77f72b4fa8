#include "pavilion/screens/typesetter.hpp"

#include <algorithm>
#include <cmath>

namespace pavilion::screens {
namespace {

// Enough paragraphs for every screen's texts in two languages; a story's blocks are a handful.
constexpr std::size_t kCachedParagraphs = 4000;

const std::shared_ptr<const text::Paragraph>& empty_paragraph() {
    static const auto empty = std::make_shared<const text::Paragraph>();
    return empty;
}

// Face (up to 2^16), glyph id (16 bits in OpenType) and size in 1/64 px (up to 2^32): one number.
std::uint64_t packed_key(std::size_t face, std::uint32_t glyph, std::int32_t size_64) {
    return (static_cast<std::uint64_t>(face & 0xFFFF) << 48) | (static_cast<std::uint64_t>(glyph & 0xFFFF) << 32) |
           static_cast<std::uint32_t>(size_64);
}

const TextSpan* span_at(const std::vector<TextSpan>& spans, std::size_t byte) {
    for (const auto& span : spans)
        if (byte >= span.begin && byte < span.end) return &span;
    return nullptr;
}

} // namespace

Typesetter::Typesetter(TextFonts fonts, std::vector<ImTextureID> page_textures)
    : fonts_(std::move(fonts)), pages_(std::move(page_textures)), regular_layouter_(*fonts_.regular),
      bold_layouter_(*fonts_.bold), regular_cache_(regular_layouter_, kCachedParagraphs),
      bold_cache_(bold_layouter_, kCachedParagraphs), quads_by_page_(pages_.size()) {
    by_key_.reserve(fonts_.atlas.glyphs.size());
    for (const auto& [key, glyph] : fonts_.atlas.glyphs)
        if (key.face <= 0xFFFF && key.glyph <= 0xFFFF) by_key_.emplace(packed_key(key.face, key.glyph, key.size_64), &glyph);
}

const text::AtlasGlyph* Typesetter::find(std::size_t face, std::uint32_t glyph, std::int32_t size_64) const {
    if (face > 0xFFFF || glyph > 0xFFFF) return fonts_.atlas.find(text::AtlasKey{face, glyph, size_64});
    const auto found = by_key_.find(packed_key(face, glyph, size_64));
    return found == by_key_.end() ? nullptr : found->second;
}

void Typesetter::set_locale(std::string_view locale) {
    if (locale_ != locale) locale_.assign(locale);
}

LaidOutText Typesetter::lay_out(TextStyle style, float size, std::string_view text, float max_width) {
    const float em_raster = fonts_.em_px[index_of(style)];
    const float em_drawn = size * fonts_.metrics.em;
    if (text.empty() || em_raster <= 0 || em_drawn <= 0) return {empty_paragraph(), 1};
    const float scale = em_drawn / em_raster;
    const text::LayoutOptions options{em_raster, max_width > 0 ? max_width / scale : 0, text::Direction::auto_detect,
                                      locale_};
    auto laid_out = (is_bold(style) ? bold_cache_ : regular_cache_).get(text, options);
    if (!laid_out) return {empty_paragraph(), scale};
    return {std::move(*laid_out), scale};
}

void Typesetter::draw(ImDrawList& draw, TextStyle style, float size, const LaidOutText& text,
                      const LinePlacement& place, ImU32 color, const std::vector<TextSpan>& spans) {
    const auto& lines = text.paragraph->lines;
    const std::size_t shown = std::min(lines.size(), place.max_lines);
    // Lines wholly above or below the clip rectangle make no quads (a long story scrolled, as
    // ImGui's own text did): glyphs reach at most a line box beyond their own.
    const float clip_top = draw.GetClipRectMin().y, clip_bottom = draw.GetClipRectMax().y;
    const float reach = std::max(place.line_advance, size) * 1.5f;
    for (std::size_t i = 0; i < shown; ++i) {
        const float line_top = place.top + static_cast<float>(i) * place.line_advance;
        if (line_top - reach > clip_bottom) break;
        if (line_top + reach < clip_top) continue;
        const float width = lines[i].width * text.scale;
        const float left = place.align_right ? place.left + place.box_width - width : place.left;
        const float baseline = place.top + static_cast<float>(i) * place.line_advance + size * fonts_.metrics.ascent;
        place_line(style, lines[i], text.scale, ImVec2(left, baseline), size, color, spans);
    }
    flush(draw);
}

void Typesetter::place_line(TextStyle style, const text::Line& line, float scale, ImVec2 pen, float size, ImU32 color,
                            const std::vector<TextSpan>& spans) {
    const float em = fonts_.em_px[index_of(style)];
    const auto size_64 = text::size_64_of(em);
    // At the atlas's own size, glyphs sit on whole pixels, as FreeType rasterized them (sharp);
    // scaled, they keep their exact places (the bitmap is filtered anyway).
    const bool snap = std::abs(scale - 1) < 1e-3f;
    const float embolden = std::max(1.0f, size * 0.03f); // strong text in a face without its bold
    for (const auto& run : line.runs) {
        const std::size_t face = fonts_.atlas_face(style, run.face);
        for (const auto& glyph : run.glyphs) {
            const auto* entry = find(face, glyph.id, size_64);
            const float x = pen.x + glyph.x_offset * scale, y = pen.y - glyph.y_offset * scale;
            pen.x += glyph.x_advance * scale;
            if (!entry) {
                ++missing_;
                continue;
            }
            if (entry->width == 0 || entry->page >= quads_by_page_.size()) continue;
            ImVec2 min(x + entry->bearing_x * scale, y - entry->bearing_y * scale);
            if (snap) min = ImVec2(std::round(min.x), std::round(min.y));
            const ImVec2 max(min.x + entry->width * scale, min.y + entry->height * scale);
            const TextSpan* span = span_at(spans, glyph.cluster);
            const ImU32 ink = span ? span->color : color;
            auto& quads = quads_by_page_[entry->page];
            quads.push_back({min, max, ImVec2(entry->u0, entry->v0), ImVec2(entry->u1, entry->v1), ink});
            if (span && span->strong)
                quads.push_back({ImVec2(min.x + embolden, min.y), ImVec2(max.x + embolden, max.y),
                                 ImVec2(entry->u0, entry->v0), ImVec2(entry->u1, entry->v1), ink});
        }
    }
}

void Typesetter::flush(ImDrawList& draw) {
    for (std::size_t page = 0; page < quads_by_page_.size(); ++page) {
        auto& quads = quads_by_page_[page];
        if (quads.empty()) continue;
        draw.PushTextureID(pages_[page]);
        draw.PrimReserve(static_cast<int>(quads.size()) * 6, static_cast<int>(quads.size()) * 4);
        for (const auto& q : quads) draw.PrimRectUV(q.min, q.max, q.uv_min, q.uv_max, q.color);
        draw.PopTextureID();
        quads.clear();
    }
}

} // namespace pavilion::screens
