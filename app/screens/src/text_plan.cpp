#include "pavilion/screens/text_plan.hpp"

#include "pavilion/text/number_format.hpp"

namespace pavilion::screens {
namespace {

using Style = TextStyle;

// What the interface writes itself, in every style: staff screens in English (any Latin letter,
// each alone, and the ligatures Noto Sans forms from them), the punctuation the screens add ("…"
// ends cut-off text, "·" joins bylines), and digits as the figures may write them (Western,
// Arabic-Indic and Persian, with their separators; spaces ICU groups Russian digits with).
std::vector<std::string> interface_texts() {
    std::vector<std::string> texts;
    for (char c = 0x21; c < 0x7F; ++c) texts.emplace_back(1, c);
    texts.emplace_back("ff fi fl ffi ffl");
    texts.emplace_back("\xE2\x80\xA6 \xC2\xB7 \xE2\x80\x93 \xE2\x80\x94 \xE2\x80\x9C\xE2\x80\x9D \xE2\x80\x98\xE2\x80\x99 "
                       "\xC2\xAB\xC2\xBB \xC2\xA0 \xE2\x80\xAF \xC3\x97");
    texts.emplace_back("\xD9\xA0\xD9\xA1\xD9\xA2\xD9\xA3\xD9\xA4\xD9\xA5\xD9\xA6\xD9\xA7\xD9\xA8\xD9\xA9 \xD9\xAB\xD9\xAC\xD9\xAA");
    texts.emplace_back("\xDB\xB0\xDB\xB1\xDB\xB2\xDB\xB3\xDB\xB4\xDB\xB5\xDB\xB6\xDB\xB7\xDB\xB8\xDB\xB9");
    return texts;
}

} // namespace

void TextPlan::add(Style style, std::string_view text, std::string_view locale) {
    if (!text.empty()) texts_[index_of(style)].push_back(PlannedText{text, locale});
}

void TextPlan::add_owned(std::initializer_list<Style> styles, std::string text) {
    owned_.push_back(std::move(text));
    for (Style style : styles) add(style, owned_.back(), "");
}

void TextPlan::add_body(content::BlockKind kind, std::string_view text) {
    if (kind == content::BlockKind::heading) add_owned({Style::body, Style::heading}, std::string(text));
    else add_owned({Style::body}, std::string(text));
}

// The figures as the screens write them in each language (ICU's words: "тыс.", "万", Arabic-Indic
// digits), full and compact, and every digit the count-up passes through.
void TextPlan::add_figures(const content::Catalog& catalog) {
    for (const auto& locale : catalog.meta.locales) {
        text::NumberStyle style{locale.code, ""};
        if (const auto strings = catalog.strings.find(locale.code); strings != catalog.strings.end())
            if (const auto digits = strings->second.find("number_digits"); digits != strings->second.end())
                style.digits = digits->second;
        std::string texts = text::format_number(1234567890.5, 1, style);
        for (const auto& figure : catalog.figures) {
            texts += " " + text::format_number(figure.value, figure.decimals, style) + figure.suffix;
            texts += " " + text::format_compact(figure.value, style) + figure.suffix;
        }
        owned_.push_back(std::move(texts));
        add(Style::display, owned_.back(), locale.code);
    }
}

TextPlan::TextPlan(const content::Catalog& catalog) {
    for (auto& text : interface_texts())
        add_owned({Style::body, Style::body_bold, Style::heading, Style::display}, std::move(text));
    auto add_all = [this](const content::Localized& texts, std::initializer_list<Style> styles) {
        for (const auto& [locale, text] : texts)
            for (Style style : styles) add(style, text, locale);
    };
    const auto& meta = catalog.meta;
    add_all(meta.title, {Style::body, Style::heading, Style::display});
    add_all(meta.subtitle, {Style::body, Style::heading});
    for (const auto& locale : meta.locales) {
        for (Style style : {Style::body, Style::body_bold, Style::heading}) add(style, locale.name, locale.code);
        // Digits and signs take the font of the script before them ("عدد مرات الاستشهاد: 3" draws
        // its 3 from Noto Naskh Arabic): the screens put numbers into texts in every language.
        owned_.push_back(locale.name + " 0123456789 +-%.,:;()/\xE2\x80\xA6\xC2\xB7");
        for (Style style : {Style::body, Style::body_bold, Style::heading, Style::display})
            add(style, owned_.back(), locale.code);
    }
    for (const auto& [locale, strings] : catalog.strings)
        for (const auto& [key, text] : strings)
            for (Style style : {Style::body, Style::body_bold, Style::heading}) add(style, text, locale);
    for (const auto* list : {&catalog.initiatives, &catalog.stories}) {
        for (const auto& item : *list) {
            for (const auto& [locale, text] : item.text) {
                for (Style style : {Style::body, Style::body_bold, Style::heading, Style::display}) add(style, text.title, locale);
                add(Style::body, text.summary, locale);
                add(Style::body, text.place_name, locale);
                add(Style::body_bold, text.place_name, locale);
                for (const auto& point : text.key_points) add(Style::body, point, locale);
                for (const auto& block : text.blocks) {
                    add(Style::body, block.text, locale);
                    if (block.kind == content::BlockKind::heading) add(Style::heading, block.text, locale);
                }
            }
        }
    }
    for (const auto& facet : catalog.facets) add_all(facet.name, {Style::body, Style::body_bold, Style::heading});
    add_figures(catalog);
    for (const auto& figure : catalog.figures) {
        add(Style::display, figure.suffix, "");
        for (const auto& [locale, text] : figure.text) {
            add(Style::display, text.display, locale);
            add(Style::body, text.label, locale);
            add(Style::body, text.unit, locale);
            add(Style::heading, text.unit, locale);
        }
    }
    for (const auto& source : catalog.sources) {
        for (Style style : {Style::body, Style::body_bold}) add(style, source.author, ""), add(style, source.outlet, "");
        for (const auto& [locale, text] : source.text) {
            for (Style style : {Style::body, Style::body_bold}) add(style, text.author, locale), add(style, text.outlet, locale);
            add(Style::body, text.title, locale);
            add(Style::heading, text.title, locale); // the sources screen sets titles as headings
            add(Style::body, text.summary, locale);
        }
    }
    for (const auto& feature : catalog.features) add_all(feature.name, {Style::body});
    for (const auto& slide : catalog.slides) add_all(slide.caption, {Style::body, Style::heading, Style::display});
}

} // namespace pavilion::screens
