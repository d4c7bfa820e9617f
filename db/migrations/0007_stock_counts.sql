CREATE TABLE `stock_count_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`count_id` integer NOT NULL,
	`type` text NOT NULL,
	`operator_id` integer NOT NULL,
	`second_operator_id` integer,
	`at` text NOT NULL,
	`note` text,
	FOREIGN KEY (`count_id`) REFERENCES `stock_counts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`second_operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_count_events_count_ix` ON `stock_count_events` (`count_id`);--> statement-breakpoint
CREATE TABLE `stock_count_lines` (
	`count_id` integer NOT NULL,
	`bank` text NOT NULL,
	`from_movement_id` integer NOT NULL,
	`to_movement_id` integer NOT NULL,
	`opening` integer NOT NULL,
	`received` integer NOT NULL,
	`consumed` integer NOT NULL,
	`spoiled` integer NOT NULL,
	`moved_out` integer NOT NULL,
	`closing` integer NOT NULL,
	`counted` integer NOT NULL,
	`missing` integer NOT NULL,
	`unexpected` integer NOT NULL,
	FOREIGN KEY (`count_id`) REFERENCES `stock_counts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_count_lines_uq` ON `stock_count_lines` (`count_id`,`bank`);--> statement-breakpoint
CREATE TABLE `stock_count_scans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`count_id` integer NOT NULL,
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`quantity` integer,
	`operator_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`count_id`) REFERENCES `stock_counts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_count_scans_count_ix` ON `stock_count_scans` (`count_id`);--> statement-breakpoint
CREATE TABLE `stock_count_variance_reasons` (
	`variance_id` integer PRIMARY KEY NOT NULL,
	`reason` text NOT NULL,
	`given_by` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`variance_id`) REFERENCES `stock_count_variances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`given_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `stock_count_variances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`count_id` integer NOT NULL,
	`kind` text NOT NULL,
	`card_no` text NOT NULL,
	`card_id` integer,
	`bank` text,
	`box` text,
	FOREIGN KEY (`count_id`) REFERENCES `stock_counts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_count_variances_count_ix` ON `stock_count_variances` (`count_id`);--> statement-breakpoint
CREATE TABLE `stock_counts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`bank` text,
	`started_by` integer NOT NULL,
	`started_at` text NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`started_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_counts_site_ix` ON `stock_counts` (`site_id`);