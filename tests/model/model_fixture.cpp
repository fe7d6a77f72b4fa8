#include "model_fixture.hpp"

#include "pavilion/content/model.hpp"
#include "pavilion/content/pack_claim.hpp"
#include "pavilion/content/unlock_token.hpp"

#include <filesystem>
#include <fstream>

namespace pavilion::testing {

const std::string& mini_pack_path() {
    static const std::string path = PAVILION_MINI_PACK; // built by the build (tests/CMakeLists.txt)
    return path;
}

std::shared_ptr<const content::PackReader> open_shared(const std::string& path) {
    auto opened = content::PackReader::open(path, content::PackCheck::whole_file, content::CatalogBodies::on_demand);
    if (!opened) throw std::runtime_error(opened.error().message);
    return std::make_shared<const content::PackReader>(std::move(opened).value());
}

content::InstalledPack installed(const std::string& path, const std::string& id, std::int64_t version) {
    content::InstalledPack pack;
    pack.path = path;
    pack.file_name = std::filesystem::path(path).filename().string();
    pack.pack_id = id;
    pack.version = version;
    return pack;
}

content::InstallResult install_of(const std::string& path, const std::string& id, std::int64_t version) {
    content::InstallResult result;
    result.installed = installed(path, id, version);
    result.claim.pack_id = id;
    result.claim.version = version;
    result.key_id = "0123456789abcdef";
    return result;
}

core::Expected<content::InstallResult> FakePackLibrary::install(const content::Candidate& candidate,
                                                                const content::InstallOptions& options) {
    std::function<void(const content::InstallOptions&)> during;
    {
        std::lock_guard<std::mutex> lock(state_->mutex);
        state_->installs.emplace_back(candidate.pack_name, options.force);
    state_->confirmed = options.confirmed;
        during = state_->during_install;
    }
    if (during) during(options);
    std::lock_guard<std::mutex> lock(state_->mutex);
    if (state_->outcomes.empty()) return core::make_error(core::ErrorCode::io, candidate.pack_name + ": no outcome scripted");
    auto outcome = std::move(state_->outcomes.front());
    state_->outcomes.pop_front();
    if (outcome && !outcome->unchanged) {
        state_->previous = state_->active;
        state_->active = outcome->installed;
    }
    return outcome;
}

core::Expected<std::optional<content::InstalledPack>> FakePackLibrary::active() {
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->active;
}

core::Expected<std::optional<content::InstalledPack>> FakePackLibrary::previous() {
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->previous;
}

core::Expected<content::InstalledPack> FakePackLibrary::rollback() {
    std::lock_guard<std::mutex> lock(state_->mutex);
    if (state_->rollback_error) return *state_->rollback_error;
    if (!state_->previous) return core::make_error(core::ErrorCode::invalid_argument, "no previous pack to roll back to");
    std::swap(state_->active, state_->previous);
    return *state_->active;
}

model::OperatorPackInfo FakePackLibrary::describe(const content::InstalledPack& pack, const std::string&) {
    std::lock_guard<std::mutex> lock(state_->mutex);
    ++state_->describes;
    model::OperatorPackInfo info;
    info.present = true;
    info.id = pack.pack_id;
    info.version = pack.version;
    info.title = "Installed " + pack.pack_id;
    info.signature.state = model::PackSignature::State::verified;
    info.signature.key_id = "0123456789abcdef";
    return info;
}

core::Status FakePackLibrary::verify(const content::InstalledPack& pack) {
    std::lock_guard<std::mutex> lock(state_->mutex);
    if (state_->failing_check.count(pack.path))
        return core::make_error(core::ErrorCode::tampered, pack.path + ": the file does not match its signature");
    return core::ok();
}

core::Expected<content::VersionFloor> FakePackLibrary::floor() {
    std::lock_guard<std::mutex> lock(state_->mutex);
    if (state_->floor_error) return *state_->floor_error;
    return content::VersionFloor{};
}

core::Expected<content::VersionFloor> FakePackLibrary::accept_rebuilt_floor() {
    std::lock_guard<std::mutex> lock(state_->mutex);
    ++state_->rebuilt_floors;
    state_->floor_error.reset();
    return content::VersionFloor{};
}

content::TrustedKeys FakePackLibrary::trusted_keys() {
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->keys;
}

std::string KioskHarness::make_stick(const std::string& name) {
    const std::string mount_point = dir_ / name;
    std::filesystem::create_directories(mount_point + "/PAVILION");
    sticks_->mount(mount_point);
    return mount_point;
}

namespace {

content::minisign::SecretKey new_key() {
    auto files = content::minisign::generate_key_pair();
    if (!files) throw std::runtime_error(files.error().message);
    auto key = content::minisign::parse_secret_key(files->secret_key_file);
    if (!key) throw std::runtime_error(key.error().message);
    return *key;
}

void write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) throw std::runtime_error("cannot write " + path);
}

} // namespace

void KioskHarness::offer_signed(const std::string& folder, const std::string& pack_name, const std::string& id,
                                std::int64_t version, bool trusted) const {
    const content::PackClaim claim{id, version, content::kPackFormatVersion, pack_name};
    // Any bytes: the panel checks only the signature's trusted comment; the (fake) installer
    // never reads the pack.
    const auto hash = content::minisign::hash_bytes(pack_name.data(), pack_name.size());
    auto signature = content::minisign::sign(trusted ? trusted_key_ : stranger_key_, hash, content::format_pack_claim(claim));
    if (!signature) throw std::runtime_error(signature.error().message);
    write_file(folder + "/" + pack_name + ".minisig", *signature);
}

void KioskHarness::put_unlock_token(const std::string& mount_point, const std::string& shown_code, bool trusted) const {
    const auto code = content::normalize_recovery_code(shown_code);
    if (!code) throw std::runtime_error("not a recovery code: " + shown_code);
    auto token = content::make_unlock_token(trusted ? trusted_key_ : stranger_key_, *code);
    if (!token) throw std::runtime_error(token.error().message);
    write_file(mount_point + "/PAVILION/unlock.token", *token);
}

content::MediaEvent KioskHarness::stick_inserted(const std::string& mount_point) {
    content::MediaEvent event;
    event.type = content::MediaEvent::Type::stick_inserted;
    event.mount_point = mount_point;
    return event;
}

KioskHarness::KioskHarness(KioskOptions options) : trusted_key_(new_key()), stranger_key_(new_key()) {
    if (options.library) library_ = options.library;
    library_->keys.keys.push_back(content::minisign::public_key_of(trusted_key_));
    model::Device device;
    if (options.with_device) {
        state_dir_ = dir_ / "state";
        std::filesystem::create_directories(state_dir_);
        device.state_dir = state_dir_;
        device.settings = options.settings;
        device.packs = std::make_unique<FakePackLibrary>(library_);
        auto lock = content::PinLock::open(state_dir_, content::PinHashCost::minimum());
        if (!lock) throw std::runtime_error(lock.error().message);
        if (options.with_pin && !lock->set_pin(kPin)) throw std::runtime_error("cannot set the PIN");
        device.pins = model::pin_gate(std::move(lock).value());
        auto stats = content::VisitStats::open(state_dir_ + "/stats.sqlite");
        if (!stats) throw std::runtime_error(stats.error().message);
        device.stats = std::make_unique<content::VisitStats>(std::move(stats).value());
        device.sticks = sticks_;
    }
    model::KioskConfig config;
    config.wall_clock_s = [clock = wall_clock_] { return clock->load(); };
    config.log_sink = [mutex = log_mutex_, lines = log_](std::string_view line) {
        std::lock_guard<std::mutex> lock(*mutex);
        lines->emplace_back(line);
    };
    config.prepare_pack = options.prepare_pack;
    config.built_in_pack_path = options.built_in_pack_path;
    auto pack = open_shared(options.pack_path.empty() ? mini_pack_path() : options.pack_path);
    kiosk_ = std::make_unique<model::Kiosk>(std::move(pack), std::move(device), std::move(config));
    kiosk_->set_display({96.0f / 25.4f, kCorner});
}

model::FrameModel KioskHarness::step(core::Millis now, const std::vector<core::PointerEvent>& touches,
                                     const std::vector<content::MediaEvent>& media) {
    kiosk_->input(now, touches, media);
    kiosk_->poll(now);
    return kiosk_->frame(now);
}

model::FrameModel KioskHarness::settled(core::Millis now) {
    kiosk_->settle(now);
    return step(now);
}

model::FrameModel KioskHarness::tap(float x, float y, core::Millis at) {
    step(at, {touch(core::PointerEvent::Type::down, x, y, at)});
    return step(at + 50, {touch(core::PointerEvent::Type::up, x, y, at + 50)});
}

model::FrameModel KioskHarness::open_keypad(core::Millis at) {
    step(at, {touch(core::PointerEvent::Type::down, 10, 10, at)});
    step(at + 5000);
    return step(at + 5100, {touch(core::PointerEvent::Type::up, 10, 10, at + 5100)});
}

model::FrameModel KioskHarness::type_pin(const std::string& pin, core::Millis at) {
    for (const char digit : pin) kiosk_->apply(model::PinDigit{digit - '0'}, at);
    kiosk_->apply(model::PinSubmit{}, at);
    return settled(at + 1);
}

std::vector<std::string> KioskHarness::log() const {
    std::lock_guard<std::mutex> lock(*log_mutex_);
    return *log_;
}

bool KioskHarness::logged(const std::string& text) const {
    for (const auto& line : log())
        if (line.find(text) != std::string::npos) return true;
    return false;
}

core::PointerEvent touch(core::PointerEvent::Type type, float x, float y, core::Millis time) {
    core::PointerEvent event;
    event.type = type;
    event.x = x;
    event.y = y;
    event.time = time;
    return event;
}

} // namespace pavilion::testing
