#pragma once
// Each file registers its benchmarks against the inputs main() loaded; the inputs outlive the run.

#include "bench_inputs.hpp"

namespace pavilion::bench {

void register_text_benchmarks(const BenchInputs& inputs);  // line breaking, story layout, fonts
void register_text_engine_benchmarks(const BenchInputs& inputs); // app/text: shaping, bidi, ICU breaks
void register_number_format_benchmarks(const BenchInputs& inputs); // app/text: ICU numbers per locale
void register_touch_benchmarks(const BenchInputs& inputs); // gestures, kinetic scrolling
void register_map_benchmarks(const BenchInputs& inputs);   // projection, camera, overlay, mesh
void register_pack_benchmarks(const BenchInputs& inputs);  // open, search, media, signature, images
void register_frame_benchmarks(const BenchInputs& inputs); // whole screens' CPU side of a frame

} // namespace pavilion::bench
