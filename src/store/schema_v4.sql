-- Version 4: global ids and the edit log.
--
-- Every row a team shares gets a UUID (version 7: its first 48 bits are the creation time in
-- milliseconds, the rest random) when it is created, whoever inserts it; rows that exist get
-- one now. Local integer ids stay for joins and never leave the machine. `new_uuid` is the
-- one place the value is made: a view evaluated afresh at every read.
CREATE VIEW new_uuid AS
SELECT lower(
           substr(t, 1, 8) || '-' || substr(t, 9, 4) || '-7' || substr(r, 1, 3) || '-' ||
           substr('89ab', (abs(random()) % 4) + 1, 1) || substr(r, 4, 3) || '-' ||
           substr(r, 7, 12)
       ) AS uuid
FROM (SELECT printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)) AS t,
             hex(randomblob(10)) AS r);

ALTER TABLE accounts ADD COLUMN uuid TEXT;
ALTER TABLE subcultures ADD COLUMN uuid TEXT;
ALTER TABLE drafts ADD COLUMN uuid TEXT;
ALTER TABLE draft_comments ADD COLUMN uuid TEXT;
ALTER TABLE trend_items ADD COLUMN uuid TEXT;
ALTER TABLE trend_captures ADD COLUMN uuid TEXT;
ALTER TABLE plan_entries ADD COLUMN uuid TEXT;
ALTER TABLE settings ADD COLUMN uuid TEXT;

-- (The always-true condition ties each subquery to its row, so every row gets its own.)
UPDATE accounts SET uuid = (SELECT uuid FROM new_uuid WHERE accounts.id = accounts.id);
UPDATE subcultures SET uuid = (SELECT uuid FROM new_uuid WHERE subcultures.id = subcultures.id);
UPDATE drafts SET uuid = (SELECT uuid FROM new_uuid WHERE drafts.id = drafts.id);
UPDATE draft_comments SET uuid = (SELECT uuid FROM new_uuid WHERE draft_comments.id = draft_comments.id);
UPDATE trend_items SET uuid = (SELECT uuid FROM new_uuid WHERE trend_items.id = trend_items.id);
UPDATE trend_captures SET uuid = (SELECT uuid FROM new_uuid WHERE trend_captures.id = trend_captures.id);
UPDATE plan_entries SET uuid = (SELECT uuid FROM new_uuid WHERE plan_entries.id = plan_entries.id);
UPDATE settings SET uuid = (SELECT uuid FROM new_uuid WHERE settings.key = settings.key);

CREATE UNIQUE INDEX accounts_uuid ON accounts(uuid);
CREATE UNIQUE INDEX subcultures_uuid ON subcultures(uuid);
CREATE UNIQUE INDEX drafts_uuid ON drafts(uuid);
CREATE UNIQUE INDEX draft_comments_uuid ON draft_comments(uuid);
CREATE UNIQUE INDEX trend_items_uuid ON trend_items(uuid);
CREATE UNIQUE INDEX trend_captures_uuid ON trend_captures(uuid);
CREATE UNIQUE INDEX plan_entries_uuid ON plan_entries(uuid);
CREATE UNIQUE INDEX settings_uuid ON settings(uuid);

CREATE TRIGGER accounts_new_uuid AFTER INSERT ON accounts WHEN NEW.uuid IS NULL
BEGIN UPDATE accounts SET uuid = (SELECT uuid FROM new_uuid) WHERE id = NEW.id; END;
CREATE TRIGGER subcultures_new_uuid AFTER INSERT ON subcultures WHEN NEW.uuid IS NULL
BEGIN UPDATE subcultures SET uuid = (SELECT uuid FROM new_uuid) WHERE id = NEW.id; END;
CREATE TRIGGER drafts_new_uuid AFTER INSERT ON drafts WHEN NEW.uuid IS NULL
BEGIN UPDATE drafts SET uuid = (SELECT uuid FROM new_uuid) WHERE id = NEW.id; END;
CREATE TRIGGER draft_comments_new_uuid AFTER INSERT ON draft_comments WHEN NEW.uuid IS NULL
BEGIN UPDATE draft_comments SET uuid = (SELECT uuid FROM new_uuid) WHERE id = NEW.id; END;
CREATE TRIGGER trend_items_new_uuid AFTER INSERT ON trend_items WHEN NEW.uuid IS NULL
BEGIN UPDATE trend_items SET uuid = (SELECT uuid FROM new_uuid) WHERE id = NEW.id; END;
CREATE TRIGGER trend_captures_new_uuid AFTER INSERT ON trend_captures WHEN NEW.uuid IS NULL
BEGIN UPDATE trend_captures SET uuid = (SELECT uuid FROM new_uuid) WHERE id = NEW.id; END;
CREATE TRIGGER plan_entries_new_uuid AFTER INSERT ON plan_entries WHEN NEW.uuid IS NULL
BEGIN UPDATE plan_entries SET uuid = (SELECT uuid FROM new_uuid) WHERE id = NEW.id; END;
CREATE TRIGGER settings_new_uuid AFTER INSERT ON settings WHEN NEW.uuid IS NULL
BEGIN UPDATE settings SET uuid = (SELECT uuid FROM new_uuid) WHERE key = NEW.key; END;

-- The edit log. One `edits` row per change a person applied (one Undo step), with what takes
-- it back (`undo`, JSON of the edit; NULL when it cannot be taken back) and where it stands
-- in its author's undo history; one `edit_ops` row per field it set, naming the entity by its
-- UUID, with the value written and the value before (JSON).
CREATE TABLE edits (
    id        INTEGER PRIMARY KEY,
    uuid      TEXT NOT NULL UNIQUE,
    author    TEXT NOT NULL,
    at        INTEGER NOT NULL,
    summary   TEXT NOT NULL,
    undo      TEXT,
    -- done: in effect and may be undone; undone: taken back, may be redone; redone: taken
    -- back and applied again by a later edit; closed: may no longer be redone (its author
    -- made another edit since); undo: an edit that took another back.
    state     TEXT NOT NULL DEFAULT 'done'
              CHECK (state IN ('done', 'undone', 'redone', 'closed', 'undo')),
    undoes    INTEGER REFERENCES edits(id),
    -- The draft whose autosaves still join this edit, until the editor moves on.
    joining   INTEGER
);
CREATE INDEX edits_author ON edits(author, id);

CREATE TABLE edit_ops (
    id          INTEGER PRIMARY KEY,
    op_id       TEXT NOT NULL UNIQUE,
    edit_id     INTEGER NOT NULL REFERENCES edits(id) ON DELETE CASCADE,
    entity_kind TEXT NOT NULL,
    entity_uuid TEXT NOT NULL,
    field       TEXT NOT NULL,
    value       TEXT,
    before      TEXT
);
CREATE INDEX edit_ops_entity ON edit_ops(entity_uuid, id);
