#pragma once
// Which characters the kiosk can draw for a pack: the builder's question to the fonts, asked
// through this interface because the content layer must not open fonts itself (that is the
// text engine's job, and pavilion_content links no FreeType or HarfBuzz). pavilion-pack answers
// it with app/text's FontSet (content/tools/kiosk_fonts.hpp); tests answer it with a fake.

#include "pavilion/content/expected.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace pavilion::content {

class GlyphCoverage {
public:
    virtual ~GlyphCoverage() = default;
    // Whether some font the kiosk draws this pack with has a glyph for c.
    virtual bool covers(char32_t c) const = 0;
    // Those fonts in the order the kiosk tries them, for messages:
    // "pack font fonts/x.otf, Noto Sans, Noto Naskh Arabic, ...".
    virtual std::string fonts() const = 0;
};

// A pack's own font (pack.toml `font`): where it is on disk, and how pack.toml names it.
struct PackFontFile {
    std::string path;
    std::string name;
};

// Opens the fonts a pack's text is drawn with: its own font first when it has one, then the
// kiosk's fallback fonts. An error with the code `authoring` is the pack font's fault (the
// builder reports it at pack.toml's `font` line); any other is the machine's (a fallback font
// missing), and the build fails with it as it is.
using OpenGlyphCoverage =
    std::function<Expected<std::unique_ptr<GlyphCoverage>>(const std::optional<PackFontFile>& pack_font)>;

} // namespace pavilion::content
