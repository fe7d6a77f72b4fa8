#pragma once
// Which characters each font size must hold. Dear ImGui 1.86 bakes every glyph up front, and the
// whole CJK range at several sizes would not fit a 4096-pixel texture, so the atlas holds only
// the characters the pack and the interface actually use, and the large sizes only what is
// shown large.

#include "pavilion/content/model.hpp"
#include "pavilion/core/utf8.hpp"

#include <string_view>
#include <vector>

namespace pavilion::screens {

struct GlyphPlan {
    core::CodepointSet body;    // every character of every text, all locales
    core::CodepointSet heading; // titles, interface words, names
    core::CodepointSet display; // the pack title, figure values, attract captions
};

// Every character the catalog's texts use, in the sizes they are drawn at. Bodies left out of
// the catalog (CatalogBodies::on_demand) are added with BodyGlyphs.
GlyphPlan plan_glyphs(const content::Catalog& catalog);

// Code points seen, one bit each below U+10000. A pack's texts are millions of characters (2,000
// stories) but a few thousand distinct ones: a bit per character read is far cheaper than a set
// lookup.
class CodepointBits {
public:
    void add(std::string_view text);
    void move_into(core::CodepointSet& set) const;

private:
    static constexpr char32_t kBits = 0x10000;
    std::vector<bool> bits_ = std::vector<bool>(kBits);
    core::CodepointSet beyond_;
};

// The characters of item bodies read apart from the catalog, added to a plan as plan_glyphs adds
// those of a catalog that holds them: all in the body size, headings in the heading size too.
class BodyGlyphs {
public:
    void add(content::BlockKind kind, std::string_view text);
    void add_to(GlyphPlan& plan) const;

private:
    CodepointBits body_, heading_;
};

} // namespace pavilion::screens
