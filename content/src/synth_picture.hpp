#pragma once
// Deterministic pictures for synthetic packs: a sky-to-ground gradient, a sun, rolling hills and
// a fine grain, in colours drawn from the seed. The grain matters: a smooth gradient would
// compress to almost nothing, while these encode to about the size of a photograph, so a
// synthetic pack weighs what a real one would.

#include "pavilion/content/image_codec.hpp"
#include "synth_random.hpp"

namespace pavilion::content::synth {

Pixels draw_picture(Random& random, int width, int height);

} // namespace pavilion::content::synth
