#include "pack_commands.hpp"

#include "command_line.hpp"
#include "kiosk_fonts.hpp"

#include "pavilion/content/image_codec.hpp"
#include "pavilion/content/minisign.hpp"
#include "pavilion/content/pack_builder.hpp"
#include "pavilion/content/pack_claim.hpp"
#include "pavilion/content/pack_installer.hpp"
#include "pavilion/content/pack_store.hpp"
#include "pavilion/content/pack_reader.hpp"
#include "pavilion/content/pack_synth.hpp"

#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace pavilion::tools {
namespace {

namespace content = pavilion::content;
namespace fs = std::filesystem;

} // namespace

int run_build(const Arguments& args) {
    const char* usage =
        "usage: pavilion-pack build SRC_DIR -o PACK [--world-atlas DIR]\n"
        "\n"
        "Compiles a pack source folder (see content/AUTHORING.md) into one pack file.\n"
        "Images are validated, scaled and re-encoded. Every authoring error is printed as\n"
        "file:line: message, and nothing is written unless the whole source is valid.\n"
        "The same source always gives a byte-identical pack. A character of visitor text\n"
        "that no font the kiosk draws with covers (the pack's font, then Debian's Noto\n"
        "fonts) is an error at its file:line.\n"
        "\n"
        "--world-atlas DIR  where world-atlas's countries-110m.json and countries-50m.json are,\n"
        "                   for a [base_map] without files of its own (default: the\n"
        "                   environment variable PAVILION_WORLD_ATLAS_DIR).\n";
    const auto parsed = parse(args, {"-o", "--output", "--world-atlas"}, {});
    if (int code = usage_check(parsed, usage, 1); code >= 0) return code;
    const CommandLine& line = *parsed;
    const auto output = line.value("-o").empty() ? line.value("--output") : line.value("-o");
    if (output.empty()) return usage_error("-o PACK is required", usage);

    content::BuildOptions options;
    options.world_atlas_dir = line.value("--world-atlas");
    if (options.world_atlas_dir.empty()) {
        if (const char* from_environment = std::getenv("PAVILION_WORLD_ATLAS_DIR"))
            options.world_atlas_dir = from_environment;
    }
    options.glyph_coverage = kiosk_font_coverage();
    auto report = content::build_pack(line.positional[0], output, options);
    if (!report) {
        if (report.error().code == content::ErrorCode::authoring) {
            std::istringstream messages(report.error().message);
            std::string message;
            int count = 0;
            while (std::getline(messages, message)) {
                std::fprintf(stderr, "%s\n", message.c_str());
                ++count;
            }
            std::fprintf(stderr, "pavilion-pack: build failed: %d problem%s in %s\n", count,
                         count == 1 ? "" : "s", line.positional[0].c_str());
            return 1;
        }
        return fail(report.error().message);
    }
    std::printf("built %s: pack %s version %lld, %d initiatives, %d stories, %d figures, "
                "%d images, %d base map levels, %llu bytes\n",
                output.c_str(), report->pack_id.c_str(), static_cast<long long>(report->version),
                report->initiatives, report->stories, report->figures, report->images,
                report->base_map_levels, static_cast<unsigned long long>(report->bytes));
    for (const auto& warning : report->warnings) std::fprintf(stderr, "pavilion-pack: warning: %s\n", warning.c_str());
    return 0;
}

namespace {

// Levels with their sizes; an empty list when the pack has no base map.
nlohmann::json base_map_json(const content::BaseMap& map) {
    nlohmann::json levels = nlohmann::json::array();
    for (const auto& level : map.levels) {
        std::size_t highlighted = 0;
        for (const auto& country : level.countries) highlighted += country.highlighted;
        levels.push_back({{"name", level.name},
                          {"countries", level.countries.size()},
                          {"highlighted", highlighted},
                          {"triangles", level.triangle_count()},
                          {"vertices", level.vertex_count()},
                          {"border_segments", level.border_segment_count()}});
    }
    return {{"levels", levels}};
}

nlohmann::json info_json(const content::PackReader& reader, const content::BaseMap& base_map) {
    const auto& catalog = reader.catalog();
    const auto& meta = catalog.meta;
    nlohmann::json locales = nlohmann::json::array();
    for (const auto& locale : meta.locales) locales.push_back({{"code", locale.code}, {"name", locale.name}});
    std::map<std::string, int> features;
    for (const auto& feature : catalog.features) ++features[feature.role];
    std::set<std::string> images;
    for (const auto* list : {&catalog.initiatives, &catalog.stories}) {
        for (const auto& item : *list) images.insert(item.image);
    }
    for (const auto& slide : catalog.slides) images.insert(slide.image);
    auto refs = [](const std::vector<content::Item>& items) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& item : items) list.push_back(item.ref);
        return list;
    };
    std::error_code ec;
    return {
        {"id", meta.id},
        {"version", meta.version},
        {"created", meta.created},
        {"format", meta.format},
        {"default_locale", meta.default_locale},
        {"locales", locales},
        {"idle_timeout_s", meta.idle_timeout_s},
        {"title", meta.title},
        {"counts",
         {{"initiatives", catalog.initiatives.size()},
          {"stories", catalog.stories.size()},
          {"figures", catalog.figures.size()},
          {"sources", catalog.sources.size()},
          {"map_features", catalog.features.size()},
          {"attract_slides", catalog.slides.size()},
          {"images", images.size()}}},
        {"map_features_by_role", features},
        {"initiatives", refs(catalog.initiatives)},
        {"stories", refs(catalog.stories)},
        {"has_own_font", !meta.font_media.empty()},
        {"base_map", base_map_json(base_map)},
        {"bytes", fs::file_size(reader.path(), ec)},
    };
}

} // namespace

int run_info(const Arguments& args) {
    const char* usage =
        "usage: pavilion-pack info PACK [--json]\n"
        "\n"
        "Opens a pack with the kiosk's own safe reader and shows what it contains:\n"
        "id, version, locales and the number of initiatives, stories, figures, sources,\n"
        "map features, attract slides and images, and the base map's levels with their\n"
        "countries and triangles. --json prints it as one JSON object.\n";
    const auto parsed = parse(args, {}, {"--json"});
    if (int code = usage_check(parsed, usage, 1); code >= 0) return code;
    const CommandLine& line = *parsed;
    auto reader = content::PackReader::open(line.positional[0]);
    if (!reader) return fail(reader.error().message);
    const auto base_map = reader->base_map();
    if (!base_map) return fail(base_map.error().message);
    const auto info = info_json(*reader, *base_map);
    if (line.flags.count("--json")) {
        std::cout << info.dump(2) << "\n";
        return 0;
    }
    const auto& meta = reader->catalog().meta;
    std::cout << "pack       " << meta.id << " version " << meta.version << " (format "
              << meta.format << "), created " << meta.created << "\n";
    for (const auto& locale : meta.locales)
        std::cout << "title " << locale.code << "   " << meta.title.at(locale.code) << "\n";
    std::cout << "locales    ";
    for (const auto& locale : meta.locales) std::cout << locale.code << " (" << locale.name << ") ";
    std::cout << "- default " << meta.default_locale << "\n";
    for (const auto& [key, value] : info["counts"].items())
        std::cout << key << std::string(key.size() < 11 ? 11 - key.size() : 1, ' ') << value << "\n";
    std::cout << "base map   ";
    if (base_map->levels.empty()) std::cout << "none";
    for (std::size_t i = 0; i < base_map->levels.size(); ++i) {
        const auto& level = info["base_map"]["levels"][i];
        std::cout << (i ? "; " : "") << level["name"].get<std::string>() << ": " << level["countries"]
                  << " countries (" << level["highlighted"] << " highlighted), " << level["triangles"]
                  << " triangles, " << level["border_segments"] << " border segments";
    }
    std::cout << "\n";
    std::cout << "size       " << info["bytes"] << " bytes\n";
    return 0;
}

int run_verify(const Arguments& args) {
    const char* usage =
        "usage: pavilion-pack verify PACK --key PUBKEY_FILE [--key PUBKEY_FILE ...] [--sig SIG]\n"
        "\n"
        "Checks the minisign signature PACK.minisig (or SIG) against the trusted public keys,\n"
        "then checks that its trusted comment names this pack's id and version.\n"
        "Exit 0 when the pack is authentic.\n";
    const auto parsed = parse(args, {"--key", "-p", "--sig", "-x"}, {});
    if (int code = usage_check(parsed, usage, 1); code >= 0) return code;
    const CommandLine& line = *parsed;
    const auto& pack = line.positional[0];
    std::vector<std::string> key_files;
    for (const char* name : {"--key", "-p"}) {
        if (line.values.count(name))
            key_files.insert(key_files.end(), line.values.at(name).begin(), line.values.at(name).end());
    }
    if (key_files.empty()) return usage_error("--key is required", usage);

    std::vector<content::minisign::PublicKey> keys;
    for (const auto& file : key_files) {
        std::string text;
        if (!read_text(file, text)) return fail(file + ": cannot read the public key");
        auto key = content::minisign::parse_public_key(text);
        if (!key) return fail(file + ": " + key.error().message);
        keys.push_back(*key);
    }
    std::string sig_path = line.value("--sig").empty() ? line.value("-x") : line.value("--sig");
    if (sig_path.empty()) sig_path = pack + ".minisig";
    std::string signature;
    if (!read_text(sig_path, signature)) return fail(sig_path + ": cannot read the signature file");
    auto hash = content::minisign::hash_file(pack);
    if (!hash) return fail(pack + ": " + hash.error().message);
    auto verified = content::minisign::verify(keys, signature, *hash);
    if (!verified) return fail(pack + ": " + verified.error().message);

    // Only now, with the bytes proven authentic, is the file opened by SQLite.
    auto claim = content::parse_pack_claim(verified->trusted_comment);
    if (!claim) return fail(pack + ": " + claim.error().message);
    auto reader = content::PackReader::open(pack);
    if (!reader) return fail(reader.error().message);
    const auto& meta = reader->catalog().meta;
    if (claim->pack_id != meta.id || claim->version != meta.version)
        return fail(pack + ": the signature vouches for pack " + claim->pack_id + " version " +
                    std::to_string(claim->version) + ", but the file is pack " + meta.id +
                    " version " + std::to_string(meta.version));
    std::printf("signature OK: pack %s version %lld, signed by key %s\n", meta.id.c_str(),
                static_cast<long long>(meta.version),
                content::minisign::key_id_hex(verified->key_id).c_str());
    return 0;
}

int run_keygen(const Arguments& args) {
    const char* usage =
        "usage: pavilion-pack keygen -p PUBKEY_FILE -s SECRETKEY_FILE [--force]\n"
        "\n"
        "Creates an Ed25519 signing key pair in minisign's format. The secret key is not\n"
        "password-protected (like minisign -W): keep it offline, readable only by you.\n"
        "Install the public key on kiosks; sign packs with 'pavilion-pack sign' or minisign.\n";
    const auto parsed = parse(args, {"-p", "-s"}, {"--force"});
    if (int code = usage_check(parsed, usage, 0); code >= 0) return code;
    const CommandLine& line = *parsed;
    const auto pub = line.value("-p");
    const auto sec = line.value("-s");
    if (pub.empty() || sec.empty())
        return usage_error("-p and -s are required", usage);
    if (!line.flags.count("--force") && (fs::exists(pub) || fs::exists(sec)))
        return fail("key file exists already (use --force to replace it)");
    auto keys = content::minisign::generate_key_pair();
    if (!keys) return fail(keys.error().message);
    if (!write_text(sec, keys->secret_key_file, true)) return fail(sec + ": cannot write the secret key");
    if (!write_text(pub, keys->public_key_file, false)) return fail(pub + ": cannot write the public key");
    std::printf("key %s: public key %s, secret key %s\n",
                content::minisign::key_id_hex(keys->key_id).c_str(), pub.c_str(), sec.c_str());
    return 0;
}

int run_sign(const Arguments& args) {
    const char* usage =
        "usage: pavilion-pack sign PACK -s SECRETKEY_FILE [-x SIG_FILE]\n"
        "\n"
        "Writes a minisign signature of PACK to PACK.minisig (or SIG_FILE). Its trusted\n"
        "comment names the pack id, version and format, which kiosks check before install.\n"
        "Reads unencrypted minisign secret keys (pavilion-pack keygen, minisign -G -W).\n";
    const auto parsed = parse(args, {"-s", "-x"}, {});
    if (int code = usage_check(parsed, usage, 1); code >= 0) return code;
    const CommandLine& line = *parsed;
    const auto& pack = line.positional[0];
    const auto sec = line.value("-s");
    if (sec.empty()) return usage_error("-s is required", usage);
    std::string key_text;
    if (!read_text(sec, key_text)) return fail(sec + ": cannot read the secret key");
    auto key = content::minisign::parse_secret_key(key_text);
    if (!key) return fail(sec + ": " + key.error().message);
    // The author signs a pack they just built, so opening it here is safe; it also proves the
    // file is a valid pack before anyone vouches for it.
    auto reader = content::PackReader::open(pack);
    if (!reader) return fail(reader.error().message);
    const auto& meta = reader->catalog().meta;
    const content::PackClaim claim{meta.id, meta.version, meta.format,
                                   fs::path(pack).filename().string()};
    auto hash = content::minisign::hash_file(pack);
    if (!hash) return fail(pack + ": " + hash.error().message);
    auto signature = content::minisign::sign(*key, *hash, content::format_pack_claim(claim));
    if (!signature) return fail(signature.error().message);
    const auto out = line.value("-x").empty() ? pack + ".minisig" : line.value("-x");
    if (!write_text(out, *signature, false)) return fail(out + ": cannot write the signature");
    std::printf("signed %s (pack %s version %lld) with key %s: %s\n", pack.c_str(), meta.id.c_str(),
                static_cast<long long>(meta.version),
                content::minisign::key_id_hex(key->key_id).c_str(), out.c_str());
    return 0;
}

namespace {

// Progress on the console: a line every 10%, with the time left at the rate so far.
class ProgressPrinter {
public:
    void operator()(std::uint64_t copied, std::uint64_t total) {
        if (total == 0) return;
        const int tenths = static_cast<int>(copied * 10 / total);
        if (tenths <= printed_ || copied == 0) return;
        printed_ = tenths;
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        const double left = copied > 0 ? seconds * static_cast<double>(total - copied) /
                                             static_cast<double>(copied)
                                       : 0.0;
        std::printf("copying %3d%% (%.1f of %.1f MB, %.0f s left)\n", tenths * 10,
                    static_cast<double>(copied) / 1e6, static_cast<double>(total) / 1e6, left);
        std::fflush(stdout);
    }

private:
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    int printed_ = 0;
};

} // namespace

int run_install(const Arguments& args) {
    const char* usage =
        "usage: pavilion-pack install PACK --state DIR [--force]\n"
        "\n"
        "Installs a signed pack into a kiosk's state directory exactly as the kiosk does from\n"
        "a USB stick: PACK.minisig must be made by a key in DIR/keys/*.pub, and the pack must\n"
        "be newer than the installed one. It is copied, checked and switched to atomically;\n"
        "the previous pack is kept for rollback. PACK.report.txt is written beside PACK.\n"
        "\n"
        "--force  install even if it is not newer, or is another pack (never if unsigned).\n";
    const auto parsed = parse(args, {"--state"}, {"--force"});
    if (int code = usage_check(parsed, usage, 1); code >= 0) return code;
    const CommandLine& line = *parsed;
    const auto state = line.value("--state");
    if (state.empty()) {
        return usage_error("--state DIR is required", usage);
    }
    auto candidate = content::candidate_from_path(line.positional[0]);
    if (!candidate) return fail(candidate.error().message);
    auto store = content::PackStore::open(state);
    if (!store) return fail(store.error().message);
    for (const auto& message : store->open_messages()) std::fprintf(stderr, "pavilion-pack: %s\n", message.c_str());

    content::InstallOptions options;
    options.force = line.flags.count("--force") > 0;
    options.on_progress = ProgressPrinter();
    options.on_warning = [](const std::string& message) {
        std::fprintf(stderr, "pavilion-pack: warning: %s\n", message.c_str());
    };
    content::PackInstaller installer(*store);
    auto result = installer.install(*candidate, options);
    if (!result) return fail(result.error().message);
    auto previous = store->previous();
    std::printf("installed pack %s version %lld%s, signed by key %s: %s\n",
                result->claim.pack_id.c_str(), static_cast<long long>(result->claim.version),
                result->unchanged ? " (it was installed already)" : "", result->key_id.c_str(),
                result->installed.path.c_str());
    if (previous && *previous) {
        std::printf("previous: pack %s version %lld (kept for rollback)\n",
                    (*previous)->pack_id.c_str(), static_cast<long long>((*previous)->version));
    }
    return 0;
}

namespace {

void print_floor(const content::VersionFloor& floor) {
    std::printf("device pack id: %s\n", floor.device_pack_id.empty() ? "(not fixed yet: the first install fixes it)"
                                                                      : floor.device_pack_id.c_str());
    for (const auto& [id, mark] : floor.marks)
        std::printf("floor: pack %s version %lld%s\n", id.c_str(), static_cast<long long>(mark.version),
                    mark.withdrawn ? " (withdrawn by a rollback: only a newer version installs)" : "");
}

} // namespace

int run_floor(const Arguments& args) {
    const char* usage =
        "usage: pavilion-pack floor --state DIR [--pack-id ID] [--accept-rebuilt]\n"
        "\n"
        "Shows a kiosk's version floor: the newest version of each pack id ever installed there\n"
        "(no older one installs again) and the pack id the device takes without confirmation.\n"
        "\n"
        "--pack-id ID       fix the device's pack id before its first install (provisioning)\n"
        "--accept-rebuilt   after 'the version floor is damaged': accept a floor rebuilt from the\n"
        "                   packs on disk, as the operator panel does with the PIN\n";
    const auto parsed = parse(args, {"--state", "--pack-id"}, {"--accept-rebuilt"});
    if (int code = usage_check(parsed, usage, 0); code >= 0) return code;
    const CommandLine& line = *parsed;
    const auto state = line.value("--state");
    if (state.empty()) return usage_error("--state DIR is required", usage);
    auto store = content::PackStore::open(state);
    if (!store) return fail(store.error().message);
    for (const auto& message : store->open_messages()) std::fprintf(stderr, "pavilion-pack: %s\n", message.c_str());
    if (line.flags.count("--accept-rebuilt") > 0) {
        if (auto rebuilt = store->accept_rebuilt_floor(); !rebuilt) return fail(rebuilt.error().message);
    }
    if (const auto id = line.value("--pack-id"); !id.empty()) {
        if (auto fixed = store->fix_device_pack_id(id); !fixed) return fail(fixed.error().message);
    }
    auto floor = store->floor();
    if (!floor) return fail(floor.error().message);
    print_floor(*floor);
    return 0;
}

namespace {

// A whole number in [low, high] from a command-line value, or nullopt.
std::optional<std::uint64_t> parse_count(const std::string& text, std::uint64_t low, std::uint64_t high) {
    if (text.empty() || text.size() > 20 || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    errno = 0;
    const auto value = std::strtoull(text.c_str(), nullptr, 10);
    if (errno == ERANGE || value < low || value > high) return std::nullopt;
    return value;
}

} // namespace

int run_synth(const Arguments& args) {
    const std::string usage =
        "usage: pavilion-pack synth --stories N [--seed S] [--picture-size WxH] [--no-base-map] OUT_DIR\n"
        "\n"
        "Writes a synthetic pack source into OUT_DIR (new or empty), for measuring how Pavilion\n"
        "scales: N project stories (1.." + std::to_string(content::kMaxSynthStories) +
        ") in English and Chinese, each with a place, a theme,\n"
        "a region and its own picture, plus six initiatives, sources, figures and map lines.\n"
        "Build it like any source with 'pavilion-pack build'. The same options always give\n"
        "the same files.\n"
        "\n"
        "--seed S            what to make up (default 1)\n"
        "--picture-size WxH  the pictures' size (default 1920x1080, an author's hero picture)\n"
        "--no-base-map       leave out [base_map], so the build needs no world-atlas files\n";
    const auto parsed = parse(args, {"--stories", "--seed", "--picture-size"}, {"--no-base-map"});
    if (int code = usage_check(parsed, usage.c_str(), 1); code >= 0) return code;
    const CommandLine& line = *parsed;
    const auto stories = parse_count(line.value("--stories"), 1, content::kMaxSynthStories);
    if (!stories) {
        const auto problem = line.value("--stories").empty() ? "--stories N is required"
                                                              : "--stories must be a whole number from 1 to " +
                                                                    std::to_string(content::kMaxSynthStories);
        return usage_error(problem, usage.c_str());
    }
    content::SynthOptions options;
    options.stories = static_cast<int>(*stories);
    if (!line.value("--seed").empty()) {
        const auto seed = parse_count(line.value("--seed"), 0, UINT64_MAX);
        if (!seed)
            return usage_error("--seed must be a whole number", usage.c_str());
        options.seed = *seed;
    }
    if (const auto size = line.value("--picture-size"); !size.empty()) {
        const auto x = size.find('x');
        const auto width = x == std::string::npos ? std::nullopt : parse_count(size.substr(0, x), 16, content::kMaxImageSide);
        const auto height = x == std::string::npos ? std::nullopt : parse_count(size.substr(x + 1), 16, content::kMaxImageSide);
        if (!width || !height) {
            const auto problem = "--picture-size must be WIDTHxHEIGHT, 16 to " + std::to_string(content::kMaxImageSide) +
                                 " pixels each";
            return usage_error(problem, usage.c_str());
        }
        options.image_width = static_cast<int>(*width);
        options.image_height = static_cast<int>(*height);
    }
    options.base_map = !line.flags.count("--no-base-map");
    const auto report = content::write_synthetic_source(line.positional[0], options);
    if (!report) return fail(report.error().message);
    std::printf("wrote %s: %d stories, %d initiatives, %d pictures (seed %llu)\n", line.positional[0].c_str(),
                report->stories, report->initiatives, report->images, static_cast<unsigned long long>(options.seed));
    return 0;
}

} // namespace pavilion::tools
