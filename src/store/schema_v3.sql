-- Version 3: a draft has at most one plan entry. Two planning runs at once could each place
-- the same draft; the unique index makes a second entry impossible. Copies left by such runs
-- are folded first: the pinned entry wins, then the oldest.
DELETE FROM plan_entries
WHERE id IN (
    SELECT id FROM (
        SELECT id, ROW_NUMBER() OVER (PARTITION BY draft_id ORDER BY pinned DESC, id) AS n
        FROM plan_entries
    )
    WHERE n > 1
);
CREATE UNIQUE INDEX plan_entries_one_per_draft ON plan_entries(draft_id);
