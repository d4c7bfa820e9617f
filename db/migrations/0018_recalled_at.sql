DROP INDEX `cards_overdue_list_ix`;--> statement-breakpoint
ALTER TABLE `cards` ADD `recalled_at` text;--> statement-breakpoint
-- The projection from the movements already written: the last recall not followed by an issue
-- (sbk verify replays the same rule).
UPDATE `cards` SET `recalled_at` = (SELECT max(m.`at`) FROM `movements` m WHERE m.`card_id` = `cards`.`id` AND m.`type` = 'recall')
WHERE `id` IN (SELECT `card_id` FROM `movements` WHERE `type` = 'recall')
  AND (SELECT max(m.`id`) FROM `movements` m WHERE m.`card_id` = `cards`.`id` AND m.`type` = 'recall')
    > coalesce((SELECT max(m.`id`) FROM `movements` m WHERE m.`card_id` = `cards`.`id` AND m.`type` = 'issue'), 0);--> statement-breakpoint
CREATE INDEX `cards_recalled_ix` ON `cards` (`site_id`,`recalled_at`) WHERE "cards"."recalled_at" is not null;--> statement-breakpoint
CREATE INDEX `cards_overdue_list_ix` ON `cards` (`site_id`,`state`,`received_at`,`picked_up_at`,`card_no`,`holder_id`,`batch_id`,`issue_date`,`recalled_at`) WHERE "cards"."kind" = 'finished' and "cards"."state" in ('in_stock', 'agent_held');