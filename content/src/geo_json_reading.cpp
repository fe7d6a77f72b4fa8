#include "geo_json_reading.hpp"

#include <cmath>
#include <sstream>

namespace pavilion::content {
namespace {

constexpr int kMaxDepth = 32;

// Counts bracket depth outside strings before nlohmann sees the text.
void check_depth(std::string_view text) {
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (const char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxDepth)
                throw GeoFileError("arrays and objects are nested deeper than " +
                                   std::to_string(kMaxDepth) + " levels");
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
}

std::string format_number(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

} // namespace

Json parse_geo_json(std::string_view text) {
    check_depth(text);
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const Json::exception& error) {
        // nlohmann's messages start with "[json.exception.parse_error.101] "; keep what follows.
        std::string message = error.what();
        if (const auto at = message.find("] "); at != std::string::npos) message.erase(0, at + 2);
        throw GeoFileError("not JSON (" + message + ")");
    }
}

double number_of(const Json& value, const std::string& what) {
    if (!value.is_number()) throw GeoFileError(what + " is not a number");
    const double number = value.get<double>();
    if (!std::isfinite(number)) throw GeoFileError(what + " is not a finite number");
    return number;
}

GeoPoint position_of(const Json& value, const std::string& what) {
    if (!value.is_array() || value.size() < 2)
        throw GeoFileError(what + " is not a position [longitude, latitude]");
    return {number_of(value[0], what), number_of(value[1], what)};
}

void check_lon_lat(const GeoPoint& point, const std::string& what) {
    const bool valid = point.lon >= -180 && point.lon <= 180 && point.lat >= -90 && point.lat <= 90;
    if (!valid) // written so NaN fails too
        throw GeoFileError(what + " is [" + format_number(point.lon) + ", " +
                           format_number(point.lat) +
                           "], not a longitude and latitude in degrees (is the file projected?)");
}

std::string feature_id(const Json& object) {
    const auto it = object.find("id");
    if (it == object.end()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
    if (it->is_number_unsigned()) return std::to_string(it->get<std::uint64_t>());
    if (it->is_number_float()) return format_number(it->get<double>());
    return "";
}

std::string feature_name(const Json& object) {
    const auto properties = object.find("properties");
    if (properties == object.end() || !properties->is_object()) return "";
    const auto name = properties->find("name");
    return name != properties->end() && name->is_string() ? name->get<std::string>() : "";
}

void check_polygon_size(std::size_t points, const std::string& what) {
    if (points > kMaxPolygonPoints)
        throw GeoFileError(what + " has " + std::to_string(points) + " points, more than the " +
                           std::to_string(kMaxPolygonPoints) + " a polygon may have");
}

std::string describe(const std::string& kind, std::size_t index, const std::string& name) {
    return kind + " " + std::to_string(index) + (name.empty() ? "" : " ('" + name + "')");
}

} // namespace pavilion::content
