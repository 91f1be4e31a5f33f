#!/usr/bin/env bash
# Starts the test stack (PostgreSQL + Temporal dev server) and leaves it running, for running single test
# files while developing: `source <(bash scripts/test-stack-up.sh)` exports what the tests need.
source "$(dirname "$0")/common.sh"
cd "$KOPPELING_ROOT"
STACK_NAME=test PG_PORT="${KOPPELING_TEST_PG_PORT:-55439}" TEMPORAL_PORT="${KOPPELING_TEST_TEMPORAL_PORT:-7239}"
TEMPORAL_UI="${KOPPELING_TEST_TEMPORAL_UI_PORT:-18233}"
source scripts/stack.sh
if ! port_in_use "$TEMPORAL_PORT"; then
  bash scripts/postgres.sh start "$PG_DATA" "$PG_PORT" koppeling_test >&2
  setsid bash scripts/temporal.sh start "$STACK_DIR/temporal.sqlite" "$TEMPORAL_PORT" "$TEMPORAL_UI" "$TEMPORAL_PID" >&2 </dev/null
  DATABASE_URL="postgres://koppeling@127.0.0.1:$PG_PORT/koppeling_test" npx tsx store/migrate.ts >&2
fi
echo "export DATABASE_URL=postgres://koppeling@127.0.0.1:$PG_PORT/koppeling_test"
echo "export TEMPORAL_ADDRESS=127.0.0.1:$TEMPORAL_PORT"
echo "export KOPPELING_TEMPORAL_UI_URL=http://127.0.0.1:$TEMPORAL_UI"
echo "export KOPPELING_ENCRYPTION_KEY=${KOPPELING_ENCRYPTION_KEY:-00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff}"
