CREATE TABLE `application_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`content_sha256` text NOT NULL,
	`bank` text NOT NULL,
	`agency` text NOT NULL,
	`file_time` text NOT NULL,
	`row_count` integer NOT NULL,
	`encoding` text NOT NULL,
	`site_id` integer NOT NULL,
	`operator_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `application_files_sha_uq` ON `application_files` (`content_sha256`);--> statement-breakpoint
CREATE TABLE `applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_id` integer NOT NULL,
	`line` integer NOT NULL,
	`seq` integer NOT NULL,
	`form_code` text NOT NULL,
	`id_type` text NOT NULL,
	`id_number` text NOT NULL,
	`name` text NOT NULL,
	`birth_date` text NOT NULL,
	`mobile` text,
	`phone` text NOT NULL,
	`address` text,
	`unit_code` text,
	`unit_name` text,
	`bank` text NOT NULL,
	`fields` text NOT NULL,
	`photo_name` text,
	`photo_bytes` integer,
	`photo_sha256` text,
	FOREIGN KEY (`file_id`) REFERENCES `application_files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `applications_id_number_ix` ON `applications` (`id_number`);--> statement-breakpoint
CREATE INDEX `applications_file_ix` ON `applications` (`file_id`);--> statement-breakpoint
CREATE TABLE `contact_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`card_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`channel` text NOT NULL,
	`result` text,
	`operator_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contact_attempts_card_ix` ON `contact_attempts` (`card_id`);--> statement-breakpoint
-- Application files, applications and contact attempts are part of the record: appended, never changed (as 0001).
CREATE TRIGGER application_files_no_update BEFORE UPDATE ON application_files
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: application files are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER application_files_no_delete BEFORE DELETE ON application_files
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: application files are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER applications_no_update BEFORE UPDATE ON applications
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: applications are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER applications_no_delete BEFORE DELETE ON applications
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: applications are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER contact_attempts_no_update BEFORE UPDATE ON contact_attempts
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: contact attempts are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER contact_attempts_no_delete BEFORE DELETE ON contact_attempts
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: contact attempts are append-only'); END;
