#pragma once
// Packs changed after they were built, as a forger with SQLite would change them: for the
// reader's refusals and for what the kiosk does with a pack that gets past the reader. Tests
// that use it link SQLite (tests/CMakeLists.txt).

#include <sqlite3.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace pavilion::testing {

namespace forged_detail {

inline sqlite3* open_for_writing(const std::string& pack_path) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(pack_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + pack_path);
    }
    return db;
}

} // namespace forged_detail

// Runs SQL on a pack file with a plain read-write connection; throws when it fails.
inline void forge(const std::string& pack_path, const std::string& sql) {
    sqlite3* db = forged_detail::open_for_writing(pack_path);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    const std::string error = message ? message : "";
    sqlite3_free(message);
    sqlite3_close(db);
    if (rc != SQLITE_OK) throw std::runtime_error("SQL failed: " + error + " in: " + sql);
}

// Runs one statement with `blob` bound to its parameter ?1; throws when it fails.
inline void forge(const std::string& pack_path, const std::string& sql, const std::vector<std::uint8_t>& blob) {
    sqlite3* db = forged_detail::open_for_writing(pack_path);
    sqlite3_stmt* statement = nullptr;
    int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_bind_blob64(statement, 1, blob.data(), blob.size(), SQLITE_TRANSIENT);
    if (rc == SQLITE_OK) rc = sqlite3_step(statement) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    const std::string error = sqlite3_errmsg(db);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    if (rc != SQLITE_OK) throw std::runtime_error("SQL failed: " + error + " in: " + sql);
}

// A line's coordinates as a pack stores them (lon, lat, lon, lat, ... as little-endian doubles,
// the byte order of every machine Pavilion runs on): `points` points from 60°E eastwards,
// `step` degrees apart, alternating between 40°N and 41°N, so no drawing can thin it to a few
// points without losing its zigzag.
inline std::vector<std::uint8_t> zigzag_coords(std::size_t points, double step = 0.001) {
    std::vector<std::uint8_t> blob(points * 2 * sizeof(double));
    for (std::size_t i = 0; i < points; ++i) {
        const double lon = 60 + static_cast<double>(i) * step, lat = i % 2 ? 41 : 40;
        std::memcpy(&blob[i * 16], &lon, sizeof lon);
        std::memcpy(&blob[i * 16 + 8], &lat, sizeof lat);
    }
    return blob;
}

// The first bytes of a PNG whose header says width x height (RGB, 8 bits): enough for a reader
// of headers, nothing a decoder could decode.
inline std::vector<std::uint8_t> png_header(std::uint32_t width, std::uint32_t height) {
    std::vector<std::uint8_t> png = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    for (const std::uint32_t side : {width, height})
        for (int shift = 24; shift >= 0; shift -= 8) png.push_back(static_cast<std::uint8_t>(side >> shift));
    for (const std::uint8_t byte : {8, 2, 0, 0, 0, 0, 0, 0, 0}) png.push_back(byte); // depth, RGB, ..., CRC
    return png;
}

} // namespace pavilion::testing
