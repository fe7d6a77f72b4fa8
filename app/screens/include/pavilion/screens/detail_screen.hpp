#pragma once
// One initiative or story: hero picture, rich text, key points, related items, its place on a
// small map, a QR code to the source, and a swipe to the previous or next item.

#include "pavilion/screens/map_canvas.hpp"
#include "pavilion/screens/qr_code.hpp"
#include "pavilion/screens/scroll_area.hpp"
#include "pavilion/screens/views.hpp"

#include <optional>
#include <vector>

namespace pavilion::screens {

class DetailScreen {
public:
    // Call when the item changes: computes what does not change per frame (the QR code).
    void show(const DetailView& view);
    // map: every place, for the small map.
    void draw(Frame& frame, const DetailView& view, const MapView& map, float top,
              std::vector<Intent>& intents);
    bool animating(float screen_age_s) const { return scroll_.animating() || screen_age_s < 3; }
    // A new visit to an item starts at its top, even an item seen before.
    void reset() {
        shown_ref_.clear();
        scroll_.reset();
    }

private:
    float draw_text_column(Frame& frame, const DetailView& view, ImVec2 at, float width);
    float draw_side(Frame& frame, const DetailView& view, const MapView& map,
                    ImVec2 at, float width, bool with_picture);

    void draw_small_map(Frame& frame, const DetailView& view, const MapView& map,
                        ImVec2 min, ImVec2 max);

    ScrollArea scroll_;
    MapCanvas small_map_canvas_;
    MapLayers small_map_layers_;
    bool small_map_projected_ = false;
    std::string small_map_locale_; // the layers' language
    std::string small_map_ref_;    // the item whose place small_map_place_ is
    std::string small_map_place_;  // its map feature id, "" if it has none
    std::optional<QrMatrix> qr_;
    std::string shown_ref_;
};

} // namespace pavilion::screens
