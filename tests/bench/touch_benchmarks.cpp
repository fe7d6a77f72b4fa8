// Touch: every frame the kiosk feeds the recognizer the frame's pointer events and ticks it, and
// scroll areas step their inertia. Both run on the render thread, so they are frame time.

#include "benchmarks.hpp"

#include "pavilion/core/gesture_recognizer.hpp"
#include "pavilion/core/kinetic_scroller.hpp"

#include <benchmark/benchmark.h>

namespace pavilion::bench {
namespace {

constexpr core::Millis kFrameMs = 16; // a 60 Hz frame

// The visitor trace through a fresh recognizer, as the kiosk delivers it: every event, plus a
// tick() per 60 Hz frame in the gaps (that is where long presses fire).
void gesture_trace(benchmark::State& state, const BenchInputs& inputs) {
    const auto& trace = inputs.visitor_trace;
    std::size_t gestures = 0;
    for (auto _ : state) {
        core::GestureRecognizer recognizer;
        gestures = 0;
        core::Millis frame = trace.front().time;
        for (const auto& event : trace) {
            for (; frame < event.time; frame += kFrameMs) gestures += recognizer.tick(frame).size();
            gestures += recognizer.feed(event).size();
        }
        benchmark::DoNotOptimize(gestures);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * trace.size()));
    state.counters["events"] = static_cast<double>(trace.size());
    state.counters["gestures"] = static_cast<double>(gestures);
    if (gestures == 0) state.SkipWithError("the visitor trace produced no gestures");
}

struct Flick {
    float content_px;
    float viewport_px;
    float velocity_px_s; // finger velocity at release; negative scrolls towards the end
};

// A short drag and a flick, then one update() per 60 Hz frame until the content rests: the
// per-frame cost of inertia (items are frames).
void kinetic_fling(benchmark::State& state, Flick flick) {
    std::size_t frames = 0;
    for (auto _ : state) {
        core::KineticScroller scroller;
        scroller.set_limits(flick.content_px, flick.viewport_px);
        core::Millis now = 0;
        scroller.drag_begin(now);
        for (int i = 0; i < 6; ++i) scroller.drag_by(flick.velocity_px_s * kFrameMs / 1000.0f, now += kFrameMs);
        scroller.release(flick.velocity_px_s, now);
        frames = 0;
        while (scroller.animating()) {
            scroller.update(now += kFrameMs);
            ++frames;
        }
        benchmark::DoNotOptimize(scroller.offset());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * frames));
    state.counters["frames"] = static_cast<double>(frames);
}

} // namespace

void register_touch_benchmarks(const BenchInputs& inputs) {
    const BenchInputs* in = &inputs;
    benchmark::RegisterBenchmark("GestureRecognizer/visitor_trace",
                                 [in](benchmark::State& state) { gesture_trace(state, *in); });
    // The stories list (a long column of cards) flung with a quick flick: friction stops it.
    benchmark::RegisterBenchmark("KineticScroll/fling_to_rest", [](benchmark::State& state) {
        kinetic_fling(state, Flick{8000, 900, -2500});
    });
    // A story's text flung hard past its end: the edge, the rubber band and the spring back.
    benchmark::RegisterBenchmark("KineticScroll/fling_into_edge", [](benchmark::State& state) {
        kinetic_fling(state, Flick{2000, 900, -6000});
    });
}

} // namespace pavilion::bench
