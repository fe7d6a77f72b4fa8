#pragma once
// A Typesetter for a catalog's texts, built as the kiosk builds it (Debian's Noto fonts, the
// pack's text plan, the glyph atlas at a scale), without a GPU: the atlas pages get stand-in
// texture ids. Screens drawn with it make real vertices for real glyphs.

#include "pavilion/content/model.hpp"
#include "pavilion/core/expected.hpp"
#include "pavilion/screens/text_fonts.hpp"
#include "pavilion/screens/typesetter.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace pavilion::testing {

inline core::Expected<std::unique_ptr<screens::Typesetter>> make_typesetter(const content::Catalog& catalog,
                                                                             float scale) {
    auto fonts = screens::open_text_fonts(screens::kiosk_font_files(), scale);
    if (!fonts) return fonts.error();
    screens::build_text_atlas(*fonts, screens::TextPlan(catalog));
    std::vector<ImTextureID> pages;
    for (std::size_t page = 0; page < fonts->atlas.pages.size(); ++page)
        pages.push_back(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(page + 1)));
    return std::make_unique<screens::Typesetter>(std::move(*fonts), std::move(pages));
}

} // namespace pavilion::testing
