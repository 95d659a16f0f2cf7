ALTER TABLE `chart_sync_executions` ADD `requests_failed` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `chart_sync_executions` ADD `request_failures_json` text;--> statement-breakpoint
ALTER TABLE `chart_sync_executions` ADD `heartbeat_at` integer;