#include "pavilion/core/navigator.hpp"

#include <algorithm>

namespace pavilion::core {

using Screen = Route::Screen;

bool Navigator::wake() {
    if (!at_attract()) return false;
    current_ = Route{Screen::home, {}};
    changed();
    return true;
}

bool Navigator::open(const Route& route) { return go(route, true); }

bool Navigator::replace(const Route& route) {
    // With nothing but Home beneath, a swap would leave the screen without Home under it.
    const bool at_root = at_attract() || current_.screen == Screen::home;
    return go(route, at_root);
}

bool Navigator::back() {
    if (stack_.empty()) return false;
    current_ = std::move(stack_.back());
    stack_.pop_back();
    changed();
    return true;
}

bool Navigator::home() {
    if (current_.screen == Screen::home) return false;
    stack_.clear();
    current_ = Route{Screen::home, {}};
    changed();
    return true;
}

bool Navigator::reset_to_attract() {
    if (at_attract()) return false;
    stack_.clear();
    current_ = Route{Screen::attract, {}};
    changed();
    return true;
}

bool Navigator::go(const Route& route, bool push) {
    if (!route.valid() || route.screen == Screen::attract || route == current_) return false;
    if (route.screen == Screen::home) return home();
    if (at_attract()) {
        start_from_home(route);
    } else if (auto it = std::find(stack_.begin(), stack_.end(), route); it != stack_.end()) {
        stack_.erase(it, stack_.end()); // already in the history: return to it, no loop
        current_ = route;
    } else {
        if (push) stack_.push_back(std::move(current_));
        current_ = route;
    }
    changed();
    return true;
}

void Navigator::start_from_home(const Route& route) {
    stack_.clear();
    for (Route at = parent_of(route); at.screen != Screen::home; at = parent_of(at))
        stack_.insert(stack_.begin(), at);
    stack_.insert(stack_.begin(), Route{Screen::home, {}});
    current_ = route;
}

} // namespace pavilion::core
