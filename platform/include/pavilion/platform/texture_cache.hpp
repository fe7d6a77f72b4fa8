#pragma once
// Pack images on the GPU. Screens ask for a picture; if it is not there yet a worker thread
// decodes it (only images the pack builder produced, through the hardened decoder) and posts the
// pixels to the owner's core::RunQueue, the one hand-off from worker threads to the render
// thread. When the owner drains that queue the picture has arrived; the render thread uploads
// arrived pictures within a per-frame budget, so opening a story never stalls a frame. Textures
// live in an LRU under a memory cap; those drawn this frame are pinned.

#include "pavilion/content/image_codec.hpp"
#include "pavilion/content/pack_reader.hpp"
#include "pavilion/core/byte_budget_lru.hpp"
#include "pavilion/core/image_source.hpp"
#include "pavilion/core/run_queue.hpp"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace pavilion::platform {

struct TextureCacheConfig {
    std::size_t budget_bytes = 96u << 20;          // GPU memory for pictures (RAM on a Pi 4)
    std::size_t upload_bytes_per_frame = 9u << 20; // one full-HD picture per frame at most
    int max_texture_side = 4096;
    int decode_threads = 2; // JPEG decoding is the slow part; a Pi 4 has four cores
};

class TextureCache : public core::ImageSource {
public:
    // pack: shared, because the decode threads read it until the destructor has joined them.
    // results: the owner's queue, drained on the render thread once per frame; posting a decoded
    // picture to it wakes the owner's loop. It must outlive the cache (the decode threads post to
    // it until they are joined).
    TextureCache(std::shared_ptr<const content::PackReader> pack, TextureCacheConfig config, core::RunQueue& results);
    // Joins the decode threads. Results of its decodes still queued in `results` do nothing when
    // drained later (a pack switch replaces the cache while pictures are on their way).
    ~TextureCache() override;
    TextureCache(const TextureCache&) = delete;
    TextureCache& operator=(const TextureCache&) = delete;

    std::optional<core::Texture> thumbnail(const std::string& media_id) override;
    std::optional<core::Texture> full(const std::string& media_id) override;

    // Render thread, once per frame before drawing: unpins last frame's pictures.
    void begin_frame();
    // Render thread, once per frame after drawing: uploads arrived pictures within
    // upload_bytes_per_frame (at least one), evicts over the cap. Returns true when something new
    // was uploaded (worth another frame).
    bool end_frame();
    // Starts decoding a picture now, before any frame asks for it (start-up, next screen).
    void prefetch(const std::string& media_id, bool thumbnail);
    // Takes a picture decoded elsewhere (start-up decodes the first screen's pictures while the
    // GL context is being made); it has arrived at once and is uploaded like any other.
    void adopt(const std::string& media_id, bool thumbnail, content::Pixels pixels);

    // Off-screen runs (screenshots, benchmarks) want complete frames: blocks until every requested
    // decode has finished and posted its result. The owner then drains `results`, which makes the
    // pictures arrive, and calls upload_arrived().
    void wait_for_decodes();
    // Uploads every arrived picture now, whatever the per-frame budget, and evicts over the cap
    // (complete frames only: a live frame would stall).
    void upload_arrived();

    // Render thread. True while pictures are decoding or queued to decode, on their way through
    // `results`, or arrived and not yet uploaded (start-up defers other background work until the
    // first screen is complete).
    bool busy() const { return !pending_.empty(); }
    // Whether a picture is on the GPU now (without asking for it): the benchmark's "full image shows".
    bool resident(const std::string& media_id, bool thumbnail) const {
        return textures_.count(key_of(media_id, thumbnail)) != 0;
    }
    std::size_t resident_bytes() const { return lru_.total_bytes(); }
    std::size_t resident_count() const { return textures_.size(); }

private:
    // "t:<media id>" for a thumbnail, "f:<media id>" for the full picture.
    using Key = std::string;
    static Key key_of(const std::string& media_id, bool thumbnail) { return (thumbnail ? "t:" : "f:") + media_id; }
    static bool is_thumbnail(const Key& key) { return key[0] == 't'; }
    static std::string media_of(const Key& key) { return key.substr(2); }
    struct Decoded {
        Key key;
        int width = 0;
        int height = 0;
        std::vector<std::uint8_t> rgba; // empty when the picture could not be decoded
    };
    // Pictures that came through `results` and wait for their upload (render thread only). Held
    // by a shared_ptr so that a posted result can hold a weak_ptr to it: drained after the cache
    // is gone, the result finds nothing to add to and does nothing, where a captured `this`
    // would dangle.
    struct Arrivals {
        std::deque<Decoded> pictures;
    };

    std::optional<core::Texture> lookup(const Key& key);
    void request(const Key& key);
    void work();
    Decoded decode(const Key& key) const;
    void post_result(Decoded decoded);
    bool upload_arrived_within(std::size_t upload_bytes);
    void upload(Decoded decoded);
    void evict_over_cap();

    const std::shared_ptr<const content::PackReader> pack_;
    const TextureCacheConfig config_;
    core::RunQueue& results_;

    // Render thread only.
    std::map<Key, core::Texture> textures_;
    std::set<Key> failed_;  // never asked again: one log line, not one per frame
    std::set<Key> pending_; // requested or adopted, not yet uploaded (or failed): asked for once
    const std::shared_ptr<Arrivals> arrivals_ = std::make_shared<Arrivals>();
    core::ByteBudgetLru<Key> lru_;

    // The decode threads' own job queue (render thread to workers), shared with them.
    mutable std::mutex mutex_;
    std::condition_variable work_ready_;
    std::condition_variable decodes_done_;
    std::deque<Key> queue_;
    int decoding_ = 0; // taken from queue_, result not yet posted
    bool stopping_ = false;
    std::vector<std::thread> workers_;
};

} // namespace pavilion::platform
