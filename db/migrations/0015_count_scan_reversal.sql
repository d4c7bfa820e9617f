ALTER TABLE `stock_count_scans` ADD `reverses` integer REFERENCES stock_count_scans(id);--> statement-breakpoint
CREATE UNIQUE INDEX `stock_count_scans_reverses_uq` ON `stock_count_scans` (`reverses`);--> statement-breakpoint
-- Undo in the daily count appends a reversing line (GD Art. 36 一(四): the count is a record, never
-- changed). It must take back a scan of the same count that is not itself a reversal; the unique
-- index above keeps a scan from being taken back twice.
CREATE TRIGGER stock_count_scans_reversal_guard BEFORE INSERT ON stock_count_scans
WHEN NEW.reverses IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM stock_count_scans s WHERE s.id = NEW.reverses AND s.count_id = NEW.count_id AND s.reverses IS NULL
)
BEGIN SELECT RAISE(ABORT, 'SBK_REVERSAL: a reversing count line takes back one scan of the same count'); END;
