// Accuracy and respect in the default pack (issue 20): official names, sources a reader can
// check, the same people in every language, and figures written as each language writes them.
// A kiosk at a cultural-exchange event is judged on these; each check guards a fix a bilingual
// review asked for, so a later edit cannot quietly undo it.

#include "pack_fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

namespace pavilion {
namespace {

using testing::default_pack;

// Every text of one item in one locale, joined: what a visitor can read on its screens.
std::string item_text(const content::Item& item, const std::string& locale) {
    const auto& text = item.text.at(locale);
    std::string all = text.title + "\n" + text.summary + "\n" + text.place_name + "\n";
    for (const auto& point : text.key_points) all += point + "\n";
    for (const auto& block : text.blocks) all += block.text + "\n";
    return all;
}

std::string source_text(const content::Source& source, const std::string& locale) {
    const auto& text = source.text.at(locale);
    return text.author + "\n" + text.outlet + "\n" + text.title + "\n" + text.summary + "\n";
}

// Everything the pack shows in one locale.
std::string pack_text(const std::string& locale) {
    const auto& catalog = default_pack().catalog();
    std::string all = catalog.meta.title.at(locale) + "\n" + catalog.meta.subtitle.at(locale) + "\n";
    for (const auto* list : {&catalog.initiatives, &catalog.stories})
        for (const auto& item : *list) all += item_text(item, locale);
    for (const auto& figure : catalog.figures) {
        const auto& text = figure.text.at(locale);
        all += text.label + "\n" + text.unit + "\n" + text.display + "\n";
    }
    for (const auto& source : catalog.sources) all += source_text(source, locale);
    for (const auto& slide : catalog.slides) all += slide.caption.at(locale) + "\n";
    for (const auto& feature : catalog.features) all += content::localized(feature.name, locale, "en") + "\n";
    for (const auto& [key, value] : catalog.strings.at(locale)) all += value + "\n";
    return all;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

bool is_seed_article(const content::Source& source) { return source.id.size() == 20 && source.id[3] == '_'; }

// The nine mechanisms (December 2024), each under its own name in the two items that present them;
// checked against the seed article 003 and, for those it carries, Xinhua's report.
TEST(DefaultPackAccuracy, TheNineMechanismsHaveTheirOfficialNames) {
    std::string zh;
    for (const char* ref : {"initiative/nine-mechanisms", "initiative/nine-mechanisms-safeguards"}) {
        const auto* item = default_pack().catalog().find_item(ref);
        ASSERT_NE(item, nullptr) << ref;
        zh += item_text(*item, "zh");
    }
    for (const char* name : {"共建“一带一路”合作规划统筹管理机制", "“硬联通”“软联通”“心联通”协调推进机制",
                             "产业链供应链务实合作机制", "新兴领域国际交流合作机制", "投融资多元保障机制",
                             "风险防控内外协同机制", "海外利益保障机制", "高水平国际传播机制", "廉洁丝绸之路合作机制"})
        EXPECT_TRUE(contains(zh, name)) << name;
}

TEST(DefaultPackAccuracy, NoWrongNameOrTermAppears) {
    // Official names as Xinhua published them on 2 December 2024, and the bank's own name.
    const std::vector<std::string> wrong_zh = {
        "统筹推进机制", "风险防控内外联动机制", "海外利益保护机制", "金砖国家新开发银行", "新兴领域交流合作机制",
        // back-translations of machine-translated English titles, presented as originals
        "《补短板，高质量共建“一带一路”》", "《高质量共建“一带一路”重在务实成效》",
        "《全面推动共建“一带一路”高质量发展》", "《高质量共建“一带一路”须增强系统性和协同性》",
        "“心联通”靠民心相通", "比不上一条铁路"};
    const std::vector<std::string> wrong_en = {
        "President Xi Jinping", "President Xi", "compliance first", "background colour", "blood-making",
        "Protecting overseas interests"};
    const auto zh = pack_text("zh");
    const auto en = pack_text("en");
    for (const auto& name : wrong_zh) EXPECT_FALSE(contains(zh, name)) << name;
    for (const auto& name : wrong_en) EXPECT_FALSE(contains(en, name)) << name;
    for (const auto& name : {"协调推进机制", "风险防控内外协同机制", "海外利益保障机制", "新开发银行"})
        EXPECT_TRUE(contains(zh, name)) << name;
    EXPECT_TRUE(contains(en, "Safeguarding overseas interests"));
}

// An outside record gives its outlet and a URL or a date. The five articles the pack is written
// from were read in copies that do not all say where and when they appeared; where a copy does
// not, the source says so to the visitor in both languages rather than guessing.
TEST(DefaultPackAccuracy, EverySourceCanBeChecked) {
    const std::regex date(R"(\d{4}(-\d{2}(-\d{2})?)?)");
    for (const auto& source : default_pack().catalog().sources) {
        SCOPED_TRACE(source.id);
        if (!source.date.empty()) EXPECT_TRUE(std::regex_match(source.date, date)) << source.date;
        if (!source.url.empty()) EXPECT_EQ(source.url.rfind("http", 0), 0u) << source.url;
        if (!is_seed_article(source)) {
            EXPECT_FALSE(source.outlet.empty());
            EXPECT_FALSE(source.url.empty() && source.date.empty()) << "neither a URL nor a date";
            continue;
        }
        if (source.outlet.empty() || (source.date.empty() && source.url.empty())) {
            EXPECT_TRUE(contains(source.text.at("en").summary, "The copy used")) << "the gap is not disclosed in en";
            EXPECT_TRUE(contains(source.text.at("zh").summary, "未注明")) << "the gap is not disclosed in zh";
        }
    }
}

TEST(DefaultPackAccuracy, NoItemCitesASourceThatNamesNothing) {
    const auto& catalog = default_pack().catalog();
    EXPECT_EQ(catalog.find_source("public-record"), nullptr);
    for (const auto* list : {&catalog.initiatives, &catalog.stories}) {
        for (const auto& item : *list) {
            for (const auto& id : item.sources) {
                const auto* source = catalog.find_source(id);
                ASSERT_NE(source, nullptr) << item.ref << " cites " << id;
                EXPECT_FALSE(source->outlet.empty() && source->author.empty() && source->url.empty())
                    << item.ref << " cites " << id << ", which names no outlet, author or address";
            }
        }
    }
}

bool has_cjk(const std::string& text) {
    // UTF-8 lead bytes E4..E9 start the CJK Unified Ideographs U+4E00..U+9FFF.
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0xE4 && byte <= 0xE9;
    });
}

// A Chinese reader sees 《经济日报》 and 新华社 under a source, not "Economic Daily" and "Xinhua".
TEST(DefaultPackAccuracy, BylinesReadInEachLanguage) {
    for (const auto& source : default_pack().catalog().sources) {
        const auto& zh = source.text.at("zh");
        const auto& en = source.text.at("en");
        if (!en.outlet.empty()) EXPECT_TRUE(has_cjk(zh.outlet)) << source.id << ": " << zh.outlet;
        EXPECT_FALSE(has_cjk(en.outlet)) << source.id << ": " << en.outlet;
        EXPECT_FALSE(has_cjk(en.author)) << source.id << ": " << en.author;
    }
}

struct Person {
    std::vector<std::string> en; // any of these forms
    std::string zh;              // "" while no Chinese form has been verified: then named in no language
    std::string ru;              // the stem of the standard (Palladius) transcription: Russian declines
                                 // names (Си Цзиньпина), and the stem matches every case
    std::string ar;              // the transcription Chinese official media use in Arabic
};

// The people the texts name. Authors whose Chinese names could not be verified are described the
// same way in every language ("a researcher at the China Center for International Economic
// Exchanges" / 中国国际经济交流中心研究员) instead of being named in some languages only; their
// Russian and Arabic forms are listed so that a translation naming them anyway is caught.
const std::vector<Person> kPeople = {
    {{"Xi Jinping"}, "习近平", "Си Цзиньпин", "شي جين بينغ"},
    {{"Wang Yiming"}, "王一鸣", "Ван Имин", "وانغ يي مينغ"},
    {{"Luo Yuze"}, "罗雨泽", "Ло Юйцзэ", "لوه يو تسه"},
    {{"Lin Zhanxi"}, "林占熺", "Линь Чжаньси", "لين تشان شي"},
    {{"Yan Shaojun"}, "", "Янь Шаоцзюнь", "يان شاو جيون"},
    {{"Huang Youxing"}, "", "Хуан Юсин", "هوانغ يو شينغ"},
    {{"Wang Lijuan"}, "", "Ван Лицзюань", "وانغ لي جيوان"},
};

bool names(const std::string& text, const Person& person, const std::string& locale) {
    if (locale == "en")
        return std::any_of(person.en.begin(), person.en.end(), [&](const auto& form) { return contains(text, form); });
    const std::string& form = locale == "zh" ? person.zh : locale == "ru" ? person.ru : person.ar;
    if (locale == "zh" && form.empty()) return false;
    return contains(text, form);
}

TEST(DefaultPackAccuracy, EachPersonIsNamedInEveryLanguageOrInNone) {
    const auto& catalog = default_pack().catalog();
    auto check = [&catalog](const std::string& where, const auto& text_in) {
        const std::string en = text_in("en");
        for (const auto& pack_locale : catalog.meta.locales) {
            const std::string& locale = pack_locale.code;
            if (locale == "en") continue;
            const std::string translated = text_in(locale);
            for (const auto& person : kPeople)
                EXPECT_EQ(names(en, person, "en"), names(translated, person, locale))
                    << where << " (" << locale << "): " << person.en.front();
        }
    };
    for (const auto* list : {&catalog.initiatives, &catalog.stories})
        for (const auto& item : *list)
            check(item.ref, [&](const std::string& locale) { return item_text(item, locale); });
    for (const auto& source : catalog.sources)
        check(source.id, [&](const std::string& locale) { return source_text(source, locale); });
}

// Chinese readers expect 10万+, not 100,000+: a figure of ten thousand or more gives its Chinese
// form, and the form says the same number.
TEST(DefaultPackAccuracy, ChineseFiguresReadAsChineseReadersExpect) {
    bool found = false;
    for (const auto& figure : default_pack().catalog().figures) {
        const auto& zh = figure.text.at("zh");
        if (figure.value >= 10000) EXPECT_FALSE(zh.display.empty()) << figure.id;
        EXPECT_TRUE(figure.text.at("en").display.empty()) << figure.id << ": English uses the kiosk's 100,000+";
        if (figure.id == "china-europe-train-trips") {
            found = true;
            EXPECT_EQ(figure.value, 100000);
            EXPECT_EQ(zh.display, "10万+");
        }
    }
    EXPECT_TRUE(found);
}

} // namespace
} // namespace pavilion
