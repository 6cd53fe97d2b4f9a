#!/usr/bin/env bash
# `npm test`: the whole suite on a fresh machine. Type check, lint, unit tests, the integration
# suite on PGlite and then on a real PostgreSQL (a fresh database per run), and the
# end-to-end stories in Debian's Chromium against the production build.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ]; then
  echo "Debian's Chromium is missing; installing it with apt (the e2e tests drive it)…"
  if ! { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium; }; then
    echo "Could not install Chromium. Install the 'chromium' package (apt-get install -y chromium) or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi

TEST_PG_ADMIN_URL="$(bash scripts/ensure-postgres.sh)"
export TEST_PG_ADMIN_URL

step() { printf '\n=== %s\n' "$1"; }

step "type check and lint (layers one way, no import cycles), side by side"
# Each is one single-threaded process: on two cores they take the time of the longer one.
checks="$(mktemp -d)"
npx tsc --noEmit >"$checks/tsc" 2>&1 & tsc_pid=$!
npx eslint . >"$checks/eslint" 2>&1 & eslint_pid=$!
tsc_ok=0; eslint_ok=0
wait "$tsc_pid" || tsc_ok=$?
wait "$eslint_pid" || eslint_ok=$?
echo "--- tsc"; cat "$checks/tsc"; echo "--- eslint"; cat "$checks/eslint"
rm -rf "$checks"
if [ "$tsc_ok" != 0 ] || [ "$eslint_ok" != 0 ]; then echo "The type check or the lint failed (above)." >&2; exit 1; fi

step "unit tests"
npx vitest run --project unit

step "integration tests on PGlite"
TEST_DB=pglite npx vitest run --project integration

step "integration tests on PostgreSQL"
TEST_DB=postgres npx vitest run --project integration

step "end-to-end tests in Chromium"
# DATABASE_URL is the tests' server above; the app under test runs on its own fresh PGlite.
env -u DATABASE_URL npx playwright test

step "end-to-end: the live conversation stories on PostgreSQL"
# Live delivery goes through LISTEN/NOTIFY on PostgreSQL and in-process on PGlite: the stories of
# messages, live updates and push run again with the app on a fresh PostgreSQL database.
E2E_DATABASE_URL="$(TEST_PG_ADMIN_URL="$TEST_PG_ADMIN_URL" npx tsx scripts/fresh-pg-database.ts e2e_talk)"
E2E_DATABASE_URL="$E2E_DATABASE_URL" AUTH_SECRET="e2e-on-postgres-$(date +%s%N)-not-a-real-secret" env -u DATABASE_URL \
  npx playwright test e2e/talk-live.e2e.ts e2e/live-two-browsers.e2e.ts e2e/push-notifications.e2e.ts e2e/messages.e2e.ts
