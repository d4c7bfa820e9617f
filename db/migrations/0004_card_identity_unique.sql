CREATE UNIQUE INDEX `cards_card_id_code_uq` ON `cards` (`card_id_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `cards_bank_card_no_uq` ON `cards` (`bank_card_no`);