#!/usr/bin/env bash
# Debian's docker-compose, used only to validate docker-compose.yml (no Docker engine needed).
source "$(dirname "$0")/common.sh"
command -v docker-compose >/dev/null && exit 0
command -v apt-get >/dev/null || die "docker-compose is missing and apt-get is not available: install docker-compose"
[ "$(id -u)" = 0 ] || die "docker-compose is missing; run as root or: sudo apt-get install -y docker-compose"
say "installing docker-compose from Debian's packages"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null || die "apt-get update failed: the Debian package mirror must be reachable"
apt-get install -y -qq docker-compose >/dev/null || die "apt-get install docker-compose failed"
