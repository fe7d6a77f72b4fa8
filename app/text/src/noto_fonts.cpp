#include "pavilion/text/noto_fonts.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace pavilion::text {
namespace {

// Noto Sans CJK's collection holds JP, KR, SC, TC and HK in that order (fc-scan); SC is
// Simplified Chinese, the default pack's Chinese.
constexpr unsigned kNotoSansCjkScFace = 2;

constexpr std::array<NotoScript, 14> kAllScripts = {
    NotoScript::latin, NotoScript::greek,      NotoScript::cyrillic, NotoScript::arabic, NotoScript::persian,
    NotoScript::urdu,  NotoScript::hebrew,     NotoScript::devanagari, NotoScript::bengali, NotoScript::thai,
    NotoScript::lao,   NotoScript::khmer,      NotoScript::myanmar,  NotoScript::cjk,
};

const char* core_file_name(NotoScript script) {
    switch (script) {
    case NotoScript::latin:
    case NotoScript::greek:
    case NotoScript::cyrillic: return "NotoSans-Regular.ttf"; // one family covers all three
    case NotoScript::arabic:
    case NotoScript::persian: return "NotoNaskhArabic-Regular.ttf";
    case NotoScript::urdu: return "NotoNastaliqUrdu-Regular.ttf";
    case NotoScript::hebrew: return "NotoSansHebrew-Regular.ttf";
    case NotoScript::devanagari: return "NotoSansDevanagari-Regular.ttf";
    case NotoScript::bengali: return "NotoSansBengali-Regular.ttf";
    case NotoScript::thai: return "NotoSansThai-Regular.ttf";
    case NotoScript::lao: return "NotoSansLao-Regular.ttf";
    case NotoScript::khmer: return "NotoSansKhmer-Regular.ttf";
    case NotoScript::myanmar: return "NotoSansMyanmar-Regular.ttf";
    case NotoScript::cjk: break;
    }
    return nullptr;
}

} // namespace

FontFile noto_font_for(NotoScript script, const std::string& core_dir, const std::string& cjk_dir) {
    if (script == NotoScript::cjk) return FontFile{cjk_dir + "/NotoSansCJK-Regular.ttc", kNotoSansCjkScFace};
    return FontFile{core_dir + "/" + core_file_name(script), 0};
}

std::vector<FontFile> noto_fallback(NotoScript primary, const std::string& core_dir, const std::string& cjk_dir) {
    std::vector<FontFile> files;
    auto add = [&](NotoScript script) {
        FontFile file = noto_font_for(script, core_dir, cjk_dir);
        const bool present = std::any_of(files.begin(), files.end(), [&](const FontFile& known) {
            return known.path == file.path && known.face_index == file.face_index;
        });
        if (!present) files.push_back(std::move(file));
    };
    add(primary);
    add(NotoScript::latin);
    for (NotoScript script : kAllScripts) add(script);
    return files;
}

NotoScript noto_script_for_language(std::string_view language) {
    const std::string_view primary = language.substr(0, language.find_first_of("-_"));
    static constexpr std::pair<std::string_view, NotoScript> kLanguages[] = {
        {"ar", NotoScript::arabic},  {"fa", NotoScript::persian},   {"ur", NotoScript::urdu},
        {"he", NotoScript::hebrew},  {"hi", NotoScript::devanagari}, {"mr", NotoScript::devanagari},
        {"ne", NotoScript::devanagari}, {"bn", NotoScript::bengali}, {"th", NotoScript::thai},
        {"lo", NotoScript::lao},     {"km", NotoScript::khmer},     {"my", NotoScript::myanmar},
        {"el", NotoScript::greek},   {"ru", NotoScript::cyrillic},  {"uk", NotoScript::cyrillic},
        {"bg", NotoScript::cyrillic}, {"sr", NotoScript::cyrillic}, {"kk", NotoScript::cyrillic},
        {"mn", NotoScript::cyrillic}, {"zh", NotoScript::cjk},      {"ja", NotoScript::cjk},
        {"ko", NotoScript::cjk},
    };
    for (const auto& [code, script] : kLanguages)
        if (primary == code) return script;
    return NotoScript::latin;
}

} // namespace pavilion::text
