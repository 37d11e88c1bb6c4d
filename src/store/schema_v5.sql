-- Version 5: the edit log as a team's outbox and inbox.
--
-- Each op records the account it concerns (the team server checks a member's account limits
-- against it) and the last server order its author had seen (`base_seq`, for the merge rule
-- of text fields). `seq` is the team server's order once the op was pushed or pulled; an op of
-- this machine without one waits in the outbox, unless the server refused it (`refused`, in
-- words). Ops pulled from teammates are `remote`. A text field two members changed without
-- seeing each other's change keeps the losing value in `field_conflicts` until someone picks.
ALTER TABLE edit_ops ADD COLUMN account_uuid TEXT;
ALTER TABLE edit_ops ADD COLUMN base_seq INTEGER;
ALTER TABLE edit_ops ADD COLUMN seq INTEGER;
ALTER TABLE edit_ops ADD COLUMN refused TEXT;
ALTER TABLE edit_ops ADD COLUMN origin TEXT NOT NULL DEFAULT 'local'
    CHECK (origin IN ('local', 'remote'));
CREATE UNIQUE INDEX edit_ops_seq ON edit_ops(seq) WHERE seq IS NOT NULL;
CREATE INDEX edit_ops_field ON edit_ops(entity_uuid, field, seq);

CREATE TABLE team_sync (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE field_conflicts (
    id          INTEGER PRIMARY KEY,
    entity_kind TEXT NOT NULL,
    entity_uuid TEXT NOT NULL,
    field       TEXT NOT NULL,
    -- The value that lost (JSON), who wrote it and the server order of their op.
    value       TEXT NOT NULL,
    author      TEXT NOT NULL,
    seq         INTEGER,
    resolved    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX field_conflicts_entity ON field_conflicts(entity_uuid, resolved);
