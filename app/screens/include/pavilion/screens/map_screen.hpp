#pragma once
// The map screen: the world with the pack's corridors, routes and project sites. Drag to pan
// (with inertia), pinch about the fingers, double tap or wheel to zoom, a button to reset the
// view. A tap on a place shows a preview card, and the card opens the story; a tap on a
// corridor opens its initiative. Opened as "map/<place>", it flies to that place.

#include "pavilion/core/map_camera.hpp"
#include "pavilion/screens/map_canvas.hpp"
#include "pavilion/screens/screen.hpp"
#include "pavilion/screens/views.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pavilion::screens {

class MapScreen final : public Screen {
public:
    // A new visit (or language): projects the places again, keeps nothing selected.
    void on_open(const ScreenContext& context) override;
    void draw(Frame& frame, float top, std::vector<model::Intent>& intents) override;
    void act(const TapAction& local) override; // ResetMapView
    bool animating(float screen_age_s) const override;
    std::string title() const override { return view_ ? view_->title : std::string(); }

private:
    void place_camera(Frame& frame, float top);
    // input: as on the screen (the map is never mirrored).
    void apply_gestures(Frame& frame, const FrameInput& input, float top);
    void handle_taps(Frame& frame, float top, std::vector<model::Intent>& intents);
    void draw_preview(Frame& frame, ImVec2 area_min, ImVec2 area_max);
    void draw_controls(Frame& frame, ImVec2 area_min, ImVec2 area_max);
    void draw_legend(Frame& frame, ImVec2 area_min, ImVec2 area_max, float margin);

    const MapView* view_ = nullptr; // the Deck's
    MapLayers layers_;
    std::optional<core::MapCamera> camera_;
    MapCanvas canvas_;
    const DrawnMap* drawn_ = nullptr; // the canvas's, from this frame's draw
    std::string focus_;               // a place to fly to at the first frame ("" = the whole map)
    bool reset_requested_ = false;
    bool dragging_ = false;
    std::optional<std::size_t> selected_; // a place index: its preview card is showing
    // Rectangles drawn over the map this frame; taps there are theirs, not the map's.
    std::vector<std::pair<ImVec2, ImVec2>> overlays_;
};

} // namespace pavilion::screens
