#!/usr/bin/env bash
# npm dependencies, installed from the lock file only when it changed since the last install.
source "$(dirname "$0")/common.sh"
cd "$KOPPELING_ROOT"
stamp="node_modules/.koppeling-lock-hash"
hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$hash" ]; then
  say "installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >&2 || die "npm ci failed (the npm registry must be reachable)"
  echo "$hash" >"$stamp"
fi
