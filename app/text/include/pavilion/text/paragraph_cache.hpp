#pragma once
// Laid-out paragraphs kept between frames, so the screens never shape per frame: a paragraph is
// laid out once per (text, font set, size, width, direction, locale) and then read. Bounded by
// entries, least recently used out first.

#include "pavilion/core/expected.hpp"
#include "pavilion/text/layout.hpp"

#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <string>
#include <tuple>

namespace pavilion::text {

struct ParagraphKey {
    std::string text;
    std::uint64_t font_set = 0;
    float size_px = 0;
    float max_width_px = 0;
    Direction base = Direction::auto_detect;
    std::string locale;

    bool operator<(const ParagraphKey& other) const {
        return std::tie(font_set, size_px, max_width_px, base, locale, text) <
               std::tie(other.font_set, other.size_px, other.max_width_px, other.base, other.locale, other.text);
    }
};

class ParagraphCache {
public:
    // max_entries: at least 1.
    ParagraphCache(ParagraphLayouter& layouter, std::size_t max_entries);

    // The cached paragraph, or a new layout kept for next time. Errors are not kept (the next
    // call says them again). The pointer stays valid after the entry is evicted.
    core::Expected<std::shared_ptr<const Paragraph>> get(std::string_view text, const LayoutOptions& options);

    std::size_t size() const { return entries_.size(); }
    std::size_t hits() const { return hits_; }
    std::size_t misses() const { return misses_; }
    void clear();

private:
    using Order = std::list<const ParagraphKey*>; // most recently used first
    struct Entry {
        std::shared_ptr<const Paragraph> paragraph;
        Order::iterator position;
    };

    ParagraphLayouter& layouter_;
    std::size_t max_entries_;
    std::map<ParagraphKey, Entry> entries_;
    Order order_;
    std::size_t hits_ = 0;
    std::size_t misses_ = 0;
};

} // namespace pavilion::text
