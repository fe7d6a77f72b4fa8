#include "pavilion/core/input_script.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>
#include <system_error>

namespace pavilion::core {

namespace {

using Words = std::vector<std::string_view>;

// What a line says once comments and a Windows line end are gone.
std::string_view content_of(std::string_view line) {
    const std::size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

Words split_words(std::string_view line) {
    Words words;
    std::size_t at = 0;
    while (at < line.size()) {
        while (at < line.size() && is_space(line[at])) ++at;
        const std::size_t begin = at;
        while (at < line.size() && !is_space(line[at])) ++at;
        if (at > begin) words.push_back(line.substr(begin, at - begin));
    }
    return words;
}

std::string quoted(std::string_view word) {
    return "'" + std::string(word) + "'";
}

// Numbers are parsed without the locale (a kiosk set to German must read "1.5" the same).
std::optional<float> parse_number(std::string_view word) {
    float value = 0;
    const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), value);
    if (ec != std::errc{} || end != word.data() + word.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// Appends the steps of one script, keeping the script clock and the pending settle gap.
class ScriptWriter {
public:
    explicit ScriptWriter(Millis start) : now_(start) {}

    void tap(float x, float y, int line) {
        settle();
        pointer(PointerEvent::Type::down, 0, x, y, now_, line);
        now_ += kScriptTapHoldMs;
        pointer(PointerEvent::Type::up, 0, x, y, now_, line);
        gap_pending_ = true;
    }

    void drag(float x1, float y1, float x2, float y2, Millis duration, int line) {
        settle();
        const Millis start = now_;
        pointer(PointerEvent::Type::down, 0, x1, y1, start, line);
        const Millis steps = step_count(duration);
        for (Millis i = 1; i <= steps; ++i) {
            // The last move lands exactly on the end point, free of interpolation rounding.
            const float f = static_cast<float>(i) / static_cast<float>(steps);
            const float x = i == steps ? x2 : x1 + (x2 - x1) * f;
            const float y = i == steps ? y2 : y1 + (y2 - y1) * f;
            pointer(PointerEvent::Type::move, 0, x, y, start + step_time(duration, i, steps), line);
        }
        now_ = start + duration;
        pointer(PointerEvent::Type::up, 0, x2, y2, now_, line);
        gap_pending_ = true;
    }

    void pinch(float cx, float cy, float scale, Millis duration, int line) {
        settle();
        const Millis start = now_;
        const float d = kScriptPinchHalfSpanPx;
        pointer(PointerEvent::Type::down, 0, cx - d, cy, start, line);
        pointer(PointerEvent::Type::down, 1, cx + d, cy, start, line);
        const Millis steps = step_count(duration);
        float half = d;
        for (Millis i = 1; i <= steps; ++i) {
            const float f = static_cast<float>(i) / static_cast<float>(steps);
            half = i == steps ? d * scale : d * (1 + (scale - 1) * f);
            const Millis at = start + step_time(duration, i, steps);
            pointer(PointerEvent::Type::move, 0, cx - half, cy, at, line);
            pointer(PointerEvent::Type::move, 1, cx + half, cy, at, line);
        }
        now_ = start + duration;
        pointer(PointerEvent::Type::up, 1, cx + half, cy, now_, line);
        pointer(PointerEvent::Type::up, 0, cx - half, cy, now_, line);
        gap_pending_ = true;
    }

    void wait(Millis duration, int line) {
        gap_pending_ = false; // an explicit wait replaces the settle gap
        ScriptStep step = step_at(ScriptStep::Kind::wait, line);
        step.wait_ms = duration;
        steps_.push_back(std::move(step));
        now_ += duration;
    }

    void screenshot(std::string_view name, int line) {
        settle();
        ScriptStep step = step_at(ScriptStep::Kind::screenshot, line);
        step.screenshot = std::string(name);
        steps_.push_back(std::move(step));
    }

    void key(std::string_view name, int line) {
        settle();
        ScriptStep step = step_at(ScriptStep::Kind::key, line);
        step.key = std::string(name);
        steps_.push_back(std::move(step));
    }

    Millis end_time() const { return now_ + (gap_pending_ ? kScriptSettleMs : 0); }
    std::vector<ScriptStep> take_steps() { return std::move(steps_); }

private:
    // About one move per 60 Hz frame, and at least one so even "drag ... 0" reaches the end.
    static Millis step_count(Millis duration) {
        return std::max<Millis>(1, (duration + kScriptMoveStepMs - 1) / kScriptMoveStepMs);
    }

    // Whole milliseconds, rounded, so the last step is exactly the duration.
    static Millis step_time(Millis duration, Millis i, Millis steps) {
        return (duration * i + steps / 2) / steps;
    }

    void settle() {
        if (gap_pending_) now_ += kScriptSettleMs;
        gap_pending_ = false;
    }

    ScriptStep step_at(ScriptStep::Kind kind, int line) const {
        ScriptStep step;
        step.kind = kind;
        step.at = now_;
        step.line = line;
        return step;
    }

    void pointer(PointerEvent::Type type, int id, float x, float y, Millis at, int line) {
        ScriptStep step;
        step.kind = ScriptStep::Kind::pointer;
        step.event.type = type;
        step.event.id = id;
        step.event.x = x;
        step.event.y = y;
        step.event.time = at;
        step.at = at;
        step.line = line;
        steps_.push_back(std::move(step));
    }

    std::vector<ScriptStep> steps_;
    Millis now_;
    bool gap_pending_ = false;
};

// Reads one command's arguments; the first problem becomes the error, in the author's terms.
class ArgumentReader {
public:
    ArgumentReader(const Words& words, std::string_view usage)
        : words_(words), usage_(usage) {}

    // The command's argument count is right; otherwise the usage becomes the error.
    bool expect(std::size_t count) {
        if (words_.size() == count + 1) return true;
        fail(std::string(usage_));
        return false;
    }

    float number(std::size_t index, std::string_view name) {
        const std::optional<float> value = parse_number(words_[index]);
        if (!value) fail(command() + ": " + std::string(name) + " must be a number, got " +
                         quoted(words_[index]));
        return value.value_or(0.0f);
    }

    float positive(std::size_t index, std::string_view name) {
        const std::optional<float> value = parse_number(words_[index]);
        if (!value || *value <= 0)
            fail(command() + ": " + std::string(name) + " must be a positive number, got " +
                 quoted(words_[index]));
        return value.value_or(1.0f);
    }

    Millis duration(std::size_t index) {
        const std::string_view word = words_[index];
        long long value = 0;
        const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), value);
        if (ec == std::errc{} && end == word.data() + word.size() && value < 0) {
            fail(command() + ": MS must not be negative, got " + quoted(word));
        } else if (ec == std::errc::result_out_of_range ||
                   (ec == std::errc{} && end == word.data() + word.size() &&
                    value > kScriptMaxDurationMs)) {
            fail(command() + ": MS must be at most " + std::to_string(kScriptMaxDurationMs) +
                 ", got " + quoted(word));
        } else if (ec != std::errc{} || end != word.data() + word.size()) {
            fail(command() + ": MS must be a whole number of milliseconds, got " + quoted(word));
        } else {
            return static_cast<Millis>(value);
        }
        return 0;
    }

    std::string_view word(std::size_t index) const { return words_[index]; }
    bool failed() const { return problem_.has_value(); }
    // The first problem, without the file and line (parse_input_script adds them).
    Status status() const {
        if (problem_) return make_error(ErrorCode::invalid_argument, *problem_);
        return ok();
    }

private:
    std::string command() const { return std::string(words_.front()); }
    void fail(std::string message) {
        if (!problem_) problem_ = std::move(message);
    }

    const Words& words_;
    std::string_view usage_;
    std::optional<std::string> problem_;
};

Error mistake(std::string message) {
    return make_error(ErrorCode::invalid_argument, std::move(message));
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Runs one command into the writer; an error says what is wrong with the line.
Status run_command(const Words& words, int line, ScriptWriter& writer) {
    const std::string_view name = words.front();
    if (name == "tap") {
        ArgumentReader args(words, "tap needs X Y");
        if (!args.expect(2)) return args.status();
        const float x = args.number(1, "X"), y = args.number(2, "Y");
        if (!args.failed()) writer.tap(x, y, line);
        return args.status();
    }
    if (name == "drag") {
        ArgumentReader args(words, "drag needs X1 Y1 X2 Y2 MS");
        if (!args.expect(5)) return args.status();
        const float x1 = args.number(1, "X1"), y1 = args.number(2, "Y1");
        const float x2 = args.number(3, "X2"), y2 = args.number(4, "Y2");
        const Millis ms = args.duration(5);
        if (!args.failed()) writer.drag(x1, y1, x2, y2, ms, line);
        return args.status();
    }
    if (name == "pinch") {
        ArgumentReader args(words, "pinch needs CX CY SCALE MS");
        if (!args.expect(4)) return args.status();
        const float cx = args.number(1, "CX"), cy = args.number(2, "CY");
        const float scale = args.positive(3, "SCALE");
        const Millis ms = args.duration(4);
        if (!args.failed()) writer.pinch(cx, cy, scale, ms, line);
        return args.status();
    }
    if (name == "wait") {
        ArgumentReader args(words, "wait needs MS");
        if (!args.expect(1)) return args.status();
        const Millis ms = args.duration(1);
        if (!args.failed()) writer.wait(ms, line);
        return args.status();
    }
    if (name == "shot") {
        ArgumentReader args(words, "shot needs NAME.png");
        if (!args.expect(1)) return args.status();
        if (!ends_with(args.word(1), ".png") || args.word(1).size() == 4)
            return mistake("shot: the name must end in .png, got " + quoted(args.word(1)));
        writer.screenshot(args.word(1), line);
        return ok();
    }
    if (name == "key") {
        ArgumentReader args(words, "key needs NAME");
        if (!args.expect(1)) return args.status();
        writer.key(args.word(1), line);
        return ok();
    }
    return mistake("unknown command " + quoted(name) +
                   " (expected tap, drag, pinch, wait, shot or key)");
}

} // namespace

Expected<InputScript> parse_input_script(std::string_view text, const std::string& file_name,
                                         Millis start) {
    ScriptWriter writer(start);
    int line_number = 0;
    std::size_t at = 0;
    while (at <= text.size()) {
        const std::size_t newline = std::min(text.find('\n', at), text.size());
        const std::string_view raw = text.substr(at, newline - at);
        at = newline + 1;
        ++line_number;

        const Words words = split_words(content_of(raw));
        if (words.empty()) continue;
        if (Status ran = run_command(words, line_number, writer); !ran) {
            return mistake(file_name + ":" + std::to_string(line_number) + ": " +
                           ran.error().message);
        }
    }
    InputScript script;
    script.end_time = writer.end_time();
    script.steps = writer.take_steps();
    return script;
}

} // namespace pavilion::core
