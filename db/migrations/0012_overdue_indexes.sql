DROP INDEX `cards_site_state_ix`;--> statement-breakpoint
CREATE INDEX `cards_site_state_ix` ON `cards` (`site_id`,`state`,`received_at`);--> statement-breakpoint
CREATE INDEX `holders_deceased_ix` ON `holders` (`deceased_at`) WHERE "holders"."deceased_at" is not null;