-- Written by hand from drizzle-kit's output: drizzle-kit cannot say WITHOUT ROWID, nor how the old columns are
-- encoded (electron/engine/db/ranking-entries.ts is the reference; the conditions below are its SQL twin).
CREATE TABLE `sequences` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `chart_rankings` ADD `time_on_chart_unit` text;--> statement-breakpoint
ALTER TABLE `chart_rankings` ADD `stored_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Each ranking's most common unit (ties: the smallest), and as its stored_seq the highest entry id it held: an
-- export's watermark taken before this migration (an entry id) compares the same way with stored_seq.
UPDATE `chart_rankings` SET
	`time_on_chart_unit` = (
		SELECT e.`time_on_chart_unit` FROM `chart_ranking_entries` e WHERE e.`ranking_id` = `chart_rankings`.`id`
		GROUP BY e.`time_on_chart_unit` ORDER BY count(*) DESC, e.`time_on_chart_unit` LIMIT 1),
	`stored_seq` = coalesce((SELECT max(e.`id`) FROM `chart_ranking_entries` e WHERE e.`ranking_id` = `chart_rankings`.`id`), 0);
--> statement-breakpoint
INSERT INTO `sequences` (`name`, `value`) VALUES ('ranking_entries', max(
	coalesce((SELECT `seq` FROM `sqlite_sequence` WHERE `name` = 'chart_ranking_entries'), 0),
	coalesce((SELECT max(`stored_seq`) FROM `chart_rankings`), 0)));
--> statement-breakpoint
CREATE TABLE `__new_chart_ranking_entries` (
	`ranking_id` integer NOT NULL,
	`position` integer NOT NULL,
	`song_id` integer NOT NULL,
	`old_position` integer NOT NULL,
	`metric` real,
	`time_on_chart` integer,
	`entry_days` integer,
	`extra` text,
	PRIMARY KEY(`ranking_id`, `position`),
	FOREIGN KEY (`ranking_id`) REFERENCES `chart_rankings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`song_id`) REFERENCES `songs`(`id`) ON UPDATE no action ON DELETE restrict
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_chart_ranking_entries` ("ranking_id", "position", "song_id", "old_position", "metric", "time_on_chart", "entry_days", "extra")
SELECT ranking_id, position, song_id, old_position, metric, time_on_chart,
	CASE WHEN rebuildable THEN julianday(substr(datetime, 1, 10)) - julianday(substr(entry_date, 1, 10)) - coalesce(time_on_chart, 0) END,
	nullif('{' || rtrim(
		CASE WHEN entry_date IS NOT NULL AND NOT rebuildable THEN '"entryDate":' || json_quote(entry_date) || ',' ELSE '' END ||
		CASE WHEN rank_date IS NOT datetime THEN '"rankDate":' || json_quote(rank_date) || ',' ELSE '' END ||
		CASE WHEN entry_state <> '' THEN '"entryState":' || json_quote(entry_state) || ',' ELSE '' END ||
		CASE WHEN time_on_chart_unit IS NOT unit THEN '"timeOnChartUnit":' || json_quote(time_on_chart_unit) || ',' ELSE '' END ||
		CASE WHEN position_evolution <> CASE WHEN old_position = 0 THEN 0 ELSE old_position - position END
			THEN '"positionEvolution":' || position_evolution || ',' ELSE '' END, ',') || '}', '{}')
FROM (
	SELECT e.*, r.`ranking_datetime` AS datetime, r.`time_on_chart_unit` AS unit,
		e.`entry_date` IS NOT NULL AND length(e.`entry_date`) = length(r.`ranking_datetime`)
			AND substr(e.`entry_date`, 11) = substr(r.`ranking_datetime`, 11)
			AND date(substr(e.`entry_date`, 1, 10)) IS substr(e.`entry_date`, 1, 10)
			AND date(substr(r.`ranking_datetime`, 1, 10)) IS substr(r.`ranking_datetime`, 1, 10) AS rebuildable
	FROM `chart_ranking_entries` e JOIN `chart_rankings` r ON r.`id` = e.`ranking_id`
)
ORDER BY ranking_id, position;
--> statement-breakpoint
DROP TABLE `chart_ranking_entries`;--> statement-breakpoint
ALTER TABLE `__new_chart_ranking_entries` RENAME TO `chart_ranking_entries`;--> statement-breakpoint
CREATE INDEX `chart_ranking_entries_song_idx` ON `chart_ranking_entries` (`song_id`);--> statement-breakpoint
CREATE INDEX `chart_rankings_stored_seq_idx` ON `chart_rankings` (`stored_seq`);
