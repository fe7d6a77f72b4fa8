#pragma once
// Over the visitor's screen while a pack installs, and for a while after: progress or outcome.
// A card at the bottom centre; it registers no tap targets (the visitor's screen stays usable).
// Its heading is in the visitor's language where the pack has the words (optional keys
// update_copying, update_checking, update_installed, update_failed), else English; the lines
// under it (file name, amounts, outcome) are as the kiosk reports them.

#include "pavilion/model/update_banner.hpp"
#include "pavilion/screens/frame.hpp"

#include <string>

namespace pavilion::screens {

class ViewBuilder;

struct UpdateBannerWords {
    std::string copying = "Copying new content";
    std::string checking = "Checking the new content";
    std::string installed = "New content installed";
    std::string failed = "Update failed";
};

// The pack's words in the builder's locale (or its default language), English where it has none.
UpdateBannerWords update_banner_words(const ViewBuilder& words);

// The heading for the banner's state.
const std::string& update_banner_heading(const model::UpdateBanner& banner, const UpdateBannerWords& words);
// The line under the heading once the update is over: "Now showing expo-2027, version 4", or
// why it was refused (update_banner_refusal); "" while copying or checking.
std::string update_banner_outcome(const model::UpdateBanner& banner);
// Why an install was refused, in the kiosk's own words (never the stick's text).
std::string update_banner_refusal(core::ErrorCode problem);

void draw_update_banner(Frame& frame, const model::UpdateBanner& banner, const UpdateBannerWords& words);

} // namespace pavilion::screens
