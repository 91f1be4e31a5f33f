#!/usr/bin/env bash
# Builds the Temporal CLI (which contains the dev server) with the machine's Go, once, into a cache
# outside the repository so every clone reuses it. Prints the binary's path.
source "$(dirname "$0")/common.sh"

if [ -x "$TEMPORAL_BIN" ]; then echo "$TEMPORAL_BIN"; exit 0; fi
command -v go >/dev/null || die "Go is needed to build the Temporal CLI but 'go' is not on PATH (install Go 1.22+ or put /usr/local/go/bin on PATH)"
mkdir -p "$(dirname "$TEMPORAL_BIN")"
say "building Temporal CLI v$TEMPORAL_CLI_VERSION with $(go version | awk '{print $3}') (first run only, a few minutes)"
GOBIN="$(dirname "$TEMPORAL_BIN")" GOFLAGS=-mod=mod go install "github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_CLI_VERSION" \
  || die "go install github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_CLI_VERSION failed (see the output above; the Go module proxy must be reachable)"
[ -x "$TEMPORAL_BIN" ] || die "the Temporal CLI build finished but $TEMPORAL_BIN is missing"
echo "$TEMPORAL_BIN"
