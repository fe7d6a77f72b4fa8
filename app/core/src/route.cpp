#include "pavilion/core/route.hpp"

#include <array>
#include <utility>

namespace pavilion::core {
namespace {

using Screen = Route::Screen;

// One table for both directions, so formatting and parsing cannot drift apart.
constexpr std::array<std::pair<Screen, std::string_view>, 9> kScreenNames{{
    {Screen::attract, "attract"},
    {Screen::home, "home"},
    {Screen::initiatives, "initiatives"},
    {Screen::initiative, "initiative"},
    {Screen::stories, "stories"},
    {Screen::story, "story"},
    {Screen::figures, "figures"},
    {Screen::map, "map"},
    {Screen::sources, "sources"},
}};

std::optional<Screen> screen_named(std::string_view name) {
    for (const auto& [screen, text] : kScreenNames)
        if (text == name) return screen;
    return std::nullopt;
}

constexpr std::size_t kMaxSlugLength = 100; // the pack builder's limit

} // namespace

std::string_view screen_name(Screen screen) {
    for (const auto& [candidate, text] : kScreenNames)
        if (candidate == screen) return text;
    return "unknown"; // only reachable through a cast of an out-of-range value
}

bool is_item_screen(Screen screen) {
    return screen == Screen::initiative || screen == Screen::story;
}

bool is_valid_slug(std::string_view slug) {
    if (slug.empty() || slug.size() > kMaxSlugLength) return false;
    for (const char c : slug) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok) return false;
    }
    return true;
}

std::string Route::to_string() const {
    std::string text(screen_name(screen));
    if (is_item_screen(screen) || !id.empty()) {
        text += '/';
        text += id;
    }
    return text;
}

std::optional<Route> Route::parse(std::string_view text) {
    const auto slash = text.find('/');
    const auto screen = screen_named(text.substr(0, slash));
    if (!screen) return std::nullopt;
    Route route{*screen, {}};
    if (slash != std::string_view::npos) route.id = std::string(text.substr(slash + 1));
    // "story/a/b" keeps "a/b" as the id, which valid() rejects for its '/'.
    if (!route.valid()) return std::nullopt;
    return route;
}

bool Route::valid() const {
    if (is_item_screen(screen)) return is_valid_slug(id);
    // The map may be opened centred on one place: "map/<feature id>".
    if (screen == Screen::map) return id.empty() || is_valid_slug(id);
    return id.empty();
}

std::optional<Route> parse_item_ref(std::string_view ref) {
    auto route = Route::parse(ref);
    if (!route || !is_item_screen(route->screen)) return std::nullopt;
    return route;
}

Route parent_of(const Route& route) {
    switch (route.screen) {
    case Screen::attract: return Route{Screen::attract, {}};
    case Screen::initiative: return Route{Screen::initiatives, {}};
    case Screen::story: return Route{Screen::stories, {}};
    default: return Route{Screen::home, {}};
    }
}

int taps_from_home(const Route& route) {
    if (route.screen == Screen::attract) return -1;
    int taps = 0;
    for (Route at = route; at.screen != Screen::home; at = parent_of(at)) ++taps;
    return taps;
}

} // namespace pavilion::core
