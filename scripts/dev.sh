#!/usr/bin/env bash
# npm run dev: the whole system locally in the foreground — Temporal dev server with its Web UI,
# PostgreSQL, both sandboxes seeded, the worker, the admin API and an activated demo tenant.
# Ctrl-C stops everything it started.
source "$(dirname "$0")/common.sh"
cd "$KOPPELING_ROOT"

bash scripts/install-deps.sh
bash scripts/install-temporal.sh >/dev/null
bash scripts/install-postgres.sh >/dev/null

once=false
for arg in "$@"; do [ "$arg" = --once ] && once=true; done
if $once; then
  # A run to a quiet point uses ports of its own, so it can run beside an interactive `npm run dev`.
  STACK_NAME=dev-once PG_PORT="${KOPPELING_PG_PORT:-54339}" TEMPORAL_PORT="${TEMPORAL_PORT:-7249}" TEMPORAL_UI=headless
else
  STACK_NAME=dev PG_PORT="${KOPPELING_PG_PORT:-54329}" TEMPORAL_PORT="${TEMPORAL_PORT:-7233}" TEMPORAL_UI="${TEMPORAL_UI_PORT:-8233}"
fi
source scripts/stack.sh
# Each run starts from a clean demo: fresh Temporal history and database.
bash scripts/postgres.sh stop "$PG_DATA" >/dev/null 2>&1 || true
rm -rf "$PG_DATA" "$STACK_DIR"/temporal.sqlite*
stack_start koppeling "$STACK_DIR/temporal.sqlite" >&2
say "PostgreSQL on 127.0.0.1:$PG_PORT, Temporal on $TEMPORAL_ADDRESS$([ "$TEMPORAL_UI" != headless ] && echo ", Web UI http://127.0.0.1:$TEMPORAL_UI")"
export KOPPELING_TEMPORAL_UI_URL="$([ "$TEMPORAL_UI" != headless ] && echo "http://127.0.0.1:$TEMPORAL_UI" || echo "")"
npx tsx client/dev/main.ts "$@"
