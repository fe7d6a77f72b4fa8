#pragma once
// Items' texts (key points and paragraphs: most of a pack's words), read from the pack when an
// item opens. The kiosk opens packs with bodies on demand so start-up does not grow with the
// text; the reads run on the content worker, never the render thread, and the page shows its
// title, summary and picture at once and its text a frame or two later. The item's neighbours
// are read too, so a swipe finds its text ready.

#include "pavilion/content/pack_reader.hpp"
#include "pavilion/model/event_log.hpp"
#include "pavilion/model/workers.hpp"

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <set>
#include <string>
#include <utility>

namespace pavilion::model {

class ItemBodies {
public:
    // Bodies kept: the item shown, its neighbours, and a few the visitor may go back to.
    static constexpr std::size_t kKept = 8;

    ItemBodies(Workers& workers, EventLog& log) : workers_(workers), log_(log) {}

    // Another pack: everything read from the old one goes (a read still running is ignored).
    void use(std::shared_ptr<const content::PackReader> pack);
    // Starts reading the item's body unless it is here or on its way (or the catalog holds
    // bodies itself: then there is nothing to read).
    void want(const std::string& ref);
    // The body, once read; nullptr before, and for an item whose text cannot be read (logged
    // once: the page shows without it).
    const content::ItemBody* find(const std::string& ref) const;

private:
    void arrived(std::uint64_t generation, const std::string& ref, core::Expected<content::ItemBody> body);

    Workers& workers_;
    EventLog& log_;
    std::shared_ptr<const content::PackReader> pack_;
    std::uint64_t generation_ = 0; // which pack a read belongs to
    std::list<std::pair<std::string, content::ItemBody>> kept_; // most recently arrived first
    std::set<std::string> reading_;
    std::set<std::string> unreadable_;
};

} // namespace pavilion::model
