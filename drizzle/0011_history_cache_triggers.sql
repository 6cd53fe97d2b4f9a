-- Keeps progress_snapshots and mastery_checks honest (see the schema's comment): any write
-- that touches a client's day at or before a cached date deletes the cached rows from that
-- date on. A session on the evening before counts as the warm-up of an early run, so a write
-- on day d reaches back to d - 1. The advisory lock pairs with the shared one a reader holds
-- while it rebuilds (progression/history-cache.ts): the two never interleave. Statement-level
-- triggers with transition tables: one call per client per statement, even for bulk imports.
CREATE OR REPLACE FUNCTION progress_cache_invalidate(p_client uuid, p_from date) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(74020, hashtext(p_client::text));
  DELETE FROM progress_snapshots WHERE client_id = p_client AND (p_from IS NULL OR through >= p_from);
  DELETE FROM mastery_checks WHERE client_id = p_client AND (p_from IS NULL OR coalesce(first_met, checked_through) >= p_from);
END $$;
--> statement-breakpoint
-- practice_sessions, practice_entries, runs: from the earliest local day written, per client.
CREATE OR REPLACE FUNCTION progress_cache_on_dated_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM progress_cache_invalidate(client_id, min(local_date) - 1) FROM new_rows GROUP BY client_id ORDER BY client_id;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM progress_cache_invalidate(client_id, min(local_date) - 1)
    FROM (SELECT client_id, local_date FROM new_rows UNION ALL SELECT client_id, local_date FROM old_rows) r GROUP BY client_id ORDER BY client_id;
  ELSE
    PERFORM progress_cache_invalidate(client_id, min(local_date) - 1) FROM old_rows GROUP BY client_id ORDER BY client_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- assignments and their versions: a prescription can start in the past; the whole cache goes.
CREATE OR REPLACE FUNCTION progress_cache_on_assignments() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM progress_cache_invalidate(client_id, NULL) FROM (SELECT DISTINCT client_id FROM old_rows) r ORDER BY client_id;
  ELSE
    PERFORM progress_cache_invalidate(client_id, NULL) FROM (SELECT DISTINCT client_id FROM new_rows) r ORDER BY client_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION progress_cache_on_assignment_versions() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM progress_cache_invalidate(client_id, NULL)
    FROM (SELECT DISTINCT a.client_id FROM old_rows v JOIN assignments a ON a.id = v.assignment_id) r ORDER BY client_id;
  ELSE
    PERFORM progress_cache_invalidate(client_id, NULL)
    FROM (SELECT DISTINCT a.client_id FROM new_rows v JOIN assignments a ON a.id = v.assignment_id) r ORDER BY client_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A client's time zone decides which local day each prescription change falls on.
CREATE OR REPLACE FUNCTION progress_cache_on_time_zone() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM progress_cache_invalidate(client_id, NULL)
  FROM (
    SELECT DISTINCT c.id AS client_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN clients c ON c.user_id = n.id
    WHERE n.time_zone IS DISTINCT FROM o.time_zone
  ) r ORDER BY client_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER practice_sessions_cache_ins AFTER INSERT ON practice_sessions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_cache_on_dated_rows();
--> statement-breakpoint
CREATE TRIGGER practice_sessions_cache_upd AFTER UPDATE ON practice_sessions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_cache_on_dated_rows();
--> statement-breakpoint
CREATE TRIGGER practice_sessions_cache_del AFTER DELETE ON practice_sessions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_cache_on_dated_rows();
--> statement-breakpoint
CREATE TRIGGER practice_entries_cache_ins AFTER INSERT ON practice_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_cache_on_dated_rows();
--> statement-breakpoint
CREATE TRIGGER practice_entries_cache_upd AFTER UPDATE ON practice_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_cache_on_dated_rows();
--> statement-breakpoint
CREATE TRIGGER practice_entries_cache_del AFTER DELETE ON practice_entries REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_cache_on_dated_rows();
--> statement-breakpoint
CREATE TRIGGER runs_cache_ins AFTER INSERT ON runs REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_cache_on_dated_rows();
--> statement-breakpoint
CREATE TRIGGER runs_cache_upd AFTER UPDATE ON runs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_cache_on_dated_rows();
--> statement-breakpoint
CREATE TRIGGER runs_cache_del AFTER DELETE ON runs REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_cache_on_dated_rows();
--> statement-breakpoint
CREATE TRIGGER assignments_cache_ins AFTER INSERT ON assignments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_cache_on_assignments();
--> statement-breakpoint
CREATE TRIGGER assignments_cache_upd AFTER UPDATE ON assignments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_cache_on_assignments();
--> statement-breakpoint
CREATE TRIGGER assignments_cache_del AFTER DELETE ON assignments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_cache_on_assignments();
--> statement-breakpoint
CREATE TRIGGER assignment_versions_cache_ins AFTER INSERT ON assignment_versions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_cache_on_assignment_versions();
--> statement-breakpoint
CREATE TRIGGER assignment_versions_cache_upd AFTER UPDATE ON assignment_versions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_cache_on_assignment_versions();
--> statement-breakpoint
CREATE TRIGGER assignment_versions_cache_del AFTER DELETE ON assignment_versions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_cache_on_assignment_versions();
--> statement-breakpoint
CREATE TRIGGER users_time_zone_cache_upd AFTER UPDATE ON users REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_cache_on_time_zone();
