#pragma once
// One initiative or story: hero picture, rich text, key points, related items, its place on a
// small map, a QR code to the source, and a swipe to the previous or next item. One screen
// serves both kinds of item.

#include "pavilion/screens/map_canvas.hpp"
#include "pavilion/screens/qr_code.hpp"
#include "pavilion/screens/screen.hpp"
#include "pavilion/screens/scroll_area.hpp"
#include "pavilion/screens/views.hpp"

#include <optional>
#include <string>
#include <vector>

namespace pavilion::screens {

class DetailScreen final : public Screen {
public:
    // Builds the page (with the body, once the model has read it). A new item starts at its top;
    // the same item in another language, or with its body arrived, keeps its place.
    void on_open(const ScreenContext& context) override;
    // A new visit to an item starts at its top, even an item seen before.
    void on_close(const core::Route&) override { forget_item(); }
    void draw(Frame& frame, float top, std::vector<model::Intent>& intents) override;
    bool animating(float screen_age_s) const override { return scroll_.animating() || screen_age_s < 3; }
    std::vector<Picture> first_pictures() const override;
    std::string title() const override { return view_ ? view_->kind_label : std::string(); }

    // The page shown: nullopt for an item the pack does not have.
    const std::optional<DetailView>& view() const { return view_; }

private:
    void forget_item();
    void add_swipes(const Frame& frame, std::vector<model::Intent>& intents) const;
    void draw_landscape(Frame& frame, float top, float margin);
    void draw_portrait(Frame& frame, float top, float margin);
    float draw_text_column(Frame& frame, ImVec2 at, float width);
    float draw_key_points(Frame& frame, ImVec2 at, float width);
    float draw_related(Frame& frame, ImVec2 at, float width);
    float draw_side(Frame& frame, ImVec2 at, float width, bool with_picture);
    void draw_small_map(Frame& frame, ImVec2 min, ImVec2 max);
    const std::string& small_map_place();

    std::optional<DetailView> view_;
    const MapView* map_ = nullptr; // the Deck's: every place, for the small map
    ScrollArea scroll_;
    std::optional<QrMatrix> qr_;
    std::optional<core::Route> shown_; // the item whose scroll and QR code these are
    MapCanvas small_map_canvas_;
    MapLayers small_map_layers_;
    bool small_map_projected_ = false;
    std::string small_map_locale_;              // the layers' language
    std::optional<core::Route> small_map_item_; // the item whose place small_map_place_ is
    std::string small_map_place_;               // its map feature id, "" if it has none
};

} // namespace pavilion::screens
