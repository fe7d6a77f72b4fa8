#pragma once
// The fixture packs the build made, opened once per test process.

#include "pavilion/content/pack_reader.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace pavilion::testing {

// The fixture pack tests/fixtures/mini-pack, built by the build (tests/CMakeLists.txt).
inline const content::PackReader& mini_pack() {
    static const std::unique_ptr<content::PackReader> reader = [] {
        auto opened = content::PackReader::open(PAVILION_MINI_PACK);
        if (!opened) throw std::runtime_error(opened.error().message);
        return std::make_unique<content::PackReader>(std::move(opened).value());
    }();
    return *reader;
}

// The fixture pack tests/fixtures/scripts-pack: seven languages in seven scripts, Arabic and
// Hebrew among them.
inline const content::PackReader& scripts_pack() {
    static const std::unique_ptr<content::PackReader> reader = [] {
        auto opened = content::PackReader::open(PAVILION_SCRIPTS_PACK);
        if (!opened) throw std::runtime_error(opened.error().message);
        return std::make_unique<content::PackReader>(std::move(opened).value());
    }();
    return *reader;
}

// The default pack the build made from content/default-pack.
inline const content::PackReader& default_pack() {
    static const std::unique_ptr<content::PackReader> reader = [] {
        auto opened = content::PackReader::open(PAVILION_DEFAULT_PACK);
        if (!opened) throw std::runtime_error(opened.error().message);
        return std::make_unique<content::PackReader>(std::move(opened).value());
    }();
    return *reader;
}

} // namespace pavilion::testing
