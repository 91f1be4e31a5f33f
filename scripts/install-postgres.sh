#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages when it is not there yet. Prints its bin directory.
source "$(dirname "$0")/common.sh"

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

bin="$(find_pg_bin)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  command -v apt-get >/dev/null || die "PostgreSQL is not installed and apt-get is not available: install PostgreSQL 15+ and retry"
  [ "$(id -u)" = 0 ] || die "PostgreSQL is not installed; run as root or: sudo apt-get install -y postgresql"
  say "installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || die "apt-get update failed: the Debian package mirror must be reachable"
  apt-get install -y -qq postgresql >/dev/null || die "apt-get install postgresql failed (see apt's output above)"
  bin="$(find_pg_bin)"
  [ -x "$bin/initdb" ] || die "postgresql was installed but no initdb was found under /usr/lib/postgresql"
fi
echo "$bin"
