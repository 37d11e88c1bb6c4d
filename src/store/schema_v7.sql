-- Version 7: a video's identity, its account and TikTok id, is kept unique by a named index
-- (`videos_identity`) instead of a constraint inside the table, which SQLite cannot set aside.
-- A big import drops the index inside its transaction, knows the videos by identity in memory
-- meanwhile, and builds the index once before it commits: sorted, that is about half the work
-- of a million inserts into it in random order. The table is rebuilt with the same columns and
-- rows; the migration runs with foreign-key enforcement off, so dropping the old table
-- deletes no snapshot.
CREATE TABLE videos_v7 (
    id             INTEGER PRIMARY KEY,
    account_id     INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    platform_id    TEXT NOT NULL,
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
INSERT INTO videos_v7 (id, account_id, platform_id, posted_at, caption, hashtags, duration_s,
        sound, link, allow_duet, allow_stitch, allow_comments, draft_id, shared_seq)
    SELECT id, account_id, platform_id, posted_at, caption, hashtags, duration_s, sound, link,
        allow_duet, allow_stitch, allow_comments, draft_id, shared_seq
    FROM videos;
DROP TABLE videos;
ALTER TABLE videos_v7 RENAME TO videos;
CREATE UNIQUE INDEX videos_identity ON videos(account_id, platform_id);
