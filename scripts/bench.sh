#!/usr/bin/env bash
# make bench [ARGS="..."]: the one benchmark program, bench/Bench (docs/benchmarks.md). It builds Release, starts its own
# in-memory Azurite per run and the host (in-process, or as child processes for scale-out), needs nothing running
# beforehand, and prints one table at the end. ARGS="--list" shows the scenarios, their sizes and time bounds.
set -euo pipefail
cd "$(dirname "$0")/.."
read -ra args <<< "${ARGS:-}"
exec dotnet run -c Release --project bench/Bench -- "${args[@]}"
