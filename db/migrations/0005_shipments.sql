CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`set_by` integer,
	`set_at` text NOT NULL,
	FOREIGN KEY (`set_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `shipment_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shipment_id` integer NOT NULL,
	`type` text NOT NULL,
	`operation_id` text,
	`operator_id` integer NOT NULL,
	`at` text NOT NULL,
	`signer_name` text,
	`custodian_name` text,
	`place_id` integer,
	`counted_blind` integer,
	`expected_count` integer,
	`received` integer,
	`damaged` integer,
	`missing` integer,
	`extras` integer,
	`note` text,
	FOREIGN KEY (`shipment_id`) REFERENCES `shipments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operation_id`) REFERENCES `operations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`operator_id`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`place_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `shipment_events_shipment_ix` ON `shipment_events` (`shipment_id`);--> statement-breakpoint
CREATE TABLE `shipment_items` (
	`shipment_id` integer NOT NULL,
	`card_id` integer NOT NULL,
	FOREIGN KEY (`shipment_id`) REFERENCES `shipments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipment_items_uq` ON `shipment_items` (`shipment_id`,`card_id`);--> statement-breakpoint
CREATE INDEX `shipment_items_card_ix` ON `shipment_items` (`card_id`);--> statement-breakpoint
CREATE TABLE `shipments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`from_site_id` integer NOT NULL,
	`to_site_id` integer NOT NULL,
	`method` text NOT NULL,
	`tracking_no` text,
	`sender_name` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`note` text,
	FOREIGN KEY (`from_site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_number_uq` ON `shipments` (`number`);--> statement-breakpoint
CREATE INDEX `shipments_to_ix` ON `shipments` (`to_site_id`);--> statement-breakpoint
CREATE INDEX `shipments_from_ix` ON `shipments` (`from_site_id`);