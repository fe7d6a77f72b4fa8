#pragma once
// Splits a line of text into items HarfBuzz can shape at once: one bidi level, one script, one face.

#include "utf16_text.hpp"

#include "pavilion/text/font_set.hpp"

#include <unicode/ubidi.h>
#include <unicode/uscript.h>

#include <cstddef>
#include <vector>

namespace pavilion::text::detail {

struct Item {
    std::size_t unit_begin = 0; // [begin, end) in the Utf16Text's units
    std::size_t unit_end = 0;
    UBiDiLevel level = 0; // odd: right to left
    UScriptCode script = USCRIPT_COMMON;
    std::size_t face = 0;
};

// The script of every unit, common characters (spaces, digits, punctuation) and inherited ones
// (combining marks) resolved to the script before them, or after them at the start of the text.
std::vector<UScriptCode> resolve_scripts(const Utf16Text& text);

// The face of every unit: a character with a script of its own takes the face the previous
// character of that script used, if it covers it, else the first covering face; a common
// character takes its script neighbour's face when that covers it (so "，" after Chinese is drawn
// by the Chinese font, not by the Latin one listed first); a combining mark stays with its base.
std::vector<std::size_t> choose_faces(const Utf16Text& text, const std::vector<UScriptCode>& scripts,
                                      const FontSet& fonts);

// Maximal runs of equal level, script and face. levels: one per unit (ubidi_getLevels).
std::vector<Item> itemize(const Utf16Text& text, const UBiDiLevel* levels, const FontSet& fonts);

} // namespace pavilion::text::detail
