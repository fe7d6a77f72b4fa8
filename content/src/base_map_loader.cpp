#include "base_map_loader.hpp"

#include "base_map_blob.hpp"
#include "sqlite_db.hpp"

#include <cmath>
#include <optional>

namespace pavilion::content {
namespace {

using sqlite::Statement;

// More than the builder writes (two) with room for finer levels; fewer than could hurt.
constexpr std::size_t kMaxLevels = 8;

bool on_globe(const std::vector<float>& lon_lat) {
    for (std::size_t i = 0; i + 1 < lon_lat.size(); i += 2) {
        const float lon = lon_lat[i], lat = lon_lat[i + 1];
        // Written so NaN fails as well.
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) return false;
    }
    return true;
}

class Loader {
public:
    Loader(sqlite3* db, const std::string& path) : db_(db), path_(path) {}

    Expected<BaseMap> load() {
        BaseMap map;
        const bool has_style = read_style(map.style);
        if (!failed()) read_levels(map.levels);
        if (!failed()) read_countries(map.levels);
        if (!failed() && has_style != !map.levels.empty())
            fail(has_style ? "a style without levels" : "levels without a style");
        if (failed()) return *error_;
        return map;
    }

private:
    bool failed() const { return error_.has_value(); }
    void fail(const std::string& what) {
        if (!error_) error_ = make_error(ErrorCode::corrupt, path_ + ": the base map is damaged (" + what + ")");
    }
    void check(const Statement& statement) {
        if (!statement.ok()) fail("cannot read it: " + statement.error());
    }

    bool read_style(BaseMapStyle& style) {
        Statement query(db_, "SELECT water, land, highlight, border FROM base_map_style");
        if (!query.step()) {
            check(query);
            return false;
        }
        Rgba* colours[] = {&style.water, &style.land, &style.highlight, &style.border};
        for (int i = 0; i < 4; ++i) {
            const auto colour = unpack_rgba(query.integer(i));
            if (!colour) fail("a colour is not 0xRRGGBBAA");
            else *colours[i] = *colour;
        }
        return true;
    }

    void read_levels(std::vector<BaseMapLevel>& levels) {
        Statement query(db_, "SELECT position, name, vertices, triangles, borders "
                             "FROM base_map_level ORDER BY position");
        while (!failed() && query.step()) {
            if (levels.size() == kMaxLevels) return fail("more than " + std::to_string(kMaxLevels) + " levels");
            if (query.integer(0) != static_cast<std::int64_t>(levels.size()))
                return fail("levels are not numbered 0, 1, 2, ...");
            BaseMapLevel level;
            level.name = query.text(1);
            if (level.name.empty()) return fail("a level has no name");
            const std::string what = "level '" + level.name + "'";
            auto vertices = decode_floats(query.blob(2), 2);
            if (!vertices) return fail(what + ": the vertices are not whole lon, lat pairs");
            if (!on_globe(*vertices)) return fail(what + ": a vertex is not a longitude and latitude");
            auto triangles = decode_indices(query.blob(3), 3);
            if (!triangles) return fail(what + ": the triangles are not whole triples of indices");
            const std::size_t vertex_count = vertices->size() / 2;
            for (const auto index : *triangles) {
                if (index >= vertex_count)
                    return fail(what + ": triangle index " + std::to_string(index) + " is past its " +
                                std::to_string(vertex_count) + " vertices");
            }
            auto borders = decode_floats(query.blob(4), 4);
            if (!borders) return fail(what + ": the borders are not whole segments");
            if (!on_globe(*borders)) return fail(what + ": a border point is not a longitude and latitude");
            level.vertices = std::move(*vertices);
            level.triangles = std::move(*triangles);
            level.borders = std::move(*borders);
            levels.push_back(std::move(level));
        }
        check(query);
    }

    // Countries come in order and own consecutive, non-overlapping ranges of whole triangles.
    void read_countries(std::vector<BaseMapLevel>& levels) {
        Statement query(db_, "SELECT level, position, id, name, highlighted, first_index, index_count "
                             "FROM base_map_country ORDER BY level, position");
        std::vector<std::int64_t> range_end(levels.size(), 0);
        while (!failed() && query.step()) {
            const std::int64_t level_number = query.integer(0);
            if (level_number < 0 || level_number >= static_cast<std::int64_t>(levels.size()))
                return fail("a country belongs to level " + std::to_string(level_number) + ", which does not exist");
            auto& level = levels[static_cast<std::size_t>(level_number)];
            BaseMapCountry country;
            country.id = query.text(2);
            country.name = query.text(3);
            const std::string what = "level '" + level.name + "', country '" + country.name + "'";
            if (query.integer(1) != static_cast<std::int64_t>(level.countries.size()))
                return fail(what + ": countries are not numbered 0, 1, 2, ...");
            const std::int64_t highlighted = query.integer(4);
            const std::int64_t first = query.integer(5);
            const std::int64_t count = query.integer(6);
            if (highlighted != 0 && highlighted != 1) return fail(what + ": 'highlighted' is not 0 or 1");
            const auto total = static_cast<std::int64_t>(level.triangles.size());
            if (first < range_end[static_cast<std::size_t>(level_number)] || count < 0 ||
                first % 3 != 0 || count % 3 != 0 || first > total || count > total - first)
                return fail(what + ": its triangles [" + std::to_string(first) + ", +" +
                            std::to_string(count) + ") are not a range of whole triangles within the " +
                            std::to_string(total) + " indices after the previous country's");
            range_end[static_cast<std::size_t>(level_number)] = first + count;
            country.highlighted = highlighted == 1;
            country.first_index = static_cast<std::uint32_t>(first);
            country.index_count = static_cast<std::uint32_t>(count);
            level.countries.push_back(std::move(country));
        }
        check(query);
    }

    sqlite3* db_;
    const std::string& path_;
    std::optional<Error> error_;
};

} // namespace

Expected<BaseMap> load_base_map(sqlite3* db, const std::string& path) { return Loader(db, path).load(); }

} // namespace pavilion::content
