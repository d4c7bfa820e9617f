CREATE TABLE `ledger_outbox` (
	`seq` integer NOT NULL,
	`n` integer NOT NULL,
	`tbl` text NOT NULL,
	`sign` integer NOT NULL,
	`row` text NOT NULL,
	PRIMARY KEY(`seq`, `n`)
);
