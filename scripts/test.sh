#!/usr/bin/env bash
# npm test: everything from nothing — dependencies, Temporal CLI, PostgreSQL, migrations — then lint,
# type check, unit and integration tests; tears down what it started.
source "$(dirname "$0")/common.sh"
cd "$KOPPELING_ROOT"

mode=all
[ "${1:-}" = --chaos ] && mode=chaos
start=$SECONDS
bash scripts/install-deps.sh
bash scripts/install-temporal.sh >/dev/null
bash scripts/install-postgres.sh >/dev/null
bash scripts/install-compose.sh
bash scripts/install-chromium.sh

STACK_NAME=test PG_PORT="${KOPPELING_TEST_PG_PORT:-55439}" TEMPORAL_PORT="${KOPPELING_TEST_TEMPORAL_PORT:-7239}"
# The Web UI runs in tests too: the browser test opens it.
TEMPORAL_UI="${KOPPELING_TEST_TEMPORAL_UI_PORT:-18233}"
source scripts/stack.sh
# Leftovers of an earlier run (or of scripts/test-stack-up.sh) are stopped: every run starts clean.
bash scripts/temporal.sh stop "$TEMPORAL_PID" >/dev/null 2>&1 || true
bash scripts/postgres.sh stop "$PG_DATA" >/dev/null 2>&1 || true
rm -rf "$PG_DATA" "$STACK_DIR"/temporal.sqlite*
stack_start koppeling_test "$STACK_DIR/temporal.sqlite"
export KOPPELING_TEMPORAL_UI_URL="http://127.0.0.1:$TEMPORAL_UI"
export KOPPELING_ENCRYPTION_KEY="${KOPPELING_ENCRYPTION_KEY:-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
export LOG_LEVEL="${LOG_LEVEL:-warn}" CI="${CI:-}"
say "stack up in $((SECONDS - start)) s"

if [ "$mode" = chaos ]; then
  npx jest --selectProjects integration --maxWorkers=1 test/integration/chaos
  exit $?
fi
say "lint and type check"
npx eslint . --max-warnings 0
npx tsc -p tsconfig.json --noEmit
npx prettier --check . >/dev/null || die "formatting differs from Prettier's: run npm run format"
say "unit and integration tests"
npx jest --selectProjects unit
npx jest --selectProjects integration --maxWorkers=1
say "all tests passed in $((SECONDS - start)) s"
