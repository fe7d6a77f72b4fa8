#include "operator_cards.hpp"

#include "pavilion/screens/text_draw.hpp"
#include "pavilion/screens/widgets.hpp"
#include "pavilion/text/number_format.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace pavilion::screens::operator_cards {
namespace {

// Staff read the panel in English: its counts are grouped as English groups them.
const text::NumberStyle kStaffNumbers{"en", ""};

using namespace operator_drawing;

constexpr std::size_t kLogLinesShown = 12;
constexpr std::size_t kTopItemsShown = 5;
constexpr std::size_t kLanguagesShown = 6;

// Sizes shared by the cards.
struct Type {
    float title; // card titles, heading face
    float body;  // values
    float label; // section labels, bold
    float small; // details, muted
    float pad;   // inside a card
    float row;   // the card's title row: room for a touch-sized button
};

Type type_of(const Frame& frame) {
    const float body = body_size(frame);
    return {drawn_size(frame.fonts.heading) * 0.9f, value_size(frame), body * 0.78f, body * 0.8f,
            frame.dp(frame.theme.metrics.padding), frame.theme.touch()};
}

// The title row of a card, as tall as a button when one sits beside the title; returns the y
// below it.
float card_title(const Canvas& c, const Type& t, ImVec2 pos, float width, std::string_view title,
                 bool with_button = false) {
    const Font font = c.frame.fonts.heading;
    const float row = with_button ? t.row : t.title * 1.3f;
    c.line(font, t.title, ImVec2(pos.x, pos.y + (row - t.title) / 2), width, c.palette().text, title);
    return pos.y + row + c.dp(with_button ? 12 : 18);
}

// A small bold label over a section, in the accent.
float section_label(const Canvas& c, const Type& t, ImVec2 pos, float width, std::string_view label) {
    return c.line(c.frame.fonts.body_bold, t.label, pos, width, c.palette().accent, label, 1.5f);
}

float divider(const Canvas& c, float x, float y, float width) {
    const float space = c.dp(18);
    if (c.live) c.draw()->AddLine(ImVec2(x, y + space), ImVec2(x + width, y + space), c.palette().outline, c.dp(1));
    return space * 2;
}

// A line in the muted colour (an empty list, a state being read).
float muted_line(const Canvas& c, const Type& t, ImVec2 pos, float width, std::string_view text) {
    return c.line(c.frame.fonts.body, t.body, pos, width, c.palette().text_muted, text);
}

std::string duration(int seconds) {
    if (seconds < 120) return std::to_string(seconds) + " s";
    const int minutes = seconds / 60, rest = seconds % 60;
    return std::to_string(minutes) + " min" + (rest ? " " + std::to_string(rest) + " s" : "");
}

// ---- Content ----

std::string signature_text(const model::PackSignature& signature) {
    using State = model::PackSignature::State;
    switch (signature.state) {
    case State::checking: return "Checking the signature...";
    case State::built_in: return "Built-in key";
    case State::verified: return "Key " + signature.key_id;
    case State::not_verified: return "NOT VERIFIED: " + signature.problem;
    }
    return {};
}

// Title, version, date, id and signature of a pack; returns the height used.
float pack_block(const Canvas& c, const Type& t, const model::OperatorPackInfo& info, ImVec2 pos, float width,
                 std::string_view label, std::string_view absent) {
    const auto& p = c.palette();
    float y = pos.y + section_label(c, t, pos, width, label);
    if (!info.present) return y + muted_line(c, t, ImVec2(pos.x, y), width, absent) - pos.y;
    const std::string title = !info.problem.empty() ? "(cannot be opened: " + info.problem + ")"
                              : info.title.empty()  ? info.id
                                                    : info.title;
    y += c.line(c.frame.fonts.body_bold, t.body, ImVec2(pos.x, y), width, p.text, title);
    std::string meta = "Version " + std::to_string(info.version);
    if (!info.created.empty()) meta += "    Created " + info.created;
    y += c.line(c.frame.fonts.body, t.small, ImVec2(pos.x, y), width, p.text_muted, meta);
    const std::string origin = (info.id.empty() ? "" : "ID " + info.id + "    ") + signature_text(info.signature);
    const bool unverified = info.signature.state == model::PackSignature::State::not_verified;
    y += c.line(c.frame.fonts.body, t.small, ImVec2(pos.x, y), width, unverified ? kErrorColor : p.text_muted, origin);
    return y - pos.y;
}

// The pack shown and the one before it, with Roll back beside the latter; returns the new y.
float installed_packs(const Canvas& c, const Type& t, const model::OperatorView& view, float x, float y, float inner) {
    y += pack_block(c, t, view.current, ImVec2(x, y), inner, "NOW SHOWING", "No pack installed");
    y += divider(c, x, y, inner);
    const float back_w = button_width(c.frame, "Roll back", t.row, c.dp(170));
    const float text_w = view.previous.present ? inner - back_w - c.dp(20) : inner;
    const float block = pack_block(c, t, view.previous, ImVec2(x, y), text_w, "PREVIOUS",
                                   "None yet: roll back is possible after the next install");
    if (!view.previous.present) return y + block;
    const float button_y = y + std::max(0.0f, (block - t.row) / 2);
    button(c, rect_at(x + inner - back_w, button_y, back_w, t.row), "Roll back", ButtonLook::secondary, true,
           model::RollBack{});
    return y + std::max(block, t.row);
}

std::string where_found(const model::OperatorCandidate& candidate) {
    const char* source = candidate.source == model::OperatorCandidate::Source::stick ? "stick" : "inbox";
    return candidate.location.empty() ? source : source + (" " + candidate.location);
}

// Packs on sticks and in inboxes, each with Install; returns the new y.
float candidates(const Canvas& c, const Type& t, const model::OperatorView& view, float x, float y, float inner) {
    const auto& p = c.palette();
    y += section_label(c, t, ImVec2(x, y), inner, "FOUND ON STICKS AND IN INBOXES");
    if (view.candidates.empty()) y += muted_line(c, t, ImVec2(x, y), inner, "No packs found: insert a USB stick");
    const float install_w = button_width(c.frame, "Install", t.row, c.dp(150));
    const float name_w = inner - install_w - c.dp(20);
    const float row_h = std::max(t.row, t.body * 1.4f + t.small * 1.4f);
    for (std::size_t i = 0; i < view.candidates.size(); ++i) {
        const auto& candidate = view.candidates[i];
        const float ty = y + (row_h - (t.body * 1.4f + t.small * 1.4f)) / 2;
        c.line(c.frame.fonts.body_bold, t.body, ImVec2(x, ty), name_w, p.text, candidate.file_name);
        c.line(c.frame.fonts.body, t.small, ImVec2(x, ty + t.body * 1.4f), name_w, p.text_muted, where_found(candidate));
        button(c, rect_at(x + inner - install_w, y + (row_h - t.row) / 2, install_w, t.row), "Install",
               ButtonLook::secondary, true, model::InstallCandidate{i});
        y += row_h + (i + 1 < view.candidates.size() ? c.dp(12) : 0);
    }
    return y;
}

// ---- Settings ----

// A round button with a drawn minus or plus.
void step_button(const Canvas& c, Rect r, bool plus, bool enabled) {
    const model::Intent intent = model::AdjustIdleTimeout{plus ? 30 : -30};
    const ImU32 ink = button_body(c, r, ButtonLook::secondary, enabled, intent, r.height() / 2);
    if (!c.live) return;
    const ImVec2 m = r.centre();
    const float s = r.height() * 0.2f, stroke = c.dp(3.5f);
    c.draw()->AddLine(ImVec2(m.x - s, m.y), ImVec2(m.x + s, m.y), ink, stroke);
    if (plus) c.draw()->AddLine(ImVec2(m.x, m.y - s), ImVec2(m.x, m.y + s), ink, stroke);
}

// Idle timeout: [-] 90 s [+] on the right, what it means on the left; returns the new y.
float idle_timeout(const Canvas& c, const Type& t, const model::OperatorView& view, float x, float y, float inner) {
    y += section_label(c, t, ImVec2(x, y), inner, "IDLE TIMEOUT");
    const Font heading = c.frame.fonts.heading;
    const float value_size = drawn_size(heading) * 0.85f;
    const float value_w = std::max(c.dp(150), measure(c.frame, heading, value_size, "10 min 30 s") + c.dp(16));
    const float controls_w = 2 * t.row + value_w;
    const float hint_w = inner - controls_w - c.dp(20);
    const char* hint = "Back to the start after this long without a touch";
    const float hint_h = text_height(c.frame, c.frame.fonts.body, t.small, hint, hint_w, 2, 1.35f);
    const float row_h = std::max(t.row, hint_h);
    c.wrapped(c.frame.fonts.body, t.small, ImVec2(x, y + (row_h - hint_h) / 2), hint_w, c.palette().text_muted, hint,
              2, 1.35f);
    const float cx = x + inner - controls_w;
    const float by = y + (row_h - t.row) / 2;
    step_button(c, rect_at(cx, by, t.row, t.row), false, view.idle_timeout_s > view.idle_min_s);
    c.centred(heading, value_size, ImVec2(cx + t.row + value_w / 2, by + t.row / 2), value_w, c.palette().text,
              duration(view.idle_timeout_s));
    step_button(c, rect_at(cx + t.row + value_w, by, t.row, t.row), true, view.idle_timeout_s < view.idle_max_s);
    return y + (row_h + c.dp(24));
}

// The language a new visitor starts in: one pill per language, the default filled; returns the
// new y.
float default_language(const Canvas& c, const Type& t, const model::OperatorView& view, float x, float y,
                       float inner) {
    y += section_label(c, t, ImVec2(x, y), inner, "DEFAULT LANGUAGE");
    if (view.locales.empty()) y += muted_line(c, t, ImVec2(x, y), inner, "The pack lists no languages");
    const float gap = c.dp(12);
    float px = x;
    for (const auto& [code, name] : view.locales) {
        const std::string& label = name.empty() ? code : name;
        const float w = std::min(pill_width(c.frame, t.row, label), inner);
        if (px + w > x + inner && px > x) { // wrap onto a new row
            px = x;
            y += t.row + gap;
        }
        if (c.live)
            draw_pill(c.frame, ImVec2(px, y), t.row, label,
                      code == view.default_locale ? PillStyle::filled : PillStyle::outlined,
                      model::Intent{model::SetDefaultLanguage{code}});
        px += w + gap;
    }
    if (!view.locales.empty()) y += t.row;
    return y;
}

// ---- Visitors ----

// Rows of a name, a count and a bar in proportion to the largest count.
float count_rows(const Canvas& c, const Type& t, const std::vector<std::pair<std::string, int>>& rows,
                 std::size_t limit, ImVec2 pos, float width, std::string_view empty,
                 const std::vector<std::pair<std::string, std::string>>* names = nullptr) {
    const auto& p = c.palette();
    if (rows.empty()) return muted_line(c, t, pos, width, empty);
    int largest = 1;
    for (const auto& row : rows) largest = std::max(largest, row.second);
    const float line_h = t.body * 1.35f, bar_h = c.dp(4), row_h = line_h + bar_h + c.dp(10);
    float y = pos.y;
    for (std::size_t i = 0; i < rows.size() && i < limit; ++i) {
        std::string label = rows[i].first;
        if (names) {
            for (const auto& [code, name] : *names)
                if (code == label && !name.empty()) label = name + " (" + code + ")";
        }
        const std::string count = text::format_number(rows[i].second, 0, kStaffNumbers);
        const float count_w = c.line_right(c.frame.fonts.body_bold, t.body, pos.x + width, y, width / 3, p.text, count);
        c.line(c.frame.fonts.body, t.body, ImVec2(pos.x, y), width - count_w - c.dp(16), p.text, label, 1.35f);
        if (c.live) {
            const float share = std::clamp(static_cast<float>(rows[i].second) / largest, 0.0f, 1.0f);
            const ImVec2 bar(pos.x, y + line_h);
            c.draw()->AddRectFilled(bar, ImVec2(pos.x + width, bar.y + bar_h), p.surface, bar_h / 2);
            if (share > 0)
                c.draw()->AddRectFilled(bar, ImVec2(pos.x + std::max(bar_h, width * share), bar.y + bar_h),
                                        p.accent_soft, bar_h / 2);
        }
        y += row_h;
    }
    return y - pos.y - c.dp(10); // no gap after the last row
}

// Export beside the title (the statistics as CSV onto the stick), or why it is not there;
// returns the width left for the title.
float export_button(const Canvas& c, const Type& t, const model::OperatorView& view, float x, float y, float inner) {
    const float export_w = button_width(c.frame, "Export CSV", t.row, c.dp(180));
    if (view.stick_present) {
        button(c, rect_at(x + inner - export_w, y, export_w, t.row), "Export CSV", ButtonLook::secondary, true,
               model::ExportStatistics{});
        return inner - (export_w + c.dp(16));
    }
    const float w = c.line_right(c.frame.fonts.body, t.small, x + inner, y + (t.row - t.small) / 2, inner * 0.6f,
                                 c.palette().text_muted, "Insert a USB stick to export");
    return inner - (w + c.dp(16));
}

// Sessions today and this week, large; returns the new y.
float session_tiles(const Canvas& c, const Type& t, const model::VisitorNumbers& stats, float x, float y,
                    float inner) {
    const auto& p = c.palette();
    const Font display = c.frame.fonts.display;
    const float number = std::min(drawn_size(display) * 0.8f, c.dp(56));
    const float gap = c.dp(16);
    const float tile_w = (inner - gap) / 2, tile_h = c.dp(20) + number * 1.15f + t.small * 1.4f + c.dp(16);
    const std::pair<int, const char*> tiles[] = {{stats.sessions_today, "Sessions today"},
                                                 {stats.sessions_week, "Sessions, last 7 days"}};
    for (int i = 0; i < 2; ++i) {
        const Rect r = rect_at(x + i * (tile_w + gap), y, tile_w, tile_h);
        if (c.live) c.draw()->AddRectFilled(r.min, r.max, p.surface, c.dp(14));
        const float tx = r.min.x + c.dp(20);
        c.line(display, number, ImVec2(tx, r.min.y + c.dp(20)), tile_w - c.dp(40), p.accent,
               text::format_number(tiles[i].first, 0, kStaffNumbers));
        c.line(c.frame.fonts.body, t.small, ImVec2(tx, r.min.y + c.dp(20) + number * 1.15f), tile_w - c.dp(40),
               p.text_muted, tiles[i].second);
    }
    return y + (tile_h + c.dp(24));
}

} // namespace

float value_size(const Frame& frame) { return body_size(frame) * 0.92f; }

namespace {

std::string warning_text(const model::StoreWarning& warning) {
    using Kind = model::StoreWarning::Kind;
    switch (warning.kind) {
    case Kind::floor_unknown:
        // The cause, with its path, is in the log below; here, what it means and the way out.
        return "Pack installs are stopped: the record of the versions installed here is damaged or "
               "missing. Accept a record rebuilt from the packs on this kiosk to go on.";
    case Kind::pack_failed_check:
        return "The installed pack did not match its signature at start: " + warning.detail;
    case Kind::rolled_back_at_start: return "Showing the previous pack instead: " + warning.detail;
    case Kind::built_in_at_start: return "No installed pack passed its check: showing the built-in pack.";
    }
    return warning.detail;
}

} // namespace

float attention_card(const Canvas& c, const PanelInput& in, ImVec2 pos, float width) {
    const auto& warnings = in.view.store_warnings;
    if (warnings.empty()) return 0; // no card at all
    const Type t = type_of(c.frame);
    const float x = pos.x + t.pad, inner = width - 2 * t.pad;
    const bool floor_lost = std::any_of(warnings.begin(), warnings.end(), [](const model::StoreWarning& w) {
        return w.kind == model::StoreWarning::Kind::floor_unknown;
    });
    const std::string accept = "Accept rebuilt record";
    const float accept_w = floor_lost ? button_width(c.frame, accept, t.row) : 0;
    if (floor_lost)
        button(c, rect_at(x + inner - accept_w, pos.y + t.pad, accept_w, t.row), accept, ButtonLook::primary, true,
               model::AcceptRebuiltFloor{});
    float y = card_title(c, t, ImVec2(x, pos.y + t.pad), inner - accept_w, "Attention", floor_lost);
    for (const auto& warning : warnings)
        y += c.wrapped(c.frame.fonts.body, t.small, ImVec2(x, y), inner, kErrorColor, warning_text(warning), 4) + c.dp(8);
    return y + t.pad - pos.y;
}

float content_card(const Canvas& c, const PanelInput& in, ImVec2 pos, float width) {
    const Type t = type_of(c.frame);
    const float x = pos.x + t.pad, inner = width - 2 * t.pad;
    float y = card_title(c, t, ImVec2(x, pos.y + t.pad), inner, "Content");
    if (in.view.packs_ready) y = installed_packs(c, t, in.view, x, y, inner);
    else y += muted_line(c, t, ImVec2(x, y), inner, "Checking the installed packs...");
    y += divider(c, x, y, inner);
    y = candidates(c, t, in.view, x, y, inner);
    return y + t.pad - pos.y;
}

float settings_card(const Canvas& c, const PanelInput& in, ImVec2 pos, float width) {
    const Type t = type_of(c.frame);
    const float x = pos.x + t.pad, inner = width - 2 * t.pad;
    float y = card_title(c, t, ImVec2(x, pos.y + t.pad), inner, "Settings");
    y = idle_timeout(c, t, in.view, x, y, inner);
    y = default_language(c, t, in.view, x, y, inner);
    return y + t.pad - pos.y;
}

float visitors_card(const Canvas& c, const PanelInput& in, ImVec2 pos, float width) {
    const Type t = type_of(c.frame);
    const float x = pos.x + t.pad, inner = width - 2 * t.pad;
    const float title_y = pos.y + t.pad;
    const float title_w = export_button(c, t, in.view, x, title_y, inner);
    float y = card_title(c, t, ImVec2(x, title_y), title_w, "Visitors", true);
    const auto& stats = in.view.stats;
    if (!stats.ready) return y + muted_line(c, t, ImVec2(x, y), inner, "Reading the statistics...") + t.pad - pos.y;
    y = session_tiles(c, t, stats, x, y, inner);
    y += section_label(c, t, ImVec2(x, y), inner, "MOST OPENED, LAST 7 DAYS");
    y += count_rows(c, t, stats.top_items, kTopItemsShown, ImVec2(x, y), inner, "Nothing opened yet");
    y += c.dp(20);
    y += section_label(c, t, ImVec2(x, y), inner, "LANGUAGES, LAST 7 DAYS");
    y += count_rows(c, t, stats.languages, kLanguagesShown, ImVec2(x, y), inner, "No sessions yet", &in.view.locales);
    return y + t.pad - pos.y;
}

float diagnostics_card(const Canvas& c, const PanelInput& in, ImVec2 pos, float width) {
    const auto& p = c.palette();
    const Type t = type_of(c.frame);
    const float x = pos.x + t.pad, inner = width - 2 * t.pad;
    float y = card_title(c, t, ImVec2(x, pos.y + t.pad), inner, "Diagnostics");
    const auto& d = in.diagnostics;
    const std::string fps = format(d.fps >= 10 ? "%.0f fps" : "%.1f fps", d.fps);
    const std::string frames =
        format("%.1f ms median, ", d.frame_p50_ms) + format("%.1f ms slowest 1%%", d.frame_p99_ms);
    const std::string memory = format("%.0f MB in use, ", d.rss_mb) + format("%.0f MB of pictures", d.textures_mb);
    const std::string texture = d.max_texture > 0 ? std::to_string(d.max_texture) + " px" : "unknown";
    const std::pair<const char*, std::string> rows[] = {
        {"Frame rate", fps},
        {"Frame time", frames},
        {"Memory", memory},
        {"Graphics", d.gl_renderer.empty() ? "unknown" : d.gl_renderer},
        {"Max texture", texture},
        {"Version", d.version.empty() ? "unknown" : d.version},
    };
    const float key_w = std::min(inner * 0.34f, c.dp(190));
    for (const auto& [key, value] : rows) {
        c.line(c.frame.fonts.body, t.small, ImVec2(x, y + (t.body - t.small) * 0.7f), key_w - c.dp(12), p.text_muted,
               key);
        y += c.line(c.frame.fonts.body, t.body, ImVec2(x + key_w, y), inner - key_w, p.text, value, 1.45f);
    }
    return y + t.pad - pos.y;
}

float log_card(const Canvas& c, const PanelInput& in, ImVec2 pos, float width) {
    const auto& p = c.palette();
    const auto& lines = in.view.log_lines;
    const Type t = type_of(c.frame);
    const float x = pos.x + t.pad, inner = width - 2 * t.pad;
    c.line_right(c.frame.fonts.body, t.small, x + inner, pos.y + t.pad + (t.title * 1.3f - t.small) / 2, inner / 2,
                 p.text_muted, "Newest last");
    const float y = card_title(c, t, ImVec2(x, pos.y + t.pad), inner * 0.5f, "Recent log");
    // The lines on a darker well, each cut to one line.
    const float size = t.small * 0.95f, line_h = size * 1.4f, well_pad = c.dp(16);
    const std::size_t shown = std::min(lines.size(), kLogLinesShown);
    const float well_h = well_pad * 2 + line_h * static_cast<float>(std::max<std::size_t>(shown, 1));
    if (c.live) c.draw()->AddRectFilled(ImVec2(x, y), ImVec2(x + inner, y + well_h), with_alpha(p.scrim, 0.45f), c.dp(12));
    float ly = y + well_pad;
    if (shown == 0)
        c.line(c.frame.fonts.body, size, ImVec2(x + well_pad, ly), inner - 2 * well_pad, p.text_muted,
               "Nothing logged yet");
    for (std::size_t i = lines.size() - shown; i < lines.size(); ++i) {
        const bool newest = i + 1 == lines.size();
        ly += c.line(c.frame.fonts.body, size, ImVec2(x + well_pad, ly), inner - 2 * well_pad,
                     newest ? p.text : p.text_muted, lines[i]);
    }
    return y + well_h + t.pad - pos.y;
}

} // namespace pavilion::screens::operator_cards
