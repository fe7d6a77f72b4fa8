#pragma once
// Where Debian keeps the Noto fonts (fonts-noto-core, fonts-noto-cjk), per writing system, so a
// FontSet can cover the languages Pavilion's hosts speak without a pack bringing its own fonts.

#include "pavilion/text/font_set.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace pavilion::text {

// A writing system as Noto splits them: Persian uses the Arabic (Naskh) fonts; Urdu is written
// in Nastaliq by custom, which is its own family.
enum class NotoScript {
    latin, // Vietnamese included
    greek,
    cyrillic,
    arabic,
    persian,
    urdu,
    hebrew,
    devanagari,
    bengali,
    thai,
    lao,
    khmer,
    myanmar,
    cjk,
};

// Noto ships each script's family in (at least) these two weights; headings and figures are bold.
enum class FontWeight { regular, bold };

inline constexpr const char* kNotoCoreDir = "/usr/share/fonts/truetype/noto";
inline constexpr const char* kNotoCjkDir = "/usr/share/fonts/opentype/noto";

// The regular face for one script under Debian's folders (or others given, for tests and for
// systems that keep the fonts elsewhere). Nothing is opened: FontSet::open says what is missing.
FontFile noto_font_for(NotoScript script, FontWeight weight = FontWeight::regular, const std::string& core_dir = kNotoCoreDir,
                       const std::string& cjk_dir = kNotoCjkDir);

// A fallback list for text mainly in `primary`: its face first, then Latin (digits, Latin names
// and punctuation in any text), then every other script's face, each once.
std::vector<FontFile> noto_fallback(NotoScript primary, FontWeight weight = FontWeight::regular,
                                    const std::string& core_dir = kNotoCoreDir,
                                    const std::string& cjk_dir = kNotoCjkDir);

// The script a language (BCP 47 tag: "ar", "ur-PK", "zh-Hans") is written in; Latin when unknown.
NotoScript noto_script_for_language(std::string_view language);

// Whether a language (BCP 47 tag) is written right to left (ICU's likely script for it: Arabic,
// Hebrew, Thaana, ...): the kiosk mirrors its layout.
bool is_right_to_left(std::string_view language);

} // namespace pavilion::text
