#include "topojson.hpp"

#include "geo_json_reading.hpp"
#include "geojson.hpp"

#include <limits>
#include <new>
#include <optional>

namespace pavilion::content {
namespace {

constexpr std::size_t kNoShape = std::numeric_limits<std::size_t>::max();
constexpr int kMaxCollectionDepth = 4;

struct Transform {
    double scale_x, scale_y, translate_x, translate_y;
};

const Json& member(const Json& object, const char* key, const std::string& what) {
    const auto it = object.find(key);
    if (it == object.end()) throw GeoFileError(what + " has no '" + key + "'");
    return *it;
}

const Json& array_member(const Json& object, const char* key, const std::string& what) {
    const Json& value = member(object, key, what);
    if (!value.is_array()) throw GeoFileError(what + ": '" + key + "' is not an array");
    return value;
}

class TopologyDecoder {
public:
    explicit TopologyDecoder(const Json& topology) : topology_(topology) {}

    ShapeSet decode() {
        read_transform();
        read_arcs();
        const auto& [name, object] = shapes_object();
        read_geometry(object, "objects." + name, 0);
        collect_borders();
        out_.arc_count = arcs_.size();
        return std::move(out_);
    }

private:
    void read_transform() {
        const auto it = topology_.find("transform");
        if (it == topology_.end()) return;
        if (!it->is_object()) throw GeoFileError("'transform' is not an object");
        const Json& scale = member(*it, "scale", "'transform'");
        const Json& translate = member(*it, "translate", "'transform'");
        const GeoPoint s = position_of(scale, "transform.scale");
        const GeoPoint t = position_of(translate, "transform.translate");
        if (s.lon == 0 || s.lat == 0) throw GeoFileError("transform.scale must not be zero");
        transform_ = Transform{s.lon, s.lat, t.lon, t.lat};
    }

    // Arcs are decoded once; quantized ones are summed step by step and then scaled.
    void read_arcs() {
        const Json& arcs = array_member(topology_, "arcs", "the topology");
        arcs_.reserve(arcs.size());
        for (std::size_t i = 0; i < arcs.size(); ++i) {
            const std::string what = "arc " + std::to_string(i);
            if (!arcs[i].is_array()) throw GeoFileError(what + " is not an array of positions");
            std::vector<GeoPoint> points;
            points.reserve(arcs[i].size());
            double x = 0, y = 0;
            for (std::size_t k = 0; k < arcs[i].size(); ++k) {
                const std::string at = what + " position " + std::to_string(k);
                const GeoPoint p = position_of(arcs[i][k], at);
                GeoPoint point = p;
                if (transform_) {
                    x += p.lon;
                    y += p.lat;
                    point = {x * transform_->scale_x + transform_->translate_x,
                             y * transform_->scale_y + transform_->translate_y};
                }
                check_lon_lat(point, at);
                points.push_back(point);
            }
            arcs_.push_back(std::move(points));
        }
        first_user_.assign(arcs_.size(), kNoShape);
        shared_.assign(arcs_.size(), false);
    }

    // The object named "countries", as world-atlas calls it, or the only object there is.
    std::pair<std::string, const Json&> shapes_object() const {
        const Json& objects = member(topology_, "objects", "the topology");
        if (!objects.is_object() || objects.empty())
            throw GeoFileError("'objects' is not an object with at least one member");
        if (const auto it = objects.find("countries"); it != objects.end()) return {"countries", *it};
        if (objects.size() == 1) return {objects.begin().key(), objects.begin().value()};
        std::string names;
        for (const auto& [key, value] : objects.items()) names += (names.empty() ? "" : ", ") + key;
        throw GeoFileError("has several objects (" + names + ") and none is called 'countries'");
    }

    void read_geometry(const Json& geometry, const std::string& what, int depth) {
        if (!geometry.is_object()) throw GeoFileError(what + " is not an object");
        const auto type_it = geometry.find("type");
        if (type_it == geometry.end() || type_it->is_null()) return; // a null geometry: nothing
        if (!type_it->is_string()) throw GeoFileError(what + ": 'type' is not a string");
        const auto type = type_it->get<std::string>();
        if (type == "GeometryCollection") {
            if (depth >= kMaxCollectionDepth)
                throw GeoFileError(what + ": GeometryCollections are nested too deeply");
            const Json& children = array_member(geometry, "geometries", what);
            for (std::size_t i = 0; i < children.size(); ++i)
                read_geometry(children[i], what + " geometry " + std::to_string(i), depth + 1);
            return;
        }
        if (type == "Point" || type == "MultiPoint" || type == "LineString" ||
            type == "MultiLineString")
            return; // no area to fill
        if (type != "Polygon" && type != "MultiPolygon")
            throw GeoFileError(what + " has the unknown type '" + type + "'");

        Shape shape;
        shape.id = feature_id(geometry);
        shape.name = feature_name(geometry);
        const std::string named = what + (shape.name.empty() ? "" : " ('" + shape.name + "')");
        const Json& arcs = array_member(geometry, "arcs", named);
        if (type == "Polygon") {
            add_polygon(shape, arcs, named);
        } else {
            for (std::size_t i = 0; i < arcs.size(); ++i)
                add_polygon(shape, arcs[i], named + " polygon " + std::to_string(i));
        }
        if (!shape.polygons.empty()) out_.shapes.push_back(std::move(shape));
    }

    // The first ring is the outline, the others are holes; rings too short to hold area go.
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

    // Joins the ring's arcs; each arc starts where the previous one ended, so that shared
    // point is kept once. The closing point, equal to the first, is dropped.
    Ring read_ring(const Json& indices, const std::string& what) {
        if (!indices.is_array()) throw GeoFileError(what + " is not a list of arc indices");
        const std::size_t shape = out_.shapes.size();
        Ring ring;
        for (const Json& value : indices) {
            if (!value.is_number_integer())
                throw GeoFileError(what + " has an arc index that is not a whole number");
            // nlohmann keeps non-negative integers unsigned; read them so, or 2^64-1 would wrap
            // to -1 and quietly mean arc 0 backwards.
            const bool reversed = !value.is_number_unsigned();
            const std::uint64_t arc = reversed ? ~static_cast<std::uint64_t>(value.get<std::int64_t>())
                                               : value.get<std::uint64_t>();
            if (arc >= arcs_.size())
                throw GeoFileError(what + " refers to arc " + value.dump() + ", but the file has " +
                                   std::to_string(arcs_.size()) + " arcs");
            note_use(static_cast<std::size_t>(arc), shape);
            const auto& points = arcs_[arc];
            points_ += points.size();
            if (points_ > kMaxShapePoints)
                throw GeoFileError("its rings hold more than " + std::to_string(kMaxShapePoints) +
                                   " points");
            if (!ring.empty()) ring.pop_back();
            if (reversed) ring.insert(ring.end(), points.rbegin(), points.rend());
            else ring.insert(ring.end(), points.begin(), points.end());
        }
        if (ring.size() >= 2 && ring.front() == ring.back()) ring.pop_back();
        return ring;
    }

    void note_use(std::size_t arc, std::size_t shape) {
        if (first_user_[arc] == kNoShape) first_user_[arc] = shape;
        else if (first_user_[arc] != shape) shared_[arc] = true;
    }

    // An arc two countries share is their border; it is kept once, in arc order.
    void collect_borders() {
        for (std::size_t i = 0; i < arcs_.size(); ++i) {
            if (shared_[i] && arcs_[i].size() >= 2) out_.borders.push_back(arcs_[i]);
        }
    }

    const Json& topology_;
    std::optional<Transform> transform_;
    std::vector<std::vector<GeoPoint>> arcs_;
    std::vector<std::size_t> first_user_; // the first shape that uses each arc
    std::vector<bool> shared_;            // whether another shape uses it too
    std::size_t points_ = 0;
    ShapeSet out_;
};

} // namespace

Expected<ShapeSet> decode_shapes(std::string_view json_text, const std::string& file) {
    try {
        const Json root = parse_geo_json(json_text);
        const auto type = root.find("type"); // end() for anything but an object
        if (type != root.end() && *type == "Topology") return TopologyDecoder(root).decode();
        if (type != root.end() && *type == "FeatureCollection") return decode_geojson(root);
        throw GeoFileError("is neither a TopoJSON Topology nor a GeoJSON FeatureCollection");
    } catch (const GeoFileError& error) {
        return make_error(ErrorCode::authoring, file + ": " + error.what());
    } catch (const Json::exception& error) {
        return make_error(ErrorCode::authoring, file + ": unexpected JSON (" + error.what() + ")");
    } catch (const std::bad_alloc&) {
        return make_error(ErrorCode::authoring, file + ": too large to decode");
    }
}

} // namespace pavilion::content
