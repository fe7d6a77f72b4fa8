#include "pavilion/platform/texture_cache.hpp"

#include "gl_texture.hpp"

#include "pavilion/content/image_codec.hpp"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cstdio>
#include <limits>

namespace pavilion::platform {

TextureCache::TextureCache(std::shared_ptr<const content::PackReader> pack, TextureCacheConfig config,
                           core::RunQueue& results)
    : pack_(std::move(pack)), config_(config), results_(results) {
    for (int i = 0; i < std::max(1, config_.decode_threads); ++i) workers_.emplace_back([this] { work(); });
}

TextureCache::~TextureCache() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    work_ready_.notify_all();
    for (auto& worker : workers_) worker.join();
    for (const auto& [key, texture] : textures_) {
        const auto name = static_cast<GLuint>(texture.handle);
        glDeleteTextures(1, &name);
    }
    // arrivals_ goes with the cache: results still in `results` then hold an expired weak_ptr.
}

std::optional<core::Texture> TextureCache::thumbnail(const std::string& media_id) {
    return lookup(key_of(media_id, true));
}

std::optional<core::Texture> TextureCache::full(const std::string& media_id) {
    if (auto texture = lookup(key_of(media_id, false))) return texture;
    return lookup(key_of(media_id, true)); // the thumbnail shows at once, the full picture when ready
}

std::optional<core::Texture> TextureCache::lookup(const Key& key) {
    if (key.size() <= 2 || failed_.count(key)) return std::nullopt;
    if (auto it = textures_.find(key); it != textures_.end()) {
        lru_.pin(key); // drawn this frame: must survive this frame's eviction
        return it->second;
    }
    request(key);
    return std::nullopt;
}

void TextureCache::prefetch(const std::string& media_id, bool thumbnail) {
    const auto key = key_of(media_id, thumbnail);
    if (media_id.empty() || textures_.count(key) || failed_.count(key)) return;
    request(key);
}

void TextureCache::adopt(const std::string& media_id, bool thumbnail, content::Pixels pixels) {
    const auto key = key_of(media_id, thumbnail);
    if (media_id.empty() || textures_.count(key) || pending_.count(key) || pixels.data.empty()) return;
    if (std::max(pixels.width, pixels.height) > config_.max_texture_side)
        pixels = content::scale_to_fit(pixels, config_.max_texture_side);
    pending_.insert(key);
    arrivals_->pictures.push_back(Decoded{key, pixels.width, pixels.height, std::move(pixels.data)});
}

void TextureCache::request(const Key& key) {
    if (!pending_.insert(key).second) return; // already on its way
    {
        std::lock_guard<std::mutex> lock(mutex_);
        // Thumbnails are small and wanted at once; they jump the queue.
        if (is_thumbnail(key)) queue_.push_front(key);
        else queue_.push_back(key);
    }
    work_ready_.notify_one();
}

void TextureCache::work() {
    while (true) {
        Key key;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            work_ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (stopping_) return;
            key = queue_.front();
            queue_.pop_front();
            ++decoding_;
        }
        // Posted before decoding_ drops, so wait_for_decodes() returns only once it is in `results`.
        post_result(decode(key));
        {
            std::lock_guard<std::mutex> lock(mutex_);
            --decoding_;
        }
        decodes_done_.notify_all();
    }
}

TextureCache::Decoded TextureCache::decode(const Key& key) const {
    Decoded decoded{key, 0, 0, {}};
    const auto media_id = media_of(key);
    if (!pack_) {
        std::fprintf(stderr, "pavilion: image %s: the texture cache was given no pack to read it from\n",
                     media_id.c_str());
        return decoded;
    }
    // The header is checked against the pack's pixel limits before anything is decoded: a picture
    // over them costs a header read, never a decode (and is logged once: failed_ keeps it).
    auto pixels = pack_->decode_picture(media_id, is_thumbnail(key) ? content::ImageVariant::thumbnail
                                                                    : content::ImageVariant::full);
    if (!pixels) {
        std::fprintf(stderr, "pavilion: image %s: %s\n", media_id.c_str(), pixels.error().message.c_str());
        return decoded;
    }
    content::Pixels fitted = std::move(pixels).value();
    // The builder keeps pictures at 1920 px, but a texture must fit the GPU whatever a pack holds.
    // Scaling only when needed spares an 8 MB copy per picture.
    if (std::max(fitted.width, fitted.height) > config_.max_texture_side)
        fitted = content::scale_to_fit(fitted, config_.max_texture_side);
    decoded.width = fitted.width;
    decoded.height = fitted.height;
    decoded.rgba = std::move(fitted.data);
    return decoded;
}

void TextureCache::post_result(Decoded decoded) {
    // The pixels move into the task and on into arrivals: never copied. The weak_ptr, not `this`,
    // because the task may be drained after the cache is gone.
    results_.post([arrivals = std::weak_ptr<Arrivals>(arrivals_), decoded = std::move(decoded)]() mutable {
        if (const auto alive = arrivals.lock()) alive->pictures.push_back(std::move(decoded));
    });
}

void TextureCache::wait_for_decodes() {
    std::unique_lock<std::mutex> lock(mutex_);
    decodes_done_.wait(lock, [&] { return queue_.empty() && decoding_ == 0; });
}

void TextureCache::begin_frame() { lru_.unpin_all(); }

bool TextureCache::end_frame() { return upload_arrived_within(config_.upload_bytes_per_frame); }

void TextureCache::upload_arrived() { upload_arrived_within(std::numeric_limits<std::size_t>::max()); }

bool TextureCache::upload_arrived_within(std::size_t upload_bytes) {
    auto& arrived = arrivals_->pictures;
    bool uploaded = false;
    std::size_t bytes = 0;
    // Always at least one, so a picture larger than the budget still arrives. (Written so that
    // neither side can wrap: upload_arrived() passes the largest size_t.)
    const auto fits = [&](const Decoded& next) { return bytes <= upload_bytes && next.rgba.size() <= upload_bytes - bytes; };
    while (!arrived.empty() && (!uploaded || fits(arrived.front()))) {
        bytes += arrived.front().rgba.size();
        upload(std::move(arrived.front()));
        arrived.pop_front();
        uploaded = true;
    }
    evict_over_cap();
    return uploaded;
}

void TextureCache::upload(Decoded decoded) {
    pending_.erase(decoded.key);
    if (decoded.rgba.empty()) {
        failed_.insert(decoded.key);
        return;
    }
    const GLuint name = make_texture(GL_RGBA8, GL_RGBA, decoded.width, decoded.height, decoded.rgba.data());
    textures_[decoded.key] = core::Texture{name, decoded.width, decoded.height};
    lru_.insert(decoded.key, decoded.rgba.size());
    // The current screen asked for it: it must survive this frame's eviction even when it alone
    // is over the cap, or it would be evicted and asked for again forever.
    lru_.pin(decoded.key);
}

void TextureCache::evict_over_cap() {
    for (const auto& key : lru_.evict_to_fit(config_.budget_bytes)) {
        auto it = textures_.find(key);
        if (it == textures_.end()) continue;
        const auto name = static_cast<GLuint>(it->second.handle);
        glDeleteTextures(1, &name);
        textures_.erase(it);
    }
}

} // namespace pavilion::platform
