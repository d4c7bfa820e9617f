-- An instant issuance's steps are evidence of what the printer did (GD Annex 9 二): appended only.
CREATE TRIGGER instant_jobs_no_update BEFORE UPDATE ON instant_jobs
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: instant_jobs are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER instant_jobs_no_delete BEFORE DELETE ON instant_jobs
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: instant_jobs are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER instant_job_events_no_update BEFORE UPDATE ON instant_job_events
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: instant_job_events are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER instant_job_events_no_delete BEFORE DELETE ON instant_job_events
BEGIN SELECT RAISE(ABORT, 'SBK_APPEND_ONLY: instant_job_events are append-only'); END;
