-- Scrollstop workspace, schema version 1.
-- Instants are INTEGER unix seconds (UTC); calendar dates are TEXT 'YYYY-MM-DD';
-- wall times are TEXT 'YYYY-MM-DDTHH:MM:SS' local to the row's IANA zone.

CREATE TABLE accounts (
    id                INTEGER PRIMARY KEY,
    handle            TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name      TEXT NOT NULL DEFAULT '',
    time_zone         TEXT NOT NULL,
    region            TEXT NOT NULL DEFAULT '',
    language          TEXT NOT NULL DEFAULT '',
    posts_per_day     INTEGER NOT NULL DEFAULT 2,
    min_spacing_hours REAL NOT NULL DEFAULT 3.0,
    allowed_days      INTEGER NOT NULL DEFAULT 127,
    first_hour        INTEGER NOT NULL DEFAULT 8,
    last_hour         INTEGER NOT NULL DEFAULT 22,
    created_at        INTEGER NOT NULL,
    trashed_at        INTEGER
);

CREATE TABLE subcultures (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    hashtags    TEXT NOT NULL DEFAULT '',   -- space-separated, without '#'
    description TEXT NOT NULL DEFAULT '',
    colour      TEXT NOT NULL DEFAULT '#888888',
    created_at  INTEGER NOT NULL,
    trashed_at  INTEGER
);
CREATE UNIQUE INDEX subcultures_live_name ON subcultures(name COLLATE NOCASE) WHERE trashed_at IS NULL;

CREATE TABLE drafts (
    id               INTEGER PRIMARY KEY,
    account_id       INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    title            TEXT NOT NULL DEFAULT '',
    hook             TEXT NOT NULL DEFAULT '',
    opening          TEXT NOT NULL DEFAULT 'neutral',
    caption          TEXT NOT NULL DEFAULT '',
    hashtags         TEXT NOT NULL DEFAULT '',
    subculture_id    INTEGER REFERENCES subcultures(id) ON DELETE SET NULL,
    sound            TEXT,
    sound_bpm        INTEGER,
    duration_s       REAL,
    aspect           TEXT NOT NULL DEFAULT '9:16',
    uses_text        INTEGER NOT NULL DEFAULT 0,
    uses_effects     INTEGER NOT NULL DEFAULT 0,
    uses_green_screen INTEGER NOT NULL DEFAULT 0,
    trending_effect  TEXT,
    allow_duet       INTEGER NOT NULL DEFAULT 1,
    allow_stitch     INTEGER NOT NULL DEFAULT 1,
    allow_comments   INTEGER NOT NULL DEFAULT 1,
    language         TEXT NOT NULL DEFAULT '',
    region           TEXT NOT NULL DEFAULT '',
    media_path       TEXT,
    media_hash       TEXT,
    status           TEXT NOT NULL DEFAULT 'idea',
    assignee         TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    trashed_at       INTEGER
);
CREATE INDEX drafts_account ON drafts(account_id, trashed_at);

CREATE TABLE draft_comments (
    id         INTEGER PRIMARY KEY,
    draft_id   INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    author     TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    body       TEXT NOT NULL
);
CREATE INDEX draft_comments_draft ON draft_comments(draft_id);

CREATE TABLE trend_items (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL,
    name          TEXT NOT NULL,
    region        TEXT NOT NULL DEFAULT '',
    industry      TEXT NOT NULL DEFAULT '',
    bpm           INTEGER,
    duration_s    REAL,
    commercial_ok INTEGER,
    UNIQUE (kind, name, region)
);

CREATE TABLE trend_captures (
    id          INTEGER PRIMARY KEY,
    item_id     INTEGER NOT NULL REFERENCES trend_items(id) ON DELETE CASCADE,
    captured_at INTEGER NOT NULL,
    rank        INTEGER,
    rank_change INTEGER,
    posts       INTEGER,
    views       INTEGER,
    period_days INTEGER NOT NULL DEFAULT 7,
    source      TEXT NOT NULL DEFAULT '',
    UNIQUE (item_id, captured_at, period_days)
);

CREATE TABLE videos (
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
    UNIQUE (account_id, platform_id)
);
CREATE INDEX videos_account_posted ON videos(account_id, posted_at);

CREATE TABLE video_snapshots (
    video_id        INTEGER NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
    captured_at     INTEGER NOT NULL,
    views           INTEGER NOT NULL,
    likes           INTEGER,
    comments        INTEGER,
    shares          INTEGER,
    saves           INTEGER,
    avg_watch_s     REAL,
    full_watch_rate REAL,
    PRIMARY KEY (video_id, captured_at)
) WITHOUT ROWID;

CREATE TABLE daily_metrics (
    account_id        INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    date              TEXT NOT NULL,
    video_views       INTEGER,
    profile_views     INTEGER,
    likes             INTEGER,
    comments          INTEGER,
    shares            INTEGER,
    reached_audience  INTEGER,
    total_viewers     INTEGER,
    new_viewers       INTEGER,
    returning_viewers INTEGER,
    followers         INTEGER,
    follower_change   INTEGER,
    PRIMARY KEY (account_id, date)
) WITHOUT ROWID;

CREATE TABLE follower_activity (
    account_id       INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    date             TEXT NOT NULL,     -- local to the account's zone
    hour             INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
    active_followers INTEGER NOT NULL,
    PRIMARY KEY (account_id, date, hour)
) WITHOUT ROWID;

CREATE TABLE audience_shares (
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    dimension   TEXT NOT NULL,          -- 'gender' | 'territory'
    key         TEXT NOT NULL,
    share       REAL NOT NULL,
    captured_on TEXT NOT NULL,
    PRIMARY KEY (account_id, dimension, key, captured_on)
) WITHOUT ROWID;

CREATE TABLE plan_entries (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    draft_id   INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    wall_time  TEXT NOT NULL,
    zone       TEXT NOT NULL,
    instant    INTEGER NOT NULL,
    uid        TEXT NOT NULL UNIQUE,
    sequence   INTEGER NOT NULL DEFAULT 0,
    pinned     INTEGER NOT NULL DEFAULT 0,
    reason     TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX plan_entries_account_instant ON plan_entries(account_id, instant);

CREATE TABLE import_log (
    id           INTEGER PRIMARY KEY,
    file_name    TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    imported_at  INTEGER NOT NULL,
    report_kind  TEXT NOT NULL,
    account_id   INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
    summary      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
