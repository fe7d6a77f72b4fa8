// The version floor's rules and its file format, without a store: what installs over what, what
// a rollback withdraws, and that a damaged floor file is never read as a lower floor.

#include "pavilion/content/version_floor.hpp"

#include <gtest/gtest.h>

namespace pavilion::content {
namespace {

const std::string kLabel = "PAVILION/expo.pack";

ErrorCode refusal(const PackIdentity& claim, const VersionFloor& floor,
                  const std::optional<PackIdentity>& built_in = std::nullopt,
                  const std::optional<PackIdentity>& current = std::nullopt) {
    auto status = check_against_floor(claim, floor, built_in, current, kLabel);
    EXPECT_FALSE(status) << claim.pack_id << " v" << claim.version << " was accepted";
    if (status) return ErrorCode::io;
    EXPECT_EQ(status.error().message.rfind(kLabel, 0), 0u) << status.error().message;
    return status.error().code;
}

bool accepted(const PackIdentity& claim, const VersionFloor& floor,
              const std::optional<PackIdentity>& built_in = std::nullopt,
              const std::optional<PackIdentity>& current = std::nullopt) {
    auto status = check_against_floor(claim, floor, built_in, current, kLabel);
    if (!status) ADD_FAILURE() << status.error().message;
    return bool(status);
}

TEST(VersionFloor, AnEmptyDeviceTakesAnyPackNewerThanTheBuiltInOne) {
    const VersionFloor empty;
    const PackIdentity built_in{"belt-and-road", 7};
    EXPECT_TRUE(accepted({"expo-2027", 1}, empty, built_in));
    EXPECT_TRUE(accepted({"belt-and-road", 8}, empty, built_in));
    EXPECT_EQ(refusal({"belt-and-road", 6}, empty, built_in), ErrorCode::not_newer);
    EXPECT_EQ(refusal({"belt-and-road", 7}, empty, built_in), ErrorCode::not_newer);
}

TEST(VersionFloor, TheFirstInstallFixesTheDevicesPackId) {
    VersionFloor floor;
    EXPECT_TRUE(floor.record_install({"expo-2027", 1}));
    EXPECT_EQ(floor.device_pack_id, "expo-2027");
    EXPECT_EQ(refusal({"other", 9}, floor), ErrorCode::other_pack);
    EXPECT_TRUE(accepted({"expo-2027", 2}, floor, std::nullopt, PackIdentity{"expo-2027", 1}));
}

TEST(VersionFloor, OlderVersionsStayOutWhateverIsInstalledNow) {
    VersionFloor floor;
    floor.record_install({"expo", 5});
    // The pointer file damaged (nothing current), or a forced older pack current: still refused.
    EXPECT_EQ(refusal({"expo", 4}, floor), ErrorCode::not_newer);
    EXPECT_EQ(refusal({"expo", 4}, floor, std::nullopt, PackIdentity{"expo", 3}), ErrorCode::not_newer);
    EXPECT_EQ(refusal({"expo", 5}, floor, std::nullopt, PackIdentity{"expo", 5}), ErrorCode::not_newer);
}

TEST(VersionFloor, TheFloorVersionInstallsAgainOnlyToFinishAnInterruptedInstall) {
    VersionFloor floor;
    floor.record_install({"expo", 4});
    floor.record_install({"expo", 5}); // the floor rose; then the power went before the switch
    EXPECT_TRUE(accepted({"expo", 5}, floor, std::nullopt, PackIdentity{"expo", 4}));
}

TEST(VersionFloor, ARollbackWithdrawsTheVersionItLeftUntilANewerOneArrives) {
    VersionFloor floor;
    floor.record_install({"expo", 4});
    floor.record_install({"expo", 5});
    EXPECT_TRUE(floor.record_rollback({"expo", 5}, {"expo", 4}));
    EXPECT_EQ(floor.marks.at("expo"), (FloorMark{5, true}));
    const PackIdentity now{"expo", 4};
    EXPECT_EQ(refusal({"expo", 5}, floor, std::nullopt, now), ErrorCode::not_newer); // the replay
    EXPECT_EQ(refusal({"expo", 3}, floor, std::nullopt, now), ErrorCode::not_newer);
    EXPECT_TRUE(accepted({"expo", 6}, floor, std::nullopt, now));
    floor.record_install({"expo", 6});
    EXPECT_EQ(floor.marks.at("expo"), (FloorMark{6, false}));
}

TEST(VersionFloor, RollingForwardAgainTakesTheWithdrawalBack) {
    VersionFloor floor;
    floor.record_install({"expo", 4});
    floor.record_install({"expo", 5});
    floor.record_rollback({"expo", 5}, {"expo", 4});
    floor.record_rollback({"expo", 4}, {"expo", 5});
    EXPECT_EQ(floor.marks.at("expo"), (FloorMark{5, false}));
}

TEST(VersionFloor, AForcedOlderInstallNeverLowersTheFloor) {
    VersionFloor floor;
    floor.record_install({"expo", 5});
    floor.record_install({"expo", 2}); // the operator's choice
    EXPECT_EQ(floor.marks.at("expo"), (FloorMark{5, true}));
    EXPECT_EQ(refusal({"expo", 5}, floor, std::nullopt, PackIdentity{"expo", 2}), ErrorCode::not_newer);
}

TEST(VersionFloor, TheFileRoundTripsExactly) {
    VersionFloor floor;
    floor.record_install({"belt-and-road", 7});
    floor.record_install({"expo_2027", 3});
    floor.record_rollback({"expo_2027", 3}, {"belt-and-road", 7});
    const std::string text = format_version_floor(floor);
    auto parsed = parse_version_floor(text, "floor");
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(*parsed, floor);
    EXPECT_EQ(format_version_floor(*parsed), text);
}

TEST(VersionFloor, EveryDamageIsFloorUnknownNeverALowerFloor) {
    VersionFloor floor;
    floor.record_install({"expo", 5});
    const std::string text = format_version_floor(floor);
    std::vector<std::string> damaged = {"", "garbage\n", text.substr(0, text.size() / 2),
                                        text.substr(0, text.size() - 1), text + "pack x 1\n"};
    // A single flipped digit would lower the floor: the check catches it.
    std::string lowered = text;
    lowered[lowered.find(" 5\n") + 1] = '4';
    damaged.push_back(lowered);
    for (std::size_t at = 0; at < text.size(); ++at) {
        std::string flipped = text;
        flipped[at] = static_cast<char>(flipped[at] ^ 0x01);
        damaged.push_back(flipped);
    }
    for (const auto& bad : damaged) {
        auto parsed = parse_version_floor(bad, "STATE/floor");
        ASSERT_FALSE(parsed) << "accepted: '" << bad << "'";
        EXPECT_EQ(parsed.error().code, ErrorCode::floor_unknown);
        EXPECT_EQ(parsed.error().message.rfind("STATE/floor is damaged", 0), 0u) << parsed.error().message;
    }
}

} // namespace
} // namespace pavilion::content
