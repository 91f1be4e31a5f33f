#!/usr/bin/env bash
# Debian's Chromium, driven headless by playwright-core in the Temporal UI browser test.
source "$(dirname "$0")/common.sh"
CHROMIUM_BIN=/usr/bin/chromium
[ -x "$CHROMIUM_BIN" ] && exit 0
command -v apt-get >/dev/null || die "$CHROMIUM_BIN is missing and apt-get is not available: install Chromium so that $CHROMIUM_BIN exists"
[ "$(id -u)" = 0 ] || die "$CHROMIUM_BIN is missing; run as root or: sudo apt-get install -y chromium"
say "installing chromium from Debian's packages"
export DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1
apt-get update -qq >/dev/null || die "apt-get update failed: the Debian package mirror must be reachable"
apt-get install -y -qq --no-install-recommends chromium >/dev/null || die "apt-get install chromium failed"
[ -x "$CHROMIUM_BIN" ] || die "the chromium package is installed but $CHROMIUM_BIN is missing"
"$CHROMIUM_BIN" --version >/dev/null 2>&1 || die "$CHROMIUM_BIN is installed but does not start: run '$CHROMIUM_BIN --version' to see why"
