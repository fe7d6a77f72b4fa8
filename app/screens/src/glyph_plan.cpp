#include "pavilion/screens/glyph_plan.hpp"

#include <cstdio>
#include <string_view>
#include <vector>

namespace pavilion::screens {
namespace {

void add_all(const content::Localized& texts, core::CodepointSet& set) {
    for (const auto& [locale, text] : texts) core::add_codepoints(text, set);
}

void add_printable_ascii(core::CodepointSet& set) {
    for (char32_t c = 0x20; c < 0x7F; ++c) set.insert(c);
}

struct ItemGlyphs {
    BodyGlyphs text; // the body size, and the heading size for titles and headings
    CodepointBits display;
};

void plan_item(const content::Item& item, ItemGlyphs& seen) {
    using content::BlockKind;
    for (const auto& [locale, text] : item.text) {
        seen.text.add(BlockKind::heading, text.title);
        seen.display.add(text.title); // detail pages set the title large
        seen.text.add(BlockKind::paragraph, text.summary);
        seen.text.add(BlockKind::paragraph, text.place_name);
        // The body, when the catalog holds it (else FontSetup adds it from the pack the same way).
        for (const auto& point : text.key_points) seen.text.add(BlockKind::paragraph, point);
        for (const auto& block : text.blocks) seen.text.add(block.kind, block.text);
    }
}

} // namespace

void CodepointBits::add(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        std::size_t length;
        const char32_t c = core::decode_utf8(text, at, length);
        if (c < kBits) bits_[c] = true;
        else beyond_.insert(c);
        at += length;
    }
}

void CodepointBits::move_into(core::CodepointSet& set) const {
    for (char32_t c = 0; c < kBits; ++c) {
        if (bits_[c]) set.insert(c);
    }
    set.insert(beyond_.begin(), beyond_.end());
}

void BodyGlyphs::add(content::BlockKind kind, std::string_view text) {
    body_.add(text);
    if (kind == content::BlockKind::heading) heading_.add(text);
}

void BodyGlyphs::add_to(GlyphPlan& plan) const {
    body_.move_into(plan.body);
    heading_.move_into(plan.heading);
}

GlyphPlan plan_glyphs(const content::Catalog& catalog) {
    GlyphPlan plan;
    add_printable_ascii(plan.body);
    add_printable_ascii(plan.heading);
    // Punctuation the screens add themselves: "…" ends cut-off text, "·" joins bylines and
    // prompts, "–" and "," appear in figures and titles.
    for (auto* set : {&plan.body, &plan.heading, &plan.display}) {
        for (char32_t c : {char32_t{0x2026}, char32_t{0x00B7}, char32_t{0x2013}, char32_t{','}}) set->insert(c);
    }
    for (char32_t c : U"0123456789.,+-% ") plan.display.insert(c);
    plan.display.erase(0);

    const auto& meta = catalog.meta;
    for (const auto* texts : {&meta.title, &meta.subtitle}) {
        add_all(*texts, plan.body);
        add_all(*texts, plan.heading);
    }
    add_all(meta.title, plan.display);
    for (const auto& locale : meta.locales) {
        core::add_codepoints(locale.name, plan.heading);
        core::add_codepoints(locale.name, plan.body); // the language pills use the body font
    }
    for (const auto& [locale, strings] : catalog.strings) {
        for (const auto& [key, text] : strings) {
            core::add_codepoints(text, plan.body);
            core::add_codepoints(text, plan.heading);
        }
    }
    ItemGlyphs items;
    for (const auto* list : {&catalog.initiatives, &catalog.stories}) {
        for (const auto& item : *list) plan_item(item, items);
    }
    items.text.add_to(plan);
    items.display.move_into(plan.display);
    for (const auto& facet : catalog.facets) {
        add_all(facet.name, plan.heading);
        add_all(facet.name, plan.body); // filter chips
    }
    for (const auto& figure : catalog.figures) {
        core::add_codepoints(figure.suffix, plan.display);
        for (const auto& [locale, text] : figure.text) {
            core::add_codepoints(text.display, plan.display);
            core::add_codepoints(text.label, plan.body);
            core::add_codepoints(text.unit, plan.body);
            core::add_codepoints(text.unit, plan.heading);
        }
    }
    for (const auto& source : catalog.sources) {
        core::add_codepoints(source.author, plan.body);
        core::add_codepoints(source.outlet, plan.body);
        for (const auto& [locale, text] : source.text) {
            core::add_codepoints(text.author, plan.body);
            core::add_codepoints(text.outlet, plan.body);
            core::add_codepoints(text.title, plan.body);
            core::add_codepoints(text.title, plan.heading); // the sources screen sets titles as headings
            core::add_codepoints(text.summary, plan.body);
        }
    }
    for (const auto& feature : catalog.features) add_all(feature.name, plan.body);
    for (const auto& slide : catalog.slides) {
        add_all(slide.caption, plan.body);
        add_all(slide.caption, plan.heading); // captions in the other languages
        add_all(slide.caption, plan.display);
    }
    return plan;
}

} // namespace pavilion::screens
