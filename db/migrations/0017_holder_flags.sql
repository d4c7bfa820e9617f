CREATE TABLE `holder_flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`holder_id` integer NOT NULL,
	`kind` text NOT NULL,
	`action` text NOT NULL,
	`on` text,
	`source` text,
	`reason` text,
	`operator_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`holder_id`) REFERENCES `holders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `holder_flags_holder_ix` ON `holder_flags` (`holder_id`);--> statement-breakpoint
DROP INDEX `cards_overdue_list_ix`;--> statement-breakpoint
CREATE INDEX `cards_overdue_list_ix` ON `cards` (`site_id`,`state`,`received_at`,`picked_up_at`,`card_no`,`holder_id`,`batch_id`,`issue_date`) WHERE "cards"."kind" = 'finished' and "cards"."state" in ('in_stock', 'agent_held');--> statement-breakpoint
-- Holder flags are a record like the movements: a flag set in error is cleared by a later row.
CREATE TRIGGER holder_flags_no_update BEFORE UPDATE ON holder_flags
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: holder flags are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER holder_flags_no_delete BEFORE DELETE ON holder_flags
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: holder flags are append-only'); END;
