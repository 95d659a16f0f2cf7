-- Hand-edited: chart_id of existing executions comes from their schedule.
CREATE TABLE `alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`severity` text NOT NULL,
	`fold_key` text NOT NULL,
	`schedule_id` integer,
	`execution_id` integer,
	`chart_id` integer,
	`chart_slug` text,
	`chart_name` text,
	`message` text NOT NULL,
	`detail_json` text,
	`count` integer DEFAULT 1 NOT NULL,
	`last_seen_at` integer NOT NULL,
	`read_at` integer,
	`resolved_at` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	CONSTRAINT "alerts_kind_check" CHECK("alerts"."kind" IN ('sync_failed', 'schedule_overdue', 'credentials_rejected', 'quota_low', 'quota_exhausted', 'performance_degraded', 'sync_recovered')),
	CONSTRAINT "alerts_severity_check" CHECK("alerts"."severity" IN ('info', 'warning', 'error')),
	CONSTRAINT "alerts_count_check" CHECK("alerts"."count" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_one_open` ON `alerts` (`fold_key`) WHERE "alerts"."resolved_at" IS NULL;--> statement-breakpoint
CREATE INDEX `alerts_created_idx` ON `alerts` (`created_at`);--> statement-breakpoint
CREATE INDEX `alerts_unread_idx` ON `alerts` (`read_at`,`created_at`);--> statement-breakpoint
CREATE INDEX `alerts_schedule_idx` ON `alerts` (`schedule_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`webhook_id` integer,
	`url` text NOT NULL,
	`event` text NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_status_code` integer,
	`last_error` text,
	`delivered_at` integer,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	FOREIGN KEY (`webhook_id`) REFERENCES `webhooks`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "webhook_deliveries_status_check" CHECK("webhook_deliveries"."status" IN ('pending', 'delivered', 'failed'))
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_webhook_idx` ON `webhook_deliveries` (`webhook_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due_idx` ON `webhook_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `webhook_delivery_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delivery_id` integer NOT NULL,
	`attempt` integer NOT NULL,
	`at` integer NOT NULL,
	`status_code` integer,
	`error` text,
	`duration_ms` integer,
	FOREIGN KEY (`delivery_id`) REFERENCES `webhook_deliveries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webhook_delivery_attempts_delivery_idx` ON `webhook_delivery_attempts` (`delivery_id`,`attempt`);--> statement-breakpoint
CREATE TABLE `webhooks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`secret_ciphertext` text NOT NULL,
	`events_json` text NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`created_by` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL,
	`updated_at` integer DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)) NOT NULL
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_chart_sync_executions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`schedule_id` integer,
	`chart_id` integer NOT NULL,
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
	FOREIGN KEY (`schedule_id`) REFERENCES `chart_sync_schedules`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`chart_id`) REFERENCES `charts`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "chart_sync_executions_status_check" CHECK("__new_chart_sync_executions"."status" IN ('pending', 'running', 'completed', 'failed', 'cancelled', 'interrupted')),
	CONSTRAINT "chart_sync_executions_trigger_check" CHECK("__new_chart_sync_executions"."trigger" IN ('scheduled', 'catch_up', 'immediate', 'manual', 'bulk', 'backfill'))
);
--> statement-breakpoint
INSERT INTO `__new_chart_sync_executions`("id", "schedule_id", "chart_id", "status", "trigger", "started_at", "completed_at", "next_attempt_at", "error_message", "error_code", "rankings_created", "rankings_updated", "tracks_created", "tracks_updated", "periods_planned", "periods_synced", "periods_failed", "failed_periods_json", "worker_task_id", "retry_count", "max_retries", "created_at", "updated_at") SELECT e."id", e."schedule_id", s."chart_id", e."status", e."trigger", e."started_at", e."completed_at", e."next_attempt_at", e."error_message", e."error_code", e."rankings_created", e."rankings_updated", e."tracks_created", e."tracks_updated", e."periods_planned", e."periods_synced", e."periods_failed", e."failed_periods_json", e."worker_task_id", e."retry_count", e."max_retries", e."created_at", e."updated_at" FROM `chart_sync_executions` e JOIN `chart_sync_schedules` s ON s."id" = e."schedule_id";--> statement-breakpoint
DROP TABLE `chart_sync_executions`;--> statement-breakpoint
ALTER TABLE `__new_chart_sync_executions` RENAME TO `chart_sync_executions`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `chart_sync_executions_schedule_created_idx` ON `chart_sync_executions` (`schedule_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `chart_sync_executions_status_idx` ON `chart_sync_executions` (`status`);--> statement-breakpoint
CREATE INDEX `chart_sync_executions_created_idx` ON `chart_sync_executions` (`created_at`);--> statement-breakpoint
CREATE INDEX `chart_sync_executions_chart_created_idx` ON `chart_sync_executions` (`chart_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `chart_sync_executions_one_active` ON `chart_sync_executions` (`schedule_id`) WHERE "chart_sync_executions"."status" IN ('pending', 'running');--> statement-breakpoint
ALTER TABLE `audit_log` ADD `actor` text;--> statement-breakpoint
CREATE INDEX `audit_log_schedule_at_idx` ON `audit_log` (`schedule_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_action_at_idx` ON `audit_log` (`action`,`at`);