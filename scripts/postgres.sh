#!/usr/bin/env bash
# postgres.sh start DATA_DIR PORT DATABASE  — a cluster of the project's own, created on first use
# postgres.sh stop DATA_DIR
source "$(dirname "$0")/common.sh"

cmd="${1:-}"; data="${2:-}"
[ -n "$cmd" ] && [ -n "$data" ] || die "usage: postgres.sh start DATA_DIR PORT DATABASE | stop DATA_DIR"
bin="$(bash "$(dirname "$0")/install-postgres.sh")"

case "$cmd" in
start)
  port="${3:?port}"; db="${4:?database}"
  if [ ! -s "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$data"
    chmod 700 "$data"
    as_postgres "$bin/initdb" -D "$data" -U koppeling --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
      || die "initdb failed for $data"
    cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$data'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
shared_buffers = 256MB
CONF
  fi
  if as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    say "PostgreSQL already running in $data"
  else
    require_free_port "$port" "PostgreSQL" "KOPPELING_PG_PORT"
    as_postgres "$bin/pg_ctl" -D "$data" -o "-p $port" -l "$data/server.log" -w -t 60 start >/dev/null \
      || die "PostgreSQL did not start; its log: $data/server.log"
  fi
  if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U koppeling -d postgres -tAc "select 1 from pg_database where datname='$db'" | grep -q 1; then
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U koppeling "$db" || die "could not create database $db"
  fi
  ;;
stop)
  if [ -s "$data/PG_VERSION" ] && as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_postgres "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null || die "PostgreSQL in $data did not stop"
  fi
  ;;
*) die "unknown command $cmd" ;;
esac
