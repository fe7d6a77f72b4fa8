#include "content_figures.hpp"

#include "pavilion/core/quantile.hpp"

#include "pavilion/content/minisign.hpp"
#include "pavilion/content/pack_claim.hpp"
#include "pavilion/content/pack_installer.hpp"
#include "pavilion/content/pack_reader.hpp"
#include "pavilion/content/pack_store.hpp"

#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace pavilion::bench {
namespace fs = std::filesystem;
namespace {

double elapsed_ms(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

nlohmann::json summary(const std::vector<double>& samples) {
    return {{"p50", core::quantile(samples, 0.5)}, {"p99", core::quantile(samples, 0.99)}, {"max", core::quantile(samples, 1.0)},
            {"samples", samples.size()}};
}

// What the installer does, minus every check: read in the same chunk size, hash, write, fsync.
bool copy_and_hash(const std::string& from, const std::string& to, std::size_t chunk_bytes) {
    const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
    const int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    bool ok = in >= 0 && out >= 0;
    crypto_generichash_state hash;
    crypto_generichash_init(&hash, nullptr, 0, crypto_generichash_BYTES_MAX);
    std::vector<unsigned char> buffer(chunk_bytes);
    while (ok) {
        const ssize_t got = ::read(in, buffer.data(), buffer.size());
        if (got <= 0) {
            ok = got == 0;
            break;
        }
        crypto_generichash_update(&hash, buffer.data(), static_cast<unsigned long long>(got));
        ok = ::write(out, buffer.data(), static_cast<std::size_t>(got)) == got;
    }
    unsigned char digest[crypto_generichash_BYTES_MAX];
    crypto_generichash_final(&hash, digest, sizeof digest);
    ok = ok && ::fsync(out) == 0;
    if (in >= 0) ::close(in);
    if (out >= 0) ::close(out);
    return ok;
}

bool write_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    return static_cast<bool>(out);
}

} // namespace

// Two ways: as the tools open an unchecked pack (every page checked, every body read), and as
// the kiosk opens its installed pack at each start (the pictures' and bodies' pages left to be
// checked as they are read, bodies read when an item opens).
nlohmann::json measure_pack_open(const std::string& pack, int repeats) {
    std::vector<double> whole, kiosk;
    for (int i = 0; i < repeats; ++i) {
        auto start = std::chrono::steady_clock::now();
        auto reader = content::PackReader::open(pack);
        if (!reader) return {{"error", reader.error().message}};
        whole.push_back(elapsed_ms(start));
        start = std::chrono::steady_clock::now();
        reader = content::PackReader::open(pack, content::PackCheck::without_pictures, content::CatalogBodies::on_demand);
        if (!reader) return {{"error", reader.error().message}};
        kiosk.push_back(elapsed_ms(start));
    }
    auto figures = summary(whole);
    figures["as_the_kiosk_starts"] = summary(kiosk);
    return figures;
}

nlohmann::json measure_search(const std::string& pack, int repeats) {
    auto reader = content::PackReader::open(pack);
    if (!reader) return {{"error", reader.error().message}};
    // Words a visitor would type about this pack's subjects, in each language it holds.
    const std::vector<std::pair<std::string, std::vector<std::string>>> queries = {
        {"en", {"railway", "port", "solar", "trade", "school", "green development"}},
        {"zh", {"铁路", "港口", "光伏", "贸易", "学校", "绿色发展"}},
    };
    nlohmann::json result = nlohmann::json::object();
    for (const auto& [locale, words] : queries) {
        std::vector<double> samples;
        std::size_t hits = 0;
        for (int i = 0; i < repeats; ++i) {
            for (const auto& word : words) {
                const auto start = std::chrono::steady_clock::now();
                auto found = reader->search(word, locale);
                samples.push_back(elapsed_ms(start));
                if (!found) return {{"error", found.error().message}};
                if (i == 0) hits += found->size();
            }
        }
        result[locale] = summary(samples);
        result[locale]["queries"] = words;
        result[locale]["hits"] = hits;
    }
    return result;
}

namespace {

core::Error install_bench_error(std::string message) {
    return core::make_error(core::ErrorCode::io, std::move(message));
}

// The candidate on the "stick", signed with a throwaway key that the state trusts.
core::Status put_signed_candidate(const std::string& pack, const fs::path& stick, const fs::path& state) {
    const auto name = fs::path(pack).filename().string();
    std::error_code ec;
    fs::copy_file(pack, stick / name, ec);
    if (ec) return install_bench_error((stick / name).string() + ": " + ec.message());
    auto keys = content::minisign::generate_key_pair();
    if (!keys) return keys.error();
    auto reader = content::PackReader::open(pack);
    if (!reader) return reader.error();
    auto secret = content::minisign::parse_secret_key(keys->secret_key_file);
    auto hash = content::minisign::hash_file(pack);
    if (!secret || !hash) return install_bench_error("cannot sign the pack for the install benchmark");
    const auto& meta = reader->catalog().meta;
    const content::PackClaim claim{meta.id, meta.version, content::kPackFormatVersion, name};
    auto signature = content::minisign::sign(*secret, *hash, content::format_pack_claim(claim));
    if (!signature || !write_file(stick / (name + ".minisig"), *signature) ||
        !write_file(state / "keys" / "bench.pub", keys->public_key_file)) {
        return install_bench_error("cannot sign the pack for the install benchmark");
    }
    return core::ok();
}

} // namespace

core::Expected<nlohmann::json> measure_install(const std::string& pack, const std::string& work_dir, int repeats) {
    const fs::path root = fs::path(work_dir) / ("pavilion-bench-" + std::to_string(::getpid()));
    std::error_code ec;
    fs::remove_all(root, ec);
    const fs::path stick = root / "stick", state = root / "state";
    fs::create_directories(stick, ec);
    fs::create_directories(state / "keys", ec);
    if (ec) return install_bench_error(root.string() + ": " + ec.message());
    struct Cleanup {
        fs::path path;
        ~Cleanup() {
            std::error_code ignored;
            fs::remove_all(path, ignored);
        }
    } cleanup{root};
    if (auto signed_candidate = put_signed_candidate(pack, stick, state); !signed_candidate)
        return signed_candidate.error();

    const auto name = fs::path(pack).filename().string();
    const double megabytes = static_cast<double>(fs::file_size(pack)) / (1 << 20);
    const content::InstallOptions defaults;
    std::vector<double> install_ms, copy_ms;
    for (int i = 0; i < repeats; ++i) {
        auto store = content::PackStore::open(state.string());
        if (!store) return store.error();
        content::InstallOptions options;
        options.force = true; // the same pack again: the operator's "install anyway"
        options.write_report = false;
        const auto start = std::chrono::steady_clock::now();
        auto installed = content::PackInstaller(*store).install({stick.string(), name, ""}, options);
        if (!installed) {
            return core::make_error(installed.error().code, "install: " + installed.error().message);
        }
        install_ms.push_back(elapsed_ms(start));
        const auto copy_start = std::chrono::steady_clock::now();
        if (!copy_and_hash(pack, (root / "plain-copy").string(), defaults.copy_chunk_bytes)) {
            return install_bench_error("plain copy failed in " + root.string());
        }
        copy_ms.push_back(elapsed_ms(copy_start));
        fs::remove(root / "plain-copy", ec);
    }
    const double install_p50 = core::quantile(install_ms, 0.5), copy_p50 = core::quantile(copy_ms, 0.5);
    return nlohmann::json{{"pack_mb", megabytes},
                          {"install_ms", summary(install_ms)},
                          {"copy_and_hash_ms", summary(copy_ms)},
                          {"install_mb_per_s", megabytes / (install_p50 / 1000)},
                          {"copy_and_hash_mb_per_s", megabytes / (copy_p50 / 1000)},
                          {"install_vs_physical_limit", copy_p50 / install_p50}};
}

} // namespace pavilion::bench
