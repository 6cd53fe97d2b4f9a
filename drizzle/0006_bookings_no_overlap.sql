-- Two bookings of one trainer can never overlap, whatever the concurrency: a live booking
-- holds `blocked` (session plus break, half-open [start, end)), and the database refuses a
-- second live booking of the same trainer whose range meets it (SQLSTATE 23P01, which the
-- service turns into "That time was just taken."). Cancelled bookings free their time.
-- btree_gist (migration 0000) gives GiST the `=` on uuid. Runs on PostgreSQL 15+ and PGlite.
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap"
  EXCLUDE USING gist ("member_id" WITH =, "blocked" WITH &&) WHERE ("status" <> 'cancelled');
