// pavilion: the exhibition kiosk. Parses its command line and hands over to startup.cpp.

#include "startup.hpp"

#include "pavilion/core/kiosk_options.hpp"

#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    const auto parsed = pavilion::core::parse_kiosk_options(std::vector<std::string>(argv + 1, argv + argc));
    if (!parsed) {
        std::fprintf(stderr, "pavilion: %s\n%s", parsed.error().message.c_str(), pavilion::core::kiosk_usage());
        return 2;
    }
    if (parsed->help) {
        std::fputs(pavilion::core::kiosk_usage(), stdout);
        return 0;
    }
    return pavilion::shell::run_kiosk(*parsed);
}
