#pragma once
// Limits the builder and the reader must agree on. The builder refuses a source over them with
// file:line; the reader refuses a pack over them at open, so the installer refuses it before it
// is ever shown, whoever made it.

#include <cstddef>
#include <cstdint>

namespace pavilion::content {

// The largest value (BLOB or TEXT) the reader accepts (SQLITE_LIMIT_LENGTH), so the builder
// refuses to write anything larger: an image, a font, a base map buffer.
constexpr std::size_t kMaxPackValueBytes = 64 * 1024 * 1024;

// Points of one map feature (a line, an area). What a real route needs: the default pack's
// longest has 12 points. A Belt and Road corridor is at most ~12,000 km long; on a 4K screen at
// the map's closest zoom (40x the world view, ~4.4 px per km) a pixel is ~225 m, so a corridor
// traced at one point per pixel of its length would need ~53,000 points, but a route only needs
// points where it turns, and simplified to half a pixel (Douglas-Peucker, as mapshaper or
// `ogr2ogr -simplify` do it) a railway keeps a small share of its pixels. 20,000 is a point
// every 600 m along that corridor; the kiosk thins what it draws to the pixel anyway.
constexpr std::size_t kMaxFeaturePoints = 20'000;
// Points of every line and area of a pack together: two and a half corridors at the limit,
// 500 times the default pack's 109. The kiosk projects and thins them to the pixel on every
// frame the map moves (a still map keeps them): 50,000 points zigzagging so that no step of
// thinning can drop them, the worst case, cost ~2.3 ms a moving frame on the shared 2-core
// AMD EPYC the tests ran on (tests/screens/long_line_test.cpp prints it).
constexpr std::size_t kMaxPackLinePoints = 50'000;
// Places (points: sites and every story's place) of a pack: the synthetic packs' most stories
// (99,999) each with its place. The kiosk holds them in memory and clusters them once per zoom
// step.
constexpr std::size_t kMaxPackPlaces = 100'000;

// Pictures as the builder stores them: scaled to fit 1920 px (full HD; the kiosk's screens are
// 1080p or 4K with the picture on part of it), thumbnails to 480 px. The kiosk decodes nothing
// larger: a picture whose header says more is refused before it is decoded.
constexpr int kMaxStoredPictureSide = 1920;
constexpr int kMaxStoredThumbnailSide = 480;
// The pixels of every full picture of a pack together (each thumbnail is smaller than its
// picture, so decoding everything costs at most twice this). The installer takes packs up to
// 2 GiB; full-HD JPEGs at the builder's quality are ~250 KB each, so a pack of that size holds
// ~8,600 of them, 17.8 gigapixels. The scale test's 2,000 stories (509 MB) hold 4.2.
constexpr std::int64_t kMaxPackPicturePixels = 20'000'000'000;

} // namespace pavilion::content
