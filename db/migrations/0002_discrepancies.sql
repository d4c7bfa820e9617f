CREATE TABLE `discrepancies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`kind` text NOT NULL,
	`card_id` integer,
	`card_no` text NOT NULL,
	`box_id` integer,
	`ref_kind` text NOT NULL,
	`ref_id` text NOT NULL,
	`note` text,
	`operation_id` text NOT NULL,
	`opened_by` integer NOT NULL,
	`opened_at` text NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`box_id`) REFERENCES `boxes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operation_id`) REFERENCES `operations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `discrepancies_site_ix` ON `discrepancies` (`site_id`);--> statement-breakpoint
CREATE INDEX `discrepancies_ref_ix` ON `discrepancies` (`ref_kind`,`ref_id`);--> statement-breakpoint
CREATE TABLE `discrepancy_closures` (
	`discrepancy_id` integer PRIMARY KEY NOT NULL,
	`closed_by` integer NOT NULL,
	`closed_at` text NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`discrepancy_id`) REFERENCES `discrepancies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
