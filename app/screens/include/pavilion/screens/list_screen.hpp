#pragma once
// Initiatives or project stories as cards with thumbnails, in a grid that scrolls with the
// finger, with filter chips when the pack defines themes or regions. The filter and the scroll
// are kept while the visitor reads the list's items (and the other list's) and comes back; going
// anywhere else starts the list afresh.

#include "pavilion/content/model.hpp"
#include "pavilion/screens/scroll_area.hpp"
#include "pavilion/screens/screen.hpp"
#include "pavilion/screens/views.hpp"

#include <string>

namespace pavilion::screens {

class ListScreen final : public Screen {
public:
    explicit ListScreen(content::ItemKind kind) : kind_(kind) {}

    void on_open(const ScreenContext& context) override;
    void on_close(const core::Route& next) override;
    void draw(Frame& frame, float top, std::vector<model::Intent>& intents) override;
    void act(const TapAction& local) override; // SetFilter
    bool animating(float) const override { return scroll_.animating(); }
    // The first kFirstScreenCards thumbnails: a list of thousands would otherwise queue
    // thousands of decodes at start-up.
    std::vector<Picture> first_pictures() const override;
    std::string title() const override { return view_.title; }

    const std::string& filter() const { return filter_; }

private:
    content::ItemKind kind_;
    ListView view_;
    ScrollArea scroll_;
    std::string filter_; // a facet id; "" = all
};

} // namespace pavilion::screens
