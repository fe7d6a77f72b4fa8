#include "kiosk_app.hpp"

#include "kiosk.hpp"
#include "pavilion/platform/window.hpp"

#include <algorithm>
#include <filesystem>

#ifndef PAVILION_DATA_DIR
#define PAVILION_DATA_DIR "/usr/share/pavilion"
#endif

namespace pavilion::app {
namespace {

std::string default_pack_path() {
    const auto beside = platform::executable_dir() + "/packs/default.pack";
    std::error_code ec;
    if (std::filesystem::is_regular_file(beside, ec)) return beside;
    return std::string(PAVILION_DATA_DIR) + "/packs/default.pack";
}


} // namespace

int run_kiosk(const core::KioskOptions& options) {
    const auto path = options.pack_path.empty() ? default_pack_path() : options.pack_path;
    auto pack = content::PackReader::open(path);
    if (!pack) return fail(pack.error().message);
    const auto& meta = pack->catalog().meta;
    const std::string locale = options.language.empty() ? meta.default_locale : options.language;
    const bool known = std::any_of(meta.locales.begin(), meta.locales.end(),
                                   [&](const content::Locale& l) { return l.code == locale; });
    if (!known) return fail("the pack has no language '" + locale + "'");
    if (!options.screen.empty() && !core::Route::parse(options.screen))
        return fail("unknown screen '" + options.screen + "' (attract, home, initiatives, initiative/ID, stories, "
                    "story/ID, figures, map, sources)");
    Kiosk kiosk(std::move(pack).value(), options);
    return kiosk.run(locale);
}


} // namespace pavilion::app
