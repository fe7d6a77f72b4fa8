#include "uncovered_characters.hpp"

#include "visitor_texts.hpp"

#include "pavilion/core/utf8.hpp"

#include <cstdio>
#include <optional>
#include <set>
#include <tuple>

namespace pavilion::content {
namespace {

struct Range {
    char32_t first;
    char32_t last;
};

// Unicode's white space and Default_Ignorable_Code_Point (DerivedCoreProperties.txt, Unicode 15):
// what a renderer draws as blank or not at all, whether a font maps it or not.
constexpr Range kNotDrawn[] = {
    {0x0020, 0x0020},   {0x00A0, 0x00A0},   {0x00AD, 0x00AD},   {0x034F, 0x034F},   {0x061C, 0x061C},
    {0x115F, 0x1160},   {0x1680, 0x1680},   {0x17B4, 0x17B5},   {0x180B, 0x180F},   {0x2000, 0x200F},
    {0x2028, 0x202F},   {0x205F, 0x206F},   {0x3000, 0x3000},   {0x3164, 0x3164},   {0xFE00, 0xFE0F},
    {0xFEFF, 0xFEFF},   {0xFFA0, 0xFFA0},   {0xFFF0, 0xFFF8},   {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A},
    {0xE0000, 0xE0FFF},
};

std::string code_point(char32_t c) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
    return code;
}

// Collects the errors: each (file, line, character) once, the first `limit` in full.
class Report {
public:
    Report(const GlyphCoverage& fonts, Diagnostics& diagnostics, std::size_t limit)
        : fonts_(fonts), diagnostics_(diagnostics), limit_(limit) {}

    void check(const VisitorText& text) {
        for (std::size_t at = 0; at < text.text.size();) {
            std::size_t length = 1;
            const char32_t c = core::decode_utf8(text.text, at, length);
            if (is_drawn(c) && !fonts_.covers(c)) add(text, line_in(text, at), c, text.text.substr(at, length));
            at += length;
        }
    }

    void finish() {
        if (!first_unlisted_) return;
        diagnostics_.error(first_unlisted_->file, first_unlisted_->line,
                           "and " + std::to_string(seen_.size() - limit_) +
                               " more characters no font covers, from here on (only the first " +
                               std::to_string(limit_) + " are listed)");
    }

private:
    struct Place {
        std::string file;
        int line;
    };

    void add(const VisitorText& text, int line, char32_t c, const std::string& character) {
        if (!seen_.emplace(text.file, line, c).second) return;
        if (seen_.size() > limit_) {
            if (!first_unlisted_) first_unlisted_ = Place{text.file, line};
            return;
        }
        const std::string whose = text.locale.empty() ? "text shown in every language" : text.locale + " text";
        diagnostics_.error(text.file, line, whose + " has \"" + character + "\" (" + code_point(c) +
                                                "), which no font covers (" + fonts_.fonts() + ")");
    }

    const GlyphCoverage& fonts_;
    Diagnostics& diagnostics_;
    std::size_t limit_;
    std::set<std::tuple<std::string, int, char32_t>> seen_;
    std::optional<Place> first_unlisted_;
};

} // namespace

bool is_drawn(char32_t c) {
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return false; // line breaks, tabs, C0 and C1 controls
    for (const auto& range : kNotDrawn)
        if (c >= range.first && c <= range.last) return false;
    return true;
}

Status check_glyph_coverage(const std::string& source_dir, const PackSource& source, const OpenGlyphCoverage& open,
                            Diagnostics& diagnostics, std::size_t limit) {
    std::optional<PackFontFile> pack_font;
    if (!source.font_path.empty()) pack_font = PackFontFile{source_dir + "/" + source.font_path, source.font_path};
    auto fonts = open(pack_font);
    if (!fonts) {
        if (fonts.error().code != ErrorCode::authoring) return fonts.error();
        diagnostics.error("pack.toml", source.font_line, fonts.error().message);
        return ok();
    }
    std::vector<std::string> locales;
    for (const auto& locale : source.catalog.meta.locales) locales.push_back(locale.code);
    Report report(**fonts, diagnostics, limit);
    for_each_visitor_text(source_dir, locales, [&](const VisitorText& text) { report.check(text); });
    report.finish();
    return ok();
}

} // namespace pavilion::content
