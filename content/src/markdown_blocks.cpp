#include "markdown_blocks.hpp"

#include <md4c.h>

#include <algorithm>

namespace pavilion::content {
namespace {

bool is_cjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x3000 && c <= 0x303F);
}

// The code point that ends (or starts) a UTF-8 string; 0 when empty.
char32_t last_code_point(const std::string& text) {
    if (text.empty()) return 0;
    std::size_t start = text.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data() + start);
    const std::size_t n = text.size() - start;
    if (n == 1) return p[0];
    if (n == 2) return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    if (n == 3) return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    return ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

char32_t first_code_point(const char* text, std::size_t size) {
    if (size == 0) return 0;
    const auto* p = reinterpret_cast<const unsigned char*>(text);
    if (p[0] < 0x80) return p[0];
    if ((p[0] & 0xE0) == 0xC0 && size >= 2) return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    if ((p[0] & 0xF0) == 0xE0 && size >= 3)
        return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    return 0x10000; // outside the CJK test either way
}

std::string decode_entity(const std::string& entity) {
    if (entity == "&amp;") return "&";
    if (entity == "&lt;") return "<";
    if (entity == "&gt;") return ">";
    if (entity == "&quot;") return "\"";
    if (entity == "&nbsp;") return "\xC2\xA0";
    return entity; // shown as written rather than guessed
}

class BlockCollector {
public:
    BlockCollector(const std::string& source, std::string file, int first_line, Diagnostics& d)
        : source_(source), file_(std::move(file)), first_line_(first_line), diagnostics_(d) {}

    std::vector<Block> take() { return std::move(blocks_); }

    int enter_block(MD_BLOCKTYPE type, void* detail) {
        switch (type) {
        case MD_BLOCK_DOC: return 0;
        case MD_BLOCK_QUOTE: ++quote_depth_; return 0;
        case MD_BLOCK_UL: ++list_depth_; return 0;
        case MD_BLOCK_LI: start(BlockKind::bullet, 0); return 0;
        case MD_BLOCK_H: {
            const int level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
            if (level > 3) unsupported("headings deeper than ### ");
            start(BlockKind::heading, std::min(level, 3));
            return 0;
        }
        case MD_BLOCK_P:
            // Inside a list item a further paragraph continues the bullet, after a space.
            if (!open_) start(quote_depth_ > 0 ? BlockKind::quote : BlockKind::paragraph, 0);
            else if (!open_->text.empty()) pending_break_ = true;
            return 0;
        case MD_BLOCK_OL: unsupported("numbered lists"); return 0;
        case MD_BLOCK_HR: // has no text to report at, so find its line in the source
            diagnostics_.error(file_, line_of_rule(), "horizontal rules are not supported");
            return 0;
        case MD_BLOCK_CODE: unsupported("code blocks"); return 0;
        case MD_BLOCK_HTML: unsupported("HTML"); return 0;
        default: unsupported("tables"); return 0;
        }
    }

    int leave_block(MD_BLOCKTYPE type) {
        switch (type) {
        case MD_BLOCK_QUOTE: --quote_depth_; break;
        case MD_BLOCK_UL: --list_depth_; break;
        case MD_BLOCK_LI:
        case MD_BLOCK_H: finish(); break;
        case MD_BLOCK_P:
            if (!open_ || open_->kind != BlockKind::bullet) finish();
            break;
        default: break;
        }
        return 0;
    }

    int enter_span(MD_SPANTYPE type) {
        if (type == MD_SPAN_EM || type == MD_SPAN_STRONG) {
            span_starts_.push_back(open_ ? open_->text.size() : 0);
            return 0;
        }
        unsupported(type == MD_SPAN_A     ? "links"
                    : type == MD_SPAN_IMG ? "images"
                    : type == MD_SPAN_CODE ? "inline code"
                                           : "this inline markup");
        return 0;
    }

    int leave_span(MD_SPANTYPE type) {
        if ((type != MD_SPAN_EM && type != MD_SPAN_STRONG) || span_starts_.empty()) return 0;
        const auto begin = span_starts_.back();
        span_starts_.pop_back();
        if (open_ && open_->text.size() > begin) {
            open_->spans.push_back({static_cast<std::uint32_t>(begin),
                                    static_cast<std::uint32_t>(open_->text.size()),
                                    type == MD_SPAN_STRONG ? SpanStyle::strong : SpanStyle::emphasis});
        }
        return 0;
    }

    int text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size) {
        last_line_ = line_at(data);
        if (inside(data)) last_text_end_ = static_cast<std::size_t>(data - source_.data()) + size;
        if (open_ && open_->text.empty()) block_line_ = last_line_;
        report_pending();
        if (!open_) return 0;
        switch (type) {
        case MD_TEXT_SOFTBR:
        case MD_TEXT_BR: pending_break_ = true; return 0;
        case MD_TEXT_ENTITY: append(decode_entity(std::string(data, size))); return 0;
        case MD_TEXT_NULLCHAR: return 0;
        default:
            note_stray_asterisks(data, size);
            append(std::string(data, size));
            return 0;
        }
    }

    void end() { report_pending(); }

private:
    bool inside(const MD_CHAR* data) const {
        return data >= source_.data() && data <= source_.data() + source_.size();
    }

    int line_at(const MD_CHAR* data) const {
        if (!inside(data)) return last_line_;
        return first_line_ + static_cast<int>(std::count(source_.data(), data, '\n'));
    }

    // The first thematic break ("---", "***", "___", spaces allowed) after the last text seen.
    int line_of_rule() const {
        std::size_t at = last_text_end_;
        while (at < source_.size()) {
            const auto end = std::min(source_.find('\n', at), source_.size());
            std::string marks;
            for (std::size_t i = at; i < end; ++i) {
                if (source_[i] != ' ' && source_[i] != '\t' && source_[i] != '\r') marks += source_[i];
            }
            const bool rule = marks.size() >= 3 && marks.find_first_not_of(marks[0]) == std::string::npos &&
                              (marks[0] == '-' || marks[0] == '*' || marks[0] == '_');
            if (rule) return line_at(source_.data() + at);
            at = end + 1;
        }
        return last_line_;
    }

    // md4c hands over an escaped "\*" as a plain "*"; only unescaped ones are stray markers.
    void note_stray_asterisks(const MD_CHAR* data, MD_SIZE size) {
        for (MD_SIZE i = 0; i < size; ++i) {
            if (data[i] != '*') continue;
            const MD_CHAR* at = data + i;
            const bool escaped = inside(at) && at > source_.data() && at[-1] == '\\';
            if (!escaped) stray_marker_ = true;
        }
    }

    void start(BlockKind kind, int level) {
        finish();
        open_ = Block{kind, level, {}, {}};
        pending_break_ = false;
        stray_marker_ = false;
    }

    void finish() {
        if (open_ && !open_->text.empty()) {
            // CommonMark does not close "**" between punctuation and a CJK character
            // ("**机制：**文字"), so the markers would show on screen as literal asterisks.
            if (stray_marker_)
                diagnostics_.error(file_, block_line_,
                                   "an emphasis marker '*' is not closed; in Chinese put "
                                   "punctuation outside the markers: **机制**：");
            blocks_.push_back(std::move(*open_));
        }
        open_.reset();
    }

    // A line break inside a paragraph is a space in English, but nothing next to a Chinese
    // character (Chinese is written without spaces, also before digits and Latin words).
    void append(const std::string& piece) {
        if (pending_break_ && !open_->text.empty()) {
            const bool join = is_cjk(last_code_point(open_->text)) ||
                              is_cjk(first_code_point(piece.data(), piece.size()));
            if (!join) {
                // A style opened at the break starts after the space, not on it.
                for (auto& begin : span_starts_) {
                    if (begin == open_->text.size()) ++begin;
                }
                open_->text += ' ';
            }
        }
        pending_break_ = false;
        open_->text += piece;
    }

    // md4c announces a block before its text; report at the text's line.
    void unsupported(const std::string& what) {
        if (pending_.empty()) pending_ = what;
    }
    void report_pending() {
        if (pending_.empty()) return;
        diagnostics_.error(file_, last_line_,
                           pending_ + " are not supported (use paragraphs, ## headings, - bullets, "
                                      "> quotes, *emphasis* and **strong**)");
        pending_.clear();
    }

    const std::string& source_;
    std::string file_;
    int first_line_;
    Diagnostics& diagnostics_;
    std::vector<Block> blocks_;
    std::optional<Block> open_;
    std::vector<std::size_t> span_starts_;
    int quote_depth_ = 0;
    int list_depth_ = 0;
    int last_line_ = 0;
    int block_line_ = 0;
    std::size_t last_text_end_ = 0;
    bool stray_marker_ = false;
    bool pending_break_ = false;
    std::string pending_;
};

} // namespace

std::vector<Block> parse_markdown_blocks(const std::string& markdown, const std::string& file,
                                         int first_line, Diagnostics& diagnostics) {
    BlockCollector collector(markdown, file, first_line, diagnostics);
    MD_PARSER parser{};
    parser.abi_version = 0;
    // Tables are recognised only so that they can be refused.
    parser.flags = MD_FLAG_NOHTML | MD_FLAG_NOINDENTEDCODEBLOCKS | MD_FLAG_TABLES;
    parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) {
        return static_cast<BlockCollector*>(u)->enter_block(t, d);
    };
    parser.leave_block = [](MD_BLOCKTYPE t, void*, void* u) {
        return static_cast<BlockCollector*>(u)->leave_block(t);
    };
    parser.enter_span = [](MD_SPANTYPE t, void*, void* u) {
        return static_cast<BlockCollector*>(u)->enter_span(t);
    };
    parser.leave_span = [](MD_SPANTYPE t, void*, void* u) {
        return static_cast<BlockCollector*>(u)->leave_span(t);
    };
    parser.text = [](MD_TEXTTYPE t, const MD_CHAR* text, MD_SIZE size, void* u) {
        return static_cast<BlockCollector*>(u)->text(t, text, size);
    };
    if (md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &collector) != 0)
        diagnostics.error(file, first_line, "the Markdown could not be read");
    collector.end();
    return collector.take();
}

} // namespace pavilion::content
