#include "pavilion/text/paragraph_cache.hpp"

#include <algorithm>

namespace pavilion::text {

ParagraphCache::ParagraphCache(ParagraphLayouter& layouter, std::size_t max_entries)
    : layouter_(layouter), max_entries_(std::max<std::size_t>(max_entries, 1)) {}

core::Expected<std::shared_ptr<const Paragraph>> ParagraphCache::get(std::string_view text, const LayoutOptions& options) {
    ParagraphKey key{std::string(text), layouter_.fonts().id(), options.size_px, options.max_width_px, options.base,
                     options.locale};
    if (auto found = entries_.find(key); found != entries_.end()) {
        order_.splice(order_.begin(), order_, found->second.position);
        ++hits_;
        return found->second.paragraph;
    }
    ++misses_;
    auto laid_out = layouter_.layout(text, options);
    if (!laid_out) return laid_out.error();
    auto paragraph = std::make_shared<const Paragraph>(std::move(*laid_out));
    if (entries_.size() >= max_entries_) {
        const auto oldest = entries_.find(*order_.back());
        order_.pop_back();
        entries_.erase(oldest);
    }
    auto [inserted, unused] = entries_.emplace(std::move(key), Entry{paragraph, {}});
    order_.push_front(&inserted->first);
    inserted->second.position = order_.begin();
    return paragraph;
}

void ParagraphCache::clear() {
    entries_.clear();
    order_.clear();
}

} // namespace pavilion::text
