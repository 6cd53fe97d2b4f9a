-- Progression reads a client's recent days across all drills (the asymmetry of the last 7
-- days for the attention queue and the overview): the existing progress index leads with the
-- drill, so a date range over all drills scanned the client's whole history. This one is
-- covering, so those reads are index-only. INCLUDE works on PostgreSQL 11+ and PGlite.
CREATE INDEX IF NOT EXISTS "practice_entries_client_date_idx" ON "practice_entries" ("studio_id", "client_id", "local_date") INCLUDE ("drill_id", "side", "value");
