// The trusted comment of a pack signature: "pack:<id>\tversion:<n>\tformat:<f>\tfile:<name>".

#include "pavilion/content/pack_claim.hpp"

#include <gtest/gtest.h>

#include <string>

namespace pavilion::content {
namespace {

TEST(PackClaim, FormatsTabSeparatedFields) {
    const PackClaim claim{"belt-and-road", 12, 1, "belt-and-road-12.pack"};
    EXPECT_EQ(format_pack_claim(claim),
              "pack:belt-and-road\tversion:12\tformat:1\tfile:belt-and-road-12.pack");
}

TEST(PackClaim, RoundTrips) {
    for (const PackClaim& claim : {PackClaim{"mini-pack", 3, 1, "x.pack"},
                                   PackClaim{"belt-and-road", 9007199254740992, 7, "a b.pack"},
                                   PackClaim{"p", 1, 1, ""}}) {
        const auto parsed = parse_pack_claim(format_pack_claim(claim));
        ASSERT_TRUE(parsed) << format_pack_claim(claim) << ": " << parsed.error().message;
        EXPECT_EQ(parsed->pack_id, claim.pack_id);
        EXPECT_EQ(parsed->version, claim.version);
        EXPECT_EQ(parsed->format, claim.format);
        EXPECT_EQ(parsed->file_name, claim.file_name);
    }
}

TEST(PackClaim, ParsesWhatMinisignUsersWrite) {
    const auto parsed = parse_pack_claim("pack:mini-pack\tversion:3\tformat:1\tfile:x.pack");
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->pack_id, "mini-pack");
    EXPECT_EQ(parsed->version, 3);
    EXPECT_EQ(parsed->format, 1);
    EXPECT_EQ(parsed->file_name, "x.pack");
}

TEST(PackClaim, FileNameIsOptional) {
    const auto parsed = parse_pack_claim("pack:mini-pack\tversion:3\tformat:1");
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->file_name, "");
}

TEST(PackClaim, RejectsCommentsThatDoNotNameAPackVersionAndFormat) {
    for (const std::string comment :
         {"", "timestamp:1700000000\tfile:x.pack", "version:3\tformat:1\tfile:x.pack",
          "pack:\tversion:3\tformat:1", "pack:mini-pack\tformat:1\tfile:x.pack",
          "pack:mini-pack\tversion:3\tfile:x.pack", "pack:mini-pack\tversion:\tformat:1",
          "pack:mini-pack\tversion:three\tformat:1", "pack:mini-pack\tversion:3x\tformat:1",
          "pack:mini-pack\tversion:3\tformat:one", "pack:mini-pack version:3 format:1",
          "pack mini-pack\tversion 3\tformat 1",
          "pack:mini-pack\tversion:3\tformat:4294967297"}) { // would wrap to format 1
        const auto parsed = parse_pack_claim(comment);
        ASSERT_FALSE(parsed) << "accepted [" << comment << "]";
        EXPECT_EQ(parsed.error().code, ErrorCode::bad_signature) << comment;
        EXPECT_FALSE(parsed.error().message.empty());
    }
}

} // namespace
} // namespace pavilion::content
