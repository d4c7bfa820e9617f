ALTER TABLE `places` ADD `printer_id` text;--> statement-breakpoint
ALTER TABLE `places` ADD `hopper_no` integer;--> statement-breakpoint
ALTER TABLE `places` ADD `retired_at` text;--> statement-breakpoint
ALTER TABLE `sites` ADD `retired_at` text;--> statement-breakpoint
-- A demo ledger made before hoppers carried their printer: its hoppers (制卡机1-卡盒1, one per
-- bank) are hopper 1 of the simulated printer 制卡机1, as a new demo ledger records them.
UPDATE `places` SET `printer_id` = '制卡机1', `hopper_no` = 1
 WHERE `kind` = 'hopper' AND `printer_id` IS NULL AND `name` = '制卡机1-卡盒1'
   AND EXISTS (SELECT 1 FROM `ledger_meta` WHERE `key` = 'is_demo' AND `value` = '1');
