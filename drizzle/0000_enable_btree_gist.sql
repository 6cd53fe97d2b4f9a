-- Bookings keep trainers from overlapping with an EXCLUDE constraint over a tstzrange;
-- that needs btree_gist (in PostgreSQL contrib, and in PGlite as a bundled extension).
CREATE EXTENSION IF NOT EXISTS btree_gist;
