#pragma once
// A 2D texture for pictures and glyphs: linear filtering, clamped edges, tightly packed rows.
// The texture cache and the ImGui backend's font upload both make theirs here.

#include <GLES3/gl3.h>

namespace pavilion::platform {

// Leaves the new texture bound to GL_TEXTURE_2D. pixels may be null (storage only).
inline GLuint make_texture(GLenum internal_format, GLenum format, int width, int height, const void* pixels) {
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, static_cast<GLint>(internal_format), width, height, 0, format, GL_UNSIGNED_BYTE,
                 pixels);
    return texture;
}

} // namespace pavilion::platform
