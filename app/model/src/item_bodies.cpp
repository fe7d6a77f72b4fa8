#include "pavilion/model/item_bodies.hpp"

namespace pavilion::model {

void ItemBodies::use(std::shared_ptr<const content::PackReader> pack) {
    pack_ = std::move(pack);
    ++generation_;
    kept_.clear();
    reading_.clear();
    unreadable_.clear();
}

void ItemBodies::want(const std::string& ref) {
    if (!pack_ || pack_->bodies_in_catalog() || find(ref) || reading_.count(ref) || unreadable_.count(ref)) return;
    reading_.insert(ref);
    workers_.content.post([this, pack = pack_, generation = generation_, ref] {
        auto body = pack->item_body(ref);
        workers_.results.post([this, generation, ref, body = std::move(body)]() mutable {
            arrived(generation, ref, std::move(body));
        });
    });
}

const content::ItemBody* ItemBodies::find(const std::string& ref) const {
    for (const auto& [kept_ref, body] : kept_)
        if (kept_ref == ref) return &body;
    return nullptr;
}

void ItemBodies::arrived(std::uint64_t generation, const std::string& ref, core::Expected<content::ItemBody> body) {
    if (generation != generation_) return; // read from a pack no longer shown
    reading_.erase(ref);
    if (!body) {
        unreadable_.insert(ref);
        log_.add("pavilion: " + body.error().message + "; " + ref + " shows without its text");
        return;
    }
    kept_.emplace_front(ref, std::move(body).value());
    if (kept_.size() > kKept) kept_.pop_back();
}

} // namespace pavilion::model
