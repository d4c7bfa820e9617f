CREATE TABLE `remake_orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`card_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`ref` text,
	`operator_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `remake_orders_card_ix` ON `remake_orders` (`card_id`);--> statement-breakpoint
-- That a re-make was ordered is part of the record: appended, never changed (as 0001).
CREATE TRIGGER remake_orders_no_update BEFORE UPDATE ON remake_orders
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: re-make orders are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER remake_orders_no_delete BEFORE DELETE ON remake_orders
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: re-make orders are append-only'); END;
