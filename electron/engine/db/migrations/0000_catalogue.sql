CREATE TABLE `chart_ranking_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ranking_id` integer NOT NULL,
	`song_id` integer NOT NULL,
	`position` integer NOT NULL,
	`old_position` integer NOT NULL,
	`position_evolution` integer NOT NULL,
	`metric` real,
	`entry_state` text DEFAULT '' NOT NULL,
	`entry_date` text,
	`rank_date` text,
	`time_on_chart` integer,
	`time_on_chart_unit` text,
	FOREIGN KEY (`ranking_id`) REFERENCES `chart_rankings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`song_id`) REFERENCES `songs`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `chart_ranking_entries_ranking_position_idx` ON `chart_ranking_entries` (`ranking_id`,`position`);--> statement-breakpoint
CREATE INDEX `chart_ranking_entries_song_idx` ON `chart_ranking_entries` (`song_id`);--> statement-breakpoint
CREATE TABLE `chart_rankings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`chart_id` integer NOT NULL,
	`ranking_datetime` text NOT NULL,
	`ranking_date` text NOT NULL,
	`ranking_instant` integer NOT NULL,
	`entry_count` integer NOT NULL,
	`reported_total` integer NOT NULL,
	`fetched_at` integer NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`chart_id`) REFERENCES `charts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chart_rankings_chart_datetime_unique` ON `chart_rankings` (`chart_id`,`ranking_datetime`);--> statement-breakpoint
CREATE INDEX `chart_rankings_chart_date_idx` ON `chart_rankings` (`chart_id`,`ranking_date`);--> statement-breakpoint
CREATE TABLE `charts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`type` text DEFAULT 'song' NOT NULL,
	`platform` text NOT NULL,
	`frequency` text NOT NULL,
	`country_code` text DEFAULT '' NOT NULL,
	`country_name` text DEFAULT '' NOT NULL,
	`city_name` text DEFAULT '' NOT NULL,
	`max_results_count` integer,
	`web_url` text,
	`metric_type` text,
	`metric_description` text,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `charts_slug_unique` ON `charts` (`slug`);--> statement-breakpoint
CREATE INDEX `charts_platform_country_idx` ON `charts` (`platform`,`country_code`);--> statement-breakpoint
CREATE TABLE `song_audience` (
	`song_id` integer NOT NULL,
	`platform` text NOT NULL,
	`date` text NOT NULL,
	`value` real NOT NULL,
	`identifier` text,
	`fetched_at` integer NOT NULL,
	PRIMARY KEY(`song_id`, `platform`, `date`),
	FOREIGN KEY (`song_id`) REFERENCES `songs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `songs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`name` text NOT NULL,
	`credit_name` text DEFAULT '' NOT NULL,
	`image_url` text,
	`isrc` text,
	`isrc_country_code` text,
	`release_date` text,
	`duration_seconds` integer,
	`explicit` integer,
	`language_code` text,
	`copyright` text,
	`distributor` text,
	`app_url` text,
	`artists_json` text,
	`genres_json` text,
	`labels_json` text,
	`composers_json` text,
	`producers_json` text,
	`metadata_fetched_at` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `songs_uuid_unique` ON `songs` (`uuid`);--> statement-breakpoint
CREATE INDEX `songs_metadata_fetched_at_idx` ON `songs` (`metadata_fetched_at`);