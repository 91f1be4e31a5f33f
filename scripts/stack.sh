# Starts PostgreSQL and the Temporal dev server for this shell and stops them on exit.
# Source it after common.sh with STACK_NAME, PG_PORT, TEMPORAL_PORT, TEMPORAL_UI (port or headless) set.
STACK_DIR="${KOPPELING_STATE_DIR:-/var/tmp/koppeling}/$STACK_NAME"
PG_DATA="$STACK_DIR/pg"
TEMPORAL_PID="$STACK_DIR/temporal.pid"
mkdir -p "$STACK_DIR"
[ "$(id -u)" = 0 ] && chmod 755 "${KOPPELING_STATE_DIR:-/var/tmp/koppeling}" "$STACK_DIR"

stack_stop() {
  bash "$KOPPELING_ROOT/scripts/temporal.sh" stop "$TEMPORAL_PID" || true
  bash "$KOPPELING_ROOT/scripts/postgres.sh" stop "$PG_DATA" || true
}

stack_start() { # database temporal-db-file
  local db="$1" temporal_db="$2"
  trap stack_stop EXIT
  bash "$KOPPELING_ROOT/scripts/postgres.sh" start "$PG_DATA" "$PG_PORT" "$db"
  bash "$KOPPELING_ROOT/scripts/temporal.sh" start "$temporal_db" "$TEMPORAL_PORT" "$TEMPORAL_UI" "$TEMPORAL_PID"
  export DATABASE_URL="postgres://koppeling@127.0.0.1:$PG_PORT/$db"
  export TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT"
  export KOPPELING_PG_DATA="$PG_DATA" KOPPELING_PG_PORT="$PG_PORT" KOPPELING_TEMPORAL_PID="$TEMPORAL_PID"
  export KOPPELING_TEMPORAL_DB="$temporal_db" KOPPELING_TEMPORAL_PORT="$TEMPORAL_PORT" KOPPELING_TEMPORAL_UI="$TEMPORAL_UI"
  (cd "$KOPPELING_ROOT" && npx tsx store/migrate.ts) || die "database migrations failed"
}
