// Visitor statistics as the model records them: screens and their dwell, item opens, visits by
// language, read back for the operator panel and exported to a stick, all through a real
// statistics file on the device worker.

#include "model_fixture.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace pavilion::model {
namespace {

using testing::KioskHarness;
using Kind = OperatorNotice::Kind;

core::Route route(const std::string& text) { return *core::Route::parse(text); }

// Two visits: one in English reading a story for 30 s, one in Chinese.
void two_visits(KioskHarness& h) {
    h.step(0);
    h.tap(500, 500, 1000);
    h.apply(OpenRoute{route("stories")}, 2000);
    h.apply(OpenRoute{route("story/china-laos-railway")}, 3000);
    h.apply(GoBack{}, 33000);
    h.kiosk().end_visit(40000);
    h.tap(500, 500, 50000);
    h.apply(ChooseLanguage{"zh"}, 51000);
    h.apply(OpenRoute{route("story/mozura-wind-farm")}, 52000);
    h.kiosk().end_visit(60000);
    h.step(60000);
}

TEST(KioskStatistics, VisitsAndTheItemsTheyOpenedReachThePanel) {
    KioskHarness h;
    two_visits(h);
    h.open_keypad(70000);
    h.type_pin(KioskHarness::kPin, 76000);
    const auto frame = h.settled(76100);
    const auto& numbers = frame.panel.stats;
    ASSERT_TRUE(numbers.ready);
    EXPECT_EQ(numbers.sessions_today, 2);
    EXPECT_EQ(numbers.sessions_week, 2);
    ASSERT_EQ(numbers.top_items.size(), 2u);
    EXPECT_EQ(numbers.top_items[0].second, 1);
    // Titles in the pack's default language, not refs.
    EXPECT_EQ(numbers.top_items[0].first.find("story/"), std::string::npos) << numbers.top_items[0].first;
    EXPECT_EQ(numbers.languages, (std::vector<std::pair<std::string, int>>{{"en", 1}, {"zh", 1}}));
}

TEST(KioskStatistics, OperatorModeIsNotAVisit) {
    KioskHarness h;
    h.step(0);
    h.open_keypad(1000); // wakes the kiosk as it starts
    h.type_pin(KioskHarness::kPin, 7000);
    h.apply(LeaveOperatorMode{}, 8000);
    h.open_keypad(9000);
    const auto frame = h.type_pin(KioskHarness::kPin, 15000);
    EXPECT_EQ(frame.panel.stats.sessions_today, 0);
}

TEST(KioskStatistics, ExportWritesACsvOntoTheStick) {
    KioskHarness h;
    two_visits(h);
    const auto mount = h.make_stick("usb");
    std::filesystem::remove(mount + "/PAVILION"); // a stick without the folder gets one
    h.step(61000, {}, {KioskHarness::stick_inserted(mount)});
    h.open_keypad(70000);
    h.type_pin(KioskHarness::kPin, 76000);
    h.apply(ExportStatistics{}, 77000);
    const auto frame = h.settled(77100);
    ASSERT_EQ(frame.panel.notice.kind, Kind::exported) << frame.panel.notice.detail;
    const auto& path = frame.panel.notice.subject;
    EXPECT_EQ(path.rfind(mount + "/PAVILION/pavilion-visitors-", 0), 0u) << path;
    const auto csv = testing::read_text(path);
    EXPECT_EQ(csv.rfind("\xEF\xBB\xBF" "date,kind,key,title,count,dwell_seconds", 0), 0u) << csv;
    EXPECT_NE(csv.find("story/china-laos-railway"), std::string::npos) << csv;
}

// A stick the watcher reported, whose mount point is a plain folder now (the stick pulled and
// its folder left behind): nothing is written there, and the operator hears there is no stick.
TEST(KioskStatistics, ExportToAStickThatIsNoLongerMountedWritesNothing) {
    KioskHarness h;
    two_visits(h);
    const auto left_behind = h.dir() / "usb";
    std::filesystem::create_directories(left_behind + "/PAVILION");
    h.step(61000, {}, {KioskHarness::stick_inserted(left_behind)});
    h.open_keypad(70000);
    h.type_pin(KioskHarness::kPin, 76000);
    EXPECT_TRUE(h.step(76100).panel.stick_present) << "the watcher said a stick is in";
    h.apply(ExportStatistics{}, 77000);
    const auto frame = h.settled(77100);
    EXPECT_EQ(frame.panel.notice.kind, Kind::no_stick);
    EXPECT_TRUE(std::filesystem::is_empty(left_behind + "/PAVILION"));
    EXPECT_TRUE(h.logged("operator: No USB stick at " + left_behind + ": it is not mounted"));
}

TEST(KioskStatistics, ExportWithoutAStickSaysSo) {
    KioskHarness h;
    h.open_keypad(0);
    h.type_pin(KioskHarness::kPin, 6000);
    h.apply(ExportStatistics{}, 7000);
    const auto frame = h.settled(7100);
    EXPECT_EQ(frame.panel.notice.kind, Kind::no_stick);
    EXPECT_TRUE(frame.panel.notice.is_error());
}

} // namespace
} // namespace pavilion::model
