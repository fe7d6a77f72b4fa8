// The mini-pack fixture built with build_pack and read back with PackReader: every item of the
// source must come back exactly, and builds must be reproducible byte for byte.

#include "content_test_support.hpp"

#include "pavilion/content/image_codec.hpp"

#include <algorithm>
#include <set>

namespace pavilion::content::test {
namespace {

using Strings = std::vector<std::string>;

class MiniPackRoundTrip : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(mini_pack().error.empty()) << mini_pack().error; }

    static const PackReader& reader() { return *mini_pack().reader; }
    static const Catalog& catalog() { return reader().catalog(); }

    static const Item& item(const std::string& ref) {
        const Item* found = catalog().find_item(ref);
        if (!found) throw std::runtime_error(ref + " is not in the pack");
        return *found;
    }
    static const ItemText& text(const std::string& ref, const std::string& locale) {
        return item(ref).text.at(locale);
    }
    static const MapFeature& feature(const std::string& id) {
        for (const auto& f : catalog().features) {
            if (f.id == id) return f;
        }
        throw std::runtime_error("no map feature " + id);
    }
    static Strings refs(const std::vector<Item>& items) {
        Strings out;
        for (const auto& i : items) out.push_back(i.ref);
        return out;
    }
    static Strings facet_ids(FacetKind kind) {
        Strings out;
        for (const auto& facet : catalog().facets) {
            if (facet.kind == kind) out.push_back(facet.id);
        }
        return out;
    }
    static Localized facet_name(FacetKind kind, const std::string& id) {
        for (const auto& facet : catalog().facets) {
            if (facet.kind == kind && facet.id == id) return facet.name;
        }
        throw std::runtime_error("no facet " + id);
    }
    // Every media id an item or slide uses, once.
    static std::set<std::string> image_ids() {
        std::set<std::string> ids;
        for (const auto* list : {&catalog().initiatives, &catalog().stories}) {
            for (const auto& i : *list) ids.insert(i.image);
        }
        for (const auto& slide : catalog().slides) ids.insert(slide.image);
        return ids;
    }
};

// The text a span covers, to show byte ranges and words agree.
std::string styled(const Block& block, std::size_t span) {
    const auto& s = block.spans.at(span);
    return block.text.substr(s.begin, s.end - s.begin);
}

TEST_F(MiniPackRoundTrip, BuildReportCountsTheSource) {
    const auto& report = *mini_pack().report;
    EXPECT_EQ(report.pack_id, "mini-pack");
    EXPECT_EQ(report.version, 3);
    EXPECT_EQ(report.initiatives, 2);
    EXPECT_EQ(report.stories, 2);
    EXPECT_EQ(report.figures, 2);
    EXPECT_EQ(report.images, 2) << "rail.svg and wind.svg, each stored once";
    EXPECT_EQ(report.bytes, fs::file_size(mini_pack().path));
}

TEST_F(MiniPackRoundTrip, PackMeta) {
    const auto& meta = catalog().meta;
    EXPECT_EQ(meta.id, "mini-pack");
    EXPECT_EQ(meta.version, 3);
    EXPECT_EQ(meta.created, "2026-11-24");
    EXPECT_EQ(meta.default_locale, "en");
    EXPECT_EQ(meta.locales, (std::vector<Locale>{{"en", "English"}, {"zh", "中文"}}));
    EXPECT_EQ(meta.idle_timeout_s, 60);
    EXPECT_EQ(meta.title, (Localized{{"en", "Mini Pavilion"}, {"zh", "迷你展馆"}}));
    EXPECT_EQ(meta.subtitle, (Localized{{"en", "A test pack"}, {"zh", "测试内容包"}}));
    EXPECT_EQ(meta.font_media, "") << "the fixture brings no font";
    const auto font = reader().font_bytes();
    ASSERT_TRUE(font) << font.error().message;
    EXPECT_TRUE(font->empty());
}

TEST_F(MiniPackRoundTrip, FacetsKeepTheAuthorsOrderAndNames) {
    EXPECT_EQ(facet_ids(FacetKind::theme), (Strings{"connectivity", "green"}));
    EXPECT_EQ(facet_ids(FacetKind::region), (Strings{"europe", "southeast-asia"}));
    EXPECT_EQ(catalog().facets.size(), 4u);
    EXPECT_EQ(facet_name(FacetKind::theme, "connectivity"),
              (Localized{{"en", "Connectivity"}, {"zh", "互联互通"}}));
    EXPECT_EQ(facet_name(FacetKind::theme, "green"),
              (Localized{{"en", "Green development"}, {"zh", "绿色发展"}}));
    EXPECT_EQ(facet_name(FacetKind::region, "europe"), (Localized{{"en", "Europe"}, {"zh", "欧洲"}}));
    EXPECT_EQ(facet_name(FacetKind::region, "southeast-asia"),
              (Localized{{"en", "Southeast Asia"}, {"zh", "东南亚"}}));
}

TEST_F(MiniPackRoundTrip, Sources) {
    const auto& sources = catalog().sources;
    ASSERT_EQ(sources.size(), 2u);

    const auto& one = sources[0];
    EXPECT_EQ(one.id, "article_one");
    EXPECT_EQ(one.author, "A. Author");
    EXPECT_EQ(one.outlet, "Test Outlet");
    EXPECT_EQ(one.date, "2024-02-27");
    EXPECT_EQ(one.url, "https://example.org/article-one");
    ASSERT_EQ(one.text.size(), 2u);
    EXPECT_EQ(one.text.at("en").title, "The first article");
    EXPECT_EQ(one.text.at("en").summary, "What the first article says.");
    EXPECT_EQ(one.text.at("zh").title, "第一篇文章");
    EXPECT_EQ(one.text.at("zh").summary, "第一篇文章的内容。");
    EXPECT_EQ(one.text.at("en").outlet, "Test Outlet");
    EXPECT_EQ(one.text.at("zh").outlet, "《测试报》") << "the outlet as Chinese writes it";
    EXPECT_EQ(one.text.at("zh").author, "A. Author") << "one form for every language";

    const auto& two = sources[1];
    EXPECT_EQ(two.id, "article-two");
    EXPECT_EQ(two.author, "");
    EXPECT_EQ(two.outlet, "");
    EXPECT_EQ(two.date, "") << "no date given";
    EXPECT_EQ(two.url, "") << "no url given";
    ASSERT_EQ(two.text.size(), 2u);
    EXPECT_EQ(two.text.at("en").title, "The second article");
    EXPECT_EQ(two.text.at("en").summary, "");
    EXPECT_EQ(two.text.at("zh").title, "第二篇文章");
    EXPECT_EQ(two.text.at("zh").summary, "");

    EXPECT_EQ(catalog().find_source("article-two"), &two);
    EXPECT_EQ(catalog().find_source("nope"), nullptr);
}

TEST_F(MiniPackRoundTrip, Figures) {
    const auto& figures = catalog().figures;
    ASSERT_EQ(figures.size(), 2u);

    EXPECT_EQ(figures[0].id, "partner-countries");
    EXPECT_EQ(figures[0].value, 150);
    EXPECT_EQ(figures[0].decimals, 0);
    EXPECT_EQ(figures[0].suffix, "+");
    EXPECT_EQ(figures[0].source, "article_one");
    EXPECT_EQ(figures[0].text.at("en").unit, "countries");
    EXPECT_EQ(figures[0].text.at("en").label, "signed cooperation documents");
    EXPECT_EQ(figures[0].text.at("zh").unit, "个国家");
    EXPECT_EQ(figures[0].text.at("zh").label, "签署合作文件");
    EXPECT_EQ(figures[0].text.at("zh").display, "逾150") << "as Chinese writes it";
    EXPECT_EQ(figures[0].text.at("en").display, "") << "English leaves it to the kiosk";

    EXPECT_EQ(figures[1].id, "growth");
    EXPECT_EQ(figures[1].value, 12.5);
    EXPECT_EQ(figures[1].decimals, 1);
    EXPECT_EQ(figures[1].suffix, "");
    EXPECT_EQ(figures[1].source, "article-two");
    EXPECT_EQ(figures[1].text.at("en").unit, "%");
    EXPECT_EQ(figures[1].text.at("en").label, "growth");
    EXPECT_EQ(figures[1].text.at("zh").label, "增长");
}

TEST_F(MiniPackRoundTrip, ItemsComeInOrderOfTheirOrderField) {
    EXPECT_EQ(refs(catalog().initiatives),
              (Strings{"initiative/overview", "initiative/green-silk-road"}));
    EXPECT_EQ(refs(catalog().stories), (Strings{"story/china-laos-railway", "story/mozura-wind-farm"}));
    for (const auto* list : {&catalog().initiatives, &catalog().stories}) {
        for (const auto& i : *list) {
            EXPECT_EQ(i.ref, std::string(to_string(i.kind)) + "/" + i.slug);
            EXPECT_EQ(i.text.size(), 2u) << i.ref << " should have text in en and zh";
        }
    }
    EXPECT_EQ(item("initiative/overview").order, 10);
    EXPECT_EQ(item("initiative/green-silk-road").order, 20);
}

TEST_F(MiniPackRoundTrip, OverviewInitiative) {
    const auto& overview = item("initiative/overview");
    EXPECT_EQ(overview.kind, ItemKind::initiative);
    EXPECT_EQ(overview.slug, "overview");
    EXPECT_EQ(overview.theme, "connectivity");
    EXPECT_EQ(overview.region, "");
    EXPECT_EQ(overview.url, "https://example.org/overview");
    EXPECT_FALSE(overview.place.has_value());
    EXPECT_EQ(overview.sources, (Strings{"article_one", "article-two"}));
    EXPECT_EQ(overview.related, (Strings{"story/china-laos-railway"}));

    const auto& en = overview.text.at("en");
    EXPECT_EQ(en.title, "The Initiative at a Glance");
    EXPECT_EQ(en.summary, "Twelve years of cooperation, in one page.");
    EXPECT_EQ(en.key_points, (Strings{"More than 150 countries take part.", "Connectivity comes first."}));
    EXPECT_EQ(en.place_name, "");
    const auto& zh = overview.text.at("zh");
    EXPECT_EQ(zh.title, "倡议概览");
    EXPECT_EQ(zh.summary, "十二年合作，一页读懂。");
    EXPECT_EQ(zh.key_points, (Strings{"150多个国家参与。", "互联互通是首要任务。"}));
    EXPECT_EQ(zh.place_name, "");
}

TEST_F(MiniPackRoundTrip, OverviewEnglishBlocksAndSpans) {
    const auto& blocks = text("initiative/overview", "en").blocks;
    const std::vector<Block> expected = {
        {BlockKind::paragraph, 0,
         "The initiative began in 2013. It now spans more than 150 countries.",
         {{24, 28, SpanStyle::emphasis}, {43, 66, SpanStyle::strong}}},
        {BlockKind::heading, 2, "Three kinds of connectivity", {}},
        {BlockKind::bullet, 0, "hard connectivity", {}},
        {BlockKind::bullet, 0, "soft connectivity", {}},
        {BlockKind::quote, 0, "Cooperation is a long-term plan, the author argues.", {}},
    };
    ASSERT_EQ(blocks.size(), expected.size());
    for (std::size_t i = 0; i < blocks.size(); ++i) EXPECT_EQ(blocks[i], expected[i]) << "block " << i;
    EXPECT_EQ(styled(blocks[0], 0), "2013");
    EXPECT_EQ(styled(blocks[0], 1), "more than 150 countries");
}

TEST_F(MiniPackRoundTrip, OverviewChineseBlocksJoinLinesWithoutSpaces) {
    const auto& blocks = text("initiative/overview", "zh").blocks;
    // The source breaks the first paragraph after 覆盖; Chinese has no spaces between words,
    // so the line break must vanish, and the styles must cover exactly their words.
    const std::vector<Block> expected = {
        {BlockKind::paragraph, 0, "倡议始于2013年，如今已覆盖150多个国家。",
         {{12, 19, SpanStyle::emphasis}, {37, 52, SpanStyle::strong}}},
        {BlockKind::heading, 2, "三种联通", {}},
        {BlockKind::bullet, 0, "硬联通", {}},
        {BlockKind::bullet, 0, "软联通", {}},
        {BlockKind::quote, 0, "作者认为，合作是一项长期规划。", {}},
    };
    ASSERT_EQ(blocks.size(), expected.size());
    for (std::size_t i = 0; i < blocks.size(); ++i) EXPECT_EQ(blocks[i], expected[i]) << "block " << i;
    ASSERT_EQ(blocks[0].spans.size(), 2u);
    EXPECT_EQ(styled(blocks[0], 0), "2013年");
    EXPECT_EQ(styled(blocks[0], 1), "150多个国家");
}

TEST_F(MiniPackRoundTrip, GreenSilkRoadInitiative) {
    const auto& green = item("initiative/green-silk-road");
    EXPECT_EQ(green.theme, "green");
    EXPECT_EQ(green.url, "");
    EXPECT_FALSE(green.place.has_value());
    EXPECT_EQ(green.sources, (Strings{"article_one"}));
    EXPECT_TRUE(green.related.empty());
    EXPECT_EQ(green.text.at("en").title, "Green Silk Road");
    EXPECT_EQ(green.text.at("en").summary, "Clean energy and green finance.");
    EXPECT_EQ(green.text.at("en").key_points, (Strings{"Wind and solar projects."}));
    EXPECT_EQ(green.text.at("en").blocks,
              (std::vector<Block>{{BlockKind::paragraph, 0, "Green development is a shared goal.", {}}}));
    EXPECT_EQ(green.text.at("zh").title, "绿色丝绸之路");
    EXPECT_EQ(green.text.at("zh").summary, "清洁能源与绿色金融。");
    EXPECT_EQ(green.text.at("zh").key_points, (Strings{"风电和光伏项目。"}));
    EXPECT_EQ(green.text.at("zh").blocks,
              (std::vector<Block>{{BlockKind::paragraph, 0, "绿色发展是共同目标。", {}}}));
}

TEST_F(MiniPackRoundTrip, ChinaLaosRailwayStory) {
    const auto& laos = item("story/china-laos-railway");
    EXPECT_EQ(laos.kind, ItemKind::story);
    EXPECT_EQ(laos.order, 10);
    EXPECT_EQ(laos.theme, "connectivity");
    EXPECT_EQ(laos.region, "southeast-asia");
    EXPECT_EQ(laos.url, "");
    ASSERT_TRUE(laos.place.has_value());
    EXPECT_EQ(*laos.place, (GeoPoint{102.61, 17.97}));
    EXPECT_EQ(laos.sources, (Strings{"article_one"}));
    EXPECT_EQ(laos.related, (Strings{"initiative/overview"}));

    const auto& en = laos.text.at("en");
    EXPECT_EQ(en.title, "China–Laos Railway");
    EXPECT_EQ(en.summary, "A railway through the mountains.");
    EXPECT_EQ(en.place_name, "Vientiane, Laos");
    EXPECT_EQ(en.key_points, (Strings{"Opened in December 2021.", "1,035 km from Kunming to Vientiane."}));
    EXPECT_EQ(en.blocks,
              (std::vector<Block>{{BlockKind::paragraph, 0, "The railway links Kunming and Vientiane.", {}}}));
    const auto& zh = laos.text.at("zh");
    EXPECT_EQ(zh.title, "中老铁路");
    EXPECT_EQ(zh.summary, "穿越群山的铁路。");
    EXPECT_EQ(zh.place_name, "老挝万象");
    EXPECT_EQ(zh.key_points, (Strings{"2021年12月开通。", "昆明至万象全长1035公里。"}));
    EXPECT_EQ(zh.blocks, (std::vector<Block>{{BlockKind::paragraph, 0, "中老铁路连接昆明和万象。", {}}}));
}

TEST_F(MiniPackRoundTrip, MozuraWindFarmStory) {
    const auto& mozura = item("story/mozura-wind-farm");
    EXPECT_EQ(mozura.order, 20);
    EXPECT_EQ(mozura.theme, "green");
    EXPECT_EQ(mozura.region, "europe");
    ASSERT_TRUE(mozura.place.has_value());
    EXPECT_EQ(*mozura.place, (GeoPoint{19.28, 41.93}));
    EXPECT_EQ(mozura.sources, (Strings{"article-two"}));
    EXPECT_TRUE(mozura.related.empty());
    EXPECT_EQ(mozura.text.at("en").title, "Možura Wind Farm");
    EXPECT_EQ(mozura.text.at("en").place_name, "Možura, Montenegro");
    EXPECT_EQ(mozura.text.at("en").key_points, (Strings{"46 MW of clean power."}));
    EXPECT_EQ(mozura.text.at("en").blocks,
              (std::vector<Block>{{BlockKind::paragraph, 0, "The wind farm stands on the Možura ridge.", {}}}));
    EXPECT_EQ(mozura.text.at("zh").title, "莫祖拉风电站");
    EXPECT_EQ(mozura.text.at("zh").summary, "为黑山提供风电。");
    EXPECT_EQ(mozura.text.at("zh").place_name, "黑山莫祖拉");
    EXPECT_EQ(mozura.text.at("zh").key_points, (Strings{"装机容量46兆瓦。"}));
}

TEST_F(MiniPackRoundTrip, MapFeaturesIncludeOnePointPerStory) {
    Strings ids;
    for (const auto& f : catalog().features) ids.push_back(f.id);
    EXPECT_EQ(ids, (Strings{"land-bridge", "khorgos", "story-china-laos-railway",
                            "story-mozura-wind-farm"}));

    const auto& corridor = feature("land-bridge");
    EXPECT_EQ(corridor.kind, FeatureKind::line);
    EXPECT_EQ(corridor.role, "corridor");
    EXPECT_EQ(corridor.link, "initiative/overview");
    EXPECT_EQ(corridor.coords,
              (std::vector<GeoPoint>{{119.2, 34.6}, {87.6, 43.8}, {13.4, 52.5}}));
    EXPECT_EQ(corridor.name, (Localized{{"en", "New Eurasian Land Bridge"}, {"zh", "新亚欧大陆桥"}}));

    const auto& khorgos = feature("khorgos");
    EXPECT_EQ(khorgos.kind, FeatureKind::point);
    EXPECT_EQ(khorgos.role, "site");
    EXPECT_EQ(khorgos.link, "");
    EXPECT_EQ(khorgos.coords, (std::vector<GeoPoint>{{80.4, 44.2}}));
    EXPECT_EQ(khorgos.name, (Localized{{"en", "Khorgos"}, {"zh", "霍尔果斯"}}));

    for (const auto* story : {&item("story/china-laos-railway"), &item("story/mozura-wind-farm")}) {
        const auto& point = feature("story-" + story->slug);
        EXPECT_EQ(point.kind, FeatureKind::point) << point.id;
        EXPECT_EQ(point.role, "story") << point.id;
        EXPECT_EQ(point.link, story->ref) << point.id;
        EXPECT_EQ(point.coords, (std::vector<GeoPoint>{*story->place})) << point.id;
        EXPECT_EQ(point.name, (Localized{{"en", story->text.at("en").title},
                                         {"zh", story->text.at("zh").title}}))
            << point.id;
    }
}

TEST_F(MiniPackRoundTrip, AttractSlides) {
    const auto& slides = catalog().slides;
    ASSERT_EQ(slides.size(), 2u);
    EXPECT_EQ(slides[0].caption,
              (Localized{{"en", "From Kunming to Vientiane in a day"}, {"zh", "昆明到万象，一日可达"}}));
    EXPECT_EQ(slides[1].caption,
              (Localized{{"en", "Wind power on the Adriatic"}, {"zh", "亚得里亚海岸的风电"}}));
    // Slides and items that name the same picture share one stored image.
    EXPECT_EQ(slides[0].image, item("initiative/overview").image) << "both use images/rail.svg";
    EXPECT_EQ(slides[1].image, item("initiative/green-silk-road").image) << "both use images/wind.svg";
    EXPECT_EQ(item("story/china-laos-railway").image, slides[0].image);
    EXPECT_EQ(item("story/mozura-wind-farm").image, slides[1].image);
    EXPECT_NE(slides[0].image, slides[1].image);
}

TEST_F(MiniPackRoundTrip, UiStrings) {
    const Strings required = {"home",        "back",     "initiatives", "stories",    "map",
                              "figures",     "sources",  "touch_to_explore", "still_there",
                              "language",    "related",  "key_points",  "source_label"};
    const auto& strings = catalog().strings;
    ASSERT_EQ(strings.size(), 2u);
    for (const auto& locale : {"en", "zh"}) {
        const auto& table = strings.at(locale);
        EXPECT_EQ(table.size(), required.size()) << locale;
        for (const auto& key : required) {
            ASSERT_TRUE(table.count(key)) << locale << " has no " << key;
            EXPECT_FALSE(table.at(key).empty()) << locale << "." << key;
        }
    }
    EXPECT_EQ(strings.at("en").at("home"), "Home");
    EXPECT_EQ(strings.at("en").at("stories"), "Project stories");
    EXPECT_EQ(strings.at("en").at("still_there"), "Still there?");
    EXPECT_EQ(strings.at("zh").at("home"), "首页");
    EXPECT_EQ(strings.at("zh").at("touch_to_explore"), "触摸屏幕，开始探索");
    EXPECT_EQ(strings.at("zh").at("source_label"), "来源");
}

TEST_F(MiniPackRoundTrip, ImagesAreScaledJpegsWithThumbnails) {
    const auto ids = image_ids();
    ASSERT_EQ(ids.size(), 2u);
    for (const auto& id : ids) {
        SCOPED_TRACE("image " + id);
        const auto info = reader().media_info(id);
        ASSERT_TRUE(info) << info.error().message;
        EXPECT_EQ(info->id, id);
        EXPECT_EQ(info->mime, "image/jpeg") << "the SVGs are opaque";
        // The SVGs are 1920x1080 drawings rasterized 1920 px wide.
        EXPECT_EQ(info->width, 1920);
        EXPECT_EQ(info->height, 1080);
        EXPECT_EQ(info->thumb_width, 480);
        EXPECT_EQ(info->thumb_height, 270);

        for (const auto variant : {ImageVariant::full, ImageVariant::thumbnail}) {
            const auto bytes = reader().image_bytes(id, variant);
            ASSERT_TRUE(bytes) << bytes.error().message;
            const auto pixels = decode_image(bytes->data(), bytes->size());
            ASSERT_TRUE(pixels) << pixels.error().message;
            const bool full = variant == ImageVariant::full;
            EXPECT_EQ(pixels->width, full ? info->width : info->thumb_width);
            EXPECT_EQ(pixels->height, full ? info->height : info->thumb_height);
            EXPECT_LE(std::max(pixels->width, pixels->height), full ? 1920 : 480);
            EXPECT_EQ(pixels->channels, 3);
        }
    }
}

TEST_F(MiniPackRoundTrip, UnknownMediaIdIsAnError) {
    const auto info = reader().media_info("no-such-media");
    ASSERT_FALSE(info);
    EXPECT_EQ(info.error().code, ErrorCode::corrupt);
    const auto bytes = reader().image_bytes("no-such-media", ImageVariant::full);
    ASSERT_FALSE(bytes);
    EXPECT_EQ(bytes.error().code, ErrorCode::corrupt);
}

// Facets come back in the order the author wrote them, not sorted by id.
TEST(PackBuilder, FacetsKeepTheOrderWrittenEvenWhenNotAlphabetical) {
    SourceCopy source;
    source.write(kPackToml, R"(id = "mini-pack"
version = 3
created = "2026-11-24"
default_locale = "en"
locales = ["en", "zh"]
title = { en = "Mini Pavilion", zh = "迷你展馆" }
locale_names = { en = "English", zh = "中文" }

[regions.southeast-asia]
en = "Southeast Asia"
zh = "东南亚"

[themes.green]
en = "Green development"
zh = "绿色发展"

[regions.europe]
en = "Europe"
zh = "欧洲"

[themes.connectivity]
en = "Connectivity"
zh = "互联互通"
)");
    const auto report = source.build();
    ASSERT_TRUE(report) << report.error().message;
    const auto reader = PackReader::open(source.output());
    ASSERT_TRUE(reader) << reader.error().message;
    Strings themes, regions;
    for (const auto& facet : reader->catalog().facets)
        (facet.kind == FacetKind::theme ? themes : regions).push_back(facet.id);
    EXPECT_EQ(themes, (Strings{"green", "connectivity"}));
    EXPECT_EQ(regions, (Strings{"southeast-asia", "europe"}));
    EXPECT_EQ(reader->catalog().meta.idle_timeout_s, 90) << "the documented default";
    EXPECT_EQ(reader->catalog().meta.subtitle.at("en"), "") << "subtitle is optional";
}

// --- Determinism ---------------------------------------------------------------------------

TEST(PackBuilder, TwoBuildsOfTheSameSourceAreByteIdentical) {
    TempDir dir;
    const auto first = build_pack(mini_pack_fixture(), dir / "first.pack");
    ASSERT_TRUE(first) << first.error().message;
    const auto second = build_pack(mini_pack_fixture(), dir / "second.pack");
    ASSERT_TRUE(second) << second.error().message;
    const auto a = pavilion::testing::read_bytes(dir / "first.pack");
    const auto b = pavilion::testing::read_bytes(dir / "second.pack");
    ASSERT_FALSE(a.empty());
    EXPECT_TRUE(a == b) << "sizes " << a.size() << " and " << b.size();
}

TEST(PackBuilder, BuildingACopyAtAnotherPathGivesTheSameBytes) {
    ASSERT_TRUE(mini_pack().error.empty()) << mini_pack().error;
    SourceCopy copy; // same files, different folder
    const auto report = copy.build();
    ASSERT_TRUE(report) << report.error().message;
    const auto original = pavilion::testing::read_bytes(mini_pack().path);
    const auto rebuilt = pavilion::testing::read_bytes(copy.output());
    ASSERT_FALSE(original.empty());
    EXPECT_TRUE(original == rebuilt) << "sizes " << original.size() << " and " << rebuilt.size();
}

// The comparison above is meaningful: one changed word changes the pack.
TEST(PackBuilder, ChangedSourceGivesDifferentBytes) {
    ASSERT_TRUE(mini_pack().error.empty()) << mini_pack().error;
    SourceCopy copy;
    copy.replace(kLaosEn, "links Kunming", "joins Kunming");
    const auto report = copy.build();
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_FALSE(pavilion::testing::read_bytes(mini_pack().path) ==
                 pavilion::testing::read_bytes(copy.output()));
}

// Writing goes through a temporary file that is renamed into place.
TEST(PackBuilder, SuccessfulBuildReplacesAnOldFileAndLeavesNoTemporaryFile) {
    SourceCopy source;
    pavilion::testing::write_text(source.output(), "an older pack");
    const auto report = source.build();
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_TRUE(PackReader::open(source.output())) << "the new pack replaced the old file";
    for (const auto& entry : fs::directory_iterator(fs::path(source.output()).parent_path())) {
        const auto name = entry.path().filename().string();
        EXPECT_TRUE(name == "src" || name == "out.pack") << "left behind: " << name;
    }
}

} // namespace
} // namespace pavilion::content::test
