-- Hot reads (issue 21). The overview reads 500 clients' cached streaks: stripping two years of
-- weeks from each summary on every read cost more than the rest of the read, so the stripped
-- part is kept beside it, computed by the database on each write of the cache. The studio's
-- runs of the last weeks (load spikes in the attention queue) are one range of an index.
ALTER TABLE "progress_snapshots" ADD COLUMN "summary_head" jsonb GENERATED ALWAYS AS (summary - 'weeks' - 'days') STORED;--> statement-breakpoint
CREATE INDEX "runs_studio_started_idx" ON "runs" USING btree ("studio_id","started_at");
