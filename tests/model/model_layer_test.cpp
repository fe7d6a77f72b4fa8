// The model is the kiosk without a window: its library must not reach for any graphics. The
// link graph is checked when the project is configured (app/layers.cmake); this checks the
// built archive itself, symbol by symbol, so a stray call into ImGui or GL through a header
// cannot slip past the link lines.

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>

namespace pavilion {
namespace {

TEST(ModelLayer, TheLibraryCallsNoGraphicsCode) {
    const auto symbols = testing::run_command({"nm", "--undefined-only", "--demangle", PAVILION_MODEL_ARCHIVE});
    ASSERT_EQ(symbols.exit_code, 0) << symbols.output;
    // The archive does need content and core: proof that nm listed what it calls.
    EXPECT_NE(symbols.output.find("pavilion::content::"), std::string::npos) << symbols.output.substr(0, 2000);
    const std::regex graphics(R"((ImGui|ImDraw|ImFont|ImVec|glfw|\bgl[A-Z]\w*|\bFT_\w+|\beglGet|\bhb_))");
    std::istringstream lines(symbols.output);
    std::string line;
    std::vector<std::string> found;
    while (std::getline(lines, line))
        if (std::regex_search(line, graphics)) found.push_back(line);
    EXPECT_TRUE(found.empty()) << "the model calls graphics code: " << found.front();
}

} // namespace
} // namespace pavilion
