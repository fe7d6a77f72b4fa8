#pragma once
// The operator panel's cards. Each draws at pos, width wide, through a Canvas (which may only
// measure: the panel measures every card first to place them in columns) and returns its height.
// Private to operator_panel.cpp.

#include "operator_drawing.hpp"
#include "pavilion/model/operator_view.hpp"
#include "pavilion/screens/operator_panel.hpp"

namespace pavilion::screens::operator_cards {

// What the cards read.
struct PanelInput {
    const model::OperatorView& view;
    const Diagnostics& diagnostics;
};

// The size of values on the cards, and of the panel's message.
float value_size(const Frame& frame);

using Card = float (*)(const operator_drawing::Canvas&, const PanelInput&, ImVec2 pos, float width);

// What is wrong with the kiosk's own state (model::StoreWarning), with Accept for a lost version
// floor; height 0 (no card) when nothing is.
float attention_card(const operator_drawing::Canvas& c, const PanelInput& in, ImVec2 pos, float width);
// The packs installed (Roll back) and found (Install).
float content_card(const operator_drawing::Canvas& c, const PanelInput& in, ImVec2 pos, float width);
// The idle timeout (- and +) and the default language.
float settings_card(const operator_drawing::Canvas& c, const PanelInput& in, ImVec2 pos, float width);
// Sessions, most opened items, languages (Export CSV).
float visitors_card(const operator_drawing::Canvas& c, const PanelInput& in, ImVec2 pos, float width);
float diagnostics_card(const operator_drawing::Canvas& c, const PanelInput& in, ImVec2 pos, float width);
float log_card(const operator_drawing::Canvas& c, const PanelInput& in, ImVec2 pos, float width);

} // namespace pavilion::screens::operator_cards
