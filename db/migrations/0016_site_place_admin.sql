ALTER TABLE `places` ADD `printer_id` text;--> statement-breakpoint
ALTER TABLE `places` ADD `hopper_no` integer;--> statement-breakpoint
ALTER TABLE `places` ADD `retired_at` text;--> statement-breakpoint
ALTER TABLE `sites` ADD `retired_at` text;