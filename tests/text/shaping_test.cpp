// Pavilion's layout of one line against hb-shape (libharfbuzz-bin), the reference HarfBuzz
// ships: same font file, same text, same size; glyph ids, clusters, advances and offsets must be
// equal. This proves the itemizer chose the script's font, gave HarfBuzz the right direction,
// script and language, and that the units come back as HarfBuzz's 26.6 divided by 64.

#include "text_fixture.hpp"

#include <ostream>

#include "test_support.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>

namespace pavilion::text {
namespace {

struct Sample {
    const char* name;
    NotoScript script;
    const char* locale;
    const char* text;
};

// gtest names a failing case by this, not by the struct's bytes.
inline void PrintTo(const Sample& sample, std::ostream* out) { *out << sample.name; }

// Welcome lines of an exhibition in each language (no punctuation a script's font may lack,
// so that one font draws the whole line, as hb-shape does).
const Sample kCorpus[] = {
    {"arabic", NotoScript::arabic, "ar", "مرحبا بكم في معرض التبادل الثقافي"},
    {"urdu", NotoScript::urdu, "ur", "ثقافتی تبادلے کی نمائش میں خوش آمدید"},
    {"persian", NotoScript::persian, "fa", "به نمایشگاه تبادل فرهنگی خوش آمدید"},
    {"hindi", NotoScript::devanagari, "hi", "सांस्कृतिक आदान प्रदान प्रदर्शनी में आपका स्वागत है"},
    {"bengali", NotoScript::bengali, "bn", "সাংস্কৃতিক বিনিময় প্রদর্শনীতে স্বাগতম"},
    {"thai", NotoScript::thai, "th", "ยินดีต้อนรับสู่นิทรรศการแลกเปลี่ยนวัฒนธรรม"},
    {"lao", NotoScript::lao, "lo", "ຍິນດີຕ້ອນຮັບສູ່ງານວາງສະແດງ"},
    {"khmer", NotoScript::khmer, "km", "សូមស្វាគមន៍មកកាន់ពិព័រណ៍វប្បធម៌"},
    {"myanmar", NotoScript::myanmar, "my", "ယဉ်ကျေးမှုဖလှယ်ရေးပြပွဲမှကြိုဆိုပါတယ်"},
    {"hebrew", NotoScript::hebrew, "he", "ברוכים הבאים לתערוכת חילופי התרבות"},
    {"russian", NotoScript::cyrillic, "ru", "Добро пожаловать на выставку культурного обмена"},
    {"greek", NotoScript::greek, "el", "Καλώς ήρθατε στην έκθεση πολιτιστικών ανταλλαγών"},
    {"vietnamese", NotoScript::latin, "vi", "Chào mừng đến với triển lãm giao lưu văn hóa"},
    {"chinese", NotoScript::cjk, "zh", "欢迎参观一带一路文化交流展览，共建美好未来。"},
    {"latin_kerning", NotoScript::latin, "en", "AVATAR Type office affluent WAVE"},
};

constexpr float kSizePx = 24;

// hb-shape's glyphs for the text: ids, byte clusters, 26.6 positions at kSizePx.
nlohmann::json reference_glyphs(const FontFile& font, const Sample& sample) {
    const auto result = pavilion::testing::run_command(
        {"hb-shape", "--output-format=json", "--no-glyph-names", "--utf8-clusters",
         "--font-size=" + std::to_string(static_cast<int>(kSizePx * 64)),
         "--face-index=" + std::to_string(font.face_index), std::string("--language=") + sample.locale, font.path,
         sample.text});
    EXPECT_EQ(result.exit_code, 0) << result.output;
    return nlohmann::json::parse(result.output, nullptr, false);
}

long in_26_6(float pixels) { return std::lround(pixels * 64.0f); }

class Shaping : public ::testing::TestWithParam<Sample> {};

TEST_P(Shaping, GlyphsAndAdvancesEqualHbShape) {
    if (!std::filesystem::exists("/usr/bin/hb-shape")) GTEST_SKIP() << "hb-shape is not installed (libharfbuzz-bin)";
    const Sample& sample = GetParam();
    std::string why;
    auto fonts = testing::open_noto(sample.script, why);
    if (!fonts) GTEST_SKIP() << why;

    const auto paragraph = layout_paragraph(*fonts, sample.text, LayoutOptions{kSizePx, 0, Direction::auto_detect, sample.locale});
    ASSERT_TRUE(paragraph) << paragraph.error().message;
    ASSERT_EQ(paragraph->lines.size(), 1u);
    const auto& runs = paragraph->lines[0].runs;
    ASSERT_EQ(runs.size(), 1u) << "one font, one script: one run";
    const FontFile expected_font = noto_font_for(sample.script);
    EXPECT_EQ(fonts->file(runs[0].face).path, expected_font.path);

    const auto reference = reference_glyphs(expected_font, sample);
    ASSERT_TRUE(reference.is_array()) << reference;
    const auto& glyphs = runs[0].glyphs;
    ASSERT_EQ(glyphs.size(), reference.size());
    for (std::size_t i = 0; i < glyphs.size(); ++i) {
        const auto& want = reference[i];
        EXPECT_EQ(glyphs[i].id, want.at("g").get<std::uint32_t>()) << "glyph " << i;
        EXPECT_EQ(glyphs[i].cluster, want.at("cl").get<std::uint32_t>()) << "glyph " << i;
        EXPECT_EQ(in_26_6(glyphs[i].x_advance), want.at("ax").get<long>()) << "glyph " << i;
        EXPECT_EQ(in_26_6(glyphs[i].x_offset), want.at("dx").get<long>()) << "glyph " << i;
        EXPECT_EQ(in_26_6(glyphs[i].y_offset), want.at("dy").get<long>()) << "glyph " << i;
    }
    const bool right_to_left = sample.script == NotoScript::arabic || sample.script == NotoScript::persian ||
                               sample.script == NotoScript::urdu || sample.script == NotoScript::hebrew;
    EXPECT_EQ(paragraph->base_direction, right_to_left ? Direction::rtl : Direction::ltr);
    EXPECT_EQ(runs[0].direction, paragraph->base_direction);
}

INSTANTIATE_TEST_SUITE_P(Corpus, Shaping, ::testing::ValuesIn(kCorpus),
                         [](const auto& info) { return std::string(info.param.name); });

} // namespace
} // namespace pavilion::text
