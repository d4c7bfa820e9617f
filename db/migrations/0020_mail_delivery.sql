CREATE TABLE `mail_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`operation_id` text NOT NULL,
	`card_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`recipient` text NOT NULL,
	`address` text NOT NULL,
	`carrier` text NOT NULL,
	`tracking_no` text NOT NULL,
	`operator_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`operation_id`) REFERENCES `operations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mail_deliveries_card_ix` ON `mail_deliveries` (`card_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `mail_deliveries_operation_uq` ON `mail_deliveries` (`operation_id`);--> statement-breakpoint
CREATE TABLE `mail_outcomes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delivery_id` integer NOT NULL,
	`operation_id` text NOT NULL,
	`outcome` text NOT NULL,
	`detail` text NOT NULL,
	`operator_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`delivery_id`) REFERENCES `mail_deliveries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operation_id`) REFERENCES `operations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_outcomes_delivery_uq` ON `mail_outcomes` (`delivery_id`);--> statement-breakpoint
-- Mailings and their outcomes are part of the record: appended, never changed (as 0001).
CREATE TRIGGER mail_deliveries_no_update BEFORE UPDATE ON mail_deliveries
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: mail deliveries are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER mail_deliveries_no_delete BEFORE DELETE ON mail_deliveries
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: mail deliveries are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER mail_outcomes_no_update BEFORE UPDATE ON mail_outcomes
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: mail outcomes are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER mail_outcomes_no_delete BEFORE DELETE ON mail_outcomes
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: mail outcomes are append-only'); END;
