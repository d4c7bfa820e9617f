-- The daily count is a record too (GD Art. 36 一(四)): appended, never changed.
CREATE TRIGGER stock_counts_no_update BEFORE UPDATE ON stock_counts
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: stock_counts are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER stock_counts_no_delete BEFORE DELETE ON stock_counts
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: stock_counts are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER stock_count_scans_no_update BEFORE UPDATE ON stock_count_scans
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: stock_count_scans are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER stock_count_scans_no_delete BEFORE DELETE ON stock_count_scans
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: stock_count_scans are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER stock_count_events_no_update BEFORE UPDATE ON stock_count_events
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: stock_count_events are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER stock_count_events_no_delete BEFORE DELETE ON stock_count_events
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: stock_count_events are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER stock_count_lines_no_update BEFORE UPDATE ON stock_count_lines
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: stock_count_lines are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER stock_count_lines_no_delete BEFORE DELETE ON stock_count_lines
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: stock_count_lines are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER stock_count_variances_no_update BEFORE UPDATE ON stock_count_variances
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: stock_count_variances are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER stock_count_variances_no_delete BEFORE DELETE ON stock_count_variances
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: stock_count_variances are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER stock_count_variance_reasons_no_update BEFORE UPDATE ON stock_count_variance_reasons
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: stock_count_variance_reasons are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER stock_count_variance_reasons_no_delete BEFORE DELETE ON stock_count_variance_reasons
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: stock_count_variance_reasons are append-only'); END;
