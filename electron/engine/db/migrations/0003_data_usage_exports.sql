CREATE TABLE `api_usage_hourly` (
	`hour_start` integer NOT NULL,
	`kind` text NOT NULL,
	`requests` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`hour_start`, `kind`),
	CONSTRAINT "api_usage_hourly_kind_check" CHECK("api_usage_hourly"."kind" IN ('ranking', 'chart_list', 'metadata', 'audience', 'other'))
);
--> statement-breakpoint
CREATE TABLE `quota_samples` (
	`at` integer PRIMARY KEY NOT NULL,
	`remaining` integer NOT NULL,
	`quota_limit` integer
);
--> statement-breakpoint
CREATE TABLE `data_exports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dataset` text NOT NULL,
	`format` text,
	`filters_json` text DEFAULT '{}' NOT NULL,
	`destination` text NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`rows` integer DEFAULT 0 NOT NULL,
	`bytes` integer DEFAULT 0 NOT NULL,
	`watermark` integer,
	`error` text,
	`actor` text,
	`started_at` integer NOT NULL,
	`completed_at` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	CONSTRAINT "data_exports_dataset_check" CHECK("data_exports"."dataset" IN ('rankings', 'songs', 'audience', 'executions', 'backup')),
	CONSTRAINT "data_exports_format_check" CHECK("data_exports"."format" IS NULL OR "data_exports"."format" IN ('csv', 'tsv', 'xlsx', 'ndjson')),
	CONSTRAINT "data_exports_status_check" CHECK("data_exports"."status" IN ('running', 'completed', 'failed', 'cancelled'))
);
--> statement-breakpoint
CREATE INDEX `data_exports_started_idx` ON `data_exports` (`started_at`);--> statement-breakpoint
CREATE INDEX `data_exports_since_last_idx` ON `data_exports` (`dataset`,`destination`,`status`,`completed_at`);--> statement-breakpoint
ALTER TABLE `chart_sync_executions` ADD `requests_made` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `chart_sync_executions_completed_idx` ON `chart_sync_executions` (`completed_at`,`status`,`started_at`,`chart_id`,`schedule_id`);--> statement-breakpoint
CREATE INDEX `songs_isrc_idx` ON `songs` (`isrc`);