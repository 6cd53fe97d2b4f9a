#!/usr/bin/env bash
# Makes a PostgreSQL server reachable for the tests and prints an admin URL on stdout.
# With DATABASE_URL set, that server is used as it is. Otherwise the local cluster is
# started (and PostgreSQL installed with apt where it is missing and we are root).
set -euo pipefail

if [ -n "${DATABASE_URL:-}" ]; then
  echo "$DATABASE_URL"
  exit 0
fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  echo "PostgreSQL is not installed; installing it with apt…" >&2
  if ! { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql; } >&2; then
    echo "Could not install PostgreSQL. Install it (apt-get install -y postgresql) or set DATABASE_URL to a server where this user may create databases." >&2
    exit 1
  fi
fi

version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$version main"; then
  as_root pg_createcluster "$version" main >&2
fi
status=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}')
if [ "$status" != "online" ]; then
  as_root pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')

# A role that may create and drop the per-run test databases.
as_root runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'stride_test') THEN
    CREATE ROLE stride_test LOGIN SUPERUSER PASSWORD 'stride_test';
  END IF;
END $$;
SQL
echo "postgres://stride_test:stride_test@127.0.0.1:${port}/postgres"
