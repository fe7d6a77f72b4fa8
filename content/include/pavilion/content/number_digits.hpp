#pragma once
// The digits a pack may choose for a language's figures: strings.toml's optional `number_digits`
// per locale ("latn" for Western digits in Arabic, "arab" for Arabic-Indic ones). The names are
// ICU numbering systems with ten digits of their own; the list is kept here, not asked of ICU,
// because content (and pavilion-pack) does not link ICU. text_tests check every name against
// ICU's own list, so a name here that ICU would ignore fails a test.

#include <string>
#include <string_view>
#include <vector>

namespace pavilion::content {

inline constexpr const char* kNumberDigitsKey = "number_digits";

// In the order the authoring guide lists them: Western, then by script.
const std::vector<std::string>& allowed_number_digits();
bool is_allowed_number_digits(std::string_view name);
// "latn, arab, ..." for an error message.
std::string allowed_number_digits_list();

} // namespace pavilion::content
