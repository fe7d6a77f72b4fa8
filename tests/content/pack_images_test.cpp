// PNG and JPEG images in a pack source: scaled to at most 1920 px with a thumbnail of at most
// 480 px, kept as PNG only when transparent, and rejected with file:line when unusable.

#include "content_test_support.hpp"

#include "pavilion/content/image_codec.hpp"

namespace pavilion::content::test {
namespace {

struct ExpectedImage {
    std::string mime;
    int width, height;             // full image
    int thumb_width, thumb_height; // thumbnail
    int channels;                  // of the decoded image
};

class PackImages : public ::testing::Test {
protected:
    // Points an item's `image` at a new file.
    void use_image(const std::string& item_toml, const std::string& old_path,
                   const std::string& new_path) {
        source_.replace(item_toml, "image = \"" + old_path + "\"", "image = \"" + new_path + "\"");
    }
    void write_image(const std::string& relative, const std::vector<std::uint8_t>& bytes) {
        write_bytes(source_.path(relative), bytes);
    }

    // Builds, opens and checks the image of `ref` against `expected`, decoding both variants.
    void expect_image(const PackReader& reader, const std::string& ref, const ExpectedImage& expected) {
        SCOPED_TRACE(ref);
        const Item* item = reader.catalog().find_item(ref);
        ASSERT_NE(item, nullptr);
        const auto info = reader.media_info(item->image);
        ASSERT_TRUE(info) << info.error().message;
        EXPECT_EQ(info->mime, expected.mime);
        EXPECT_EQ(info->width, expected.width);
        EXPECT_EQ(info->height, expected.height);
        EXPECT_EQ(info->thumb_width, expected.thumb_width);
        EXPECT_EQ(info->thumb_height, expected.thumb_height);
        for (const auto variant : {ImageVariant::full, ImageVariant::thumbnail}) {
            const bool full = variant == ImageVariant::full;
            SCOPED_TRACE(full ? "full" : "thumbnail");
            const auto bytes = reader.image_bytes(item->image, variant);
            ASSERT_TRUE(bytes) << bytes.error().message;
            ASSERT_GE(bytes->size(), 8u);
            const bool png = (*bytes)[0] == 0x89 && (*bytes)[1] == 'P';
            const bool jpeg = (*bytes)[0] == 0xFF && (*bytes)[1] == 0xD8;
            EXPECT_TRUE(expected.mime == "image/png" ? png : jpeg) << "bytes do not match the mime type";
            const auto pixels = decode_image(bytes->data(), bytes->size());
            ASSERT_TRUE(pixels) << pixels.error().message;
            EXPECT_EQ(pixels->width, full ? expected.width : expected.thumb_width);
            EXPECT_EQ(pixels->height, full ? expected.height : expected.thumb_height);
            EXPECT_EQ(pixels->channels, expected.channels);
            if (expected.channels == 4) {
                EXPECT_TRUE(has_transparency(*pixels)) << "alpha was lost";
            }
        }
    }

    SourceCopy source_;
};

TEST_F(PackImages, PngAndJpegAreScaledAndEncodedByTransparency) {
    // A wide transparent PNG, a tall JPEG, an opaque PNG (with an alpha channel that is all 255)
    // and a small picture that must not be enlarged.
    write_image("images/wide-transparent.png", encode_png(solid_pixels(3000, 1500, 4, 128)));
    write_image("images/tall.jpg", encode_jpeg(solid_pixels(1200, 2400, 3), 90));
    write_image("images/opaque.png", encode_png(solid_pixels(2400, 1200, 4, 255)));
    write_image("images/small.png", encode_png(solid_pixels(300, 200, 3)));
    use_image(kOverviewItem, "images/rail.svg", "images/wide-transparent.png");
    use_image("initiatives/green-silk-road/item.toml", "images/wind.svg", "images/tall.jpg");
    use_image(kLaosItem, "images/rail.svg", "images/opaque.png");
    use_image("stories/mozura-wind-farm/item.toml", "images/wind.svg", "images/small.png");

    const auto report = source_.build();
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(report->images, 6) << "four new pictures and the two SVG slides";
    const auto reader = PackReader::open(source_.output());
    ASSERT_TRUE(reader) << reader.error().message;

    expect_image(*reader, "initiative/overview", {"image/png", 1920, 960, 480, 240, 4});
    expect_image(*reader, "initiative/green-silk-road", {"image/jpeg", 960, 1920, 240, 480, 3});
    expect_image(*reader, "story/china-laos-railway", {"image/jpeg", 1920, 960, 480, 240, 3});
    expect_image(*reader, "story/mozura-wind-farm", {"image/jpeg", 300, 200, 300, 200, 3});
}

TEST_F(PackImages, UpperCaseExtensionsAreAccepted) {
    write_image("images/photo.JPG", encode_jpeg(solid_pixels(640, 480, 3), 90));
    use_image(kLaosItem, "images/rail.svg", "images/photo.JPG");
    const auto report = source_.build();
    ASSERT_TRUE(report) << report.error().message;
    const auto reader = PackReader::open(source_.output());
    ASSERT_TRUE(reader) << reader.error().message;
    expect_image(*reader, "story/china-laos-railway", {"image/jpeg", 640, 480, 480, 360, 3});
}

TEST_F(PackImages, ImageOverMaximumSideIsAnAuthoringError) {
    write_image("images/too-wide.png", encode_png(solid_pixels(9000, 10, 3)));
    use_image(kLaosItem, "images/rail.svg", "images/too-wide.png");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kLaosItem, source_.line(kLaosItem, "image ="),
                        "image 'images/too-wide.png'"));
    EXPECT_EQ(count_lines(errors), 1) << errors;
    EXPECT_FALSE(fs::exists(source_.output()));
}

TEST_F(PackImages, GarbageWithPngNameIsAnAuthoringError) {
    source_.write("images/broken.png", "this is not a picture at all, just text with a .png name");
    use_image(kOverviewItem, "images/rail.svg", "images/broken.png");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kOverviewItem, source_.line(kOverviewItem, "image ="),
                        "image 'images/broken.png'"));
    EXPECT_TRUE(reports(errors, kOverviewItem, source_.line(kOverviewItem, "image ="),
                        "not a PNG or JPEG"));
}

TEST_F(PackImages, TruncatedJpegIsAnAuthoringError) {
    auto jpeg = encode_jpeg(solid_pixels(800, 600, 3), 90);
    jpeg.resize(40); // headers cut off
    write_image("images/cut.jpg", jpeg);
    use_image(kOverviewItem, "images/rail.svg", "images/cut.jpg");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kOverviewItem, source_.line(kOverviewItem, "image ="),
                        "image 'images/cut.jpg'"));
}

TEST_F(PackImages, UnsupportedFormatIsAnAuthoringError) {
    source_.write("images/anim.gif", "GIF89a");
    source_.replace("attract.toml", "image = \"images/wind.svg\"", "image = \"images/anim.gif\"");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, "attract.toml", source_.line("attract.toml", "images/anim.gif"),
                        "images must be .png, .jpg or .svg"));
}

TEST_F(PackImages, EveryBadImageIsReportedAtItsOwnReference) {
    write_image("images/too-wide.png", encode_png(solid_pixels(9000, 10, 3)));
    source_.write("images/broken.png", "garbage");
    use_image(kLaosItem, "images/rail.svg", "images/too-wide.png");
    use_image(kOverviewItem, "images/rail.svg", "images/broken.png");
    const auto errors = source_.build_errors();
    EXPECT_TRUE(reports(errors, kLaosItem, source_.line(kLaosItem, "image ="), "too-wide.png"));
    EXPECT_TRUE(reports(errors, kOverviewItem, source_.line(kOverviewItem, "image ="), "broken.png"));
}

} // namespace
} // namespace pavilion::content::test
