CREATE TABLE `ledger_digests` (
	`tbl` text PRIMARY KEY NOT NULL,
	`digest` text NOT NULL,
	`seq` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ledger_seals` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`kind` text NOT NULL,
	`operation_id` text,
	`digests` text NOT NULL,
	`schema` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	`mac` text,
	`key_id` text
);
--> statement-breakpoint
CREATE TRIGGER ledger_seals_no_update BEFORE UPDATE ON ledger_seals
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: ledger_seals are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER ledger_seals_no_delete BEFORE DELETE ON ledger_seals
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: ledger_seals are append-only'); END;
