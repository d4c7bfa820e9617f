CREATE TABLE `pickup_papers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pickup_ref` text NOT NULL,
	`operation_id` text NOT NULL,
	`site_id` integer NOT NULL,
	`unit_code` text NOT NULL,
	`unit_name` text NOT NULL,
	`contact_name` text NOT NULL,
	`contact_phone` text NOT NULL,
	`auth_ref` text NOT NULL,
	`auth_from` text NOT NULL,
	`auth_to` text NOT NULL,
	`operator_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`operation_id`) REFERENCES `operations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pickup_papers_ref_uq` ON `pickup_papers` (`pickup_ref`);--> statement-breakpoint
CREATE TABLE `pickup_settlements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pickup_ref` text NOT NULL,
	`operation_id` text NOT NULL,
	`card_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`operator_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`operation_id`) REFERENCES `operations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pickup_settlements_ref_ix` ON `pickup_settlements` (`pickup_ref`);--> statement-breakpoint
CREATE INDEX `pickup_settlements_card_ix` ON `pickup_settlements` (`card_id`);--> statement-breakpoint
-- A pickup's paperwork and its per-holder settlement are part of the record: appended, never changed (as 0001).
CREATE TRIGGER pickup_papers_no_update BEFORE UPDATE ON pickup_papers
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: pickup papers are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER pickup_papers_no_delete BEFORE DELETE ON pickup_papers
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: pickup papers are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER pickup_settlements_no_update BEFORE UPDATE ON pickup_settlements
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: pickup settlements are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER pickup_settlements_no_delete BEFORE DELETE ON pickup_settlements
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: pickup settlements are append-only'); END;
