#include "pavilion/platform/gl_map_renderer.hpp"

#include <GLES3/gl3.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdint>

namespace pavilion::platform {
namespace {

constexpr const char* kFillVertex = R"(#version 300 es
uniform vec4 u_transform; // projected -> NDC: scale x, scale y, offset x, offset y
layout(location = 0) in vec2 a_position;
void main() { gl_Position = vec4(a_position * u_transform.xy + u_transform.zw, 0.0, 1.0); }
)";

constexpr const char* kFillFragment = R"(#version 300 es
precision mediump float;
uniform vec4 u_color;
out vec4 o_color;
void main() { o_color = u_color; }
)";

// Each border segment is a quad: both ends, pushed out along the segment's normal by the half
// width plus a one-pixel fringe; the fragment's distance from the centre line gives coverage.
constexpr const char* kBorderVertex = R"(#version 300 es
uniform vec4 u_transform;
uniform vec2 u_pixel;        // one pixel in NDC, x and y
uniform float u_half_width;  // px, without the fringe
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec2 a_direction; // unit, projected space (y up, as NDC)
layout(location = 2) in float a_side;     // -1 or +1
out float v_offset;                       // px from the centre line
void main() {
    float reach = u_half_width + 1.0;
    vec2 normal = vec2(-a_direction.y, a_direction.x);
    vec2 ndc = a_position * u_transform.xy + u_transform.zw + normal * a_side * reach * u_pixel;
    v_offset = a_side * reach;
    gl_Position = vec4(ndc, 0.0, 1.0);
}
)";

constexpr const char* kBorderFragment = R"(#version 300 es
precision mediump float;
uniform vec4 u_color;
uniform float u_half_width;
in float v_offset;
out vec4 o_color;
void main() {
    float coverage = clamp(u_half_width + 0.5 - abs(v_offset), 0.0, 1.0);
    o_color = vec4(u_color.rgb, u_color.a * coverage);
}
)";

// The snapshot of a still view: a quad over the clip rectangle (corners from gl_VertexID, no
// buffers), each pixel the texel at the same place.
constexpr const char* kSnapshotVertex = R"(#version 300 es
uniform vec4 u_rectangle; // NDC: left, bottom, right, top
out vec2 v_uv;
void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
    v_uv = corner;
    gl_Position = vec4(mix(u_rectangle.xy, u_rectangle.zw, corner), 0.0, 1.0);
}
)";

constexpr const char* kSnapshotFragment = R"(#version 300 es
precision mediump float;
uniform sampler2D u_snapshot;
in vec2 v_uv;
out vec4 o_color;
void main() { o_color = texture(u_snapshot, v_uv); }
)";

GLuint compile(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[512] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        std::fprintf(stderr, "pavilion: map shader: %s\n", log);
    }
    return shader;
}

GLuint link(const char* vertex_source, const char* fragment_source) {
    const GLuint vertex = compile(GL_VERTEX_SHADER, vertex_source);
    const GLuint fragment = compile(GL_FRAGMENT_SHADER, fragment_source);
    const GLuint program = glCreateProgram();
    glAttachShader(program, vertex);
    glAttachShader(program, fragment);
    glLinkProgram(program);
    glDeleteShader(vertex);
    glDeleteShader(fragment);
    return program;
}

template <typename T>
GLuint buffer(GLenum target, const std::vector<T>& data, std::size_t& bytes) {
    GLuint name = 0;
    glGenBuffers(1, &name);
    glBindBuffer(target, name);
    glBufferData(target, static_cast<GLsizeiptr>(data.size() * sizeof(T)), data.data(), GL_STATIC_DRAW);
    bytes += data.size() * sizeof(T);
    return name;
}

// The world's projected extent (Equal Earth, radius 1), divided into the renderer's grid.
constexpr float kWorldMinX = -2.71f, kWorldMaxX = 2.71f, kWorldMinY = -1.32f, kWorldMaxY = 1.32f;

int cell_of(float x, float y, int columns, int rows) {
    const int c = std::clamp(static_cast<int>((x - kWorldMinX) / (kWorldMaxX - kWorldMinX) * columns), 0, columns - 1);
    const int r = std::clamp(static_cast<int>((kWorldMaxY - y) / (kWorldMaxY - kWorldMinY) * rows), 0, rows - 1);
    return r * columns + c;
}

// Reorders triangles (three indices each) by the grid cell of their centroid.
std::vector<std::uint32_t> sort_triangles(const std::vector<std::uint32_t>& triangles, const std::vector<float>& xy,
                                          int columns, int rows, std::vector<int>& first, std::vector<int>& count) {
    const int cells = columns * rows;
    std::vector<std::vector<std::uint32_t>> buckets(static_cast<std::size_t>(cells));
    for (std::size_t t = 0; t + 2 < triangles.size(); t += 3) {
        float cx = 0, cy = 0;
        for (int k = 0; k < 3; ++k) cx += xy[2 * triangles[t + k]], cy += xy[2 * triangles[t + k] + 1];
        auto& bucket = buckets[static_cast<std::size_t>(cell_of(cx / 3, cy / 3, columns, rows))];
        bucket.insert(bucket.end(), triangles.begin() + static_cast<std::ptrdiff_t>(t),
                      triangles.begin() + static_cast<std::ptrdiff_t>(t + 3));
    }
    std::vector<std::uint32_t> sorted;
    sorted.reserve(triangles.size());
    first.assign(static_cast<std::size_t>(cells), 0);
    count.assign(static_cast<std::size_t>(cells), 0);
    for (int c = 0; c < cells; ++c) {
        first[static_cast<std::size_t>(c)] = static_cast<int>(sorted.size());
        count[static_cast<std::size_t>(c)] = static_cast<int>(buckets[static_cast<std::size_t>(c)].size());
        sorted.insert(sorted.end(), buckets[static_cast<std::size_t>(c)].begin(), buckets[static_cast<std::size_t>(c)].end());
    }
    return sorted;
}

} // namespace

GlMapRenderer::GlMapRenderer(const core::MapMesh& mesh) : style_(mesh.style) {
    fill_program_ = link(kFillVertex, kFillFragment);
    fill_transform_ = glGetUniformLocation(fill_program_, "u_transform");
    fill_color_ = glGetUniformLocation(fill_program_, "u_color");
    border_program_ = link(kBorderVertex, kBorderFragment);
    border_transform_ = glGetUniformLocation(border_program_, "u_transform");
    border_pixel_ = glGetUniformLocation(border_program_, "u_pixel");
    border_half_width_ = glGetUniformLocation(border_program_, "u_half_width");
    border_color_ = glGetUniformLocation(border_program_, "u_color");
    snapshot_program_ = link(kSnapshotVertex, kSnapshotFragment);
    snapshot_rectangle_ = glGetUniformLocation(snapshot_program_, "u_rectangle");
    snapshot_sampler_ = glGetUniformLocation(snapshot_program_, "u_snapshot");
    GLint last_array = 0;
    glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &last_array);
    for (const auto& level : mesh.levels) {
        levels_.push_back(upload(level));
        core::MapMeshLevel threshold;
        threshold.min_scale = level.min_scale;
        thresholds_.levels.push_back(std::move(threshold));
    }
    glGenVertexArrays(1, &empty_array_);
    glBindVertexArray(static_cast<GLuint>(last_array));
}

GlMapRenderer::~GlMapRenderer() {
    for (const auto& level : levels_) {
        const GLuint arrays[] = {level.fill_array, level.border_array};
        glDeleteVertexArrays(2, arrays);
        const GLuint buffers[] = {level.fill_positions, level.land_indices, level.highlight_indices,
                                  level.border_vertices, level.border_indices};
        glDeleteBuffers(5, buffers);
    }
    glDeleteProgram(fill_program_);
    glDeleteProgram(border_program_);
    glDeleteProgram(snapshot_program_);
    glDeleteVertexArrays(1, &empty_array_);
    glDeleteFramebuffers(1, &snapshot_.framebuffer);
    glDeleteTextures(1, &snapshot_.texture);
}

GlMapRenderer::Level GlMapRenderer::upload(const core::MapMeshLevel& mesh) {
    Level level;
    level.min_scale = mesh.min_scale;
    glGenVertexArrays(1, &level.fill_array);
    glBindVertexArray(level.fill_array);
    level.fill_positions = buffer(GL_ARRAY_BUFFER, mesh.positions, gpu_bytes_);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    const auto land = sort_triangles(mesh.land, mesh.positions, kGridColumns, kGridRows, level.land.first,
                                     level.land.count);
    const auto highlighted = sort_triangles(mesh.highlighted, mesh.positions, kGridColumns, kGridRows,
                                            level.highlighted.first, level.highlighted.count);
    level.land_indices = buffer(GL_ELEMENT_ARRAY_BUFFER, land, gpu_bytes_);
    level.highlight_indices = buffer(GL_ELEMENT_ARRAY_BUFFER, highlighted, gpu_bytes_);

    // Four vertices per segment: position, direction, side; segments in grid-cell order.
    std::vector<float> vertices;
    std::vector<std::uint32_t> indices;
    const std::size_t segments = mesh.borders.size() / 4;
    vertices.reserve(segments * 4 * 5);
    indices.reserve(segments * 6);
    std::vector<std::size_t> order(segments);
    std::vector<int> segment_cell(segments);
    for (std::size_t s = 0; s < segments; ++s) {
        const float* p = &mesh.borders[s * 4];
        order[s] = s;
        segment_cell[s] = cell_of((p[0] + p[2]) / 2, (p[1] + p[3]) / 2, kGridColumns, kGridRows);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return segment_cell[a] < segment_cell[b]; });
    level.borders.first.assign(kGridColumns * kGridRows, 0);
    level.borders.count.assign(kGridColumns * kGridRows, 0);
    for (std::size_t i = 0; i < segments; ++i) {
        const std::size_t s = order[i];
        const float* p = &mesh.borders[s * 4];
        const float dx = p[2] - p[0], dy = p[3] - p[1];
        const float length = std::sqrt(dx * dx + dy * dy);
        if (!(length > 0)) continue;
        const auto first = static_cast<std::uint32_t>(vertices.size() / 5);
        const auto cell = static_cast<std::size_t>(segment_cell[s]);
        level.borders.count[cell] += 6;
        for (int end = 0; end < 2; ++end)
            for (float side : {-1.0f, 1.0f})
                vertices.insert(vertices.end(), {p[end * 2], p[end * 2 + 1], dx / length, dy / length, side});
        indices.insert(indices.end(), {first, first + 1, first + 2, first + 2, first + 1, first + 3});
    }
    glGenVertexArrays(1, &level.border_array);
    glBindVertexArray(level.border_array);
    level.border_vertices = buffer(GL_ARRAY_BUFFER, vertices, gpu_bytes_);
    constexpr GLsizei stride = 5 * sizeof(float);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(2 * sizeof(float)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(4 * sizeof(float)));
    // Segments went in cell order, so each cell's range starts where the previous one ended.
    for (std::size_t c = 0, running = 0; c < level.borders.first.size(); ++c) {
        level.borders.first[c] = static_cast<int>(running);
        running += static_cast<std::size_t>(level.borders.count[c]);
    }
    level.border_indices = buffer(GL_ELEMENT_ARRAY_BUFFER, indices, gpu_bytes_);
    return level;
}

namespace {

// The clip rectangle in GL's window coordinates (origin bottom left): x, y, width, height.
std::array<GLint, 4> gl_rectangle(const core::MapDrawRequest& request) {
    const auto& clip = request.clip;
    return {static_cast<GLint>(clip[0]), static_cast<GLint>(static_cast<float>(request.framebuffer_height) - clip[3]),
            static_cast<GLint>(clip[2] - clip[0]), static_cast<GLint>(clip[3] - clip[1])};
}

} // namespace

void GlMapRenderer::render(const core::MapDrawRequest& request) {
    if (levels_.empty() || request.framebuffer_width <= 0 || request.framebuffer_height <= 0) return;
    const auto rectangle = gl_rectangle(request);
    if (rectangle[2] <= 0 || rectangle[3] <= 0) return;
    // The map owns its rectangle: scissor to it, clear it to water, draw over it.
    glViewport(0, 0, request.framebuffer_width, request.framebuffer_height);
    glEnable(GL_SCISSOR_TEST);
    glScissor(rectangle[0], rectangle[1], rectangle[2], rectangle[3]);
    if (snapshot_.valid && snapshot_.request == request) {
        show_snapshot(request);
        ++snapshot_hits_;
        return;
    }
    draw_geometry(request);
    // Still for two frames: keep this view's pixels. (Not while moving: the copy would cost a
    // frame that is about to change anyway.)
    if (previous_ && *previous_ == request) store_snapshot(request);
    previous_ = request;
}

void GlMapRenderer::store_snapshot(const core::MapDrawRequest& request) {
    const auto rectangle = gl_rectangle(request);
    if (snapshot_.width != rectangle[2] || snapshot_.height != rectangle[3]) {
        glDeleteFramebuffers(1, &snapshot_.framebuffer);
        glDeleteTextures(1, &snapshot_.texture);
        snapshot_ = {};
        GLint last_texture = 0;
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &last_texture);
        glGenTextures(1, &snapshot_.texture);
        glBindTexture(GL_TEXTURE_2D, snapshot_.texture);
        glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, rectangle[2], rectangle[3]);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST); // one texel per pixel
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last_texture));
        glGenFramebuffers(1, &snapshot_.framebuffer);
        snapshot_.width = rectangle[2];
        snapshot_.height = rectangle[3];
    }
    GLint drawn_into = 0, read_from = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &drawn_into);
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read_from);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, snapshot_.framebuffer);
    glFramebufferTexture2D(GL_DRAW_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, snapshot_.texture, 0);
    snapshot_.valid = glCheckFramebufferStatus(GL_DRAW_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    if (snapshot_.valid) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(drawn_into));
        glDisable(GL_SCISSOR_TEST); // the scissor box is in the frame's coordinates, not the snapshot's
        glBlitFramebuffer(rectangle[0], rectangle[1], rectangle[0] + rectangle[2], rectangle[1] + rectangle[3], 0, 0,
                          rectangle[2], rectangle[3], GL_COLOR_BUFFER_BIT, GL_NEAREST);
        glEnable(GL_SCISSOR_TEST);
        snapshot_.request = request;
    }
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(drawn_into));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(read_from));
}

void GlMapRenderer::show_snapshot(const core::MapDrawRequest& request) {
    // Drawn as a textured quad, not blitted: a software renderer (llvmpipe) blits with a memcpy on
    // this thread, while a quad's pixels are filled by its rasterizer threads, as a GPU's are.
    const auto rectangle = gl_rectangle(request); // the pixels the snapshot was taken from
    const float width = static_cast<float>(request.framebuffer_width);
    const float height = static_cast<float>(request.framebuffer_height);
    auto ndc_x = [&](GLint x) { return 2.0f * static_cast<float>(x) / width - 1.0f; };
    auto ndc_y = [&](GLint y) { return 2.0f * static_cast<float>(y) / height - 1.0f; };
    glDisable(GL_BLEND);
    glUseProgram(snapshot_program_);
    glUniform4f(snapshot_rectangle_, ndc_x(rectangle[0]), ndc_y(rectangle[1]), ndc_x(rectangle[0] + rectangle[2]),
                ndc_y(rectangle[1] + rectangle[3]));
    glUniform1i(snapshot_sampler_, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, snapshot_.texture);
    glBindVertexArray(empty_array_);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindVertexArray(0);
}

void GlMapRenderer::draw_geometry(const core::MapDrawRequest& request) {
    const float width = static_cast<float>(request.framebuffer_width);
    const float height = static_cast<float>(request.framebuffer_height);
    const auto& level = levels_[core::level_for_scale(thresholds_, request.scale)];
    const auto& clip = request.clip;
    glClearColor(request.water[0], request.water[1], request.water[2], 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

    // Projected -> NDC, from screen = (x * s + ox, oy - y * s).
    const float sx = static_cast<float>(2.0 * request.scale / width);
    const float sy = static_cast<float>(2.0 * request.scale / height);
    const float ox = static_cast<float>(2.0 * request.offset_x / width - 1.0);
    const float oy = static_cast<float>(1.0 - 2.0 * request.offset_y / height);

    // The grid cells the clip rectangle can see (one cell of slack: a triangle belongs to the
    // cell of its centroid but may reach into its neighbours).
    const double world_x0 = (clip[0] - request.offset_x) / request.scale, world_x1 = (clip[2] - request.offset_x) / request.scale;
    const double world_y1 = (request.offset_y - clip[1]) / request.scale, world_y0 = (request.offset_y - clip[3]) / request.scale;
    const int c0 = cell_of(static_cast<float>(world_x0), 0, kGridColumns, kGridRows) % kGridColumns;
    const int c1 = cell_of(static_cast<float>(world_x1), 0, kGridColumns, kGridRows) % kGridColumns;
    const int r0 = cell_of(0, static_cast<float>(world_y1), kGridColumns, kGridRows) / kGridColumns;
    const int r1 = cell_of(0, static_cast<float>(world_y0), kGridColumns, kGridRows) / kGridColumns;
    const int col_from = std::max(0, c0 - 1), col_to = std::min(kGridColumns - 1, c1 + 1);
    const int row_from = std::max(0, r0 - 1), row_to = std::min(kGridRows - 1, r1 + 1);
    // One draw per visible row: its cells are contiguous in the sorted index buffer.
    auto draw_rows = [&](const CellRanges& ranges) {
        for (int row = row_from; row <= row_to; ++row) {
            const auto a = static_cast<std::size_t>(row * kGridColumns + col_from);
            const auto b = static_cast<std::size_t>(row * kGridColumns + col_to);
            const int first = ranges.first[a];
            const int end = ranges.first[b] + ranges.count[b];
            if (end > first)
                glDrawElements(GL_TRIANGLES, end - first, GL_UNSIGNED_INT,
                               reinterpret_cast<const void*>(static_cast<std::uintptr_t>(first) * sizeof(std::uint32_t)));
        }
    };

    glUseProgram(fill_program_);
    glUniform4f(fill_transform_, sx, sy, ox, oy);
    glBindVertexArray(level.fill_array);
    auto fill = [&](unsigned indices, const CellRanges& ranges, const core::MapColor& color) {
        glUniform4f(fill_color_, color[0], color[1], color[2], color[3]);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices);
        draw_rows(ranges);
    };
    fill(level.land_indices, level.land, request.land);
    fill(level.highlight_indices, level.highlighted, request.highlighted);

    {
        glUseProgram(border_program_);
        glUniform4f(border_transform_, sx, sy, ox, oy);
        glUniform2f(border_pixel_, 2.0f / width, 2.0f / height);
        glUniform1f(border_half_width_, request.border_width_px * 0.5f);
        glUniform4f(border_color_, request.border[0], request.border[1], request.border[2], request.border[3]);
        glBindVertexArray(level.border_array);
        draw_rows(level.borders);
    }
    glBindVertexArray(0);
}

} // namespace pavilion::platform
