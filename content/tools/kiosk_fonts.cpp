#include "kiosk_fonts.hpp"

#include "pavilion/text/font_set.hpp"

#include <cctype>
#include <filesystem>
#include <unordered_map>
#include <utility>
#include <vector>

namespace pavilion::tools {
namespace {

namespace content = pavilion::content;

class FontSetCoverage : public content::GlyphCoverage {
public:
    FontSetCoverage(text::FontSet fonts, std::string names) : fonts_(std::move(fonts)), names_(std::move(names)) {}

    bool covers(char32_t c) const override {
        // A pack's text repeats its characters: ask the faces once per code point.
        const auto known = covered_.find(c);
        if (known != covered_.end()) return known->second;
        return covered_[c] = fonts_.first_face_covering(c).has_value();
    }
    std::string fonts() const override { return names_; }

private:
    text::FontSet fonts_;
    std::string names_;
    mutable std::unordered_map<char32_t, bool> covered_;
};

std::string names_of(const std::optional<content::PackFontFile>& pack_font, const std::vector<text::FontFile>& noto) {
    std::string names = pack_font ? "pack font " + pack_font->name : "";
    for (const auto& file : noto) names += (names.empty() ? "" : ", ") + font_family_of(file.path);
    return names;
}

} // namespace

std::string font_family_of(const std::string& path) {
    std::string stem = std::filesystem::path(path).stem().string();
    const auto style = stem.rfind('-');
    if (style != std::string::npos) stem.erase(style);
    std::string family;
    for (std::size_t i = 0; i < stem.size(); ++i) {
        const bool word_starts = i > 0 && std::isupper(static_cast<unsigned char>(stem[i])) &&
                                 std::islower(static_cast<unsigned char>(stem[i - 1]));
        if (word_starts) family += ' ';
        family += stem[i];
    }
    return family;
}

content::OpenGlyphCoverage kiosk_font_coverage(std::string noto_core_dir, std::string noto_cjk_dir) {
    return [core_dir = std::move(noto_core_dir), cjk_dir = std::move(noto_cjk_dir)](
               const std::optional<content::PackFontFile>& pack_font)
               -> content::Expected<std::unique_ptr<content::GlyphCoverage>> {
        std::vector<text::FontFile> files;
        if (pack_font) {
            files.push_back({pack_font->path, 0, nullptr});
            // Opened alone first, so a broken pack font is the author's error, not the machine's.
            if (auto alone = text::FontSet::open(files); !alone)
                return content::make_error(content::ErrorCode::authoring,
                                           "font '" + pack_font->name + "' cannot be used: " + alone.error().message);
        }
        const auto noto = text::noto_fallback(text::NotoScript::latin, text::FontWeight::regular, core_dir, cjk_dir);
        files.insert(files.end(), noto.begin(), noto.end());
        auto fonts = text::FontSet::open(files);
        if (!fonts)
            return content::make_error(fonts.error().code,
                                       "the kiosk's fonts, to check which characters a pack can show: " +
                                           fonts.error().message + " (install fonts-noto-core and fonts-noto-cjk)");
        return std::unique_ptr<content::GlyphCoverage>(
            std::make_unique<FontSetCoverage>(std::move(fonts).value(), names_of(pack_font, noto)));
    };
}

} // namespace pavilion::tools
