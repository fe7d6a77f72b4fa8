#pragma once
// The texture cache's eviction policy, kept apart from GL so it can be tested: entries cost
// bytes, the least recently used go first when the cache is over its budget, and entries pinned
// for the frame being drawn are never evicted (freeing a texture that is still to be drawn
// would show garbage). The cache itself owns the textures and frees what evict_to_fit() names.

#include <cstddef>
#include <list>
#include <map>
#include <optional>
#include <vector>

namespace pavilion::core {

// Key: copyable and ordered by operator< (like a std::map key); no hash or == needed, so
// small structs such as {media id, thumbnail?} work as they are.
template <typename Key>
class ByteBudgetLru {
public:
    // Adds `key` as the most recently used entry. Inserting a key again replaces its cost (a
    // texture re-decoded at another size) and refreshes it; its pin is kept.
    void insert(const Key& key, std::size_t bytes) {
        auto it = entries_.find(key);
        if (it == entries_.end()) {
            order_.push_front(key);
            entries_.emplace(key, Entry{bytes, false, order_.begin()});
        } else {
            total_ -= it->second.bytes;
            it->second.bytes = bytes;
            to_front(it->second);
        }
        total_ += bytes;
    }

    // Marks `key` most recently used. False if it is not cached.
    bool touch(const Key& key) {
        auto it = entries_.find(key);
        if (it == entries_.end()) return false;
        to_front(it->second);
        return true;
    }

    bool contains(const Key& key) const { return entries_.count(key) != 0; }

    // The cost of `key`, nullopt if it is not cached.
    std::optional<std::size_t> bytes(const Key& key) const {
        auto it = entries_.find(key);
        if (it == entries_.end()) return std::nullopt;
        return it->second.bytes;
    }

    // Removes `key` even if pinned: the caller has freed it and knows best. False if absent.
    bool erase(const Key& key) {
        auto it = entries_.find(key);
        if (it == entries_.end()) return false;
        total_ -= it->second.bytes;
        order_.erase(it->second.position);
        entries_.erase(it);
        return true;
    }

    // Pinning is in use this frame, so it also counts as a use (touch). Pins are on/off, not
    // counted: drawing the same texture twice in a frame needs one unpin, and unpin_all() at
    // the end of the frame cannot leave anything pinned by mistake. False if not cached.
    bool pin(const Key& key) {
        auto it = entries_.find(key);
        if (it == entries_.end()) return false;
        it->second.pinned = true;
        to_front(it->second);
        return true;
    }

    bool unpin(const Key& key) {
        auto it = entries_.find(key);
        if (it == entries_.end()) return false;
        it->second.pinned = false;
        return true;
    }

    void unpin_all() {
        for (auto& entry : entries_) entry.second.pinned = false;
    }

    bool pinned(const Key& key) const {
        auto it = entries_.find(key);
        return it != entries_.end() && it->second.pinned;
    }

    // Evicts unpinned entries, least recently used first, until total_bytes() <= budget or only
    // pinned entries are left (so a pinned entry larger than the whole budget survives until it
    // is unpinned). Returns the evicted keys in eviction order, for the caller to free.
    std::vector<Key> evict_to_fit(std::size_t budget) {
        std::vector<Key> evicted;
        auto it = order_.end();
        while (total_ > budget && it != order_.begin()) {
            --it;
            auto found = entries_.find(*it);
            if (found->second.pinned) continue;
            total_ -= found->second.bytes;
            evicted.push_back(*it);
            entries_.erase(found);
            it = order_.erase(it); // the element after the erased one; --it reaches the next older
        }
        return evicted;
    }

    std::size_t total_bytes() const { return total_; }
    std::size_t size() const { return entries_.size(); }
    bool empty() const { return entries_.empty(); }

    // Keys from most to least recently used.
    const std::list<Key>& recency() const { return order_; }

private:
    struct Entry {
        std::size_t bytes = 0;
        bool pinned = false;
        typename std::list<Key>::iterator position; // into order_
    };

    void to_front(Entry& entry) { order_.splice(order_.begin(), order_, entry.position); }

    std::list<Key> order_; // front = most recently used
    std::map<Key, Entry> entries_; // a few hundred textures: log n is nothing
    std::size_t total_ = 0;
};

} // namespace pavilion::core
