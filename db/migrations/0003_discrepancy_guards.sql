-- Discrepancies and their closures are part of the record: appended, never changed.
CREATE TRIGGER discrepancies_no_update BEFORE UPDATE ON discrepancies
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: discrepancies are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER discrepancies_no_delete BEFORE DELETE ON discrepancies
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: discrepancies are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER discrepancy_closures_no_update BEFORE UPDATE ON discrepancy_closures
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: discrepancy closures are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER discrepancy_closures_no_delete BEFORE DELETE ON discrepancy_closures
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: discrepancy closures are append-only'); END;
