#pragma once
// Builds a fixture pack once per test binary and opens it.

#include "pavilion/content/pack_builder.hpp"
#include "pavilion/content/pack_reader.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace pavilion::testing {

inline const content::PackReader& mini_pack() {
    static TempDir dir;
    static const std::unique_ptr<content::PackReader> reader = [] {
        const auto path = dir / "mini.pack";
        auto built = content::build_pack(std::string(PAVILION_FIXTURES_DIR) + "/mini-pack", path);
        if (!built) throw std::runtime_error(built.error().message);
        auto opened = content::PackReader::open(path);
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
