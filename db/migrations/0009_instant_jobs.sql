CREATE TABLE `instant_job_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_id` integer NOT NULL,
	`step` text NOT NULL,
	`blank_card_id` integer,
	`card_id` integer,
	`operator_id` integer NOT NULL,
	`at` text NOT NULL,
	`detail` text,
	FOREIGN KEY (`job_id`) REFERENCES `instant_jobs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`blank_card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `instant_job_events_job_ix` ON `instant_job_events` (`job_id`);--> statement-breakpoint
CREATE TABLE `instant_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_no` text NOT NULL,
	`operation_id` text NOT NULL,
	`site_id` integer NOT NULL,
	`operator_id` integer NOT NULL,
	`printer_id` text NOT NULL,
	`hopper_place_id` integer NOT NULL,
	`hopper_no` integer NOT NULL,
	`bank` text NOT NULL,
	`applicant_name` text NOT NULL,
	`applicant_id_type` text NOT NULL,
	`applicant_id_number` text NOT NULL,
	`card_no` text NOT NULL,
	`expected_blank_id` integer NOT NULL,
	`attempt` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hopper_place_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`expected_blank_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `instant_jobs_no_uq` ON `instant_jobs` (`job_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `instant_jobs_op_uq` ON `instant_jobs` (`operation_id`);--> statement-breakpoint
CREATE INDEX `instant_jobs_site_ix` ON `instant_jobs` (`site_id`);--> statement-breakpoint
DROP INDEX `cards_card_id_code_uq`;--> statement-breakpoint
DROP INDEX `cards_bank_card_no_uq`;--> statement-breakpoint
CREATE UNIQUE INDEX `cards_kind_card_id_code_uq` ON `cards` (`kind`,`card_id_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `cards_kind_bank_card_no_uq` ON `cards` (`kind`,`bank_card_no`);