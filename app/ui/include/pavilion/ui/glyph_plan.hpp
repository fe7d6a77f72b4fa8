#pragma once
// Which characters each font size must hold. Dear ImGui 1.86 bakes every glyph up front, and the
// whole CJK range at several sizes would not fit a 4096-pixel texture, so the atlas holds only
// the characters the pack and the interface actually use, and the large sizes only what is
// shown large.

#include "pavilion/content/model.hpp"
#include "pavilion/core/utf8.hpp"

namespace pavilion::ui {

struct GlyphPlan {
    core::CodepointSet body;    // every character of every text, all locales
    core::CodepointSet heading; // titles, interface words, names
    core::CodepointSet display; // the pack title, figure values, attract captions
};

GlyphPlan plan_glyphs(const content::Catalog& catalog);

} // namespace pavilion::ui
