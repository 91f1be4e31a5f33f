# Shared helpers for the project's shell scripts. Source it; do not run it.
set -euo pipefail

KOPPELING_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KOPPELING_CACHE_DIR="${KOPPELING_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/koppeling}"
TEMPORAL_CLI_VERSION="1.5.1"
TEMPORAL_BIN="$KOPPELING_CACHE_DIR/temporal-cli-$TEMPORAL_CLI_VERSION/temporal"
# Search attributes the workflows set; registered on every dev server start.
TEMPORAL_SEARCH_ATTRIBUTES=(KoppelingTenantId=Keyword KoppelingKind=Keyword KoppelingInvoiceNumber=Keyword)

say() { printf '[koppeling] %s\n' "$*" >&2; }
die() { printf '[koppeling] error: %s\n' "$*" >&2; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

require_free_port() {
  if port_in_use "$1"; then
    die "port $1 ($2) is already in use. Stop whatever listens there (ss -ltnp 'sport = :$1') or choose another port with $3."
  fi
}

wait_for_port() { # port seconds what
  local deadline=$((SECONDS + $2))
  until port_in_use "$1"; do
    ((SECONDS < deadline)) || die "$3 did not start listening on port $1 within $2 s"
    sleep 0.2
  done
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
