#!/usr/bin/env bash
# temporal.sh start DB_FILE PORT UI_PORT|headless PID_FILE — the Temporal dev server, SQLite-backed
# temporal.sh stop PID_FILE
source "$(dirname "$0")/common.sh"

cmd="${1:-}"
case "$cmd" in
start)
  db="${2:?db file}"; port="${3:?port}"; ui="${4:?ui port or headless}"; pidfile="${5:?pid file}"
  bin="$(bash "$(dirname "$0")/install-temporal.sh")"
  require_free_port "$port" "Temporal frontend" "TEMPORAL_PORT"
  # WAL with synchronous=normal: commits survive a crash of the server process (what the chaos suite does),
  # without an fsync per history event, which otherwise makes SQLite the bottleneck under load.
  args=(server start-dev --db-filename "$db" --port "$port" --ip 127.0.0.1 --log-level error --metrics-port 0
    --sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal)
  if [ "$ui" = headless ]; then args+=(--headless); else
    require_free_port "$ui" "Temporal Web UI" "TEMPORAL_UI_PORT"; args+=(--ui-port "$ui"); fi
  for sa in "${TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do args+=(--search-attribute "$sa"); done
  mkdir -p "$(dirname "$db")"
  "$bin" "${args[@]}" >"$db.log" 2>&1 &
  echo $! >"$pidfile"
  deadline=$((SECONDS + 60))
  until "$bin" operator cluster health --address "127.0.0.1:$port" >/dev/null 2>&1; do
    kill -0 "$(cat "$pidfile")" 2>/dev/null || die "Temporal dev server exited; its log: $db.log"
    ((SECONDS < deadline)) || die "Temporal dev server not healthy within 60 s; its log: $db.log"
    sleep 0.3
  done
  # Search attributes already registered (persisted in the SQLite file) are fine.
  for sa in "${TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do
    "$bin" operator search-attribute create --address "127.0.0.1:$port" --name "${sa%%=*}" --type "${sa#*=}" >/dev/null 2>&1 || true
  done
  ;;
stop)
  pidfile="${2:?pid file}"
  if [ -s "$pidfile" ]; then
    pid="$(cat "$pidfile")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
  fi
  ;;
*) die "usage: temporal.sh start DB_FILE PORT UI_PORT|headless PID_FILE | stop PID_FILE" ;;
esac
