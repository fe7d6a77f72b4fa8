#include "pavilion/model/device.hpp"

#include "pavilion/content/minisign.hpp"
#include "pavilion/content/pack_reader.hpp"

#include <fstream>
#include <iterator>

namespace pavilion::model {
namespace {

// The installed pack's bytes against the signature beside it, by the store's trusted keys.
core::Expected<content::minisign::Verified> check_signature(const content::InstalledPack& installed,
                                                           const content::PackStore& store) {
    std::ifstream in(installed.path + ".minisig");
    if (!in) return core::make_error(core::ErrorCode::bad_signature, installed.path + ".minisig cannot be read");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto keys = store.trusted_keys();
    if (!keys.clash.empty()) return core::make_error(core::ErrorCode::untrusted, keys.clash);
    auto hash = content::minisign::hash_file(installed.path);
    if (!hash) return hash.error();
    auto verified = content::minisign::verify(keys.keys, text, *hash);
    if (!verified) return core::make_error(verified.error().code, installed.path + ": " + verified.error().message);
    return verified;
}

PackSignature verify_signature(const content::InstalledPack& installed, const content::PackStore& store) {
    PackSignature signature;
    auto verified = check_signature(installed, store);
    if (verified) {
        signature.state = PackSignature::State::verified;
        signature.key_id = content::minisign::key_id_hex(verified->key_id);
    } else {
        signature.state = PackSignature::State::not_verified;
        signature.problem = verified.error().message;
    }
    return signature;
}

class StorePackLibrary final : public PackLibrary {
public:
    explicit StorePackLibrary(content::PackStore store) : store_(std::move(store)) {}

    core::Expected<content::InstallResult> install(const content::Candidate& candidate,
                                                   const content::InstallOptions& options) override {
        return content::PackInstaller(store_).install(candidate, options);
    }
    core::Expected<std::optional<content::InstalledPack>> active() override { return store_.active(); }
    core::Expected<std::optional<content::InstalledPack>> previous() override { return store_.previous(); }
    core::Expected<content::InstalledPack> rollback() override { return store_.rollback(); }
    content::TrustedKeys trusted_keys() override { return store_.trusted_keys(); }

    OperatorPackInfo describe(const content::InstalledPack& installed, const std::string& locale) override {
        OperatorPackInfo info;
        info.present = true;
        info.id = installed.pack_id;
        info.version = installed.version;
        // The installer checked the whole file; the panel needs only the catalog's title.
        auto pack = content::PackReader::open(installed.path, content::PackCheck::without_pictures,
                                              content::CatalogBodies::on_demand);
        if (pack) {
            const auto& meta = pack->catalog().meta;
            info.title = content::localized(meta.title, locale, meta.default_locale);
            info.created = meta.created;
        } else {
            info.problem = pack.error().message;
        }
        info.signature = verify_signature(installed, store_);
        return info;
    }
    core::Status verify(const content::InstalledPack& installed) override {
        auto verified = check_signature(installed, store_);
        if (!verified) return verified.error();
        return core::ok();
    }
    core::Expected<content::VersionFloor> floor() override { return store_.floor(); }
    core::Expected<content::VersionFloor> accept_rebuilt_floor() override { return store_.accept_rebuilt_floor(); }

private:
    content::PackStore store_;
};

class PinLockGate final : public PinGate {
public:
    explicit PinLockGate(content::PinLock lock) : lock_(std::move(lock)) {}
    core::Expected<content::PinCheck> check(std::string_view pin, std::int64_t now_s) override {
        return lock_.check(pin, now_s);
    }
    content::PinLockState status(std::int64_t now_s) override { return lock_.status(now_s); }
    core::Expected<content::minisign::KeyId> unlock_with_token(std::string_view token_text,
                                                               const std::vector<content::minisign::PublicKey>& trusted,
                                                               std::int64_t now_s) override {
        return lock_.unlock_with_token(token_text, trusted, now_s);
    }
    core::Status set_pin(std::string_view pin) override { return lock_.set_pin(pin); }

private:
    content::PinLock lock_;
};

} // namespace

std::unique_ptr<PinGate> pin_gate(content::PinLock lock) { return std::make_unique<PinLockGate>(std::move(lock)); }

Device open_device(const std::string& state_dir, const std::optional<content::PackIdentity>& built_in) {
    Device device;
    device.state_dir = state_dir;
    if (state_dir.empty()) return device;
    device.settings = load_settings(state_dir);
    if (auto store = content::PackStore::open(state_dir)) {
        for (const auto& line : store->open_messages()) device.notices.push_back("updates: " + line);
        if (built_in) store->cover_built_in(*built_in);
        if (const auto keys = store->trusted_keys(); !keys.clash.empty())
            device.notices.push_back("updates: no pack installs: " + keys.clash);
        if (auto floor = store->floor(); !floor) device.notices.push_back("updates: " + floor.error().message);
        device.packs = std::make_unique<StorePackLibrary>(std::move(store).value());
    } else {
        device.notices.push_back("updates: unavailable: " + store.error().message);
    }
    if (auto pins = content::PinLock::open(state_dir)) {
        if (!pins->notice().empty()) device.notices.push_back("operator: " + pins->notice());
        device.pins = pin_gate(std::move(pins).value());
    } else {
        device.notices.push_back("operator: " + pins.error().message);
    }
    if (auto stats = content::VisitStats::open(state_dir + "/stats.sqlite")) {
        for (const auto& line : stats->take_notices()) device.notices.push_back("statistics: " + line);
        device.stats = std::make_unique<content::VisitStats>(std::move(stats).value());
    } else {
        device.notices.push_back("statistics: " + stats.error().message);
    }
    return device;
}

} // namespace pavilion::model
