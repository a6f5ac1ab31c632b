#!/usr/bin/env bash
# make bench: the benchmarks under bench/. They run against a live host: start `make run` in another terminal first.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! curl -sf http://localhost:7071/healthz >/dev/null; then
  echo "No host on http://localhost:7071: start 'make run' in another terminal, then run 'make bench' again." >&2
  exit 1
fi
bench/create-to-active.sh "${N:-30}"
