// Items' texts come from the pack on a worker, never on the frame that opens the item; the
// neighbours a swipe reaches are read with it.

#include "model_fixture.hpp"

#include <gtest/gtest.h>

namespace pavilion::model {
namespace {

using testing::KioskHarness;

core::Route route(const std::string& text) { return *core::Route::parse(text); }

TEST(KioskItemBodies, AnItemsTextArrivesAfterItsPageOpens) {
    KioskHarness h;
    ASSERT_TRUE(h.kiosk().start_at(route("stories"), 0));
    h.apply(OpenRoute{route("story/china-laos-railway")}, 100);
    const auto frame = h.settled(200);
    ASSERT_NE(frame.body, nullptr);
    const auto* english = content::in_locale(*frame.body, "en", "en");
    ASSERT_NE(english, nullptr);
    EXPECT_FALSE(english->blocks.empty());
    // A screen that is no item has no body.
    h.apply(GoBack{}, 300);
    EXPECT_EQ(h.step(300).body, nullptr);
}

TEST(KioskItemBodies, TheNextItemsTextIsReadyWhenTheVisitorSwipes) {
    KioskHarness h;
    ASSERT_TRUE(h.kiosk().start_at(route("story/china-laos-railway"), 0));
    h.settled(100);
    h.apply(SwipeTo{route("story/mozura-wind-farm")}, 200);
    EXPECT_NE(h.step(200).body, nullptr) << "read with its neighbour, before the swipe";
}

TEST(KioskItemBodies, APackWithItsTextsInTheCatalogReadsNothing) {
    KioskHarness h;
    auto full = content::PackReader::open(testing::mini_pack_path(), content::PackCheck::whole_file,
                                          content::CatalogBodies::loaded);
    ASSERT_TRUE(full);
    ASSERT_TRUE(full->bodies_in_catalog());
    model::Kiosk kiosk(std::make_shared<const content::PackReader>(std::move(full).value()), Device{}, KioskConfig{});
    ASSERT_TRUE(kiosk.start_at(route("story/china-laos-railway"), 0));
    kiosk.settle(10);
    kiosk.poll(10);
    EXPECT_EQ(kiosk.frame(10).body, nullptr) << "the screens take the text from the catalog";
}

} // namespace
} // namespace pavilion::model
