#include "itemize.hpp"

#include <unicode/uchar.h>

#include <optional>

namespace pavilion::text::detail {
namespace {

bool is_shared(UScriptCode script) { return script == USCRIPT_COMMON || script == USCRIPT_INHERITED; }

// Characters that belong to the character before them whatever their script says: marks,
// joiners and variation selectors. Splitting them off their base would break the cluster.
bool attaches_to_previous(char32_t c, UScriptCode script) {
    if (script == USCRIPT_INHERITED) return true;
    if (c == 0x200C || c == 0x200D) return true; // ZWNJ, ZWJ
    const auto category = u_charType(static_cast<UChar32>(c));
    return category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_COMBINING_SPACING_MARK;
}

std::size_t units_of(char32_t c) { return c >= 0x10000 ? 2 : 1; }

} // namespace

std::vector<UScriptCode> resolve_scripts(const Utf16Text& text) {
    std::vector<UScriptCode> scripts(text.size(), USCRIPT_COMMON);
    std::optional<UScriptCode> previous;
    std::size_t unresolved_prefix = 0; // shared characters before the first script of the text
    for (std::size_t unit = 0; unit < text.size();) {
        const char32_t c = code_point_at(text, unit);
        UErrorCode status = U_ZERO_ERROR;
        UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
        if (U_FAILURE(status)) script = USCRIPT_COMMON;
        if (is_shared(script)) {
            if (previous) script = *previous;
            else unresolved_prefix = unit + units_of(c);
        } else {
            if (!previous)
                for (std::size_t before = 0; before < unresolved_prefix; ++before) scripts[before] = script;
            previous = script;
        }
        for (std::size_t i = 0; i < units_of(c) && unit + i < text.size(); ++i) scripts[unit + i] = script;
        unit += units_of(c);
    }
    return scripts;
}

// Pass one: characters with a script of their own. Pass two: the shared ones, beside them.
std::vector<std::size_t> choose_faces(const Utf16Text& text, const std::vector<UScriptCode>& scripts,
                                      const FontSet& fonts) {
    std::vector<std::optional<std::size_t>> faces(text.size());
    std::vector<bool> shared(text.size(), true);
    std::vector<std::optional<std::size_t>> face_of_script(USCRIPT_CODE_LIMIT);
    std::optional<std::size_t> first_strong_face;
    for (std::size_t unit = 0; unit < text.size(); unit += units_of(code_point_at(text, unit))) {
        const char32_t c = code_point_at(text, unit);
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode own_script = uscript_getScript(static_cast<UChar32>(c), &status);
        if (is_shared(own_script) || (unit > 0 && attaches_to_previous(c, own_script))) continue;
        auto& script_face = face_of_script[scripts[unit]];
        if (!script_face || !fonts.covers(*script_face, c)) script_face = fonts.first_face_covering(c).value_or(0);
        faces[unit] = script_face;
        shared[unit] = false;
        if (!first_strong_face) first_strong_face = script_face;
    }
    std::optional<std::size_t> previous_face; // of the character before, in the final choice
    std::optional<std::size_t> previous_strong_face;
    for (std::size_t unit = 0; unit < text.size(); unit += units_of(code_point_at(text, unit))) {
        const char32_t c = code_point_at(text, unit);
        if (!shared[unit]) {
            previous_strong_face = faces[unit];
        } else {
            UErrorCode status = U_ZERO_ERROR;
            const UScriptCode own_script = uscript_getScript(static_cast<UChar32>(c), &status);
            const auto neighbour = previous_strong_face ? previous_strong_face : first_strong_face;
            if (previous_face && attaches_to_previous(c, own_script)) faces[unit] = previous_face;
            else if (neighbour && fonts.covers(*neighbour, c)) faces[unit] = neighbour;
            else faces[unit] = fonts.first_face_covering(c).value_or(previous_face.value_or(0));
        }
        previous_face = faces[unit];
    }
    std::vector<std::size_t> chosen(text.size(), 0);
    for (std::size_t unit = 0; unit < text.size(); ++unit)
        chosen[unit] = faces[unit] ? *faces[unit] : (unit > 0 ? chosen[unit - 1] : 0); // trail units
    return chosen;
}

std::vector<Item> itemize(const Utf16Text& text, const UBiDiLevel* levels, const FontSet& fonts) {
    const auto scripts = resolve_scripts(text);
    const auto faces = choose_faces(text, scripts, fonts);
    std::vector<Item> items;
    for (std::size_t unit = 0; unit < text.size(); ++unit) {
        const bool continues = !items.empty() && items.back().level == levels[unit] &&
                               items.back().script == scripts[unit] && items.back().face == faces[unit];
        if (continues) items.back().unit_end = unit + 1;
        else items.push_back(Item{unit, unit + 1, levels[unit], scripts[unit], faces[unit]});
    }
    return items;
}

} // namespace pavilion::text::detail
