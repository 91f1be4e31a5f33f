#!/usr/bin/env bash
# npm run bench [-- --scenario NAME --size N]: performance scenarios on the real stack of this machine.
# A table for people on stderr/stdout, and one JSON object on the last line of stdout.
source "$(dirname "$0")/common.sh"
cd "$KOPPELING_ROOT"
bash scripts/install-deps.sh
bash scripts/install-temporal.sh >/dev/null
bash scripts/install-postgres.sh >/dev/null
STACK_NAME=bench PG_PORT="${KOPPELING_BENCH_PG_PORT:-55449}" TEMPORAL_PORT="${KOPPELING_BENCH_TEMPORAL_PORT:-7259}" TEMPORAL_UI=headless
source scripts/stack.sh
bash scripts/postgres.sh stop "$PG_DATA" >/dev/null 2>&1 || true
rm -rf "$PG_DATA" "$STACK_DIR"/temporal.sqlite*
stack_start koppeling_bench "$STACK_DIR/temporal.sqlite" >&2
export LOG_LEVEL=warn
say "compiling (the benchmark runs the compiled worker, as a deployment does)"
npx tsc -p tsconfig.build.json
npx tsx bench/main.ts "$@"
