-- The ledger is the record: movements, operations and audit events are appended, never
-- changed. These triggers guard against our own bugs; `sbk verify` (hash chain) catches anyone
-- who drops them with the sqlite3 tool.
CREATE TRIGGER movements_no_update BEFORE UPDATE ON movements
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: movements are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER movements_no_delete BEFORE DELETE ON movements
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: movements are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER operations_no_update BEFORE UPDATE ON operations
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: operations are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER operations_no_delete BEFORE DELETE ON operations
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: operations are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: audit events are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: audit events are append-only'); END;
