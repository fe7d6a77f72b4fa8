#pragma once
// The pack's base map, projected for the GPU: longitude/latitude triangles and borders become
// Equal Earth coordinates, fills split into plain and highlighted countries. Runs once per pack,
// off the render thread.

#include "pavilion/content/base_map.hpp"
#include "pavilion/core/map_mesh.hpp"

namespace pavilion::screens {

core::MapMesh build_map_mesh(const content::BaseMap& base_map);

} // namespace pavilion::screens
