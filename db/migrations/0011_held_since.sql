ALTER TABLE `cards` ADD `received_at` text;--> statement-breakpoint
ALTER TABLE `cards` ADD `picked_up_at` text;--> statement-breakpoint
CREATE INDEX `cards_overdue_ix` ON `cards` (`kind`,`state`,`received_at`);--> statement-breakpoint
-- Existing ledgers: the projections from the movements they already hold.
UPDATE `cards` SET
  `received_at` = (SELECT max(m.`at`) FROM `movements` m WHERE m.`card_id` = `cards`.`id` AND m.`type` IN ('receive', 'found')),
  `picked_up_at` = (SELECT max(m.`at`) FROM `movements` m WHERE m.`card_id` = `cards`.`id` AND m.`type` = 'agent_pickup');
