// Writes a synthetic pack source: the files an author would write (AUTHORING.md), with the
// stories' texts from synth_text and their pictures from synth_picture.

#include "pavilion/content/pack_synth.hpp"

#include "pavilion/content/image_codec.hpp"
#include "synth_picture.hpp"
#include "synth_random.hpp"
#include "synth_text.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace pavilion::content {
namespace {

namespace fs = std::filesystem;
using synth::Bilingual;

constexpr int kPictureQuality = 90; // as a camera or an editor would export
// Stories' pictures and texts come from separate streams, so one can change without the other.
constexpr std::uint64_t kPictureStream = 0x5059435455524553ull;
constexpr std::uint64_t kInitiativeStream = 0x494E495449415445ull;

// A TOML basic string. The vocabulary holds no control characters, but quotes and backslashes
// are escaped anyway so the writer stays correct if it grows.
std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string localized(const Bilingual& text) {
    return "{ en = " + quoted(text.en) + ", zh = " + quoted(text.zh) + " }";
}

std::string story_id(int index) {
    char id[24]; // "story-" and up to 11 digits of an int
    std::snprintf(id, sizeof id, "story-%05d", index);
    return id;
}

// Writes files under the output folder; the first failure is kept and later writes are skipped.
class SourceWriter {
public:
    explicit SourceWriter(fs::path root) : root_(std::move(root)) {}

    void text(const std::string& relative, const std::string& content) {
        bytes(relative, content.data(), content.size());
    }
    void picture(const std::string& relative, synth::Random random, int width, int height) {
        if (failed()) return;
        const auto jpeg = encode_jpeg(synth::draw_picture(random, width, height), kPictureQuality);
        if (jpeg.empty()) {
            fail(relative + ": cannot encode the picture");
            return;
        }
        bytes(relative, jpeg.data(), jpeg.size());
        ++pictures_;
    }

    bool failed() const { return !status_; }
    const Status& status() const { return status_; }
    int pictures() const { return pictures_; }

private:
    void bytes(const std::string& relative, const void* data, std::size_t size) {
        if (failed()) return;
        const auto path = root_ / relative;
        std::error_code ec;
        fs::create_directories(path.parent_path(), ec);
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        if (ec || !out || !out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size)) ||
            !out.flush())
            fail(path.string() + ": cannot write the file");
    }
    void fail(const std::string& message) {
        if (status_) status_ = make_error(ErrorCode::io, message);
    }

    fs::path root_;
    Status status_ = ok();
    int pictures_ = 0;
};

std::string pack_toml(const SynthOptions& options) {
    std::ostringstream out;
    const auto n = std::to_string(options.stories);
    out << "# A synthetic pack made by 'pavilion-pack synth --stories " << n << " --seed " << options.seed
        << "'.\n"
        << "id = \"synthetic\"\nversion = 1\ncreated = \"2026-01-01\"\ndefault_locale = \"en\"\n"
        << "locales = [\"en\", \"zh\"]\nidle_timeout_s = 90\n\n"
        << "[title]\nen = " << quoted("Synthetic pack: " + n + " project stories") << "\nzh = "
        << quoted("合成测试内容包：" + n + "个项目故事") << "\n\n"
        << "[subtitle]\nen = \"Generated to measure how Pavilion scales\"\nzh = \"用于测试展示系统的规模表现\"\n\n"
        << "[locale_names]\nen = \"English\"\nzh = \"中文\"\n";
    for (const auto& theme : synth::themes())
        out << "\n[themes." << theme.id << "]\nen = " << quoted(theme.name.en) << "\nzh = " << quoted(theme.name.zh) << "\n";
    for (const auto& region : synth::regions())
        out << "\n[regions." << region.id << "]\nen = " << quoted(region.name.en) << "\nzh = " << quoted(region.name.zh)
            << "\n";
    return out.str();
}

// The default pack's interface words.
const char* const kStrings = R"([en]
home = "Home"
back = "Back"
initiatives = "Initiatives"
stories = "Project Stories"
map = "Map"
figures = "Key Figures"
sources = "Sources"
touch_to_explore = "Touch to explore"
still_there = "Still there?"
still_there_hint = "Touch the screen to keep exploring"
language = "Language"
related = "Related"
key_points = "Key points"
source_label = "Source"
based_on = "Based on"
larger_text = "Larger text"
high_contrast = "High contrast"
reset_view = "Reset view"
all = "All"
search = "Search"
no_results = "Nothing found"
themes = "Themes"
regions = "Regions"
close = "Close"
start_again = "Start again"
scan_for_more = "Scan to read more"
corridors = "Economic corridors"
routes = "Transport routes"
explore_on_map = "Show on map"
open_story = "Read the story"
cited_once = "Cited once"
cited_times = "Cited {n} times"

[zh]
home = "首页"
back = "返回"
initiatives = "合作举措"
stories = "项目故事"
map = "地图"
figures = "关键数据"
sources = "资料来源"
touch_to_explore = "触摸屏幕，开始探索"
still_there = "您还在吗？"
still_there_hint = "触摸屏幕，继续浏览"
language = "语言"
related = "相关内容"
key_points = "要点"
source_label = "来源"
based_on = "资料依据"
larger_text = "放大字体"
high_contrast = "高对比度"
reset_view = "重置视图"
all = "全部"
search = "搜索"
no_results = "未找到相关内容"
themes = "主题"
regions = "地区"
close = "关闭"
start_again = "重新开始"
scan_for_more = "扫码阅读更多"
corridors = "经济走廊"
routes = "运输通道"
explore_on_map = "在地图上查看"
open_story = "阅读故事"
cited_once = "被引用 1 次"
cited_times = "被引用 {n} 次"
)";

struct SourceEntry {
    const char* id;
    Bilingual title;
    Bilingual summary;
};

const std::vector<SourceEntry>& source_entries() {
    static const std::vector<SourceEntry> list{
        {"synthetic-text",
         {"Composed texts", "合成文字"},
         {"Sentences composed from the vocabulary of the default pack.", "由默认内容包的词汇组合而成的句子。"}},
        {"synthetic-pictures",
         {"Generated pictures", "生成图片"},
         {"Landscapes drawn by the generator, one per story.", "由生成器绘制的风景图，每个故事一幅。"}},
        {"synthetic-places",
         {"Places near real cities", "真实城市附近的地点"},
         {"Each story is placed near one of 24 cities.", "每个故事都位于24个城市之一的附近。"}},
    };
    return list;
}

std::string sources_toml() {
    std::ostringstream out;
    for (const auto& source : source_entries()) {
        out << "[[source]]\nid = " << quoted(source.id) << "\nauthor = \"\"\noutlet = \"pavilion-pack synth\"\n"
            << "url = \"https://example.org/pavilion/" << source.id << "\"\ntitle = " << localized(source.title)
            << "\nsummary = " << localized(source.summary) << "\n\n";
    }
    return out.str();
}

std::string figures_toml(const SynthOptions& options) {
    struct Figure {
        const char* id;
        double value;
        Bilingual unit;
        Bilingual label;
    };
    const std::vector<Figure> figures{
        {"stories", static_cast<double>(options.stories), {"stories", "个项目故事"}, {"in this pack", "收录于本内容包"}},
        {"cities", static_cast<double>(synth::cities().size()), {"cities", "个城市"}, {"near which they are placed", "故事所在地"}},
        {"themes", static_cast<double>(synth::themes().size()), {"themes", "个主题"}, {"to filter by", "可供筛选"}},
    };
    std::ostringstream out;
    for (const auto& figure : figures) {
        out << "[[figure]]\nid = " << quoted(figure.id) << "\nvalue = " << figure.value
            << "\nsource = \"synthetic-places\"\nunit = " << localized(figure.unit) << "\nlabel = " << localized(figure.label)
            << "\n\n";
    }
    return out.str();
}

const synth::City& city_named(const std::string& name) {
    for (const auto& city : synth::cities()) {
        if (city.name.en == name) return city;
    }
    return synth::cities().front();
}

std::string line_toml(const char* id, const char* role, const char* link, const std::vector<std::string>& stops,
                      const Bilingual& name) {
    std::ostringstream out;
    out << "[[line]]\nid = " << quoted(id) << "\nrole = " << quoted(role) << "\n";
    if (*link) out << "link = " << quoted(link) << "\n";
    out << "coords = [";
    for (std::size_t i = 0; i < stops.size(); ++i) {
        const auto& city = city_named(stops[i]);
        out << (i ? ", " : "") << "[" << city.lon << ", " << city.lat << "]";
    }
    out << "]\nname = " << localized(name) << "\n\n";
    return out.str();
}

std::string map_toml(const SynthOptions& options) {
    std::string out = "# Every story's place becomes a map point of its own.\n\n";
    out += line_toml("land-bridge", "corridor", "initiative/connectivity",
                     {"Chongqing", "Urumqi", "Khorgos", "Almaty", "Aktau", "Baku", "Budapest", "Duisburg"},
                     {"New Eurasian Land Bridge", "新亚欧大陆桥经济走廊"});
    out += line_toml("indochina", "corridor", "initiative/connectivity", {"Kunming", "Vientiane", "Bangkok", "Phnom Penh"},
                     {"China–Indochina Peninsula Economic Corridor", "中国—中南半岛经济走廊"});
    out += line_toml("land-sea-express", "route", "", {"Piraeus", "Belgrade", "Budapest"},
                     {"China–Europe Land-Sea Express Line", "中欧陆海快线"});
    // Borders and highlights on: the scale runs measure the most a base map can cost to draw.
    if (options.base_map) out += "[base_map]\nborders = true\nhighlight = [\"156\", \"418\"]   # China, Laos\n";
    return out;
}

std::string attract_toml() {
    const std::vector<Bilingual> captions{
        {"Stories from every region", "来自各地区的故事"},
        {"Connectivity, green development, people", "互联互通、绿色发展、民心相通"},
        {"Touch to explore", "触摸屏幕，开始探索"},
    };
    std::ostringstream out;
    for (std::size_t i = 0; i < captions.size(); ++i)
        out << "[[slide]]\nimage = \"images/attract-" << i + 1 << ".jpg\"\ncaption = " << localized(captions[i]) << "\n\n";
    return out.str();
}

std::string markdown(const synth::StoryText& text, bool zh) {
    auto in = [zh](const Bilingual& b) -> const std::string& { return zh ? b.zh : b.en; };
    std::ostringstream out;
    out << "+++\ntitle = " << quoted(in(text.title)) << "\nsummary = " << quoted(in(text.summary))
        << "\nkey_points = [\n";
    for (const auto& point : text.key_points) out << "  " << quoted(in(point)) << ",\n";
    out << "]\n+++\n";
    for (std::size_t i = 0; i < text.body.size(); ++i) out << (i ? "\n\n" : "") << in(text.body[i]);
    out << "\n";
    return out.str();
}

void write_item(SourceWriter& writer, const std::string& folder, const std::string& item_toml,
                const synth::StoryText& text) {
    writer.text(folder + "/item.toml", item_toml);
    writer.text(folder + "/en.md", markdown(text, false));
    writer.text(folder + "/zh.md", markdown(text, true));
}

void write_story(SourceWriter& writer, const SynthOptions& options, int index) {
    auto random = synth::stream(options.seed, static_cast<std::uint64_t>(index));
    const auto& city = random.pick(synth::cities());
    // Places scatter around their city, so the map has clusters to merge and split.
    const double lon = std::remainder(city.lon + (random.unit() - 0.5) * 4.0, 360.0);
    const double lat = std::fmax(-80.0, std::fmin(80.0, city.lat + (random.unit() - 0.5) * 3.0));
    const auto text = synth::compose_story(random, city, index);
    const auto id = story_id(index);
    const auto& sources = source_entries();
    const auto& source = sources[random.below(sources.size())];

    std::ostringstream item;
    item.precision(6);
    item << "order = " << index * 10 << "\nimage = \"images/" << id << ".jpg\"\ntheme = " << quoted(text.theme)
         << "\nregion = " << quoted(city.region) << "\nsources = [" << quoted(source.id) << "]\n"
         << "related = [\"initiative/" << text.theme << "\"";
    if (index > 1) item << ", \"story/" << story_id(index - 1) << "\"";
    item << "]\n\n[place]\nlon = " << std::fixed << lon << "\nlat = " << lat
         << "\nname = " << localized(city.name) << "\n";
    write_item(writer, "stories/" + id, item.str(), text);
    writer.picture("images/" + id + ".jpg", synth::stream(options.seed ^ kPictureStream, static_cast<std::uint64_t>(index)),
                   options.image_width, options.image_height);
}

void write_initiatives(SourceWriter& writer, const SynthOptions& options) {
    int order = 0;
    for (const auto& theme : synth::themes()) {
        auto random = synth::stream(options.seed ^ kInitiativeStream, static_cast<std::uint64_t>(order));
        const auto text = synth::compose_initiative(random, theme);
        const std::string id = theme.id;
        std::ostringstream item;
        item << "order = " << ++order * 10 << "\nimage = \"images/initiative-" << id << ".jpg\"\ntheme = " << quoted(id)
             << "\nsources = [\"synthetic-text\"]\n";
        write_item(writer, "initiatives/" + id, item.str(), text);
        writer.picture("images/initiative-" + id + ".jpg", random, options.image_width, options.image_height);
    }
}

} // namespace

Expected<SynthReport> write_synthetic_source(const std::string& out_dir, const SynthOptions& options) {
    if (options.stories < 1 || options.stories > kMaxSynthStories)
        return make_error(ErrorCode::invalid_argument,
                          "the number of stories must be 1 to " + std::to_string(kMaxSynthStories));
    if (options.image_width < 16 || options.image_height < 16 || options.image_width > kMaxImageSide ||
        options.image_height > kMaxImageSide)
        return make_error(ErrorCode::invalid_argument,
                          "pictures must be 16 to " + std::to_string(kMaxImageSide) + " pixels per side");
    std::error_code ec;
    if (fs::exists(out_dir, ec) && !(fs::is_directory(out_dir, ec) && fs::is_empty(out_dir, ec)))
        return make_error(ErrorCode::invalid_argument,
                          out_dir + ": the folder is not empty (the generator never overwrites files)");

    SourceWriter writer{fs::path(out_dir)};
    writer.text("pack.toml", pack_toml(options));
    writer.text("strings.toml", kStrings);
    writer.text("sources.toml", sources_toml());
    writer.text("figures.toml", figures_toml(options));
    writer.text("map.toml", map_toml(options));
    writer.text("attract.toml", attract_toml());
    for (int slide = 1; slide <= 3; ++slide)
        writer.picture("images/attract-" + std::to_string(slide) + ".jpg",
                       synth::stream(options.seed ^ kPictureStream, kMaxSynthStories + static_cast<std::uint64_t>(slide)),
                       options.image_width, options.image_height);
    write_initiatives(writer, options);
    for (int index = 1; index <= options.stories && !writer.failed(); ++index) write_story(writer, options, index);
    if (writer.failed()) return writer.status().error();

    SynthReport report;
    report.stories = options.stories;
    report.initiatives = static_cast<int>(synth::themes().size());
    report.images = writer.pictures();
    return report;
}

} // namespace pavilion::content
