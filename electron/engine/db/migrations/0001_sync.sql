CREATE TABLE `chart_sync_executions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`schedule_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`trigger` text NOT NULL,
	`started_at` integer,
	`completed_at` integer,
	`next_attempt_at` integer,
	`error_message` text,
	`error_code` text,
	`rankings_created` integer DEFAULT 0 NOT NULL,
	`rankings_updated` integer DEFAULT 0 NOT NULL,
	`tracks_created` integer DEFAULT 0 NOT NULL,
	`tracks_updated` integer DEFAULT 0 NOT NULL,
	`periods_planned` integer DEFAULT 0 NOT NULL,
	`periods_synced` integer DEFAULT 0 NOT NULL,
	`periods_failed` integer DEFAULT 0 NOT NULL,
	`failed_periods_json` text,
	`worker_task_id` text,
	`retry_count` integer DEFAULT 0 NOT NULL,
	`max_retries` integer DEFAULT 3 NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`schedule_id`) REFERENCES `chart_sync_schedules`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "chart_sync_executions_status_check" CHECK("chart_sync_executions"."status" IN ('pending', 'running', 'completed', 'failed', 'cancelled', 'interrupted')),
	CONSTRAINT "chart_sync_executions_trigger_check" CHECK("chart_sync_executions"."trigger" IN ('scheduled', 'catch_up', 'immediate', 'manual', 'bulk', 'backfill'))
);
--> statement-breakpoint
CREATE INDEX `chart_sync_executions_schedule_created_idx` ON `chart_sync_executions` (`schedule_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `chart_sync_executions_status_idx` ON `chart_sync_executions` (`status`);--> statement-breakpoint
CREATE INDEX `chart_sync_executions_created_idx` ON `chart_sync_executions` (`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `chart_sync_executions_one_active` ON `chart_sync_executions` (`schedule_id`) WHERE "chart_sync_executions"."status" IN ('pending', 'running');--> statement-breakpoint
CREATE TABLE `chart_sync_schedules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`chart_id` integer NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`sync_frequency` text NOT NULL,
	`custom_interval_hours` integer,
	`cron_expression` text,
	`time_zone` text,
	`anchor_at` integer NOT NULL,
	`last_sync_at` integer,
	`next_sync_at` integer,
	`total_executions` integer DEFAULT 0 NOT NULL,
	`successful_executions` integer DEFAULT 0 NOT NULL,
	`failed_executions` integer DEFAULT 0 NOT NULL,
	`sync_immediately` integer DEFAULT false NOT NULL,
	`sync_historical_data` integer DEFAULT true NOT NULL,
	`fetch_track_metadata` integer DEFAULT true NOT NULL,
	`history_window_days` integer DEFAULT 365 NOT NULL,
	`attention_reason` text,
	`created_by` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`chart_id`) REFERENCES `charts`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "chart_sync_schedules_frequency_check" CHECK("chart_sync_schedules"."sync_frequency" IN ('daily', 'weekly', 'monthly', 'custom', 'cron')),
	CONSTRAINT "chart_sync_schedules_custom_check" CHECK("chart_sync_schedules"."sync_frequency" <> 'custom' OR "chart_sync_schedules"."custom_interval_hours" >= 1),
	CONSTRAINT "chart_sync_schedules_cron_check" CHECK("chart_sync_schedules"."sync_frequency" <> 'cron' OR ("chart_sync_schedules"."cron_expression" IS NOT NULL AND "chart_sync_schedules"."time_zone" IS NOT NULL)),
	CONSTRAINT "chart_sync_schedules_counts_check" CHECK("chart_sync_schedules"."successful_executions" + "chart_sync_schedules"."failed_executions" <= "chart_sync_schedules"."total_executions")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chart_sync_schedules_chart_unique` ON `chart_sync_schedules` (`chart_id`);--> statement-breakpoint
CREATE INDEX `chart_sync_schedules_due_idx` ON `chart_sync_schedules` (`is_active`,`next_sync_at`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`action` text NOT NULL,
	`chart_id` integer,
	`chart_slug` text,
	`schedule_id` integer,
	`execution_id` integer,
	`trigger` text,
	`result` text NOT NULL,
	`message` text,
	`detail_json` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_chart_at_idx` ON `audit_log` (`chart_id`,`at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value_json` text NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `task_queue` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`platform` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`max_attempts` integer DEFAULT 3 NOT NULL,
	`run_after` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`completed_at` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	CONSTRAINT "task_queue_kind_check" CHECK("task_queue"."kind" IN ('song_metadata', 'song_audience')),
	CONSTRAINT "task_queue_status_check" CHECK("task_queue"."status" IN ('queued', 'running', 'done', 'failed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `task_queue_one_open` ON `task_queue` (`kind`,`subject`,`platform`) WHERE "task_queue"."status" IN ('queued', 'running');--> statement-breakpoint
CREATE INDEX `task_queue_ready_idx` ON `task_queue` (`status`,`run_after`);