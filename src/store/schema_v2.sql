-- Version 2: a leaner video table for big imports. The account's videos are found through the
-- UNIQUE (account_id, platform_id) index and sorted by post time when read (an account has a
-- few thousand at most), so a second index on (account_id, posted_at) only made each of a
-- million imported rows cost one more B-tree insert.
DROP INDEX videos_account_posted;
