#include "antimeridian_cut.hpp"

#include "ring_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace pavilion::content {
namespace {

// A hostile file could unwrap around the globe many times; real rings span at most two strips.
constexpr int kMaxStrips = 8;

enum class Side { west, east };

// The part of the ring inside one strip, from where it enters to where it leaves.
struct Chain {
    Ring points;
    Side start_side = Side::west;
    Side end_side = Side::west;
    bool used = false;
};

GeoPoint at_longitude(const GeoPoint& a, const GeoPoint& b, double lon) {
    const double t = (lon - a.lon) / (b.lon - a.lon);
    return {lon, a.lat + t * (b.lat - a.lat)};
}

class StripCutter {
public:
    StripCutter(const Ring& ccw, double west, double east) : ring_(ccw), west_(west), east_(east) {}

    // Loops of the ring within [west, east], in unshifted longitudes.
    std::vector<Ring> loops() {
        const std::size_t n = ring_.size();
        std::size_t start = n;
        for (std::size_t i = 0; i < n && start == n; ++i) {
            if (!inside(ring_[i])) start = i;
        }
        if (start == n) return {ring_};
        for (std::size_t k = 0; k < n; ++k) walk(ring_[(start + k) % n], ring_[(start + k + 1) % n]);
        return rejoin();
    }

private:
    bool inside(const GeoPoint& p) const { return west_ <= p.lon && p.lon <= east_; }
    Side side_of(double lon) const { return lon == west_ ? Side::west : Side::east; }
    double boundary_towards(const GeoPoint& outside) const { return outside.lon < west_ ? west_ : east_; }

    void walk(const GeoPoint& a, const GeoPoint& b) {
        const bool a_in = inside(a), b_in = inside(b);
        if (a_in && b_in) {
            chains_.back().points.push_back(b);
        } else if (!a_in && b_in) { // entering
            const double boundary = boundary_towards(a);
            const GeoPoint entry = b.lon == boundary ? b : at_longitude(a, b, boundary);
            Chain chain;
            chain.start_side = side_of(boundary);
            chain.points.push_back(entry);
            if (!(entry == b)) chain.points.push_back(b);
            chains_.push_back(std::move(chain));
        } else if (a_in && !b_in) { // leaving
            const double boundary = boundary_towards(b);
            const GeoPoint exit = a.lon == boundary ? a : at_longitude(a, b, boundary);
            auto& chain = chains_.back();
            if (!(exit == chain.points.back())) chain.points.push_back(exit);
            chain.end_side = side_of(boundary);
        } else if ((a.lon < west_ && b.lon > east_) || (a.lon > east_ && b.lon < west_)) {
            // Straight through the strip (only the edge along a pole is that long).
            const double first = boundary_towards(a), second = boundary_towards(b);
            Chain chain;
            chain.points = {at_longitude(a, b, first), at_longitude(a, b, second)};
            chain.start_side = side_of(first);
            chain.end_side = side_of(second);
            chains_.push_back(std::move(chain));
        }
    }

    // The interior lies left of a counter-clockwise ring, so from where a chain leaves the strip
    // the interior runs north along the east edge and south along the west edge, up to where
    // the ring comes back in: that is the chain to follow.
    std::optional<std::size_t> next_chain(Side side, double lat, std::size_t first) const {
        std::optional<std::size_t> best;
        for (std::size_t k = 0; k < chains_.size(); ++k) {
            const auto& chain = chains_[k];
            if ((chain.used && k != first) || chain.start_side != side) continue;
            const double start = chain.points.front().lat;
            const bool ahead = side == Side::east ? start >= lat : start <= lat;
            if (!ahead) continue;
            if (!best) {
                best = k;
                continue;
            }
            const double current = chains_[*best].points.front().lat;
            if (side == Side::east ? start < current : start > current) best = k;
        }
        return best;
    }

    std::vector<Ring> rejoin() {
        std::vector<Ring> loops;
        for (std::size_t first = 0; first < chains_.size(); ++first) {
            if (chains_[first].used) continue;
            Ring loop;
            std::size_t k = first;
            for (std::size_t steps = 0; steps < chains_.size(); ++steps) {
                auto& chain = chains_[k];
                chain.used = true;
                loop.insert(loop.end(), chain.points.begin(), chain.points.end());
                const auto next = next_chain(chain.end_side, chain.points.back().lat, first);
                if (!next || *next == first) break;
                k = *next;
            }
            loops.push_back(std::move(loop));
        }
        return loops;
    }

    const Ring& ring_;
    double west_, east_;
    std::vector<Chain> chains_;
};

} // namespace

std::vector<Ring> cut_at_antimeridian(const Ring& ring) {
    if (ring.size() < 3) return {};
    const auto [low, high] = std::minmax_element(ring.begin(), ring.end(), [](const GeoPoint& a, const GeoPoint& b) {
        return a.lon < b.lon;
    });
    if (low->lon >= -180 && high->lon <= 180) return {ring};
    Ring ccw = ring;
    if (doubled_area(ccw) < 0) std::reverse(ccw.begin(), ccw.end());
    std::vector<Ring> pieces;
    const int first = static_cast<int>(std::floor((low->lon + 180) / 360));
    const int last = std::min(static_cast<int>(std::floor((high->lon + 180) / 360)), first + kMaxStrips - 1);
    for (int strip = first; strip <= last; ++strip) {
        const double shift = 360.0 * strip;
        for (auto& loop : StripCutter(ccw, shift - 180, shift + 180).loops()) {
            for (auto& p : loop) p.lon = std::clamp(p.lon - shift, -180.0, 180.0);
            if (loop.size() >= 3 && doubled_area(loop) != 0) pieces.push_back(std::move(loop));
        }
    }
    return pieces;
}

} // namespace pavilion::content
