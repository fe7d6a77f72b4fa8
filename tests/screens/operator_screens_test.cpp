// The operator's screens, drawn on the CPU: which tap targets they leave and what each one means,
// how large, that none overlaps another, and the words they say for what the model reports.

#include "screen_test_support.hpp"
#include "pavilion/screens/operator_notice.hpp"
#include "pavilion/screens/operator_panel.hpp"
#include "pavilion/screens/operator_pin.hpp"
#include "pavilion/screens/update_banner.hpp"
#include "pavilion/screens/view_builder.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <map>
#include <string>
#include <vector>

namespace pavilion::screens {
namespace {

using screen_tests::name_of;
using screen_tests::tap_at;
using Kind = model::OperatorNotice::Kind;

// Where one action catches taps, found by asking TapTargets::hit() at every pixel centre.
struct Region {
    int min_x = INT_MAX, min_y = INT_MAX, max_x = -1, max_y = -1; // pixels, inclusive
    long pixels = 0;
    int width() const { return max_x - min_x + 1; }
    int height() const { return max_y - min_y + 1; }
    ImVec2 centre() const { return ImVec2((min_x + max_x + 1) / 2.0f, (min_y + max_y + 1) / 2.0f); }
};

using Regions = std::map<std::string, Region>; // by name_of(action)

const ImVec2 kLandscape(1920, 1080);
const ImVec2 kPortrait(1080, 1920);

Regions scan(const TapTargets& targets, ImVec2 size) {
    Regions regions;
    for (int y = 0; y < static_cast<int>(size.y); ++y) {
        for (int x = 0; x < static_cast<int>(size.x); ++x) {
            const auto action = targets.hit(ImVec2(x + 0.5f, y + 0.5f));
            if (!action) continue;
            EXPECT_TRUE(std::holds_alternative<model::Intent>(*action)) << name_of(*action) << ": not the model's";
            auto& r = regions[name_of(*action)];
            r.min_x = std::min(r.min_x, x), r.min_y = std::min(r.min_y, y);
            r.max_x = std::max(r.max_x, x), r.max_y = std::max(r.max_y, y);
            ++r.pixels;
        }
    }
    return regions;
}

// What overlaps: each target must catch taps on a whole rectangle (a target drawn over part of
// another leaves a hole or a notch in it, or cuts it so the two touch), and between any two there
// must be at least one pixel that belongs to neither.
std::vector<std::string> overlaps(const Regions& regions) {
    std::vector<std::string> found;
    for (const auto& [name, r] : regions) {
        if (r.pixels != static_cast<long>(r.width()) * r.height()) found.push_back(name + " is not a rectangle");
    }
    for (auto a = regions.begin(); a != regions.end(); ++a) {
        for (auto b = std::next(a); b != regions.end(); ++b) {
            const auto& p = a->second;
            const auto& q = b->second;
            const bool apart = p.max_x + 1 < q.min_x || q.max_x + 1 < p.min_x || p.max_y + 1 < q.min_y ||
                               q.max_y + 1 < p.min_y;
            if (!apart) found.push_back(a->first + " and " + b->first + " overlap or touch");
        }
    }
    return found;
}

void expect_apart(const Regions& regions, const std::string& where) {
    EXPECT_EQ(overlaps(regions), std::vector<std::string>{}) << where;
}

class OperatorScreensTest : public screen_tests::ScreenTest {
protected:
    // Every target at least a fingertip in both directions; bottom_edge: a target cut by the
    // bottom of a scrolling area is exempt from the height check.
    void expect_touch_sized(const Regions& regions, const std::string& where, int bottom_edge = INT_MAX) const {
        const int least = static_cast<int>(touch_) - 1; // pixel centres: a rectangle of 76 px covers 75 or 76
        for (const auto& [name, r] : regions) {
            EXPECT_GE(r.width(), least) << where << ": " << name;
            if (r.max_y < bottom_edge) {
                EXPECT_GE(r.height(), least) << where << ": " << name;
            }
        }
    }

    // What a tap at `at` on the next frame returns, drawn by draw (which returns its intents).
    std::vector<model::Intent> tap(ImVec2 size, ImVec2 at,
                                   const std::function<std::vector<model::Intent>(Frame&)>& draw) {
        FrameInput input;
        input.gestures.push_back(tap_at(at));
        std::vector<model::Intent> intents;
        draw_frame(size, [&](Frame& f) { intents = draw(f); }, false, input);
        return intents;
    }
};

std::string name_of_size(ImVec2 size, bool high_contrast) {
    return std::to_string(static_cast<int>(size.x)) + "x" + std::to_string(static_cast<int>(size.y)) +
           (high_contrast ? " high contrast" : "");
}

const Diagnostics kDiagnostics{59.8, 8.4, 15.9, 142.5, 63.2, "V3D 7.1.7.0", 4096, "1.4.0"};

model::OperatorView full_view() {
    model::OperatorView view;
    const model::PackSignature built_in{model::PackSignature::State::built_in, "", ""};
    const model::PackSignature key{model::PackSignature::State::verified, "1A2B3C4D5E6F7081", ""};
    view.current = {true, "Belt and Road Pavilion", "expo-2027", 3, "2027-03-01", "", built_in};
    view.previous = {true, "Belt and Road Pavilion", "expo-2027", 2, "2027-02-11", "", key};
    view.packs_ready = true;
    using Source = model::OperatorCandidate::Source;
    view.candidates = {{"expo-2027-v4.pack", Source::stick, "/media/usb0"},
                       {"expo-2027-hotfix.pack", Source::inbox, "/srv/pavilion/inbox"}};
    view.default_locale = "en";
    view.locales = {{"en", "English"}, {"zh", "中文"}};
    view.stats.ready = true;
    view.stats.sessions_today = 37;
    view.stats.sessions_week = 1284;
    view.stats.top_items = {{"China-Laos Railway", 310}, {"Mozura Wind Farm", 207}, {"Overview", 96},
                            {"Key figures", 40}, {"Sources", 12}, {"Map", 3}};
    view.stats.languages = {{"en", 802}, {"zh", 482}};
    for (int i = 0; i < 30; ++i)
        view.log_lines.push_back("2027-03-04 10:" + std::to_string(10 + i) + " screen=story/china-laos-railway lang=zh "
                                 "and a long tail that has to be cut at the edge of the card, again and again");
    view.stick_present = true;
    return view;
}

model::OperatorNotice notice(Kind kind, std::int64_t count = 0, std::string subject = "", std::int64_t version = 0,
                             std::string detail = "") {
    model::OperatorNotice n;
    n.kind = kind;
    n.count = count;
    n.subject = std::move(subject);
    n.version = version;
    n.detail = std::move(detail);
    return n;
}

// The check would notice a target drawn over the side of another, inside it, or right against it.
TEST(OperatorScreenChecks, OverlapsAreCaught) {
    auto check = [](ImVec2 b_min, ImVec2 b_max) {
        TapTargets targets;
        targets.add(ImVec2(10, 10), ImVec2(100, 100), model::Intent{model::PinDigit{1}});
        targets.add(b_min, b_max, model::Intent{model::PinDigit{2}});
        return overlaps(scan(targets, ImVec2(300, 200)));
    };
    EXPECT_EQ(check(ImVec2(90, 0), ImVec2(200, 120)), std::vector<std::string>{"digit 1 and digit 2 overlap or touch"});
    EXPECT_EQ(check(ImVec2(40, 40), ImVec2(60, 60)),
              (std::vector<std::string>{"digit 1 is not a rectangle", "digit 1 and digit 2 overlap or touch"}));
    EXPECT_EQ(check(ImVec2(100, 10), ImVec2(200, 100)), std::vector<std::string>{"digit 1 and digit 2 overlap or touch"});
    EXPECT_EQ(check(ImVec2(110, 10), ImVec2(200, 100)), std::vector<std::string>{});
}

// ---- the words ----

TEST(OperatorNoticeText, EveryKindInWords) {
    EXPECT_EQ(operator_notice_text(notice(Kind::none)), "");
    EXPECT_EQ(operator_notice_text(notice(Kind::wrong_pin, 2)), "Wrong PIN. 2 more before a pause");
    EXPECT_EQ(operator_notice_text(notice(Kind::locked, 240)), "Locked: try again in 240 s");
    EXPECT_EQ(operator_notice_text(notice(Kind::no_pin_set)), "No operator PIN is set (pavilion --state DIR --set-pin)");
    EXPECT_EQ(operator_notice_text(notice(Kind::no_pin_store)), "No PIN store on this kiosk (run it with --state)");
    EXPECT_EQ(operator_notice_text(notice(Kind::pin_unavailable, 0, "", 0, "/var/lib/pavilion/pin: unreadable")),
              "/var/lib/pavilion/pin: unreadable");
    EXPECT_EQ(operator_notice_text(notice(Kind::installing, 0, "expo-2027-v4.pack")), "Installing expo-2027-v4.pack");
    EXPECT_EQ(operator_notice_text(notice(Kind::rolling_back)), "Rolling back...");
    EXPECT_EQ(operator_notice_text(notice(Kind::rolled_back, 0, "expo-2027", 3)), "Rolled back to expo-2027 version 3");
    EXPECT_EQ(operator_notice_text(notice(Kind::rollback_failed, 0, "", 0, "no previous pack")),
              "Cannot roll back: no previous pack");
    EXPECT_EQ(operator_notice_text(notice(Kind::rolled_back_unshown, 0, "", 0, "the font is missing")),
              "Rolled back, but cannot show it: the font is missing");
    EXPECT_EQ(operator_notice_text(notice(Kind::settings_saved)), "Settings saved");
    EXPECT_EQ(operator_notice_text(notice(Kind::settings_failed, 0, "", 0, "settings.json: disk full")),
              "settings.json: disk full");
    EXPECT_EQ(operator_notice_text(notice(Kind::exported, 0, "/media/usb0/visitors.csv")),
              "Exported to /media/usb0/visitors.csv");
    EXPECT_EQ(operator_notice_text(notice(Kind::export_failed, 0, "", 0, "/media/usb0: read-only")),
              "/media/usb0: read-only");
    EXPECT_EQ(operator_notice_text(notice(Kind::no_stick)), "No USB stick: insert one to export");
    EXPECT_EQ(operator_notice_text(notice(Kind::no_stick, 0, "", 0, "No USB stick at /media/a: it is not mounted")),
              "No USB stick: insert one to export") << "the detail is for the log";
    EXPECT_EQ(operator_notice_text(notice(Kind::install_refused, 0, "", 0, "PAVILION/x.pack.minisig: untrusted")),
              "Not installed: PAVILION/x.pack.minisig: untrusted");
    EXPECT_EQ(operator_notice_text(notice(Kind::no_token_stick)), "Insert the USB stick with PAVILION/unlock.token first");
    EXPECT_EQ(operator_notice_text(notice(Kind::token_refused, 0, "", 0, "the unlock token was altered after signing")),
              "Not unlocked: the unlock token was altered after signing");
    EXPECT_EQ(operator_notice_text(notice(Kind::token_accepted, 0, "1A2B3C4D5E6F7081")),
              "Unlocked by the token (key 1A2B3C4D5E6F7081). Choose a new PIN");
    EXPECT_EQ(operator_notice_text(notice(Kind::pins_differ)), "The two entries differ: choose the new PIN again");
    EXPECT_EQ(operator_notice_text(notice(Kind::pin_changed)), "New PIN saved");
    EXPECT_EQ(operator_notice_text(notice(Kind::pin_not_saved, 0, "", 0, "disk full")),
              "The new PIN cannot be saved: disk full");
    EXPECT_EQ(operator_notice_text(notice(Kind::confirmation_withdrawn)),
              "The packs changed meanwhile, so nothing was done: ask again");
}

// The questions, worded per kind; the first is the one the issue asks for, word for word.
TEST(OperatorQuestionText, EveryKindInWords) {
    using Question = model::PendingConfirmation::Kind;
    model::PendingConfirmation q{Question::install_other_pack, {"expo-2027", 3}, {"belt-and-road", 5}, "expo-2027.pack"};
    auto words = confirmation_words(q);
    EXPECT_EQ(words.title, "Install another pack?");
    EXPECT_EQ(words.body, "Install 'expo-2027' v3 over 'belt-and-road' v5? This replaces the pack visitors see.");
    EXPECT_EQ(words.detail, "From expo-2027.pack");
    EXPECT_EQ(words.confirm, "Install");

    q = {Question::install_older, {"belt-and-road", 3}, {"belt-and-road", 5}, "bnr-3.pack"};
    words = confirmation_words(q);
    EXPECT_EQ(words.title, "Install an older version?");
    EXPECT_EQ(words.body, "Install 'belt-and-road' v3 over v5? Visitors will see the older version.");
    EXPECT_EQ(words.confirm, "Install");

    q = {Question::roll_back, {"belt-and-road", 4}, {"belt-and-road", 5}, ""};
    words = confirmation_words(q);
    EXPECT_EQ(words.title, "Roll back?");
    EXPECT_EQ(words.body, "Roll back to 'belt-and-road' v4 from v5? This replaces the pack visitors see.");
    EXPECT_EQ(words.detail, "");
    EXPECT_EQ(words.confirm, "Roll back");
    q.incoming = {};
    EXPECT_EQ(confirmation_words(q).body, "Roll back to the previous pack from 'belt-and-road' v5? This replaces the "
                                          "pack visitors see.");
}

TEST(OperatorPinMessage, CheckingThenTheLockThenTheNotice) {
    model::OperatorPinView view;
    EXPECT_EQ(pin_message(view).text, "");
    view.notice = notice(Kind::wrong_pin, 2);
    EXPECT_EQ(pin_message(view).text, "Wrong PIN. 2 more before a pause");
    EXPECT_TRUE(pin_message(view).is_error);
    view.notice = notice(Kind::settings_saved);
    EXPECT_FALSE(pin_message(view).is_error) << "the colour follows notice.is_error()";
    view.locked = true;
    view.locked_seconds = 42;
    view.notice = notice(Kind::locked, 300); // the countdown is locked_seconds, not the notice's
    EXPECT_EQ(pin_message(view).text, "Locked: try again in 42 s");
    EXPECT_TRUE(pin_message(view).is_error);
    view.notice = notice(Kind::token_refused, 0, "", 0, "the unlock token was made for another code");
    EXPECT_EQ(pin_message(view).text, "Not unlocked: the unlock token was made for another code")
        << "a refused token says why, even during the countdown";
    EXPECT_TRUE(pin_message(view).is_error);
    view.checking = true;
    EXPECT_EQ(pin_message(view).text, "Checking...");
    EXPECT_FALSE(pin_message(view).is_error);
    view.purpose = model::OperatorPinView::Purpose::repeat_new_pin;
    EXPECT_EQ(pin_message(view).text, "Saving the new PIN...");
    view.unlocking = true;
    EXPECT_EQ(pin_message(view).text, "Reading the unlock token...");
}

// ---- the PIN pad ----

TEST_F(OperatorScreensTest, EveryKeyOfThePinPadIsATouchSizedTarget) {
    for (ImVec2 size : {kLandscape, kPortrait}) {
        for (bool high_contrast : {false, true}) {
            model::OperatorPinView view;
            view.digits_entered = 5;
            view.notice = notice(Kind::wrong_pin, 2);
            const auto targets = draw_frame(size, [&](Frame& f) { draw_operator_pin(f, view); }, high_contrast);
            const auto regions = scan(targets, size);
            const std::string where = name_of_size(size, high_contrast);
            for (int digit = 0; digit <= 9; ++digit)
                EXPECT_EQ(regions.count("digit " + std::to_string(digit)), 1u) << where << ": digit " << digit;
            for (const char* key : {"pin backspace", "pin submit", "leave operator mode"})
                EXPECT_EQ(regions.count(key), 1u) << where << ": " << key;
            EXPECT_EQ(regions.size(), 13u) << where;
            expect_touch_sized(regions, where);
            expect_apart(regions, where);
            // The keys are where they are drawn: 1 2 3 over 4 5 6, 0 under 8.
            EXPECT_LT(regions.at("digit 1").max_x, regions.at("digit 2").min_x);
            EXPECT_LT(regions.at("digit 2").max_y, regions.at("digit 5").min_y);
            EXPECT_LT(regions.at("digit 8").max_y, regions.at("digit 0").min_y);
        }
    }
}

// Each key's centre, tapped on the next frame, returns that key's intent and nothing else.
TEST_F(OperatorScreensTest, EachKeyTappedGivesItsIntent) {
    model::OperatorPinView view;
    view.digits_entered = 5;
    const auto regions = scan(draw_frame(kLandscape, [&](Frame& f) { draw_operator_pin(f, view); }), kLandscape);
    std::map<std::string, model::Intent> expected{{"pin backspace", model::PinBackspace{}},
                                                  {"pin submit", model::PinSubmit{}},
                                                  {"leave operator mode", model::LeaveOperatorMode{}}};
    for (int digit = 0; digit <= 9; ++digit) expected.emplace("digit " + std::to_string(digit), model::PinDigit{digit});
    ASSERT_EQ(regions.size(), expected.size());
    for (const auto& [name, intent] : expected) {
        const auto got = tap(kLandscape, regions.at(name).centre(), [&](Frame& f) { return draw_operator_pin(f, view); });
        EXPECT_EQ(got, std::vector<model::Intent>{intent}) << name;
    }
    // A tap between keys means nothing.
    const auto between = ImVec2((regions.at("digit 1").max_x + regions.at("digit 2").min_x) / 2.0f,
                                regions.at("digit 1").centre().y);
    EXPECT_TRUE(tap(kLandscape, between, [&](Frame& f) { return draw_operator_pin(f, view); }).empty());
}

TEST_F(OperatorScreensTest, SubmitNeedsFourDigits) {
    for (int digits = 0; digits <= 8; ++digits) {
        model::OperatorPinView view;
        view.digits_entered = digits;
        const auto regions = scan(draw_frame(kLandscape, [&](Frame& f) { draw_operator_pin(f, view); }), kLandscape);
        EXPECT_EQ(regions.count("pin submit"), digits >= 4 ? 1u : 0u) << digits << " digits";
        EXPECT_EQ(regions.count("pin backspace"), digits > 0 ? 1u : 0u) << digits << " digits";
        EXPECT_EQ(regions.count("digit 3"), digits < 8 ? 1u : 0u) << digits << " digits"; // full: no more digits
        EXPECT_EQ(regions.count("leave operator mode"), 1u);
    }
}

TEST_F(OperatorScreensTest, ALockedPadOffersOnlyLeave) {
    for (ImVec2 size : {kLandscape, kPortrait}) {
        model::OperatorPinView view;
        view.digits_entered = 6;
        view.locked = true;
        view.locked_seconds = 240;
        const auto regions = scan(draw_frame(size, [&](Frame& f) { draw_operator_pin(f, view); }), size);
        ASSERT_EQ(regions.size(), 1u);
        EXPECT_EQ(regions.begin()->first, "leave operator mode");
    }
}

// After three lock-outs the keypad shows the recovery code and Unlock with stick under its keys:
// live with a stick in, not without; every target still a fingertip, apart, on the screen.
TEST_F(OperatorScreensTest, ALockedOutPadOffersUnlockWithAStick) {
    struct Case {
        ImVec2 size;
        float text_scale;
    };
    for (const Case& c : {Case{kLandscape, 1.0f}, Case{kPortrait, 1.0f}, Case{ImVec2(1280, 720), 1.0f},
                          Case{ImVec2(800, 480), 1.0f}, Case{kLandscape, 1.4f}}) {
        use_fonts(core::ui_scale_for(static_cast<int>(c.size.x), static_cast<int>(c.size.y)) * c.text_scale);
        for (bool stick : {true, false}) {
            for (bool locked : {true, false}) {
                const std::string where = name_of_size(c.size, false) + (stick ? " with a stick" : " without") +
                                          (locked ? ", locked" : "");
                model::OperatorPinView view;
                view.locked = locked;
                view.locked_seconds = locked ? 240 : 0;
                view.recovery_code = "7K2QD-M9XAT";
                view.stick_present = stick;
                view.digits_entered = 2;
                const auto regions = scan(draw_frame(c.size, [&](Frame& f) { draw_operator_pin(f, view); }), c.size);
                EXPECT_EQ(regions.count("unlock with stick"), stick ? 1u : 0u) << where;
                EXPECT_EQ(regions.size(), (locked ? 1u : 12u) + (stick ? 1u : 0u)) << where;
                expect_touch_sized(regions, where);
                expect_apart(regions, where);
                for (const auto& [name, r] : regions) {
                    EXPECT_GE(r.min_y, 0) << where << ": " << name;
                    EXPECT_LT(r.max_y, static_cast<int>(c.size.y)) << where << ": " << name;
                }
                if (!stick) continue;
                const auto got = tap(c.size, regions.at("unlock with stick").centre(),
                                     [&](Frame& f) { return draw_operator_pin(f, view); });
                EXPECT_EQ(got, std::vector<model::Intent>{model::UnlockWithStick{}}) << where;
            }
        }
    }
}

TEST_F(OperatorScreensTest, NoRecoveryRowWithoutACodeOrWhileANewPinIsChosen) {
    model::OperatorPinView view;
    view.stick_present = true;
    EXPECT_EQ(scan(draw_frame(kLandscape, [&](Frame& f) { draw_operator_pin(f, view); }), kLandscape)
                  .count("unlock with stick"),
              0u);
    view.recovery_code = "7K2QD-M9XAT";
    view.purpose = model::OperatorPinView::Purpose::choose_new_pin;
    view.digits_entered = 4;
    const auto regions = scan(draw_frame(kLandscape, [&](Frame& f) { draw_operator_pin(f, view); }), kLandscape);
    EXPECT_EQ(regions.count("unlock with stick"), 0u);
    EXPECT_EQ(regions.count("pin submit"), 1u);
    view.unlocking = true; // the button says so and takes no second tap
    view.purpose = model::OperatorPinView::Purpose::enter_pin;
    EXPECT_EQ(scan(draw_frame(kLandscape, [&](Frame& f) { draw_operator_pin(f, view); }), kLandscape)
                  .count("unlock with stick"),
              0u);
}

// ---- the panel ----

// A question over the panel: its two buttons are the only targets, touch-sized and apart, on
// every screen size; each tapped gives its intent.
TEST_F(OperatorScreensTest, AQuestionTakesEveryTapUntilItIsAnswered) {
    using Question = model::PendingConfirmation::Kind;
    for (ImVec2 size : {kLandscape, kPortrait, ImVec2(800, 480), ImVec2(480, 800)}) {
        use_fonts(core::ui_scale_for(static_cast<int>(size.x), static_cast<int>(size.y)));
        for (Question kind : {Question::install_other_pack, Question::install_older, Question::roll_back}) {
            OperatorPanel panel;
            auto view = full_view();
            view.confirmation = model::PendingConfirmation{
                kind, {"expo-2027-with-a-rather-long-pack-id", 3}, {"belt-and-road", 5}, "expo-2027.pack"};
            const auto draw = [&](Frame& f) { return panel.draw(f, view, kDiagnostics); };
            const auto regions = scan(draw_frame(size, [&](Frame& f) { draw(f); }), size);
            const std::string where = name_of_size(size, false);
            ASSERT_EQ(regions.size(), 2u) << where;
            expect_touch_sized(regions, where);
            expect_apart(regions, where);
            EXPECT_EQ(tap(size, regions.at("confirm").centre(), draw), std::vector<model::Intent>{model::Confirm{}});
            EXPECT_EQ(tap(size, regions.at("cancel confirmation").centre(), draw),
                      std::vector<model::Intent>{model::CancelConfirmation{}});
            EXPECT_LT(regions.at("cancel confirmation").max_x, regions.at("confirm").min_x) << "Cancel, then the action";
            // Where Leave and the candidates' Install were, a tap now means nothing.
            view.confirmation.reset();
            const auto under = scan(draw_frame(size, [&](Frame& f) { panel.draw(f, view, kDiagnostics); }), size);
            view.confirmation = model::PendingConfirmation{kind, {"x", 1}, {"y", 2}, ""};
            for (const char* name : {"leave operator mode", "install candidate 0"}) {
                if (under.count(name)) {
                    EXPECT_TRUE(tap(size, under.at(name).centre(), draw).empty()) << where << ": " << name;
                }
            }
        }
    }
}

TEST_F(OperatorScreensTest, PanelOffersEveryActionWithoutOverlaps) {
    for (ImVec2 size : {kLandscape, kPortrait}) {
        for (bool high_contrast : {false, true}) {
            for (bool with_notice : {false, true}) {
                OperatorPanel panel;
                auto view = full_view();
                if (with_notice) {
                    view.notice = notice(Kind::rollback_failed, 0, "", 0,
                                         "the previous pack failed its signature check, so it stays where it is");
                    view.seconds_until_auto_leave = 12.4f;
                }
                const auto targets =
                    draw_frame(size, [&](Frame& f) { panel.draw(f, view, kDiagnostics); }, high_contrast);
                const auto regions = scan(targets, size);
                const std::string where = name_of_size(size, high_contrast) + (with_notice ? " with a notice" : "");
                for (const char* action : {"install candidate 0", "install candidate 1", "roll back",
                                           "idle timeout -30 s", "idle timeout +30 s", "default language en",
                                           "default language zh", "export statistics", "leave operator mode"})
                    EXPECT_EQ(regions.count(action), 1u) << where << ": " << action;
                EXPECT_EQ(regions.size(), 9u) << where;
                expect_touch_sized(regions, where, static_cast<int>(size.y) - 1);
                expect_apart(regions, where);
            }
        }
    }
}

// Every panel target's centre, tapped on the next frame, returns its typed intent: candidates
// by their index, the idle timeout by its step.
TEST_F(OperatorScreensTest, EachPanelTargetTappedGivesItsIntent) {
    OperatorPanel panel;
    const auto view = full_view();
    const auto draw = [&](Frame& f) { return panel.draw(f, view, kDiagnostics); };
    const auto regions = scan(draw_frame(kPortrait, [&](Frame& f) { draw(f); }), kPortrait);
    const std::map<std::string, model::Intent> expected{
        {"install candidate 0", model::InstallCandidate{0}},
        {"install candidate 1", model::InstallCandidate{1}},
        {"roll back", model::RollBack{}},
        {"idle timeout -30 s", model::AdjustIdleTimeout{-30}},
        {"idle timeout +30 s", model::AdjustIdleTimeout{30}},
        {"default language en", model::SetDefaultLanguage{"en"}},
        {"default language zh", model::SetDefaultLanguage{"zh"}},
        {"export statistics", model::ExportStatistics{}},
        {"leave operator mode", model::LeaveOperatorMode{}},
    };
    for (const auto& [name, intent] : expected) {
        ASSERT_EQ(regions.count(name), 1u) << name;
        EXPECT_EQ(tap(kPortrait, regions.at(name).centre(), draw), std::vector<model::Intent>{intent}) << name;
    }
}

// - and + are offered only while the result stays within the limits.
TEST_F(OperatorScreensTest, TheIdleTimeoutStepsStopAtItsLimits) {
    OperatorPanel panel;
    auto view = full_view();
    struct Case {
        int timeout_s;
        bool minus, plus;
    };
    for (const Case& c : {Case{30, false, true}, Case{60, true, true}, Case{570, true, true}, Case{600, true, false},
                          Case{20, false, true}, Case{900, true, false}}) {
        view.idle_timeout_s = c.timeout_s;
        const auto regions = scan(draw_frame(kLandscape, [&](Frame& f) { panel.draw(f, view, kDiagnostics); }), kLandscape);
        EXPECT_EQ(regions.count("idle timeout -30 s"), c.minus ? 1u : 0u) << c.timeout_s << " s";
        EXPECT_EQ(regions.count("idle timeout +30 s"), c.plus ? 1u : 0u) << c.timeout_s << " s";
    }
}

// Small panels (the UI scales down, fingers do not) and the visitor's larger text left on.
TEST_F(OperatorScreensTest, SmallScreensAndLargerTextKeepTargetsApart) {
    struct Case {
        ImVec2 size;
        float text_scale;
    };
    for (const Case& c : {Case{ImVec2(1280, 720), 1.0f}, Case{ImVec2(800, 480), 1.0f}, Case{ImVec2(480, 800), 1.0f},
                          Case{kLandscape, 1.4f}, Case{kPortrait, 1.4f}}) {
        use_fonts(core::ui_scale_for(static_cast<int>(c.size.x), static_cast<int>(c.size.y)) * c.text_scale);
        const std::string where = name_of_size(c.size, false) + " text x" + std::to_string(c.text_scale);
        model::OperatorPinView pin;
        pin.digits_entered = 4;
        pin.notice = notice(Kind::wrong_pin, 2);
        const auto keys = scan(draw_frame(c.size, [&](Frame& f) { draw_operator_pin(f, pin); }), c.size);
        EXPECT_EQ(keys.size(), 13u) << where;
        expect_touch_sized(keys, where);
        expect_apart(keys, where);
        for (const auto& [name, r] : keys) {
            EXPECT_GE(r.min_y, 0) << where << ": " << name;
            EXPECT_LT(r.max_y, static_cast<int>(c.size.y)) << where << ": " << name;
        }

        OperatorPanel panel;
        auto view = full_view();
        view.notice = notice(Kind::exported, 0, "/media/usb0/pavilion-visitors-2027-03-04.csv");
        view.seconds_until_auto_leave = 9;
        const auto regions = scan(draw_frame(c.size, [&](Frame& f) { panel.draw(f, view, kDiagnostics); }), c.size);
        EXPECT_EQ(regions.count("leave operator mode"), 1u) << where;
        EXPECT_EQ(regions.count("install candidate 0"), 1u) << where;
        expect_touch_sized(regions, where, static_cast<int>(c.size.y) - 1);
        expect_apart(regions, where);
    }
}

TEST_F(OperatorScreensTest, PanelOffersOnlyWhatCanBeDone) {
    for (ImVec2 size : {kLandscape, kPortrait}) {
        OperatorPanel panel;
        auto view = full_view();
        view.previous = {};
        view.stick_present = false;
        view.candidates.clear();
        view.idle_timeout_s = view.idle_max_s;
        const auto regions = scan(draw_frame(size, [&](Frame& f) { panel.draw(f, view, kDiagnostics); }), size);
        EXPECT_EQ(regions.count("roll back"), 0u);
        EXPECT_EQ(regions.count("export statistics"), 0u);
        EXPECT_EQ(regions.count("install candidate 0"), 0u);
        EXPECT_EQ(regions.count("idle timeout +30 s"), 0u); // at the longest timeout already
        EXPECT_EQ(regions.count("idle timeout -30 s"), 1u);
        EXPECT_EQ(regions.count("default language zh"), 1u);
        EXPECT_EQ(regions.count("leave operator mode"), 1u);
        expect_apart(regions, name_of_size(size, false));
    }
}

// While the model still opens and re-verifies the installed packs, nothing can be rolled back
// (the pack blocks say "Checking the installed packs..."); candidates can still be installed.
// While the statistics are read, the visitors card says so and export stays on offer.
TEST_F(OperatorScreensTest, PacksAndStatisticsBeingReadOfferNoRollBack) {
    OperatorPanel panel;
    auto view = full_view();
    const auto ready = scan(draw_frame(kLandscape, [&](Frame& f) { panel.draw(f, view, kDiagnostics); }), kLandscape);
    view.packs_ready = false;
    view.stats.ready = false;
    const auto reading = scan(draw_frame(kLandscape, [&](Frame& f) { panel.draw(f, view, kDiagnostics); }), kLandscape);
    EXPECT_EQ(ready.count("roll back"), 1u);
    EXPECT_EQ(reading.count("roll back"), 0u);
    EXPECT_EQ(reading.count("install candidate 1"), 1u);
    EXPECT_EQ(reading.count("export statistics"), 1u);
    // One line, "Checking the installed packs...", takes the place of the two pack blocks.
    EXPECT_LT(reading.at("install candidate 0").min_y, ready.at("install candidate 0").min_y - touch_);
    expect_apart(reading, "reading");
}

TEST_F(OperatorScreensTest, AnEmptyPanelDrawsWithoutTargetsButLeaveAndSettings) {
    OperatorPanel panel;
    const model::OperatorView view;
    const auto regions = scan(draw_frame(kPortrait, [&](Frame& f) { panel.draw(f, view, Diagnostics{}); }), kPortrait);
    EXPECT_EQ(regions.count("leave operator mode"), 1u);
    EXPECT_EQ(regions.count("roll back"), 0u);
    EXPECT_EQ(regions.count("export statistics"), 0u);
    EXPECT_GT(drawn_vertices_, 0);
}

TEST_F(OperatorScreensTest, CardsScrollUnderAFixedHeader) {
    OperatorPanel panel;
    const auto view = full_view();
    const auto before = scan(draw_frame(kLandscape, [&](Frame& f) { panel.draw(f, view, kDiagnostics); }), kLandscape);
    // A finger drags the cards 150 px up.
    FrameInput input;
    const float x = kLandscape.x / 2, y = 700;
    auto drag = [&](core::Gesture::Kind kind, float dy, core::Millis time) {
        core::Gesture g;
        g.kind = kind;
        g.x = x;
        g.y = y + dy;
        g.dy = kind == core::Gesture::Kind::drag_begin ? dy : dy + 20;
        g.time = time;
        return g;
    };
    input.gestures = {drag(core::Gesture::Kind::drag_begin, -20, now_), drag(core::Gesture::Kind::drag, -150, now_ + 100)};
    const auto after =
        scan(draw_frame(kLandscape, [&](Frame& f) { panel.draw(f, view, kDiagnostics); }, false, input), kLandscape);
    EXPECT_EQ(after.at("leave operator mode").min_y, before.at("leave operator mode").min_y);
    EXPECT_NEAR(after.at("install candidate 0").min_y, before.at("install candidate 0").min_y - 150, 2);
}

// ---- the update banner ----

TEST_F(OperatorScreensTest, TheBannerDrawsEveryStateWithoutTargets) {
    using State = model::UpdateBanner::State;
    for (ImVec2 size : {kLandscape, kPortrait}) {
        for (State state : {State::copying, State::verifying, State::installed, State::failed}) {
            model::UpdateBanner banner;
            banner.state = state;
            banner.copied_bytes = 120'500'000;
            banner.total_bytes = 480'000'000;
            banner.seconds_left = 42;
            banner.pack_id = "expo-2027";
            banner.version = 4;
            banner.problem = core::ErrorCode::untrusted;
            banner.file_name = "expo-2027-v4-with-a-very-long-name-for-the-banner.pack";
            const auto targets = draw_frame(size, [&](Frame& f) { draw_update_banner(f, banner, UpdateBannerWords{}); });
            EXPECT_GT(drawn_vertices_, 0);
            EXPECT_TRUE(targets.all().empty());
        }
    }
}

TEST(UpdateBannerText, HeadingsInThePacksWordsElseEnglish) {
    using State = model::UpdateBanner::State;
    model::UpdateBanner banner;
    // The mini pack predates the words: English, in any language the visitor reads.
    const auto english = update_banner_words(ViewBuilder(pavilion::testing::mini_pack().catalog(), "zh"));
    const std::pair<State, const char*> in_english[] = {{State::copying, "Copying new content"},
                                                        {State::verifying, "Checking the new content"},
                                                        {State::installed, "New content installed"},
                                                        {State::failed, "Update failed"}};
    for (const auto& [state, heading] : in_english) {
        banner.state = state;
        EXPECT_EQ(update_banner_heading(banner, english), heading);
    }
    // The default pack has them in Chinese.
    const auto chinese = update_banner_words(ViewBuilder(pavilion::testing::default_pack().catalog(), "zh"));
    const std::pair<State, const char*> in_chinese[] = {{State::copying, "正在复制新内容"},
                                                        {State::verifying, "正在检查新内容"},
                                                        {State::installed, "新内容已安装"},
                                                        {State::failed, "更新失败"}};
    for (const auto& [state, heading] : in_chinese) {
        banner.state = state;
        EXPECT_EQ(update_banner_heading(banner, chinese), heading);
    }
    EXPECT_EQ(update_banner_words(ViewBuilder(pavilion::testing::default_pack().catalog(), "en")).copying,
              "Copying new content");
}

TEST(UpdateBannerText, TheOutcomeLine) {
    model::UpdateBanner banner;
    banner.pack_id = "expo-2027";
    banner.version = 4;
    banner.problem = core::ErrorCode::untrusted;
    banner.state = model::UpdateBanner::State::copying;
    EXPECT_EQ(update_banner_outcome(banner), "");
    banner.state = model::UpdateBanner::State::installed;
    EXPECT_EQ(update_banner_outcome(banner), "Now showing expo-2027, version 4");
    banner.state = model::UpdateBanner::State::failed;
    EXPECT_EQ(update_banner_outcome(banner), "It is not signed by a key this kiosk trusts.");
    // Every refusal has words of our own, none of them the stick's.
    for (int code = 0; code <= static_cast<int>(core::ErrorCode::floor_unknown); ++code)
        EXPECT_FALSE(update_banner_refusal(static_cast<core::ErrorCode>(code)).empty());
}

} // namespace
} // namespace pavilion::screens

namespace pavilion::screens {
namespace {

// A lost version floor puts an Attention card first, with the one way out; other warnings are
// words only. Without warnings there is no card at all (the other cards keep their places).
TEST_F(OperatorScreensTest, StoreWarningsShowAnAttentionCardWithAcceptForALostFloor) {
    OperatorPanel panel;
    auto view = full_view();
    const auto calm = scan(draw_frame(kPortrait, [&](Frame& f) { panel.draw(f, view, kDiagnostics); }), kPortrait);
    EXPECT_EQ(calm.count("accept rebuilt floor"), 0u);
    view.store_warnings = {{model::StoreWarning::Kind::pack_failed_check, "packs/x.pack: tampered"}};
    const auto checked = scan(draw_frame(kPortrait, [&](Frame& f) { panel.draw(f, view, kDiagnostics); }), kPortrait);
    EXPECT_EQ(checked.count("accept rebuilt floor"), 0u);
    EXPECT_GT(checked.at("roll back").min_y, calm.at("roll back").min_y); // the card came first (one column)
    view.store_warnings.push_back({model::StoreWarning::Kind::floor_unknown, "STATE/floor is damaged"});
    for (ImVec2 size : {kLandscape, kPortrait}) {
        const auto draw = [&](Frame& f) { return panel.draw(f, view, kDiagnostics); };
        const auto regions = scan(draw_frame(size, [&](Frame& f) { draw(f); }), size);
        ASSERT_EQ(regions.count("accept rebuilt floor"), 1u);
        EXPECT_EQ(tap(size, regions.at("accept rebuilt floor").centre(), draw),
                  std::vector<model::Intent>{model::AcceptRebuiltFloor{}});
        expect_apart(regions, "warnings");
    }
}

} // namespace
} // namespace pavilion::screens
