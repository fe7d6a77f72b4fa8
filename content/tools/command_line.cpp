#include "command_line.hpp"

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>

namespace pavilion::tools {

content::Expected<CommandLine> parse(const Arguments& args, const std::set<std::string>& with_value,
                                     const std::set<std::string>& flags) {
    CommandLine line;
    std::optional<content::Error> mistake;
    const auto refuse = [&mistake](std::string message) {
        if (!mistake) mistake = content::make_error(content::ErrorCode::invalid_argument, std::move(message));
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            line.help = true;
        } else if (with_value.count(arg)) {
            if (i + 1 >= args.size()) refuse(arg + " needs a value");
            else line.values[arg].push_back(args[++i]);
        } else if (flags.count(arg)) {
            line.flags.insert(arg);
        } else if (!arg.empty() && arg[0] == '-') {
            refuse("unknown option " + arg);
        } else {
            line.positional.push_back(arg);
        }
    }
    if (mistake && !line.help) return *mistake;
    return line;
}

int usage_error(const std::string& problem, const char* usage) {
    std::fprintf(stderr, "pavilion-pack: %s\n%s", problem.c_str(), usage);
    return 2;
}

int usage_check(const content::Expected<CommandLine>& line, const char* usage, std::size_t positional) {
    if (!line) return usage_error(line.error().message, usage);
    if (line->help) {
        std::fputs(usage, stdout);
        return 0;
    }
    if (line->positional.size() != positional) return usage_error("wrong number of arguments", usage);
    return -1;
}

int fail(const std::string& message) {
    std::fprintf(stderr, "pavilion-pack: %s\n", message.c_str());
    return 1;
}

bool read_text(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream text;
    text << in.rdbuf();
    out = text.str();
    return true;
}

bool write_text(const std::string& path, const std::string& text, bool secret) {
    const std::string temp = path + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) return false;
        if (secret) ::chmod(temp.c_str(), 0600);
        out << text;
        if (!out.flush()) return false;
    }
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    return !ec;
}

} // namespace pavilion::tools
