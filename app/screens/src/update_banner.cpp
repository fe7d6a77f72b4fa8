#include "pavilion/screens/update_banner.hpp"

#include "operator_drawing.hpp"
#include "pavilion/core/numbers.hpp"
#include "pavilion/screens/text_draw.hpp"
#include "pavilion/screens/view_builder.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace pavilion::screens {
namespace {

using namespace operator_drawing;
using State = model::UpdateBanner::State;

std::string megabytes(double mb, bool whole) { return format(whole ? "%.0f MB" : "%.1f MB", std::max(mb, 0.0)); }

double to_mb(std::uint64_t bytes) { return static_cast<double>(bytes) / 1e6; }

bool in_progress(const model::UpdateBanner& banner) {
    return banner.state == State::copying || banner.state == State::verifying;
}

// The card's measures: its width, where the text goes, its sizes of type.
struct BannerLayout {
    float width, pad, icon, text_x, text_w;
    float heading_size, body, small, bar_h;
};

BannerLayout banner_layout(const Frame& frame) {
    BannerLayout l{};
    l.width = std::min(frame.size.x - 2 * margin_of(frame), frame.dp(840));
    l.pad = frame.dp(24);
    l.icon = frame.dp(56);
    l.text_x = l.pad + l.icon + frame.dp(20);
    l.text_w = l.width - l.text_x - l.pad;
    l.heading_size = drawn_size(frame.fonts.heading) * 0.85f;
    l.body = body_size(frame);
    l.small = l.body * 0.8f;
    l.bar_h = frame.dp(10);
    return l;
}

// A soft shadow lifts the card off whatever screen is under it; the border says how it went.
void draw_card(Frame& frame, const model::UpdateBanner& banner, ImVec2 min, ImVec2 max) {
    const auto& p = frame.theme.palette;
    ImDrawList* d = frame.draw;
    const float radius = frame.dp(24);
    for (int i = 3; i >= 1; --i) {
        const float grow = frame.dp(6.0f * i);
        d->AddRectFilled(ImVec2(min.x - grow, min.y - grow + frame.dp(6)),
                         ImVec2(max.x + grow, max.y + grow + frame.dp(6)), IM_COL32(0, 0, 0, 28), radius + grow);
    }
    d->AddRectFilled(min, max, p.background_top, radius);
    d->AddRectFilled(min, max, p.surface, radius);
    const ImU32 tone = banner.state == State::failed      ? kErrorColor
                       : banner.state == State::installed ? p.accent
                                                          : p.outline;
    d->AddRect(min, max, tone, radius, 0, frame.dp(in_progress(banner) ? 2 : 3));
}

// An arrow into a tray, a turning ring, a tick or an exclamation mark.
void draw_icon(Frame& frame, State state, ImVec2 ic, float icon, float seconds) {
    const auto& p = frame.theme.palette;
    ImDrawList* d = frame.draw;
    const float stroke = frame.dp(4);
    switch (state) {
    case State::copying: {
        d->AddCircleFilled(ic, icon / 2, p.surface_pressed, 40);
        const float s = icon * 0.22f;
        d->AddLine(ImVec2(ic.x, ic.y - s * 1.2f), ImVec2(ic.x, ic.y + s * 0.5f), p.accent, stroke);
        const std::array<ImVec2, 3> head{ImVec2(ic.x - s * 0.7f, ic.y - s * 0.15f), ImVec2(ic.x, ic.y + s * 0.55f),
                                         ImVec2(ic.x + s * 0.7f, ic.y - s * 0.15f)};
        d->AddPolyline(head.data(), 3, p.accent, 0, stroke);
        const std::array<ImVec2, 4> tray{ImVec2(ic.x - s * 1.2f, ic.y + s * 0.5f), ImVec2(ic.x - s * 1.2f, ic.y + s * 1.2f),
                                         ImVec2(ic.x + s * 1.2f, ic.y + s * 1.2f), ImVec2(ic.x + s * 1.2f, ic.y + s * 0.5f)};
        d->AddPolyline(tray.data(), 4, p.text, 0, stroke);
        break;
    }
    case State::verifying: {
        d->AddCircle(ic, icon / 2 - stroke, p.surface_pressed, 40, stroke);
        const float start = seconds * 2 * core::pi_v<float> * 0.8f;
        d->PathArcTo(ic, icon / 2 - stroke, start, start + core::pi_v<float> * 0.6f, 20);
        d->PathStroke(p.accent, 0, stroke);
        break;
    }
    case State::installed:
        d->AddCircleFilled(ic, icon / 2, p.accent, 40);
        draw_check(d, ic, icon * 0.42f, p.on_accent, stroke * 1.2f);
        break;
    case State::failed:
        d->AddCircleFilled(ic, icon / 2, kErrorColor, 40);
        draw_exclamation(d, ic, icon * 0.45f, p.on_accent, stroke * 1.2f);
        break;
    }
}

// The track: filled in proportion while copying a known size, else a segment that sweeps.
void draw_track(Frame& frame, const model::UpdateBanner& banner, ImVec2 at, float width, float bar_h, float seconds) {
    const auto& p = frame.theme.palette;
    ImDrawList* d = frame.draw;
    const ImVec2 track_min = at, track_max(at.x + width, at.y + bar_h);
    d->AddRectFilled(track_min, track_max, p.surface_pressed, bar_h / 2);
    const double copied_mb = to_mb(banner.copied_bytes), total_mb = to_mb(banner.total_bytes);
    if (banner.state == State::copying && total_mb > 0) {
        const float share = static_cast<float>(std::clamp(copied_mb / total_mb, 0.0, 1.0));
        if (share > 0)
            d->AddRectFilled(track_min, ImVec2(at.x + std::max(bar_h, width * share), track_max.y), p.accent, bar_h / 2);
        return;
    }
    const float phase = std::fmod(seconds / 1.6f, 1.0f);
    const float seg = width * 0.3f;
    const float sx = at.x - seg + (width + seg) * phase;
    d->PushClipRect(track_min, track_max, true);
    d->AddRectFilled(ImVec2(sx, at.y), ImVec2(sx + seg, at.y + bar_h), p.accent, bar_h / 2);
    d->PopClipRect();
}

// "120.5 MB of 480 MB" and "about 42 s left" under the track.
void draw_amounts(const Canvas& c, const model::UpdateBanner& banner, float x, float y, float width, float size) {
    const auto& p = c.palette();
    const double copied_mb = to_mb(banner.copied_bytes), total_mb = to_mb(banner.total_bytes);
    const bool whole = total_mb >= 100;
    std::string amount;
    if (banner.state == State::verifying)
        amount = total_mb > 0 ? "Verifying " + megabytes(total_mb, whole) : "Verifying the signature";
    else if (total_mb > 0)
        amount = megabytes(copied_mb, whole) + " of " + megabytes(total_mb, whole);
    else
        amount = megabytes(copied_mb, copied_mb >= 100) + " copied";
    float amount_w = width;
    if (banner.seconds_left >= 0) {
        const int left_s = static_cast<int>(std::ceil(banner.seconds_left));
        const std::string left = left_s >= 90 ? "about " + std::to_string((left_s + 30) / 60) + " min left"
                                              : "about " + std::to_string(std::max(left_s, 1)) + " s left";
        amount_w -= c.line_right(c.frame.fonts.body, size, x + width, y, width / 2, p.text_muted, left) + c.dp(16);
    }
    c.line(c.frame.fonts.body, size, ImVec2(x, y), amount_w, p.text, amount);
}

} // namespace

UpdateBannerWords update_banner_words(const ViewBuilder& words) {
    const UpdateBannerWords english;
    return {words.text_or("update_copying", english.copying), words.text_or("update_checking", english.checking),
            words.text_or("update_installed", english.installed), words.text_or("update_failed", english.failed)};
}

const std::string& update_banner_heading(const model::UpdateBanner& banner, const UpdateBannerWords& words) {
    switch (banner.state) {
    case State::copying: return words.copying;
    case State::verifying: return words.checking;
    case State::installed: return words.installed;
    case State::failed: return words.failed;
    }
    return words.failed; // not reached: every state is handled above
}

std::string update_banner_refusal(core::ErrorCode problem) {
    using core::ErrorCode;
    switch (problem) {
    case ErrorCode::tampered: return "The pack or its signature was changed after signing.";
    case ErrorCode::untrusted: return "It is not signed by a key this kiosk trusts.";
    case ErrorCode::bad_signature: return "Its signature file is missing or damaged.";
    case ErrorCode::other_pack: return "It is another pack than the one shown here; an operator can install it.";
    case ErrorCode::not_newer: return "It is not newer than the pack shown here.";
    case ErrorCode::unsupported: return "It needs a newer version of Pavilion.";
    case ErrorCode::too_large: return "It is larger than this kiosk accepts.";
    case ErrorCode::no_space: return "There is not enough room on this kiosk.";
    case ErrorCode::io: return "The stick could not be read to the end. Was it pulled out?";
    case ErrorCode::floor_unknown: return "Installs wait for an operator: the record of installed versions is damaged.";
    case ErrorCode::cancelled: return "The install was stopped.";
    case ErrorCode::busy: return "Another install is running.";
    case ErrorCode::corrupt:
    case ErrorCode::not_a_pack:
    case ErrorCode::unsafe: return "The file is damaged or is not a Pavilion pack.";
    case ErrorCode::authoring:
    case ErrorCode::bad_key:
    case ErrorCode::invalid_argument:
    case ErrorCode::unavailable: break;
    }
    return "It could not be installed; the operator panel's log says why.";
}

std::string update_banner_outcome(const model::UpdateBanner& banner) {
    if (banner.state == State::installed)
        return "Now showing " + banner.pack_id + ", version " + std::to_string(banner.version);
    if (banner.state == State::failed) return update_banner_refusal(banner.problem);
    return {};
}

void draw_update_banner(Frame& frame, const model::UpdateBanner& banner, const UpdateBannerWords& words) {
    const auto& p = frame.theme.palette;
    const Canvas c{frame, true};
    const BannerLayout l = banner_layout(frame);
    const bool progress = in_progress(banner);
    const std::string outcome = update_banner_outcome(banner);
    std::vector<std::string> message;
    if (!progress && !outcome.empty()) message = wrap(frame, frame.fonts.body, l.body, outcome, l.text_w, 2);
    float height = l.pad + l.heading_size * 1.3f + (banner.file_name.empty() ? 0 : l.small * 1.4f);
    if (progress) height += frame.dp(14) + l.bar_h + frame.dp(10) + l.small * 1.4f;
    else if (!message.empty()) height += frame.dp(6) + static_cast<float>(message.size()) * l.body * 1.4f;
    height = std::max(height + l.pad, l.icon + 2 * l.pad);

    const float margin = margin_of(frame);
    const ImVec2 min((frame.size.x - l.width) / 2, frame.size.y - margin - height), max(min.x + l.width, min.y + height);
    draw_card(frame, banner, min, max);
    const float seconds = static_cast<float>(frame.now % 100000) / 1000.0f;
    draw_icon(frame, banner.state, ImVec2(min.x + l.pad + l.icon / 2, min.y + l.pad + l.icon / 2), l.icon, seconds);

    const float x = min.x + l.text_x;
    float y = min.y + l.pad;
    y += c.line(frame.fonts.heading, l.heading_size, ImVec2(x, y), l.text_w,
                banner.state == State::failed ? kErrorColor : p.text, update_banner_heading(banner, words), 1.3f);
    if (!banner.file_name.empty())
        y += c.line(frame.fonts.body, l.small, ImVec2(x, y), l.text_w, p.text_muted, banner.file_name);
    if (progress) {
        y += frame.dp(14);
        draw_track(frame, banner, ImVec2(x, y), l.text_w, l.bar_h, seconds);
        y += l.bar_h + frame.dp(10);
        draw_amounts(c, banner, x, y, l.text_w, l.small);
        return;
    }
    if (message.empty()) return;
    y += frame.dp(6);
    for (const auto& line : message) {
        c.text(frame.fonts.body, l.body, ImVec2(x, y), p.text, line);
        y += l.body * 1.4f;
    }
}

} // namespace pavilion::screens
