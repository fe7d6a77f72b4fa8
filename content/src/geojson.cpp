#include "geojson.hpp"

#include <array>
#include <map>
#include <set>

namespace pavilion::content {
namespace {

constexpr int kMaxCollectionDepth = 4;

// An edge without direction: its two ends in a fixed order, so both neighbours find it.
using EdgeKey = std::array<double, 4>;

EdgeKey edge_key(const GeoPoint& a, const GeoPoint& b) {
    const bool forward = a.lon < b.lon || (a.lon == b.lon && a.lat < b.lat);
    return forward ? EdgeKey{a.lon, a.lat, b.lon, b.lat} : EdgeKey{b.lon, b.lat, a.lon, a.lat};
}

class CollectionDecoder {
public:
    ShapeSet decode(const Json& collection) {
        const auto features = collection.find("features");
        if (features == collection.end() || !features->is_array())
            throw GeoFileError("the FeatureCollection has no 'features' array");
        for (std::size_t i = 0; i < features->size(); ++i) read_feature((*features)[i], i);
        return std::move(out_);
    }

private:
    void read_feature(const Json& feature, std::size_t index) {
        if (!feature.is_object()) throw GeoFileError(describe("feature", index, "") + " is not an object");
        Shape shape;
        shape.id = feature_id(feature);
        shape.name = feature_name(feature);
        const std::string what = describe("feature", index, shape.name);
        const auto geometry = feature.find("geometry");
        if (geometry == feature.end()) throw GeoFileError(what + " has no 'geometry'");
        read_geometry(*geometry, shape, what, 0);
        if (shape.polygons.empty()) return;
        note_edges(shape, out_.shapes.size());
        out_.shapes.push_back(std::move(shape));
    }

    void read_geometry(const Json& geometry, Shape& shape, const std::string& what, int depth) {
        if (geometry.is_null()) return; // a feature without a place
        if (!geometry.is_object()) throw GeoFileError(what + ": 'geometry' is not an object");
        const auto type_it = geometry.find("type");
        if (type_it == geometry.end() || !type_it->is_string())
            throw GeoFileError(what + ": the geometry has no 'type'");
        const auto type = type_it->get<std::string>();
        if (type == "GeometryCollection") {
            const auto children = geometry.find("geometries");
            if (depth >= kMaxCollectionDepth || children == geometry.end() || !children->is_array())
                throw GeoFileError(what + ": a GeometryCollection needs a 'geometries' array "
                                          "(nested at most " + std::to_string(kMaxCollectionDepth) + " deep)");
            for (const auto& child : *children) read_geometry(child, shape, what, depth + 1);
            return;
        }
        if (type == "Point" || type == "MultiPoint" || type == "LineString" ||
            type == "MultiLineString")
            return; // no area to fill
        if (type != "Polygon" && type != "MultiPolygon")
            throw GeoFileError(what + " has the unknown geometry type '" + type + "'");
        const auto coordinates = geometry.find("coordinates");
        if (coordinates == geometry.end() || !coordinates->is_array())
            throw GeoFileError(what + ": the " + type + " has no 'coordinates' array");
        if (type == "Polygon") {
            add_polygon(shape, *coordinates, what);
        } else {
            for (std::size_t i = 0; i < coordinates->size(); ++i)
                add_polygon(shape, (*coordinates)[i], what + " polygon " + std::to_string(i));
        }
    }

    void add_polygon(Shape& shape, const Json& rings, const std::string& what) {
        if (!rings.is_array()) throw GeoFileError(what + " is not a list of rings");
        Polygon polygon;
        std::size_t points = 0;
        for (std::size_t i = 0; i < rings.size(); ++i) {
            Ring ring = read_ring(rings[i], what + " ring " + std::to_string(i));
            points += ring.size();
            check_polygon_size(points, what);
            if (i == 0) polygon.outer = std::move(ring);
            else if (ring.size() >= 3) polygon.holes.push_back(std::move(ring));
        }
        if (polygon.outer.size() >= 3) shape.polygons.push_back(std::move(polygon));
    }

    Ring read_ring(const Json& positions, const std::string& what) {
        if (!positions.is_array()) throw GeoFileError(what + " is not a list of positions");
        points_ += positions.size();
        if (points_ > kMaxShapePoints)
            throw GeoFileError("its rings hold more than " + std::to_string(kMaxShapePoints) + " points");
        Ring ring;
        ring.reserve(positions.size());
        for (std::size_t k = 0; k < positions.size(); ++k) {
            const std::string at = what + " position " + std::to_string(k);
            const GeoPoint point = position_of(positions[k], at);
            check_lon_lat(point, at);
            ring.push_back(point);
        }
        if (ring.size() >= 2 && ring.front() == ring.back()) ring.pop_back();
        return ring;
    }

    // An edge first seen in another shape is a border between the two; each is kept once.
    void note_edges(const Shape& shape, std::size_t index) {
        auto note = [&](const Ring& ring) {
            for (std::size_t i = 0; i < ring.size(); ++i) {
                const GeoPoint& a = ring[i];
                const GeoPoint& b = ring[(i + 1) % ring.size()];
                if (a == b) continue;
                const auto key = edge_key(a, b);
                const auto [it, first] = owner_.emplace(key, index);
                if (!first && it->second != index && emitted_.insert(key).second)
                    out_.borders.push_back({a, b});
            }
        };
        for (const auto& polygon : shape.polygons) {
            note(polygon.outer);
            for (const auto& hole : polygon.holes) note(hole);
        }
    }

    std::map<EdgeKey, std::size_t> owner_; // the first shape with each edge
    std::set<EdgeKey> emitted_;
    std::size_t points_ = 0;
    ShapeSet out_;
};

} // namespace

ShapeSet decode_geojson(const Json& collection) { return CollectionDecoder().decode(collection); }

} // namespace pavilion::content
