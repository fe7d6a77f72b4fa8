#pragma once
// Rings as TopoJSON and GeoJSON files give them are drawn on a sphere: an edge from 179° to
// -179° is two degrees long, and Antarctica's outline goes once around the south pole. On the
// flat lon/lat plane the triangulator works in, such rings would cross the whole map. These
// steps make a ring planar and simple (planar_polygons.cpp puts them together);
// antimeridian_cut.hpp then brings it back into -180..180.

#include "geo_shapes.hpp"

#include <vector>

namespace pavilion::content {

struct UnwrappedRing {
    Ring points;   // longitudes continuous, each step the short way round (may leave -180..180)
    int turns = 0; // times around a pole: > 0 eastwards, < 0 westwards, 0 not around one
};

UnwrappedRing unwrap_ring(const Ring& ring);

// Which pole a ring that goes around one encloses. Its direction tells, as d3 and world-atlas
// draw spherical polygons: the interior lies right of an outline and left of a hole. (So
// Antarctica's coast, running east, encloses the south pole.)
double enclosed_pole(const UnwrappedRing& ring, bool is_hole);

// A ring around a pole, closed along the pole's latitude: on the lon/lat plane, the region
// between its outline and the map's edge.
Ring close_along_pole(const UnwrappedRing& ring, double pole);

// The band between two rings that go around the same pole in opposite directions, as one ring:
// an outline around a pole with a hole around the same pole (world-atlas's 50m Antarctica is
// "everything north of 89.999°S, less everything north of the coast").
Ring band_between(const UnwrappedRing& outline, const UnwrappedRing& hole);

// Splits a ring at the points where it crosses or touches itself into simple loops (a ring
// that crosses itself once becomes two). A simple ring comes back as it is; loops without
// area are dropped.
std::vector<Ring> split_self_crossings(const Ring& ring);

} // namespace pavilion::content
