-- Format 2 is format 1 (pack-v1.sql) and these tables. A kiosk reads both: format 1 packs simply
-- have no display forms and give bylines in one form for every language.

PRAGMA user_version = 2;

-- A figure's display form in one locale, where the pack gives one (figures.toml `display`):
-- written as that language's readers expect a number ('10万+' for 100,000+ in Chinese). It
-- replaces the value and suffix the kiosk would otherwise format.
CREATE TABLE figure_display (
    figure  TEXT NOT NULL REFERENCES figure(id),
    locale  TEXT NOT NULL REFERENCES locale(code),
    display TEXT NOT NULL,
    PRIMARY KEY (figure, locale)
) WITHOUT ROWID;

-- A source's author and outlet as one locale writes them, where they differ from the source
-- row's (sources.toml `author = { en = "...", zh = "..." }`): a Chinese reader reads 《经济日报》,
-- not "Economic Daily".
CREATE TABLE source_byline (
    source TEXT NOT NULL REFERENCES source(id),
    locale TEXT NOT NULL REFERENCES locale(code),
    author TEXT NOT NULL,
    outlet TEXT NOT NULL,
    PRIMARY KEY (source, locale)
) WITHOUT ROWID;
