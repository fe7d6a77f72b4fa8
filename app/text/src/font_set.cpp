#include "pavilion/text/font_set.hpp"

#include "pavilion/core/fnv_hash.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include <cmath>
#include <filesystem>
#include <string_view>
#include <utility>

namespace pavilion::text {

struct FontSet::Faces {
    struct Face {
        FontFile file;
        FT_Face ft = nullptr;
        hb_font_t* hb = nullptr;
        int scale = 0; // the HarfBuzz font's current scale, so repeated sizes cost nothing
    };

    FT_Library library = nullptr;
    std::vector<Face> faces;
    std::uint64_t id = 0;

    ~Faces() {
        for (auto& face : faces) {
            if (face.hb) hb_font_destroy(face.hb);
            if (face.ft) FT_Done_Face(face.ft);
        }
        if (library) FT_Done_FreeType(library);
    }
};

namespace {

// The HarfBuzz font with HarfBuzz's own OpenType functions (hb-shape's default, --font-funcs=ot),
// so glyph ids and advances match the reference tool exactly.
hb_font_t* open_hb_font(const FontFile& file) {
    // A font in memory: the blob borrows the bytes, which the Face's FontFile keeps alive.
    hb_blob_t* blob = file.bytes ? hb_blob_create_or_fail(reinterpret_cast<const char*>(file.bytes->data()),
                                                          static_cast<unsigned>(file.bytes->size()),
                                                          HB_MEMORY_MODE_READONLY, nullptr, nullptr)
                                 : hb_blob_create_from_file_or_fail(file.path.c_str());
    if (!blob) return nullptr;
    hb_face_t* face = hb_face_create(blob, file.face_index);
    hb_blob_destroy(blob);
    hb_font_t* font = hb_font_create(face);
    hb_face_destroy(face);
    return font;
}

core::Error open_error(const FontFile& file, const char* what) {
    return core::make_error(core::ErrorCode::unavailable,
                            "font " + file.path + " (face " + std::to_string(file.face_index) + "): " + what);
}

} // namespace

std::uint64_t file_identity(const FontFile& file) {
    core::Fnv1a64 hash;
    hash.add(file.path).add_value(file.face_index);
    if (file.bytes) {
        hash.add_value(file.bytes->size());
        hash.add(std::string_view(reinterpret_cast<const char*>(file.bytes->data()), file.bytes->size()));
        return hash.value();
    }
    std::error_code error;
    const auto length = std::filesystem::file_size(file.path, error);
    hash.add_value(error ? ~std::uintmax_t{0} : length);
    const auto modified = std::filesystem::last_write_time(file.path, error);
    hash.add_value(error ? std::int64_t{-1} : static_cast<std::int64_t>(modified.time_since_epoch().count()));
    return hash.value();
}

core::Expected<FontSet> FontSet::open(const std::vector<FontFile>& files) {
    if (files.empty()) return core::make_error(core::ErrorCode::invalid_argument, "a font set needs at least one font file");
    auto faces = std::make_unique<Faces>();
    if (FT_Init_FreeType(&faces->library) != 0) {
        faces->library = nullptr;
        return core::make_error(core::ErrorCode::unavailable, "FreeType could not start");
    }
    core::Fnv1a64 id;
    for (const auto& file : files) {
        Faces::Face face{file};
        const auto index = static_cast<FT_Long>(file.face_index);
        const int failed = file.bytes ? FT_New_Memory_Face(faces->library, file.bytes->data(),
                                                           static_cast<FT_Long>(file.bytes->size()), index, &face.ft)
                                      : FT_New_Face(faces->library, file.path.c_str(), index, &face.ft);
        if (failed != 0) {
            face.ft = nullptr;
            return open_error(file, "missing, unreadable or not a font");
        }
        face.hb = open_hb_font(file);
        const bool has_glyphs = face.hb && hb_face_get_glyph_count(hb_font_get_face(face.hb)) > 0;
        faces->faces.push_back(face); // owned from here on, freed with the set on any return
        if (!has_glyphs) return open_error(file, "HarfBuzz found no glyphs in it");
        id.add_value(file_identity(file));
    }
    faces->id = id.value();
    return FontSet(std::move(faces));
}

FontSet::FontSet(std::unique_ptr<Faces> faces) : faces_(std::move(faces)) {}
FontSet::FontSet(FontSet&&) noexcept = default;
FontSet& FontSet::operator=(FontSet&&) noexcept = default;
FontSet::~FontSet() = default;

std::uint64_t FontSet::id() const { return faces_->id; }
std::size_t FontSet::face_count() const { return faces_->faces.size(); }
const FontFile& FontSet::file(std::size_t face) const { return faces_->faces.at(face).file; }

bool FontSet::covers(std::size_t face, char32_t c) const {
    hb_codepoint_t glyph = 0;
    return hb_font_get_nominal_glyph(faces_->faces.at(face).hb, c, &glyph) && glyph != 0;
}

FaceMetrics FontSet::metrics(std::size_t face) const {
    const FT_Face ft = faces_->faces.at(face).ft;
    return {ft->units_per_EM, ft->ascender, ft->descender};
}

std::optional<std::size_t> FontSet::first_face_covering(char32_t c) const {
    for (std::size_t face = 0; face < faces_->faces.size(); ++face)
        if (covers(face, c)) return face;
    return std::nullopt;
}

hb_font_t* FontSet::hb_font_at(std::size_t face, float size_px) {
    auto& entry = faces_->faces.at(face);
    const int scale = static_cast<int>(std::lround(size_px * 64.0f));
    if (entry.scale != scale) {
        hb_font_set_scale(entry.hb, scale, scale);
        entry.scale = scale;
    }
    return entry.hb;
}

FT_FaceRec_* FontSet::ft_face(std::size_t face) const { return faces_->faces.at(face).ft; }

} // namespace pavilion::text
