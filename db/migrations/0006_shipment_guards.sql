-- A shipment's header, list and events are part of the record (GD Art. 12: paper and electronic
-- hand-over records must agree and be kept 5 years): appended, never changed.
CREATE TRIGGER shipments_no_update BEFORE UPDATE ON shipments
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: shipments are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER shipments_no_delete BEFORE DELETE ON shipments
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: shipments are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER shipment_items_no_update BEFORE UPDATE ON shipment_items
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: shipment_items are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER shipment_items_no_delete BEFORE DELETE ON shipment_items
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: shipment_items are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER shipment_events_no_update BEFORE UPDATE ON shipment_events
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: shipment_events are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER shipment_events_no_delete BEFORE DELETE ON shipment_events
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: shipment_events are append-only'); END;
