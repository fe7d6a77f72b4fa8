#pragma once
// Helpers for the pack store and installer tests: signing keys, the mini pack at any version,
// a stick folder with signed packs on it, and a fresh state directory that trusts given keys.

#include "content_test_support.hpp"
#include "pavilion/content/minisign.hpp"
#include "pavilion/content/pack_claim.hpp"
#include "pavilion/content/pack_installer.hpp"
#include "pavilion/content/pack_store.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <random>
#include <stdexcept>
#include <string>

namespace pavilion::content::test {

// A folder on tmpfs (/dev/shm) when there is one: the crash and flip tests install hundreds of
// times, and fsync on a real disk would make them slow without testing anything more (they
// are about process death and hostile bytes, not power cuts).
class FastTempDir {
public:
    FastTempDir() {
        std::error_code ec;
        const fs::path shm = "/dev/shm";
        const fs::path base =
            fs::is_directory(shm, ec) && ::access(shm.c_str(), W_OK) == 0 ? shm
                                                                          : fs::temp_directory_path();
        std::random_device random;
        path_ = base / ("pavilion-install-test-" + std::to_string(::getpid()) + "-" +
                        std::to_string(random()));
        fs::create_directories(path_);
    }
    ~FastTempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    FastTempDir(const FastTempDir&) = delete;
    FastTempDir& operator=(const FastTempDir&) = delete;
    const fs::path& path() const { return path_; }
    std::string operator/(const std::string& name) const { return (path_ / name).string(); }

private:
    fs::path path_;
};

struct SigningKey {
    minisign::SecretKey secret;
    std::string public_file; // text of the .pub file
};

inline SigningKey make_key() {
    auto files = minisign::generate_key_pair();
    if (!files) throw std::runtime_error(files.error().message);
    auto secret = minisign::parse_secret_key(files->secret_key_file);
    if (!secret) throw std::runtime_error(secret.error().message);
    return SigningKey{*secret, files->public_key_file};
}

// The mini pack with its id and version changed in place (the row the builder wrote), so tests
// get many versions for the cost of one build. Cached per process.
inline const std::string& mini_pack_as(const std::string& id, std::int64_t version) {
    static TempDir dir;
    static std::map<std::pair<std::string, std::int64_t>, std::string> made;
    const auto key = std::make_pair(id, version);
    if (const auto it = made.find(key); it != made.end()) return it->second;
    const std::string path = dir / (id + "-" + std::to_string(version) + ".pack");
    copy_mini_pack_to(path);
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + path);
    }
    sqlite3_stmt* update = nullptr;
    sqlite3_prepare_v2(db, "UPDATE pack SET id = ?1, version = ?2", -1, &update, nullptr);
    sqlite3_bind_text(update, 1, id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(update, 2, version);
    const int rc = sqlite3_step(update);
    sqlite3_finalize(update);
    sqlite3_close(db);
    if (rc != SQLITE_DONE) throw std::runtime_error("cannot change the version of " + path);
    return made.emplace(key, path).first->second;
}

inline const std::string& mini_pack_v(std::int64_t version) {
    return mini_pack_as("mini-pack", version);
}

inline PackClaim claim_for(const std::string& id, std::int64_t version, const std::string& name) {
    return PackClaim{id, version, kPackFormatVersion, name};
}

// Signs the file at `path` with `claim` into `signature_path`.
inline void sign_file(const std::string& path, const std::string& signature_path,
                      const minisign::SecretKey& key, const PackClaim& claim) {
    auto hash = minisign::hash_file(path);
    if (!hash) throw std::runtime_error(hash.error().message);
    auto text = minisign::sign(key, *hash, format_pack_claim(claim));
    if (!text) throw std::runtime_error(text.error().message);
    pavilion::testing::write_text(signature_path, *text);
}

// A stick: STICK/PAVILION/ with packs put on it.
class Stick {
public:
    explicit Stick(const std::string& root) : folder_(root + "/PAVILION") {
        fs::create_directories(folder_);
    }
    const std::string& folder() const { return folder_; }
    std::string path(const std::string& name) const { return folder_ + "/" + name; }

    // Copies `pack` to PAVILION/<name> and signs it there (claim: mini-pack's id/version).
    Candidate put(const std::string& pack, const std::string& name, const minisign::SecretKey& key,
                  const PackClaim& claim) const {
        fs::copy_file(pack, path(name), fs::copy_options::overwrite_existing);
        sign_file(path(name), path(name + ".minisig"), key, claim);
        return candidate(name);
    }
    Candidate put_version(std::int64_t version, const minisign::SecretKey& key,
                          const std::string& name = "expo.pack") const {
        return put(mini_pack_v(version), name, key, claim_for("mini-pack", version, name));
    }
    Candidate candidate(const std::string& name) const { return Candidate{folder_, name, ""}; }

private:
    std::string folder_;
};

inline void trust(const std::string& state, const std::string& file_name, const SigningKey& key) {
    fs::create_directories(state + "/keys");
    pavilion::testing::write_text(state + "/keys/" + file_name, key.public_file);
}

inline PackStore open_store(const std::string& state) {
    auto store = PackStore::open(state);
    if (!store) throw std::runtime_error(store.error().message);
    return std::move(store).value();
}

inline std::vector<std::string> names_in(const std::string& dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    return names;
}

// The active pack's version, or 0 for none (built-in), or -1 when active() fails.
inline std::int64_t active_version(const PackStore& store) {
    const auto active = store.active();
    if (!active) return -1;
    return *active ? (*active)->version : 0;
}

inline InstallOptions quiet_options() {
    InstallOptions options;
    options.free_space_margin_bytes = 0;
    return options;
}

} // namespace pavilion::content::test
