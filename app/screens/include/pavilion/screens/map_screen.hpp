#pragma once
// The map screen: the world with the pack's corridors, routes and project sites. Drag to pan
// (with inertia), pinch about the fingers, double tap or wheel to zoom, a button to reset the
// view. A tap on a place shows a preview card, and the card opens the story; a tap on a
// corridor opens its initiative. Opened as "map/<place>", it flies to that place.

#include "pavilion/core/map_camera.hpp"
#include "pavilion/screens/frame.hpp"
#include "pavilion/screens/map_canvas.hpp"
#include "pavilion/screens/views.hpp"

#include <optional>
#include <string>
#include <vector>

namespace pavilion::screens {

class MapScreen {
public:
    // A new visit (or language): rebuilds the projected layers, keeps nothing selected.
    void show(const MapView& view);
    void draw(Frame& frame, const MapView& view, float top, std::vector<Intent>& intents);
    // The reset button's intent, routed back here by the kiosk UI.
    void reset_view() { reset_requested_ = true; }
    bool animating(float screen_age_s) const;

private:
    void apply_gestures(Frame& frame, float top);
    void handle_taps(Frame& frame, float top, std::vector<Intent>& intents);
    void draw_preview(Frame& frame, const MapView& view, ImVec2 area_min, ImVec2 area_max);
    void draw_controls(Frame& frame, const MapView& view, ImVec2 area_min, ImVec2 area_max);

    MapLayers layers_;
    std::optional<core::MapCamera> camera_;
    MapCanvas canvas_;
    const DrawnMap* drawn_ = nullptr; // the canvas's, from this frame's draw
    std::string focus_;                  // fly there at the first frame
    bool reset_requested_ = false;
    bool dragging_ = false;
    std::optional<std::size_t> selected_; // a place index: its preview card is showing
    // Rectangles drawn over the map this frame; taps there are theirs, not the map's.
    std::vector<std::pair<ImVec2, ImVec2>> overlays_;
};

} // namespace pavilion::screens
