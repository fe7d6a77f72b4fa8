-- Pavilion content pack, format version 1.
--
-- One SQLite file per pack. application_id 0x50564C4E ('PVLN') marks the file as a Pavilion pack;
-- user_version is the format version. A reader refuses files whose application_id differs and
-- formats it does not know. Packs hold tables and indexes only: a pack with a trigger or view is
-- rejected by the reader, because a pack comes from a USB stick and must not carry code.
--
-- Conventions
--   * Items are addressed by a reference "initiative/<id>" or "story/<id>" (item.ref).
--   * Everything a visitor reads is per locale, in a *_text table keyed by (owner, locale),
--     so a pack adds a language by adding rows, never columns.
--   * Coordinates are WGS84 longitude/latitude in degrees, stored as a BLOB of little-endian
--     IEEE-754 doubles: lon0, lat0, lon1, lat1, ... (the base map's large buffers use float32)
--   * Images are stored already scaled and re-encoded by the builder (JPEG or PNG), with a
--     thumbnail; the kiosk decodes nothing else.

PRAGMA application_id = 1347832910; -- 0x50564C4E, "PVLN"
PRAGMA user_version = 1;

-- Exactly one row: what this pack is.
CREATE TABLE pack (
    singleton      INTEGER PRIMARY KEY CHECK (singleton = 1),
    id             TEXT    NOT NULL,          -- stable id across versions, e.g. 'belt-and-road'
    version        INTEGER NOT NULL CHECK (version > 0),
    created        TEXT    NOT NULL,          -- ISO date of the edition, from the source
    default_locale TEXT    NOT NULL,
    idle_timeout_s INTEGER NOT NULL CHECK (idle_timeout_s BETWEEN 10 AND 3600),
    font_media     TEXT                       -- media.id of a pack font, or NULL for the system font
);

CREATE TABLE locale (
    code     TEXT PRIMARY KEY,                -- BCP 47 language tag, e.g. 'en', 'zh'
    position INTEGER NOT NULL,
    name     TEXT NOT NULL                    -- the language's name for itself, e.g. '中文'
) WITHOUT ROWID;

CREATE TABLE pack_text (
    locale   TEXT PRIMARY KEY REFERENCES locale(code),
    title    TEXT NOT NULL,
    subtitle TEXT NOT NULL
) WITHOUT ROWID;

-- Interface words ('home', 'back', 'touch_to_explore', ...) per locale.
CREATE TABLE ui_string (
    key    TEXT NOT NULL,
    locale TEXT NOT NULL REFERENCES locale(code),
    value  TEXT NOT NULL,
    PRIMARY KEY (key, locale)
) WITHOUT ROWID;

-- Filter facets: themes (initiatives and stories) and regions (stories).
CREATE TABLE facet (
    kind     TEXT NOT NULL CHECK (kind IN ('theme', 'region')),
    id       TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;

CREATE TABLE facet_text (
    kind   TEXT NOT NULL,
    id     TEXT NOT NULL,
    locale TEXT NOT NULL REFERENCES locale(code),
    name   TEXT NOT NULL,
    PRIMARY KEY (kind, id, locale)
) WITHOUT ROWID;

-- Pre-scaled images (and an optional pack font). id is the hex BLAKE2b-256 of data,
-- so identical images are stored once.
CREATE TABLE media (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('image', 'font')),
    mime         TEXT NOT NULL,               -- image/jpeg, image/png, font/otf, font/ttf
    width        INTEGER NOT NULL,            -- 0 for fonts
    height       INTEGER NOT NULL,
    data         BLOB NOT NULL,
    thumb_width  INTEGER NOT NULL,
    thumb_height INTEGER NOT NULL,
    thumb_data   BLOB                         -- NULL for fonts
) WITHOUT ROWID;

CREATE TABLE source (
    id       TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    author   TEXT NOT NULL,
    outlet   TEXT NOT NULL,
    date     TEXT NOT NULL,                   -- '' when unknown
    url      TEXT NOT NULL                    -- '' when none
) WITHOUT ROWID;

CREATE TABLE source_text (
    source  TEXT NOT NULL REFERENCES source(id),
    locale  TEXT NOT NULL REFERENCES locale(code),
    title   TEXT NOT NULL,
    summary TEXT NOT NULL,
    PRIMARY KEY (source, locale)
) WITHOUT ROWID;

-- Initiatives and project stories.
CREATE TABLE item (
    ref       TEXT PRIMARY KEY,               -- 'initiative/<id>' or 'story/<id>'
    kind      TEXT NOT NULL CHECK (kind IN ('initiative', 'story')),
    position  INTEGER NOT NULL,
    image     TEXT NOT NULL REFERENCES media(id),
    theme     TEXT NOT NULL,                  -- facet id or ''
    region    TEXT NOT NULL,                  -- facet id or ''
    url       TEXT NOT NULL,                  -- '' when none
    place_lon REAL,                           -- NULL when the item has no place
    place_lat REAL
) WITHOUT ROWID;

CREATE TABLE item_text (
    item       TEXT NOT NULL REFERENCES item(ref),
    locale     TEXT NOT NULL REFERENCES locale(code),
    title      TEXT NOT NULL,
    summary    TEXT NOT NULL,
    place_name TEXT NOT NULL,
    PRIMARY KEY (item, locale)
) WITHOUT ROWID;

CREATE TABLE key_point (
    item     TEXT NOT NULL REFERENCES item(ref),
    locale   TEXT NOT NULL,
    position INTEGER NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (item, locale, position)
) WITHOUT ROWID;

-- Rich text of an item's body, one row per block. spans marks inline styles over text as
-- 'style:begin-end' byte ranges separated by ';' (style 'em' or 'strong'), '' when plain.
CREATE TABLE block (
    item     TEXT NOT NULL REFERENCES item(ref),
    locale   TEXT NOT NULL,
    position INTEGER NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('heading', 'paragraph', 'bullet', 'quote')),
    level    INTEGER NOT NULL,                -- heading level 1..3, otherwise 0
    text     TEXT NOT NULL,
    spans    TEXT NOT NULL,
    PRIMARY KEY (item, locale, position)
) WITHOUT ROWID;

CREATE TABLE item_source (
    item     TEXT NOT NULL REFERENCES item(ref),
    source   TEXT NOT NULL REFERENCES source(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (item, source)
) WITHOUT ROWID;

CREATE TABLE item_related (
    item     TEXT NOT NULL REFERENCES item(ref),
    related  TEXT NOT NULL REFERENCES item(ref),
    position INTEGER NOT NULL,
    PRIMARY KEY (item, related)
) WITHOUT ROWID;

CREATE TABLE figure (
    id       TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    value    REAL NOT NULL,
    decimals INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 6),
    suffix   TEXT NOT NULL,
    source   TEXT NOT NULL REFERENCES source(id)
) WITHOUT ROWID;

CREATE TABLE figure_text (
    figure TEXT NOT NULL REFERENCES figure(id),
    locale TEXT NOT NULL REFERENCES locale(code),
    label  TEXT NOT NULL,
    unit   TEXT NOT NULL,
    PRIMARY KEY (figure, locale)
) WITHOUT ROWID;

-- Points, lines and areas on the map. Every story's place is also a point (role 'story').
CREATE TABLE map_feature (
    id       TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('point', 'line', 'area')),
    role     TEXT NOT NULL,                   -- 'corridor', 'route', 'story', 'site', 'area'
    link     TEXT NOT NULL,                   -- item ref a tap opens, or ''
    coords   BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE map_feature_text (
    feature TEXT NOT NULL REFERENCES map_feature(id),
    locale  TEXT NOT NULL REFERENCES locale(code),
    name    TEXT NOT NULL,
    PRIMARY KEY (feature, locale)
) WITHOUT ROWID;

CREATE TABLE attract_slide (
    position INTEGER PRIMARY KEY,
    image    TEXT NOT NULL REFERENCES media(id)
);

CREATE TABLE attract_slide_text (
    slide   INTEGER NOT NULL REFERENCES attract_slide(position),
    locale  TEXT NOT NULL REFERENCES locale(code),
    caption TEXT NOT NULL,
    PRIMARY KEY (slide, locale)
) WITHOUT ROWID;

-- The base map: country shapes under the map features, compiled by pavilion-pack from TopoJSON
-- or GeoJSON (Natural Earth through world-atlas by default) and already triangulated, so the
-- kiosk only uploads buffers. All four tables are empty in a pack without a base map.
-- Buffers are BLOBs of little-endian values: float32 for coordinates (WGS84 degrees, ample for
-- a screen), uint32 for vertex indices. Each BLOB stays below the reader's 64 MB value limit.

-- Exactly one row when the pack has a base map. Colours are 0xRRGGBBAA.
CREATE TABLE base_map_style (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    water     INTEGER NOT NULL,
    land      INTEGER NOT NULL,
    highlight INTEGER NOT NULL,               -- land of the countries the pack highlights
    border    INTEGER NOT NULL
);

-- Levels of detail, coarse first (position 0), e.g. '110m' (overview) and '50m' (detailed).
CREATE TABLE base_map_level (
    position  INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    vertices  BLOB NOT NULL,                  -- float32 lon, lat per vertex
    triangles BLOB NOT NULL,                  -- uint32 vertex indices, three per triangle,
                                              -- grouped by country (see base_map_country)
    borders   BLOB NOT NULL                   -- float32 lon, lat, lon, lat per segment: every
                                              -- line two countries share, once
);

-- The countries of a level, each owning a range of its level's triangle indices.
CREATE TABLE base_map_country (
    level       INTEGER NOT NULL REFERENCES base_map_level(position),
    position    INTEGER NOT NULL,
    id          TEXT NOT NULL,                -- as in the source file (world-atlas: ISO 3166-1
                                              -- numeric, e.g. '156'); '' when it gives none
    name        TEXT NOT NULL,
    highlighted INTEGER NOT NULL CHECK (highlighted IN (0, 1)),
    first_index INTEGER NOT NULL,             -- offset into the level's triangle indices
    index_count INTEGER NOT NULL,             -- a multiple of 3
    PRIMARY KEY (level, position)
) WITHOUT ROWID;

-- Full-text search over titles and bodies. The trigram tokenizer matches any substring of three
-- or more characters, which finds English words and Chinese phrases alike (Chinese has no spaces
-- to split words on); shorter queries fall back to LIKE over the same table.
CREATE VIRTUAL TABLE search USING fts5(
    item UNINDEXED,
    locale UNINDEXED,
    title,
    body,
    tokenize = 'trigram'
);
