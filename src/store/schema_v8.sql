-- Version 8: a TikTok id is stored as an integer when its text is exactly that integer's
-- decimal form, as TikTok's ids always are; other ids (those Scrollstop derives for rows
-- without one) stay text. The column has no declared type, so SQLite keeps each value as
-- written (a TEXT column would turn the integers back into text). Eight bytes instead of
-- nineteen characters per video: a smaller table and identity index, and less for a big
-- import to write and sort. The table is rebuilt with the same rows and ids, as in version 7;
-- the migration runs with foreign-key enforcement off, so dropping the old table deletes no
-- snapshot.
CREATE TABLE videos_v8 (
    id             INTEGER PRIMARY KEY,
    account_id     INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    platform_id    NOT NULL,
    posted_at      INTEGER NOT NULL,
    caption        TEXT NOT NULL DEFAULT '',
    hashtags       TEXT NOT NULL DEFAULT '',
    duration_s     REAL,
    sound          TEXT,
    link           TEXT,
    allow_duet     INTEGER,
    allow_stitch   INTEGER,
    allow_comments INTEGER,
    draft_id       INTEGER REFERENCES drafts(id) ON DELETE SET NULL,
    shared_seq     INTEGER
);
INSERT INTO videos_v8 (id, account_id, platform_id, posted_at, caption, hashtags, duration_s,
        sound, link, allow_duet, allow_stitch, allow_comments, draft_id, shared_seq)
    SELECT id, account_id,
        CASE WHEN CAST(CAST(platform_id AS INTEGER) AS TEXT) = platform_id
            THEN CAST(platform_id AS INTEGER) ELSE platform_id END,
        posted_at, caption, hashtags, duration_s, sound, link,
        allow_duet, allow_stitch, allow_comments, draft_id, shared_seq
    FROM videos;
DROP TABLE videos;
ALTER TABLE videos_v8 RENAME TO videos;
CREATE UNIQUE INDEX videos_identity ON videos(account_id, platform_id);
