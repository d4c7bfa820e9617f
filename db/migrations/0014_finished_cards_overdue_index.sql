DROP INDEX `cards_overdue_ix`;--> statement-breakpoint
CREATE INDEX `cards_overdue_ix` ON `cards` (`kind`,`state`,`received_at`) WHERE "cards"."kind" = 'finished';