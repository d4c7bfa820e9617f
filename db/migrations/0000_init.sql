CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`type` text NOT NULL,
	`operator_id` integer,
	`subject_operator_id` integer,
	`site_id` integer,
	`detail` text,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_events_at_ix` ON `audit_events` (`at`);--> statement-breakpoint
CREATE TABLE `batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`bank` text NOT NULL,
	`maker` text NOT NULL,
	`city_code` text,
	`declared_count` integer NOT NULL,
	`import_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `batches_code_uq` ON `batches` (`code`);--> statement-breakpoint
CREATE TABLE `boxes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`label` text NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `boxes_batch_label_uq` ON `boxes` (`batch_id`,`label`);--> statement-breakpoint
CREATE TABLE `cards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`card_no` text NOT NULL,
	`card_id_code` text,
	`reset_code` text,
	`bank_card_no` text,
	`bank` text NOT NULL,
	`maker` text NOT NULL,
	`batch_id` integer,
	`box_id` integer,
	`box_position` text,
	`holder_id` integer,
	`issue_date` text,
	`expiry_date` text,
	`state` text NOT NULL,
	`site_id` integer NOT NULL,
	`place_id` integer,
	`state_since` text NOT NULL,
	`last_movement_id` integer NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`box_id`) REFERENCES `boxes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`holder_id`) REFERENCES `holders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`place_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cards_card_no_uq` ON `cards` (`card_no`);--> statement-breakpoint
CREATE INDEX `cards_site_state_ix` ON `cards` (`site_id`,`state`);--> statement-breakpoint
CREATE INDEX `cards_batch_ix` ON `cards` (`batch_id`);--> statement-breakpoint
CREATE INDEX `cards_holder_ix` ON `cards` (`holder_id`);--> statement-breakpoint
CREATE TABLE `holders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id_type` text NOT NULL,
	`id_number` text NOT NULL,
	`name` text NOT NULL,
	`phone` text,
	`deceased_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `holders_id_uq` ON `holders` (`id_type`,`id_number`);--> statement-breakpoint
CREATE INDEX `holders_name_ix` ON `holders` (`name`);--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`content_sha256` text NOT NULL,
	`kind` text NOT NULL,
	`row_count` integer NOT NULL,
	`site_id` integer NOT NULL,
	`operator_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `imports_sha_uq` ON `imports` (`content_sha256`);--> statement-breakpoint
CREATE TABLE `ledger_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `movements` (
	`id` integer PRIMARY KEY NOT NULL,
	`operation_id` text NOT NULL,
	`card_id` integer NOT NULL,
	`type` text NOT NULL,
	`from_state` text NOT NULL,
	`to_state` text NOT NULL,
	`from_site_id` integer,
	`from_place_id` integer,
	`to_site_id` integer NOT NULL,
	`to_place_id` integer,
	`operator_id` integer NOT NULL,
	`second_operator_id` integer,
	`counterpart_role` text,
	`counterpart_name` text,
	`counterpart_id_number` text,
	`method` text,
	`reason` text,
	`ref_kind` text,
	`ref_id` text,
	`at` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`operation_id`) REFERENCES `operations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_place_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_place_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`second_operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `movements_card_ix` ON `movements` (`card_id`);--> statement-breakpoint
CREATE INDEX `movements_ref_ix` ON `movements` (`ref_kind`,`ref_id`);--> statement-breakpoint
CREATE TABLE `operations` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`operator_id` integer NOT NULL,
	`request_sha256` text NOT NULL,
	`at` text NOT NULL,
	`movement_count` integer NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `operators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`login` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`site_id` integer NOT NULL,
	`pin_hash` text NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_at` text,
	`created_at` text NOT NULL,
	`demo_pin` text,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `operators_login_uq` ON `operators` (`login`);--> statement-breakpoint
CREATE TABLE `places` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`custodian_id` integer,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`custodian_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `places_site_name_uq` ON `places` (`site_id`,`name`);--> statement-breakpoint
CREATE TABLE `sites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`region_code` text NOT NULL,
	`parent_id` integer,
	`address` text,
	`phone` text,
	`bank` text,
	`in_scope` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sites_code_uq` ON `sites` (`code`);--> statement-breakpoint
CREATE INDEX `sites_parent_ix` ON `sites` (`parent_id`);