#include "synth_text.hpp"

namespace pavilion::content::synth {
namespace {

// A kind of project: its name in a title, as a sentence's subject, and the theme it belongs to.
struct ProjectKind {
    Bilingual title;   // "Wind Farm" / "风电站"
    Bilingual subject; // "The wind farm" / "风电站"
    const char* theme;
};

const std::vector<ProjectKind>& kinds() {
    static const std::vector<ProjectKind> list{
        {{"Railway", "铁路"}, {"The railway", "这条铁路"}, "connectivity"},
        {{"Logistics Hub", "物流枢纽"}, {"The logistics hub", "物流枢纽"}, "connectivity"},
        {{"Port", "港口"}, {"The new port", "新港口"}, "connectivity"},
        {{"Wind Farm", "风电站"}, {"The wind farm", "风电站"}, "green"},
        {{"Solar Park", "光伏园区"}, {"The solar park", "光伏园区"}, "green"},
        {{"Juncao Centre", "菌草中心"}, {"The Juncao centre", "菌草中心"}, "green"},
        {{"Digital Hub", "数字中心"}, {"The digital hub", "数字中心"}, "digital"},
        {{"Cable Link", "光缆通道"}, {"The cable link", "跨境光缆"}, "digital"},
        {{"Luban Workshop", "鲁班工坊"}, {"The Luban Workshop", "鲁班工坊"}, "people"},
        {{"Training Centre", "培训中心"}, {"The training centre", "培训中心"}, "people"},
        {{"Industrial Park", "产业园区"}, {"The industrial park", "产业园区"}, "investment"},
        {{"Trade Fair", "博览会"}, {"The trade fair", "博览会"}, "investment"},
        {{"Customs Centre", "海关中心"}, {"The customs centre", "海关中心"}, "governance"},
        {{"Standards Office", "标准合作中心"}, {"The standards office", "标准合作中心"}, "governance"},
    };
    return list;
}

const std::vector<Bilingual>& verbs() {
    static const std::vector<Bilingual> list{
        {"connects", "连接"},      {"supports", "支持"},   {"improves", "改善"},
        {"strengthens", "加强"},   {"opens up", "开辟"},   {"brings together", "汇聚"},
        {"serves", "服务"},        {"promotes", "促进"},
    };
    return list;
}

const std::vector<Bilingual>& objects() {
    static const std::vector<Bilingual> list{
        {"regional markets", "地区市场"},
        {"local livelihoods", "当地民生"},
        {"green development", "绿色发展"},
        {"cross-border trade", "跨境贸易"},
        {"people-to-people exchanges", "人文交流"},
        {"industrial cooperation", "产业合作"},
        {"clean energy supply", "清洁能源供应"},
        {"digital connectivity", "数字互联互通"},
        {"vocational skills", "职业技能"},
        {"smooth customs procedures", "海关程序的顺畅衔接"},
    };
    return list;
}

// Adverbials: after the object in English, before the verb in Chinese.
const std::vector<Bilingual>& adjuncts() {
    static const std::vector<Bilingual> list{
        {"on both sides of the border", "在边境两侧"},
        {"for local communities", "为当地社区"},
        {"in a sustainable way", "以可持续的方式"},
        {"with local partners", "与当地伙伴一道"},
        {"year after year", "年复一年地"},
        {"along the economic corridor", "沿着经济走廊"},
        {"at a high standard", "以高标准"},
    };
    return list;
}

const std::vector<Bilingual>& corridors() {
    static const std::vector<Bilingual> list{
        {"New Eurasian Land Bridge", "新亚欧大陆桥经济走廊"},
        {"China–Central Asia–West Asia Economic Corridor", "中国—中亚—西亚经济走廊"},
        {"China–Indochina Peninsula Economic Corridor", "中国—中南半岛经济走廊"},
        {"China–Pakistan Economic Corridor", "中巴经济走廊"},
        {"Trans-Caspian International Transport Corridor", "跨里海国际运输走廊"},
    };
    return list;
}

const std::vector<Bilingual>& headings() {
    static const std::vector<Bilingual> list{
        {"Building value together", "共创价值"},
        {"What has changed", "带来的变化"},
        {"Looking ahead", "展望未来"},
        {"Working with local partners", "携手当地伙伴"},
        {"More than a line on the map", "不只是地图上的一条线"},
    };
    return list;
}

Bilingual sentence(Random& random, const Bilingual& subject, bool strong = false) {
    const auto& verb = random.pick(verbs());
    const auto& object = random.pick(objects());
    const auto& adjunct = random.pick(adjuncts());
    // Chinese punctuation stays outside the emphasis markers (AUTHORING.md).
    const auto mark = strong ? std::string("**") : std::string();
    return {subject.en + " " + verb.en + " " + mark + object.en + mark + " " + adjunct.en + ".",
            subject.zh + adjunct.zh + verb.zh + mark + object.zh + mark + "。"};
}

Bilingual fact(Random& random, const City& city) {
    switch (random.below(5)) {
    case 0: {
        const auto year = std::to_string(random.between(2013, 2025));
        return {"It opened in " + year + ".", "项目于" + year + "年建成投运。"};
    }
    case 1: {
        const auto jobs = std::to_string(random.between(2, 60) * 100);
        return {"It gives about " + jobs + " local people work.", "项目为当地提供约" + jobs + "个就业岗位。"};
    }
    case 2: {
        const auto people = std::to_string(random.between(3, 90) * 10);
        return {"So far " + people + " young technicians have trained there.", "已培训青年技术人员" + people + "名。"};
    }
    case 3: {
        const auto& corridor = random.pick(corridors());
        return {"It is part of the " + corridor.en + ".", "项目是" + corridor.zh + "的组成部分。"};
    }
    default:
        return {"Visitors from " + city.name.en + " come to see it every week.",
                "每周都有来自" + city.name.zh + "的参观者。"};
    }
}

Bilingual paragraph(Random& random, const Bilingual& subject, const City& city, int sentences) {
    Bilingual text;
    for (int i = 0; i < sentences; ++i) {
        const auto next = i % 2 ? fact(random, city) : sentence(random, subject, i == 2);
        text.en += (i ? " " : "") + next.en;
        text.zh += next.zh;
    }
    return text;
}

// The three kinds of connectivity the default pack explains, as a bullet list.
Bilingual connectivity_bullets(Random& random, const Bilingual& subject) {
    static const std::vector<Bilingual> labels{
        {"Hard connectivity", "硬联通"}, {"Soft connectivity", "软联通"}, {"Heart connectivity", "心联通"}};
    Bilingual list;
    for (const auto& label : labels) {
        const auto text = sentence(random, subject);
        list.en += (list.en.empty() ? "" : "\n") + std::string("- **") + label.en + ":** " + text.en;
        list.zh += (list.zh.empty() ? "" : "\n") + std::string("- **") + label.zh + "**：" + text.zh;
    }
    return list;
}

Bilingual heading(Random& random) {
    const auto& text = random.pick(headings());
    return {"## " + text.en, "## " + text.zh};
}

} // namespace

const std::vector<Facet>& themes() {
    static const std::vector<Facet> list{
        {"connectivity", {"Connectivity", "互联互通"}},      {"green", {"Green Development", "绿色发展"}},
        {"digital", {"Digital & Innovation", "数字与创新"}}, {"people", {"People & Livelihoods", "民生与人文"}},
        {"investment", {"Investment & Industry", "投资与产业"}},
        {"governance", {"Mechanisms & Governance", "机制与治理"}},
    };
    return list;
}

const std::vector<Facet>& regions() {
    static const std::vector<Facet> list{
        {"china", {"China", "中国"}},   {"southeast-asia", {"Southeast Asia", "东南亚"}},
        {"central-asia", {"Central Asia", "中亚"}}, {"europe", {"Europe", "欧洲"}},
        {"africa", {"Africa", "非洲"}}, {"global", {"Global", "全球"}},
    };
    return list;
}

const std::vector<City>& cities() {
    static const std::vector<City> list{
        {{"Kunming", "昆明"}, 102.7, 25.0, "china"},
        {{"Chongqing", "重庆"}, 106.5, 29.6, "china"},
        {{"Xi'an", "西安"}, 108.9, 34.3, "china"},
        {{"Urumqi", "乌鲁木齐"}, 87.6, 43.8, "china"},
        {{"Vientiane", "万象"}, 102.6, 18.0, "southeast-asia"},
        {{"Jakarta", "雅加达"}, 106.8, -6.2, "southeast-asia"},
        {{"Bangkok", "曼谷"}, 100.5, 13.8, "southeast-asia"},
        {{"Phnom Penh", "金边"}, 104.9, 11.6, "southeast-asia"},
        {{"Almaty", "阿拉木图"}, 76.9, 43.2, "central-asia"},
        {{"Tashkent", "塔什干"}, 69.2, 41.3, "central-asia"},
        {{"Khorgos", "霍尔果斯"}, 80.4, 44.2, "central-asia"},
        {{"Aktau", "阿克套"}, 51.2, 43.6, "central-asia"},
        {{"Duisburg", "杜伊斯堡"}, 6.8, 51.4, "europe"},
        {{"Belgrade", "贝尔格莱德"}, 20.5, 44.8, "europe"},
        {{"Piraeus", "比雷埃夫斯"}, 23.6, 37.9, "europe"},
        {{"Budapest", "布达佩斯"}, 19.0, 47.5, "europe"},
        {{"Nairobi", "内罗毕"}, 36.8, -1.3, "africa"},
        {{"Addis Ababa", "亚的斯亚贝巴"}, 38.7, 9.0, "africa"},
        {{"Mombasa", "蒙巴萨"}, 39.7, -4.0, "africa"},
        {{"Kigali", "基加利"}, 30.1, -1.9, "africa"},
        {{"Gwadar", "瓜达尔"}, 62.3, 25.1, "global"},
        {{"Baku", "巴库"}, 49.9, 40.4, "global"},
        {{"Lima", "利马"}, -77.0, -12.0, "global"},
        {{"Santiago", "圣地亚哥"}, -70.7, -33.4, "global"},
    };
    return list;
}

StoryText compose_story(Random& random, const City& city, int number) {
    const auto& kind = random.pick(kinds());
    const auto n = std::to_string(number);
    StoryText story;
    story.theme = kind.theme;
    story.title = {city.name.en + " " + kind.title.en + " " + n, city.name.zh + kind.title.zh + " " + n};
    story.summary = sentence(random, kind.subject);
    const int points = random.between(3, 4);
    for (int i = 0; i < points; ++i)
        story.key_points.push_back(i % 2 ? sentence(random, kind.subject) : fact(random, city));
    story.body.push_back(paragraph(random, kind.subject, city, random.between(3, 5)));
    story.body.push_back(heading(random));
    story.body.push_back(paragraph(random, kind.subject, city, random.between(2, 4)));
    story.body.push_back(connectivity_bullets(random, kind.subject));
    story.body.push_back(heading(random));
    story.body.push_back(paragraph(random, kind.subject, city, random.between(2, 4)));
    return story;
}

StoryText compose_initiative(Random& random, const Facet& theme) {
    const Bilingual subject{"Cooperation on " + theme.name.en, theme.name.zh + "合作"};
    const City& city = random.pick(cities());
    StoryText text;
    text.theme = theme.id;
    text.title = {theme.name.en + " in practice", theme.name.zh + "实践"};
    text.summary = sentence(random, subject);
    for (int i = 0; i < 3; ++i) text.key_points.push_back(sentence(random, subject));
    text.body.push_back(paragraph(random, subject, city, 3));
    text.body.push_back(heading(random));
    text.body.push_back(paragraph(random, subject, city, 3));
    return text;
}

} // namespace pavilion::content::synth
