#include "pavilion/text/noto_fonts.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include <unicode/uloc.h>

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

// The family's file stem; "-Regular.ttf" or "-Bold.ttf" follows.
const char* core_family(NotoScript script) {
    switch (script) {
    case NotoScript::latin:
    case NotoScript::greek:
    case NotoScript::cyrillic: return "NotoSans"; // one family covers all three
    case NotoScript::arabic:
    case NotoScript::persian: return "NotoNaskhArabic";
    case NotoScript::urdu: return "NotoNastaliqUrdu";
    case NotoScript::hebrew: return "NotoSansHebrew";
    case NotoScript::devanagari: return "NotoSansDevanagari";
    case NotoScript::bengali: return "NotoSansBengali";
    case NotoScript::thai: return "NotoSansThai";
    case NotoScript::lao: return "NotoSansLao";
    case NotoScript::khmer: return "NotoSansKhmer";
    case NotoScript::myanmar: return "NotoSansMyanmar";
    case NotoScript::cjk: break;
    }
    return nullptr;
}

} // namespace

FontFile noto_font_for(NotoScript script, FontWeight weight, const std::string& core_dir, const std::string& cjk_dir) {
    const char* suffix = weight == FontWeight::bold ? "-Bold" : "-Regular";
    if (script == NotoScript::cjk) return FontFile{cjk_dir + "/NotoSansCJK" + suffix + ".ttc", kNotoSansCjkScFace, nullptr};
    return FontFile{core_dir + "/" + core_family(script) + suffix + ".ttf", 0, nullptr};
}

std::vector<FontFile> noto_fallback(NotoScript primary, FontWeight weight, const std::string& core_dir,
                                    const std::string& cjk_dir) {
    std::vector<FontFile> files;
    auto add = [&](NotoScript script) {
        FontFile file = noto_font_for(script, weight, core_dir, cjk_dir);
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

bool is_right_to_left(std::string_view language) {
    const std::string tag(language);
    return !tag.empty() && uloc_isRightToLeft(tag.c_str());
}

} // namespace pavilion::text
