#pragma once
// Pack images on the GPU. Screens ask for a picture; if it is not there yet a worker thread
// decodes it (only images the pack builder produced, through the hardened decoder), and the
// render thread uploads finished pictures within a per-frame budget, so opening a story never
// stalls a frame. Textures live in an LRU under a memory cap; those drawn this frame are pinned.

#include "pavilion/content/image_codec.hpp"
#include "pavilion/content/pack_reader.hpp"
#include "pavilion/core/byte_budget_lru.hpp"
#include "pavilion/core/image_source.hpp"

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace pavilion::platform {

struct TextureCacheConfig {
    std::size_t budget_bytes = 96u << 20;          // GPU memory for pictures (RAM on a Pi 4)
    std::size_t upload_bytes_per_frame = 9u << 20; // one full-HD picture per frame at most
    int max_texture_side = 4096;
    int decode_threads = 2; // JPEG decoding is the slow part; a Pi 4 has four cores
};

class TextureCache : public core::ImageSource {
public:
    // wake: called from the worker when a picture is ready (the kiosk passes glfwPostEmptyEvent).
    TextureCache(const content::PackReader& pack, TextureCacheConfig config, std::function<void()> wake);
    ~TextureCache() override;
    TextureCache(const TextureCache&) = delete;
    TextureCache& operator=(const TextureCache&) = delete;

    std::optional<core::Texture> thumbnail(const std::string& media_id) override;
    std::optional<core::Texture> full(const std::string& media_id) override;

    // Render thread, once per frame before drawing: unpins last frame's pictures.
    void begin_frame();
    // Render thread, once per frame after drawing: uploads finished pictures, evicts over the cap.
    // Returns true when something new was uploaded (worth another frame).
    bool end_frame();
    // Waits until every requested picture is decoded and uploaded (screenshots, benchmarks).
    void finish_pending();
    // Starts decoding a picture now, before any frame asks for it (start-up, next screen).
    void prefetch(const std::string& media_id, bool thumbnail);
    // Takes a picture decoded elsewhere (start-up decodes the first screen's pictures while the
    // GL context is being made); it is uploaded like any finished decode.
    void adopt(const std::string& media_id, bool thumbnail, content::Pixels pixels);

    // True while pictures are being decoded or wait to be uploaded (start-up defers other
    // background work until the first screen is complete).
    bool busy() const;
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

    std::optional<core::Texture> lookup(const Key& key);
    void request(const Key& key);
    void work();
    Decoded decode(const Key& key) const;
    void upload(Decoded decoded);

    const content::PackReader& pack_;
    TextureCacheConfig config_;
    std::function<void()> wake_;

    // Render thread only.
    std::map<Key, core::Texture> textures_;
    std::set<Key> failed_; // never asked again: one log line, not one per frame
    core::ByteBudgetLru<Key> lru_;

    // Shared with the worker.
    mutable std::mutex mutex_;
    std::condition_variable work_ready_;
    std::condition_variable work_done_;
    std::deque<Key> queue_;
    std::set<Key> in_flight_;
    std::deque<Decoded> finished_;
    bool stopping_ = false;
    std::vector<std::thread> workers_;
};

} // namespace pavilion::platform
