-- Format 2 is format 1 (pack-v1.sql) and this table. A kiosk reads both: format 1 packs simply
-- have no display forms.

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
