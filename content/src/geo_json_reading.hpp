#pragma once
// What the TopoJSON and GeoJSON decoders share: parsing JSON defensively and reading the small
// pieces both formats use. Problems are thrown as GeoFileError and turned into one Error
// ("file: what is wrong") at the decoder's entry point, so the walk through nested arrays stays
// readable.

#include "pavilion/content/model.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace pavilion::content {

using Json = nlohmann::json;

// Far above any real map and far below what exhausts memory or time: world-atlas's 10m countries
// have 541 000 points in all, and 23 000 in the largest polygon (Russia); triangulation takes
// time quadratic in a polygon's points.
constexpr std::size_t kMaxShapePoints = 4'000'000;
constexpr std::size_t kMaxPolygonPoints = 100'000;

struct GeoFileError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Parses JSON text. Refuses nesting deeper than geography needs, which would otherwise let a
// hostile file exhaust the stack.
Json parse_geo_json(std::string_view text);

// A finite number, or GeoFileError naming `what`.
double number_of(const Json& value, const std::string& what);

// A position [lon, lat, ...] as two finite numbers.
GeoPoint position_of(const Json& value, const std::string& what);

// Longitude -180..180 and latitude -90..90, or GeoFileError: the file must not be projected.
void check_lon_lat(const GeoPoint& point, const std::string& what);

// A feature's "id" (a string, or a number written as text); "" when it has none.
std::string feature_id(const Json& object);
// A feature's properties.name; "" when it has none.
std::string feature_name(const Json& object);

// GeoFileError when the polygon has more than kMaxPolygonPoints.
void check_polygon_size(std::size_t points, const std::string& what);

// How a value is described in a message: "Polygon 12 ('China')".
std::string describe(const std::string& kind, std::size_t index, const std::string& name);

} // namespace pavilion::content
