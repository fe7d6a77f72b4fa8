#include "pavilion/ui/glyph_plan.hpp"

#include <cstdio>

namespace pavilion::ui {
namespace {

void add_all(const content::Localized& texts, core::CodepointSet& set) {
    for (const auto& [locale, text] : texts) core::add_codepoints(text, set);
}

void add_printable_ascii(core::CodepointSet& set) {
    for (char32_t c = 0x20; c < 0x7F; ++c) set.insert(c);
}

void plan_item(const content::Item& item, GlyphPlan& plan) {
    for (const auto& [locale, text] : item.text) {
        core::add_codepoints(text.title, plan.heading);
        core::add_codepoints(text.title, plan.display); // detail pages set the title large
        for (const auto* piece : {&text.title, &text.summary, &text.place_name})
            core::add_codepoints(*piece, plan.body);
        for (const auto& point : text.key_points) core::add_codepoints(point, plan.body);
        for (const auto& block : text.blocks) {
            core::add_codepoints(block.text, plan.body);
            if (block.kind == content::BlockKind::heading) core::add_codepoints(block.text, plan.heading);
        }
    }
}

} // namespace

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
    for (const auto* list : {&catalog.initiatives, &catalog.stories}) {
        for (const auto& item : *list) plan_item(item, plan);
    }
    for (const auto& facet : catalog.facets) {
        add_all(facet.name, plan.heading);
        add_all(facet.name, plan.body); // filter chips
    }
    for (const auto& figure : catalog.figures) {
        core::add_codepoints(figure.suffix, plan.display);
        for (const auto& [locale, text] : figure.text) {
            core::add_codepoints(text.label, plan.body);
            core::add_codepoints(text.unit, plan.body);
            core::add_codepoints(text.unit, plan.heading);
        }
    }
    for (const auto& source : catalog.sources) {
        core::add_codepoints(source.author, plan.body);
        core::add_codepoints(source.outlet, plan.body);
        for (const auto& [locale, text] : source.text) {
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

} // namespace pavilion::ui
