// The default pack in Arabic (issue 21): every text a visitor can read has its Arabic form, written
// in Arabic script (so an entry that was missed, or copied over from English, is caught), the
// language names itself as Arabic readers look for it, and the figures say the same numbers as in
// English.

#include "pack_fixture.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace pavilion {
namespace {

using testing::default_pack;

const std::string kArabic = "ar";

// True when the UTF-8 text holds at least one Arabic letter (U+0620..U+064A or U+0671..U+06D3):
// Arabic punctuation or digits alone (، ٫) do not make a text Arabic.
bool has_arabic_letter(const std::string& text) {
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const auto next = static_cast<unsigned char>(text[i + 1]);
        if (lead < 0xD8 || lead > 0xDB || (next & 0xC0) != 0x80) continue; // U+0600..U+06FF only
        const std::uint32_t code = ((lead & 0x1Fu) << 6) | (next & 0x3Fu);
        if ((code >= 0x0620 && code <= 0x064A) || (code >= 0x0671 && code <= 0x06D3)) return true;
    }
    return false;
}

// Every run of digits in a text, in order: "from 2013 to 2025" gives {"2013", "2025"}.
std::multiset<std::string> digit_runs(const std::string& text) {
    static const std::regex digits("[0-9]+");
    std::multiset<std::string> runs;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), digits); it != std::sregex_iterator(); ++it)
        runs.insert(it->str());
    return runs;
}

void expect_arabic(const std::string& text, const std::string& where) {
    EXPECT_TRUE(has_arabic_letter(text)) << where << " has no Arabic text: \"" << text << "\"";
}

TEST(DefaultPackArabic, TheHelperTellsArabicFromOtherScripts) {
    EXPECT_TRUE(has_arabic_letter("الحزام والطريق"));
    EXPECT_TRUE(has_arabic_letter("100 ألف"));
    EXPECT_FALSE(has_arabic_letter("Belt and Road"));
    EXPECT_FALSE(has_arabic_letter("“一带一路”"));
    EXPECT_FALSE(has_arabic_letter("Пояс и путь"));
    EXPECT_FALSE(has_arabic_letter("٫،"));
    EXPECT_FALSE(has_arabic_letter(""));
}

TEST(DefaultPackArabic, TheLanguageIsOfferedUnderItsOwnName) {
    const auto& meta = default_pack().catalog().meta;
    bool found = false;
    for (const auto& locale : meta.locales) {
        if (locale.code != kArabic) continue;
        found = true;
        EXPECT_EQ(locale.name, "العربية");
    }
    EXPECT_TRUE(found) << "the pack has no ar locale";
    expect_arabic(meta.title.at(kArabic), "the pack's title");
    expect_arabic(meta.subtitle.at(kArabic), "the pack's subtitle");
}

TEST(DefaultPackArabic, EveryItemReadsInArabic) {
    const auto& catalog = default_pack().catalog();
    for (const auto* list : {&catalog.initiatives, &catalog.stories}) {
        for (const auto& item : *list) {
            SCOPED_TRACE(item.ref);
            ASSERT_TRUE(item.text.count(kArabic));
            const auto& ar = item.text.at(kArabic);
            const auto& en = item.text.at("en");
            expect_arabic(ar.title, "title");
            expect_arabic(ar.summary, "summary");
            if (!en.place_name.empty()) expect_arabic(ar.place_name, "place");
            EXPECT_EQ(ar.key_points.size(), en.key_points.size()) << "key points";
            for (const auto& point : ar.key_points) expect_arabic(point, "key point");
            EXPECT_EQ(ar.blocks.size(), en.blocks.size()) << "body blocks";
            for (std::size_t i = 0; i < ar.blocks.size(); ++i) {
                expect_arabic(ar.blocks[i].text, "block " + std::to_string(i));
                if (i >= en.blocks.size()) continue;
                EXPECT_EQ(ar.blocks[i].kind, en.blocks[i].kind) << "block " << i;
                EXPECT_EQ(ar.blocks[i].spans.size(), en.blocks[i].spans.size()) << "emphasis in block " << i;
            }
        }
    }
}

TEST(DefaultPackArabic, FiguresSayTheSameNumbersAsInEnglish) {
    for (const auto& figure : default_pack().catalog().figures) {
        SCOPED_TRACE(figure.id);
        ASSERT_TRUE(figure.text.count(kArabic));
        const auto& ar = figure.text.at(kArabic);
        const auto& en = figure.text.at("en");
        expect_arabic(ar.label, "label");
        expect_arabic(ar.unit, "unit");
        // "from 2013 to 2025", "December 2024", "15th": the same years and ordinals in Arabic.
        EXPECT_EQ(digit_runs(ar.label + " " + ar.unit), digit_runs(en.label + " " + en.unit));
        if (ar.display.empty()) continue;
        expect_arabic(ar.display, "display");
        // The first number of a display form counts up on the screen: it, times the Arabic word
        // for thousand or million after it, must be the figure's value.
        static const std::regex first_number("([0-9]+)( (ألف|مليون))?");
        std::smatch match;
        ASSERT_TRUE(std::regex_search(ar.display, match, first_number)) << ar.display;
        double said = std::stod(match[1].str());
        if (match[3] == "ألف") said *= 1e3;
        if (match[3] == "مليون") said *= 1e6;
        EXPECT_EQ(said, figure.value) << ar.display;
    }
}

TEST(DefaultPackArabic, EverySourceReadsInArabic) {
    for (const auto& source : default_pack().catalog().sources) {
        SCOPED_TRACE(source.id);
        ASSERT_TRUE(source.text.count(kArabic));
        const auto& ar = source.text.at(kArabic);
        const auto& en = source.text.at("en");
        expect_arabic(ar.title, "title");
        expect_arabic(ar.summary, "summary");
        if (!en.outlet.empty()) expect_arabic(ar.outlet, "outlet");
        // An author given per language (a name, or a description) reads in Arabic; one string for
        // every language (Latin names of a paper's authors) stays as it is.
        if (en.author != source.text.at("zh").author) expect_arabic(ar.author, "author");
        // Where the English discloses that the copy used lacks an outlet or a date, so does the Arabic.
        if (en.summary.find("The copy used") != std::string::npos) {
            EXPECT_NE(ar.summary.find("النسخة المستخدمة"), std::string::npos) << ar.summary;
        }
    }
}

TEST(DefaultPackArabic, ThemesRegionsSlidesAndMapNamesReadInArabic) {
    const auto& catalog = default_pack().catalog();
    for (const auto& facet : catalog.facets) expect_arabic(facet.name.at(kArabic), "facet " + facet.id);
    for (std::size_t i = 0; i < catalog.slides.size(); ++i)
        expect_arabic(catalog.slides[i].caption.at(kArabic), "slide " + std::to_string(i));
    for (const auto& feature : catalog.features) {
        ASSERT_TRUE(feature.name.count(kArabic)) << feature.id;
        expect_arabic(feature.name.at(kArabic), "map feature " + feature.id);
    }
}

TEST(DefaultPackArabic, EveryInterfaceWordHasItsArabicForm) {
    const auto& strings = default_pack().catalog().strings;
    ASSERT_TRUE(strings.count(kArabic));
    const auto& ar = strings.at(kArabic);
    for (const auto& [key, english] : strings.at("en")) {
        SCOPED_TRACE(key);
        ASSERT_TRUE(ar.count(key)) << "missing";
        expect_arabic(ar.at(key), key);
        // A placeholder the kiosk fills in ("Cited {n} times") is kept.
        if (english.find("{n}") != std::string::npos) {
            EXPECT_NE(ar.at(key).find("{n}"), std::string::npos);
        }
    }
}

// The texts and the figures' display forms write numbers in Western digits (as Xinhua's Arabic
// service does); the kiosk's own figures follow that choice instead of ICU's Arabic-Indic default.
TEST(DefaultPackArabic, FiguresUseTheDigitsTheTextsUse) {
    const auto& ar = default_pack().catalog().strings.at(kArabic);
    ASSERT_TRUE(ar.count("number_digits"));
    EXPECT_EQ(ar.at("number_digits"), "latn");
}

} // namespace
} // namespace pavilion
