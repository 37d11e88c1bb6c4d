-- Version 6: imported analytics are shared with a team by their natural keys.
--
-- `shared_seq` is the team server's order of the row's last sent or received value: NULL
-- while the row (new or changed here) waits to be sent, -1 when the server refused it. Every
-- write of an import leaves it NULL; a teammate's value is taken only over a row that is not
-- waiting and is older in the team's order, so every member ends with the value ordered last.
ALTER TABLE videos ADD COLUMN shared_seq INTEGER;
ALTER TABLE video_snapshots ADD COLUMN shared_seq INTEGER;
ALTER TABLE daily_metrics ADD COLUMN shared_seq INTEGER;
ALTER TABLE follower_activity ADD COLUMN shared_seq INTEGER;
ALTER TABLE audience_shares ADD COLUMN shared_seq INTEGER;
