#pragma once
// Which texts each text style draws, so the glyph atlas holds exactly the glyphs they shape into
// (an Arabic joining form or a ligature exists only after shaping: the atlas is planned from
// texts, not characters), and the large sizes only what is shown large.

#include "pavilion/content/model.hpp"

#include <array>
#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace pavilion::screens {

// The four ways the screens set text: running text, its bold (labels, bylines), headings and
// display figures. Each has one size the atlas holds; other sizes are drawn scaled from it.
enum class TextStyle : std::uint8_t { body, body_bold, heading, display };
inline constexpr std::size_t kTextStyles = 4;
inline constexpr std::size_t index_of(TextStyle style) { return static_cast<std::size_t>(style); }
inline bool is_bold(TextStyle style) { return style != TextStyle::body; }

// A text and the language it is in ("" when unknown): shaping may choose glyphs by language
// (Persian digits, Serbian letter forms), so the atlas is planned as the screens will lay out.
struct PlannedText {
    std::string_view text;
    std::string_view locale;
};

class TextPlan {
public:
    // Every text of the catalog in the styles it is drawn in, and the words and signs the
    // interface adds itself (Latin letters for staff screens, digits, "…"). Item bodies left
    // out of the catalog (CatalogBodies::on_demand) are added with add_body. The catalog
    // outlives the plan (texts are viewed, not copied).
    explicit TextPlan(const content::Catalog& catalog);

    // A body block read apart from the catalog: copied, in the body style (headings also in the
    // heading style).
    void add_body(content::BlockKind kind, std::string_view text);

    const std::vector<PlannedText>& texts(TextStyle style) const { return texts_[index_of(style)]; }

private:
    void add(TextStyle style, std::string_view text, std::string_view locale);
    void add_owned(std::initializer_list<TextStyle> styles, std::string text);
    void add_figures(const content::Catalog& catalog);

    std::array<std::vector<PlannedText>, kTextStyles> texts_;
    std::deque<std::string> owned_; // texts not in the catalog; a deque never moves them
};

} // namespace pavilion::screens
